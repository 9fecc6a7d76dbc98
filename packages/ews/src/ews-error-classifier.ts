import {
  EXCHANGE_ERROR_CATALOG,
  ewsResponseCodeToErrorCode,
  exchangeErrorDefinition,
  httpStatusToErrorCode,
  sanitizeExchangeText,
  type ExchangeError,
  type ExchangeErrorCode,
  type SecretForms,
} from '@sync-admin/domain';
import { ServiceError, ServiceResponseException, SoapFaultDetails } from 'ews-javascript-api';
import type { TransportCall } from './ews-transport.ts';

/** A failure before it is made safe to keep: a catalog code, the exact sentence, and what Exchange said about it. */
export interface Failure {
  code: ExchangeErrorCode;
  message: string;
  httpStatus: number | null;
  backOffMs: number | null;
}

/** What an admin reads for a bug or an unexpected library error: never its internal text. */
export const UNEXPECTED_MESSAGE = 'The check failed in a way this portal did not expect; test again, and report it if it keeps failing.';

export function failure(code: ExchangeErrorCode, message: string, extra: Partial<Pick<Failure, 'httpStatus' | 'backOffMs'>> = {}): Failure {
  return { code, message, httpStatus: extra.httpStatus ?? null, backOffMs: extra.backOffMs ?? null };
}

/** The failure as the portal keeps it: class from the catalog, message sanitised (every secret masked) and bounded. */
export function toExchangeError(found: Failure, secrets: readonly SecretForms[]): ExchangeError {
  return {
    code: found.code,
    errorClass: exchangeErrorDefinition(found.code).errorClass,
    message: sanitizeExchangeText(found.message, secrets),
    backOffMs: found.backOffMs,
    httpStatus: found.httpStatus,
  };
}

/**
 * Failures that are not about one channel: the server, the way to it, the credential or the token. The other
 * channels of the mailbox that use the same server and credential get the same error without another round trip.
 */
export function isConnectionLevel(code: string): boolean {
  const definition = exchangeErrorDefinition(code);
  if (['network', 'tls', 'entra', 'http', 'autodiscover'].includes(definition.source)) return true;
  return ['KerberosUnsupported', 'AuthenticationProtocolNotOffered', 'ErrorServerBusy', 'ErrorImpersonateUserDenied',
    'ErrorImpersonationDenied', 'InvalidExchangeResponse', 'ErrorExceededConnectionCount'].includes(code);
}

/** A failure that says the EWS URL no longer points at a working server, so Autodiscover should look again. */
export function isLocationFailure(code: string): boolean {
  return ['HTTP404', 'HostNotFound', 'ConnectionRefused', 'NetworkUnreachable', 'Timeout', 'TlsCertificateNameMismatch'].includes(code);
}

interface ErrorDetailsLike {
  get(key: string): unknown;
}

/**
 * What went wrong in one EWS or Autodiscover call, read the way FACTS §2d says ews-javascript-api reports it: by
 * class first (ServiceResponseException for HTTP 200 with ResponseClass="Error", SoapFaultDetails for SOAP faults
 * and other statuses), then by status and code. The transport's own record comes first: socket, TLS, policy and
 * authentication failures reach the library only as text.
 */
