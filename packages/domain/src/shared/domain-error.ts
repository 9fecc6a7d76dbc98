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

export interface FieldError {
  /** The request field at fault, as the API names it. */
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  /** The code Dynamics 365 shows for the same refusal (e.g. 0x80090904), so admins can match it with Microsoft's documentation. */
  dynamicsErrorCode?: string;
  /** For RATE_LIMITED and UNAVAILABLE: when the client may try again (the API sends it as Retry-After). */
  retryAfterSeconds?: number;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly dynamicsErrorCode?: string;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message: string, fieldErrors: FieldError[] = [], options: DomainErrorOptions = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.dynamicsErrorCode = options.dynamicsErrorCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  const first = fieldErrors[0];
  const message =
    fieldErrors.length === 1 && first ? first.message : `${fieldErrors.length} fields need attention.`;
  return new DomainError('VALIDATION_FAILED', message, fieldErrors);
}

/** A write that named a version someone else has replaced meanwhile: nothing was changed (decision 35). */
export function staleRecord(what: string): DomainError {
  return new DomainError('STALE_RECORD', `Someone else changed ${what} after you opened it, so nothing was saved. Reload to see the current values, then make your change again.`);
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} was not found.`);
}
