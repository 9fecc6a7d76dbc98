import { DomainError, type ErrorCode, type FieldError, type MessageParams } from '@sync-admin/domain';
import { errorResponseSchema, type ErrorResponse } from '@sync-admin/contract';
import { Prisma, sqlStateOf } from '@sync-admin/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

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
  message: string,
  fieldErrors: FieldError[] = [],
  { dynamicsErrorCode, params }: { dynamicsErrorCode?: string; params?: MessageParams } = {},
) {
  const body: ErrorResponse = { error: { code, message, ...(params ? { params } : {}), fieldErrors, ...(dynamicsErrorCode ? { dynamicsErrorCode } : {}) } };
  return reply.status(STATUS_BY_CODE[code]).type('application/json').send(body);
}

/** fastify-type-provider-zod's shape of a zod issue. */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  params?: { keys?: string[] };
  message?: string;
}

/** Request-validation issues (zod, via fastify-type-provider-zod) as field errors named like the request fields. */
function validationFieldErrors(error: FastifyError): FieldError[] {
  const issues = (error.validation ?? []) as ValidationIssue[];
  return issues.flatMap((issue) => {
    const path = (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      // Nested keys keep their path (target.filter.ownerId), so a form can put the error on the right field.
      return issue.params.keys.map((key) => ({ field: [path, key].filter(Boolean).join('.'), message: `"${key}" is not a field of this request.` }));
    }
    return { field: path || (error.validationContext ?? 'body'), message: issue.message ?? 'Invalid value.' };
  });
}

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
    message: 'The request holds text that cannot be stored: remove NUL characters and unpaired surrogates.',
  },
  {
    // invalid datetime format, datetime field overflow; Prisma cannot send years outside 0–9999 or an invalid Date
    sqlStates: ['22007', '22008'],
    prismaMessage: /Provided Date object is invalid|\$type": String\("DateTime"\)/,
    message: 'The request holds a date that cannot be stored: use a date between the years 1 and 9999.',
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
    return sendError(reply, error.code, error.message, error.fieldErrors, { dynamicsErrorCode: error.dynamicsErrorCode, params: error.params });
  }
  if (error.validation) {
    const fieldErrors = validationFieldErrors(error);
    const where = error.validationContext === 'querystring' ? 'query string' : error.validationContext;
    return sendError(reply, 'VALIDATION_FAILED', `The request ${where} is invalid: ${fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, fieldErrors);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    // A unique index caught a race the domain's own check missed.
    if (error.code === 'P2002') return sendError(reply, 'CONFLICT', 'A record with the same values already exists.');
    if (error.code === 'P2025') return sendError(reply, 'NOT_FOUND', 'The record was not found.');
    // Every pooled connection stayed busy past Prisma's wait to start a transaction: overload, not a bug.
    if (error.code === 'P2028' && /Unable to start a transaction in the given time/.test(error.message)) {
      request.log.warn('database busy: a transaction could not start in time');
      return sendError(reply.header('retry-after', '1'), 'UNAVAILABLE', 'The portal is busy. Try again in a moment.');
    }
  }
  const sqlState = sqlStateOf(error);
  const unstorable = unstorableInput(error, sqlState);
  if (unstorable) {
    // The client's mistake, but one the request schemas should have caught: worth a warning, never a stack trace.
    request.log.warn({ sqlState }, `input refused by the database: ${unstorable.message}`);
    return sendError(reply, 'VALIDATION_FAILED', unstorable.message);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large, bad URL encoding…
    const body: ErrorResponse = { error: { code: 'VALIDATION_FAILED', message: error.message, fieldErrors: [] } };
    return reply.status(error.statusCode).type('application/json').send(body);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(reply, 'INTERNAL', 'Something went wrong on our side. The error has been logged.');
}

export default fp(
  async function errorHandler(app: FastifyInstance) {
    app.setErrorHandler(replyWithError);
  },
  { name: 'error-handler' },
);