export function classifyEwsFailure(error: unknown, call: TransportCall): Failure {
  if (call.failure) return failure(call.failure.code, call.failure.message, { httpStatus: call.failure.httpStatus });
  const last = call.exchanges.at(-1)?.response ?? null;
  const rawCode = last ? responseCodeIn(last.body) : null;
  const origin = call.exchanges.at(-1) ? new URL(call.exchanges.at(-1)?.url ?? 'https://server').origin : 'The server';

  if (error instanceof ServiceResponseException) {
    const named = ServiceError[error.ErrorCode] as string | undefined;
    const code = ewsResponseCodeToErrorCode(pickCode(named, rawCode));
    const message = withCode(code, rawCode ?? named, error.Message);
    return failure(code, message, { httpStatus: last?.status ?? 200, backOffMs: backOff(error.Response?.ErrorDetails as ErrorDetailsLike | undefined) });
  }
  if (error instanceof SoapFaultDetails && isSoapFault(error)) {
    const fault = error as unknown as { ResponseCode?: number; ErrorDetails?: ErrorDetailsLike; FaultCode?: string; HttpStatusCode?: number; FaultString?: unknown };
    const named = fault.ResponseCode === undefined ? undefined : (ServiceError[fault.ResponseCode] as string | undefined);
    const faultCode = typeof fault.FaultCode === 'string' ? fault.FaultCode.replace(/^\s*\w+:/, '').trim() : null;
    const code = ewsResponseCodeToErrorCode(pickCode(named, rawCode ?? faultCode));
    const text = error.message || faultString(fault.FaultString) || EXCHANGE_ERROR_CATALOG[code].meaning;
    return failure(code, withCode(code, rawCode ?? faultCode ?? named, text), { httpStatus: fault.HttpStatusCode ?? last?.status ?? 500, backOffMs: backOff(fault.ErrorDetails) });
  }
  if (last && last.status !== 200) {
    const code = httpStatusToErrorCode(last.status);
    return failure(code, describeHttpStatus(origin, last.status, last.statusText, last.headers, last.body), {
      httpStatus: last.status,
      backOffMs: retryAfterMs(last.headers['retry-after']),
    });
  }
  if (last) {
    const isHtml = /html/i.test(last.headers['content-type'] ?? '') || /^\s*<(!doctype\s+html|html)/i.test(last.body);
    return failure('InvalidExchangeResponse', isHtml
      ? `${origin} answered with an HTML page instead of an EWS SOAP message (a proxy or sign-in page may be answering in Exchange's place).`
      : `${origin} answered with something that is not a valid EWS SOAP message (malformed or unexpected XML).`, { httpStatus: last.status });
  }
  // Nothing reached the wire: the request could not be built. Never the library's internal text.
  return failure('UnexpectedError', 'The check could not prepare its request to Exchange.');
}

/** The ResponseCode Exchange sent, read from the raw answer: the library maps codes it does not know to ErrorInternalServerError. */
function responseCodeIn(body: string): string | null {
  return /<(?:\w+:)?ResponseCode>\s*([A-Za-z0-9]+)\s*</.exec(body)?.[1] ?? null;
}

function pickCode(named: string | undefined, raw: string | null): string {
  if (raw && raw !== 'NoError') return raw;
  return named ?? 'ExchangeError';
}

/** Codes the catalog does not know keep Exchange's own name in the message. */
function withCode(code: ExchangeErrorCode, raw: string | null | undefined, text: string): string {
  const sentence = text.trim() || EXCHANGE_ERROR_CATALOG[code].meaning;
  return code === 'ExchangeError' && raw ? `${raw}: ${sentence}` : sentence;
}

function isSoapFault(error: SoapFaultDetails): boolean {
  const fault = error as unknown as { FaultCode?: unknown; HttpStatusCode?: number };
  return typeof fault.FaultCode === 'string' && fault.FaultCode.trim() !== '';
}

function faultString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'faultstring' in value) return String((value as { faultstring: unknown }).faultstring);
  return '';
}

/** BackOffMilliseconds arrives as a string in MessageXml. */
function backOff(details: ErrorDetailsLike | undefined): number | null {
  const value = details?.get('BackOffMilliseconds');
  const ms = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : null;
}

function retryAfterMs(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

function describeHttpStatus(origin: string, status: number, statusText: string, headers: Record<string, string>, body: string): string {
  const line = `${status}${statusText ? ` ${statusText}` : ''}`;
  switch (status) {
    case 401: {
      // Exchange Online explains refused tokens here, e.g. 2000001;reason="The token is invalid.";error_category="invalid_token".
      const reason = /reason="([^"]*)"/.exec(headers['x-ms-diagnostics'] ?? '')?.[1];
      return `${origin} answered ${line}: it refused the credentials${reason ? ` (${reason})` : ''}.`;
    }
    case 403:
      return `${origin} answered ${line}: it refuses EWS requests from this account.`;
    case 404:
      return `${origin} answered ${line}: there is no EWS endpoint at this address.`;
    case 500:
      return `${origin} answered ${line} with ${/<(?:\w+:)?Envelope[\s>]/.test(body) ? 'a SOAP message that is not a fault' : 'a body that is not a SOAP fault'}.`;
    default:
      if (status >= 300 && status < 400) {
        const location = headers.location ? ` to ${safeOrigin(headers.location)}` : '';
        return `${origin} answered ${line}, a redirect${location}; EWS requests are not redirected.`;
      }
      return `${origin} answered ${line}.`;
  }
}

function safeOrigin(location: string): string {
  try {
    return new URL(location).origin;
  } catch {
    return 'another address';
  }
}
