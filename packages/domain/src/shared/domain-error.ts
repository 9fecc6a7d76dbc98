/**
 * The one error model from domain to HTTP to UI: a stable code, a human message, and, for validation
 * failures, the fields at fault. The API maps codes to statuses in one table; the UI reads the same shape.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'NOT_AUTHENTICATED',
  'ACCESS_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  /** Optimistic concurrency: the record changed since the client read it (its version is no longer current). */
  'STALE_RECORD',
  'DEFAULT_PROFILE_REQUIRED',
  'CSRF_TOKEN_INVALID',
  'RATE_LIMITED',
  /** Overloaded: every database connection stayed busy; the same request may succeed in a moment. */
  'UNAVAILABLE',
  'INTERNAL',
  // Seed 000, "Delegate mailbox approval": the two refusals Dynamics 365 gives when assigning that role.
  'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED',
  'DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Values a message code's sentence is filled with: `{{label}} can be at most {{max}} characters.` */
export type MessageParams = Record<string, string | number>;

export interface FieldError {
  /** The request field at fault, as the API names it. */
  field: string;
  /** The English sentence: what the API has always said, and what a UI without a translation shows. */
  message: string;
  /**
   * The stable name of the sentence (decision 51), for a UI to say it in its own language with `params`.
   * Renaming one breaks every translation of it: add a new code instead.
   */
  code?: string;
  params?: MessageParams;
}

export interface DomainErrorOptions {
  /** The code Dynamics 365 shows for the same refusal (e.g. 0x80090904), so admins can match it with Microsoft's documentation. */
  dynamicsErrorCode?: string;
  /** For RATE_LIMITED and UNAVAILABLE: when the client may try again (the API sends it as Retry-After). */
  retryAfterSeconds?: number;
  /** What the message's code's sentence is filled with, when it has variable parts (decision 51). */
  params?: MessageParams;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly dynamicsErrorCode?: string;
  readonly retryAfterSeconds?: number;
  readonly params?: MessageParams;

  constructor(code: ErrorCode, message: string, fieldErrors: FieldError[] = [], options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.dynamicsErrorCode = options.dynamicsErrorCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.params = options.params;
  }
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  const first = fieldErrors[0];
  if (fieldErrors.length === 1 && first) return new DomainError('VALIDATION_FAILED', first.message, fieldErrors);
  return new DomainError('VALIDATION_FAILED', `${fieldErrors.length} fields need attention.`, fieldErrors, { params: { count: fieldErrors.length } });
}

/** "Name is required.": the one sentence, and code, for every required field. */
export const requiredFieldError = (field: string, label: string): FieldError =>
  ({ field, code: 'FIELD_REQUIRED', params: { label }, message: `${label} is required.` });

/** "Name can be at most 100 characters." */
export const tooLongFieldError = (field: string, label: string, max: number): FieldError =>
  ({ field, code: 'FIELD_TOO_LONG', params: { label, max }, message: `${label} can be at most ${max} characters.` });

/** A write that named a version someone else has replaced meanwhile: nothing was changed (decision 35). */
export function staleRecord(what: string): DomainError {
  return new DomainError('STALE_RECORD', `Someone else changed ${what} after you opened it, so nothing was saved. Reload to see the current values, then make your change again.`);
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} was not found.`);
}
