import { DomainError, type ErrorCode, type FieldError, type ServerMessage } from '@sync-admin/domain';
import { errorResponseSchema, type ErrorResponse } from '@sync-admin/contract';
import { Prisma, sqlStateOf } from '@sync-admin/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { issueCode, type IssueDetails } from '../../lib/zod-issue-codes.ts';

/** The one table from error code to HTTP status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_AUTHENTICATED: 401,
  CSRF_TOKEN_INVALID: 403,
  ACCESS_DENIED: 403,
  DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED: 403,
  DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_RECORD: 409,
  DEFAULT_PROFILE_REQUIRED: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The error answers every environment route documents: reads can't conflict, writes can. */
export const READ_ERROR_RESPONSES = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
export const WRITE_ERROR_RESPONSES = { ...READ_ERROR_RESPONSES, 409: errorResponseSchema };

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  { code: messageCode, message, params }: ServerMessage,
  fieldErrors: FieldError[] = [],
  { dynamicsErrorCode }: { dynamicsErrorCode?: string } = {},
) {
  const body: ErrorResponse = {
    error: { code, messageCode, message, ...(params ? { params } : {}), fieldErrors, ...(dynamicsErrorCode ? { dynamicsErrorCode } : {}) },
  };
  return reply.status(STATUS_BY_CODE[code]).type('application/json').send(body);
}

/** fastify-type-provider-zod's shape of a zod issue. */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  params?: IssueDetails & { keys?: string[] };
  message?: string;
}

/** Request-validation issues (zod, via fastify-type-provider-zod) as field errors named like the request fields. */
function validationFieldErrors(error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as ValidationIssue[];
  return issues.flatMap((issue): FieldError[] => {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      // Nested keys keep their path (target.filter.ownerId), so a form can put the error on the right field.
      return issue.params.keys.map((key) => ({
        field: [path, key].filter(Boolean).join('.'), code: 'FIELD_NOT_IN_REQUEST', params: { key }, message: `"${key}" is not a field of this request.`,
      }));
    }
    const field = path || (error.validationContext ?? 'body');
    return [{ field, ...issueCode(issue.keyword, issue.params ?? {}, field), message: issue.message ?? 'Invalid value.' }];
  });
}

/** "The request body is invalid: …": one code per part of the request; the web says the details field by field. */
const REQUEST_INVALID_CODES: Record<string, string> = {
  body: 'REQUEST_BODY_INVALID', querystring: 'REQUEST_QUERY_INVALID', params: 'REQUEST_PARAMS_INVALID', headers: 'REQUEST_HEADERS_INVALID',
};

/** Fastify's own refusals of a request it cannot read, by their FST_ code: the sentence the web says instead. */
const FASTIFY_REFUSAL_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_BODY_EMPTY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_JSON_INVALID',
  FST_ERR_BAD_URL: 'REQUEST_URL_INVALID',
};
const fastifyErrorCode = (code: string | undefined) => FASTIFY_REFUSAL_CODES[code ?? ''] ?? 'REQUEST_REFUSED';

/**
 * Last line behind the contract's text() and isoDateTime(): input the database refuses to store (PostgreSQL and
 * PGlite by SQLSTATE) or Prisma refuses to send (by message: it has no code for these) is the client's mistake.
 */
const UNSTORABLE_INPUT = [
  {
    // invalid byte sequence (NUL), unsupported Unicode escape; Prisma's JSON protocol chokes on the \u escape of
    // an unpaired surrogate ("lone leading surrogate in hex escape", "unexpected end of hex escape")
    sqlStates: ['22021', '22P05'],
    prismaMessage: /hex escape/,
    message: { code: 'UNSTORABLE_TEXT', message: 'The request holds text that cannot be stored: remove NUL characters and unpaired surrogates.' },
  },
  {
    // invalid datetime format, datetime field overflow; Prisma cannot send years outside 0–9999 or an invalid Date
    sqlStates: ['22007', '22008'],
    prismaMessage: /Provided Date object is invalid|\$type": String\("DateTime"\)/,
    message: { code: 'UNSTORABLE_DATE', message: 'The request holds a date that cannot be stored: use a date between the years 1 and 9999.' },
  },
];

function unstorableInput(error: unknown, sqlState: string | undefined) {
  const isPrismaRefusal = error instanceof Prisma.PrismaClientUnknownRequestError || error instanceof Prisma.PrismaClientValidationError;
  return UNSTORABLE_INPUT.find((entry) =>
    (sqlState !== undefined && entry.sqlStates.includes(sqlState)) || (isPrismaRefusal && entry.prismaMessage.test(error.message)));
}

/**
 * The one error handler: domain errors by code, bad requests as 400s, and 5xx details hidden from clients.
 * Also answers Fastify's own routing errors (bad URL encoding, over-long path parameters), see app.ts.
 */
export function replyWithError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
    return sendError(reply, error.code, { code: error.messageCode, params: error.params, message: error.message }, error.fieldErrors, { dynamicsErrorCode: error.dynamicsErrorCode });
  }
  if (error.validation) {
    const fieldErrors = validationFieldErrors(error);
    const where = error.validationContext === 'querystring' ? 'query string' : error.validationContext;
    const details = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    const code = REQUEST_INVALID_CODES[error.validationContext ?? 'body'] ?? 'REQUEST_INVALID';
    return sendError(reply, 'VALIDATION_FAILED', { code, params: { details }, message: `The request ${where} is invalid: ${details}` }, fieldErrors);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // A unique index caught a race the domain's own check missed.
    if (error.code === 'P2002') return sendError(reply, 'CONFLICT', { code: 'RECORD_EXISTS', message: 'A record with the same values already exists.' });
    if (error.code === 'P2025') return sendError(reply, 'NOT_FOUND', { code: 'RECORD_NOT_FOUND', message: 'The record was not found.' });
    // Every pooled connection stayed busy past Prisma's wait to start a transaction: overload, not a bug.
    if (error.code === 'P2028' && /Unable to start a transaction in the given time/.test(error.message)) {
      request.log.warn('database busy: a transaction could not start in time');
      return sendError(reply.header('retry-after', '1'), 'UNAVAILABLE', { code: 'PORTAL_BUSY', message: 'The portal is busy. Try again in a moment.' });
    }
  }
  const sqlState = sqlStateOf(error);
  const unstorable = unstorableInput(error, sqlState);
  if (unstorable) {
    // The client's mistake, but one the request schemas should have caught: worth a warning, never a stack trace.
    request.log.warn({ sqlState }, `input refused by the database: ${unstorable.message.message}`);
    return sendError(reply, 'VALIDATION_FAILED', unstorable.message);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large, bad URL encoding…
    // Fastify's own English sentence, which names what it refused; its FST_ code names the sentence.
    const body: ErrorResponse = { error: { code: 'VALIDATION_FAILED', messageCode: fastifyErrorCode(error.code), message: error.message, fieldErrors: [] } };
    return reply.status(error.statusCode).type('application/json').send(body);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL', { code: 'INTERNAL', message: 'Something went wrong on our side. The error has been logged.' });
}

export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler(replyWithError);
  },
  { name: 'error-handler' },
);
