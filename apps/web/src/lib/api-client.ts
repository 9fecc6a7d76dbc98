import { CSRF_HEADER, type ErrorResponse } from '@sync-admin/contract';
import { i18next } from './i18n.ts';
import { errorBodyText, fieldErrorText, loadErrorMessages } from './server-messages.ts';

type ErrorBody = ErrorResponse['error'];

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

/**
 * `T` is the contract's type of the answer. The answer is not parsed again here: the API checks every answer
 * against the same contract schema before sending it (its response-contract plugin), and parsing would put zod
 * and every response schema on the first screen (decision 59).
 */
async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

// The API's error model, or anything else in front of it answering (a proxy's HTML page, a gateway's JSON).
const isErrorBody = (value: unknown): value is ErrorResponse => {
  const error = (value as Partial<ErrorResponse> | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' && Array.isArray(error.fieldErrors);
};

async function readError(response: Response): Promise<ErrorBody> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) return body.error;
  return {
    code: response.status === 401 ? 'NOT_AUTHENTICATED' : 'INTERNAL',
    message: i18next.t('errors:unreadableAnswer', { status: response.status, statusText: response.statusText, defaultValue: `The server answered ${response.status} ${response.statusText}. Try again later.` }),
    fieldErrors: [],
  };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** Someone else saved the record after it was read: nothing was changed, and a reload shows their values. */
export function isStaleRecord(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'STALE_RECORD';
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError && error.dynamicsErrorCode) return i18next.t('errors:withDynamicsCode', { message: error.message, dynamicsErrorCode: error.dynamicsErrorCode });
  return error instanceof Error ? error.message : i18next.t('errors:unknown');
}
