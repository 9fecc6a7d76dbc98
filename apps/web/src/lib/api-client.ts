import { CSRF_HEADER, errorResponseSchema, type ErrorResponse } from '@sync-admin/contract';
import { i18next } from './i18n.ts';
import { errorBodyText, fieldErrorText, loadErrorMessages } from './server-messages.ts';

type ErrorBody = ErrorResponse['error'];
/** Any contract schema: responses are checked against the contract before a screen sees them. */
type Schema<T> = { parse: (data: unknown) => T };

/** Every non-2xx answer, carrying the API's error model so screens can show messages beside fields. */
export class ApiError extends Error {
  readonly code: ErrorBody['code'];
  readonly status: number;
  /** Each with its `message` in the language shown (decision 51). */
  readonly fieldErrors: ErrorBody['fieldErrors'];
  /** The code Dynamics 365 shows for the same refusal, where there is one (e.g. 0x80090904). */
  readonly dynamicsErrorCode: string | undefined;

  constructor(status: number, body: ErrorBody) {
    // In the language shown, from the codes (decision 51); the English sentence where there is no translation.
    super(errorBodyText(body));
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fieldErrors = body.fieldErrors.map((fieldError) => ({ ...fieldError, message: fieldErrorText(fieldError) }));
    this.dynamicsErrorCode = body.dynamicsErrorCode;
  }
}

// The token lives in the session query; the providers tell the client how to read it, so it has one home.
let readCsrfToken: () => string | undefined = () => undefined;

export function configureCsrfToken(read: () => string | undefined): void {
  readCsrfToken = read;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, schema: Schema<T> | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCsrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const body = await readError(response);
    await loadErrorMessages();
    throw new ApiError(response.status, body);
  }
  if (schema === null || response.status === 204) return undefined as T;
  return schema.parse(await response.json());
}

async function readError(response: Response): Promise<ErrorBody> {
  const parsed = errorResponseSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success) return parsed.data.error;
  return {
    code: response.status === 401 ? 'NOT_AUTHENTICATED' : 'INTERNAL',
    message: i18next.t('errors:unreadableAnswer', { status: response.status, statusText: response.statusText, defaultValue: `The server answered ${response.status} ${response.statusText}. Try again later.` }),
    fieldErrors: [],
  };
}

export const api = {
  get: <T>(path: string, schema: Schema<T>) => request('GET', path, schema),
  post: <T>(path: string, schema: Schema<T>, body?: unknown) => request('POST', path, schema, body),
  patch: <T>(path: string, schema: Schema<T>, body: unknown) => request('PATCH', path, schema, body),
  put: <T>(path: string, schema: Schema<T>, body: unknown) => request('PUT', path, schema, body),
  delete: (path: string) => request<void>('DELETE', path, null),
};

/** Someone else saved the record after it was read: nothing was changed, and a reload shows their values. */
export function isStaleRecord(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'STALE_RECORD';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.dynamicsErrorCode) return i18next.t('errors:withDynamicsCode', { message: error.message, dynamicsErrorCode: error.dynamicsErrorCode });
  return error instanceof Error ? error.message : i18next.t('errors:unknown');
}
