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

/**
 * A sentence the server says (decision 55): its stable code (decision 51: one sentence, one set of params, never
 * reused), the variable parts, and the English text API clients and tests read. The web says it from `errors:code.<code>`.
 */
export interface ServerMessage {
  code: string;
  params?: MessageParams;
  message: string;
}

/** A ServerMessage without its English text, carried beside the text it names (decision 58). */
export type CodedSentence = Omit<ServerMessage, 'message'>;

/** The code and params of a ServerMessage, to carry beside its English text. */
export const codedSentence = ({ code, params }: ServerMessage): CodedSentence => (params === undefined ? { code } : { code, params });

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
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  readonly dynamicsErrorCode?: string;
  readonly retryAfterSeconds?: number;
  /** The sentence's stable code (decision 55); for a one-field VALIDATION_FAILED, that field error's code. */
  readonly messageCode: string;
  readonly params?: MessageParams;

  constructor(code: ErrorCode, message: ServerMessage, fieldErrors: FieldError[] = [], options: DomainErrorOptions = {}) {
    super(message.message);
    this.name = 'DomainError';
    this.code = code;
    this.messageCode = message.code;
    this.params = message.params;
    this.fieldErrors = fieldErrors;
    this.dynamicsErrorCode = options.dynamicsErrorCode;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function validationFailed(fieldErrors: FieldError[]): DomainError {
  const first = fieldErrors[0];
  if (fieldErrors.length === 1 && first) {
    return new DomainError('VALIDATION_FAILED', { code: first.code ?? 'FIELD_INVALID', params: first.params, message: first.message }, fieldErrors);
  }
  return new DomainError('VALIDATION_FAILED', fieldsNeedAttention(fieldErrors.length), fieldErrors);
}

/** "3 fields need attention.": the top-level sentence of a VALIDATION_FAILED with several fields. */
export const fieldsNeedAttention = (count: number): ServerMessage =>
  ({ code: 'FIELDS_NEED_ATTENTION', params: { count }, message: `${count} fields need attention.` });

/** "Name is required.": the one sentence, and code, for every required field. */
export const requiredFieldError = (field: string, label: string): FieldError =>
  ({ field, code: 'FIELD_REQUIRED', params: { label }, message: `${label} is required.` });

/** "Name can be at most 100 characters." */
export const tooLongFieldError = (field: string, label: string, max: number): FieldError =>
  ({ field, code: 'FIELD_TOO_LONG', params: { label, max }, message: `${label} can be at most ${max} characters.` });

/**
 * A write that named a version someone else has replaced meanwhile: nothing was changed (decision 35). One code per
 * record kind, since a translation says the record's name in its own grammar (decision 55).
 */
export function staleRecord(messageCode: string, what: string): DomainError {
  return new DomainError('STALE_RECORD', {
    code: messageCode,
    message: `Someone else changed ${what} after you opened it, so nothing was saved. Reload to see the current values, then make your change again.`,
  });
}

/** "The mailbox was not found.": one code per record kind, as for staleRecord. */
export function notFound(messageCode: string, what: string, params?: MessageParams): DomainError {
  return new DomainError('NOT_FOUND', { code: messageCode, params, message: `${what} was not found.` });
}

/** An access refusal: its own sentence, as every refusal names the privilege it needs. */
export function accessDenied(message: ServerMessage): DomainError {
  return new DomainError('ACCESS_DENIED', message);
}
