import { stepDetail, stepTitle, type ExchangeError } from '@sync-admin/domain';
import {
  AutodiscoverErrorCode,
  AutodiscoverResponseException,
  AutodiscoverService,
  ExchangeVersion,
  Uri,
  UserSettingName,
  type ExchangeCredentials,
} from 'ews-javascript-api';
import type { SrvRecord } from 'node:dns';
import type { TraceStep } from './connectivity-trace.ts';
import { classifyEwsFailure, failure, type Failure } from './ews-error-classifier.ts';
import type { EwsTransport, TransportCall } from './ews-transport.ts';

export type SrvResolver = (name: string) => Promise<SrvRecord[]>;

export interface AutodiscoverContext {
  /** For the SOAP endpoints: the channel's own credentials, through its transport. */
  credentials: ExchangeCredentials;
  transport: EwsTransport;
  /** For the HTTP redirect method, which is anonymous. */
  anonymous: EwsTransport;
  resolveSrv: SrvResolver;
  timeoutMs: number;
  toError: (found: Failure) => ExchangeError;
  /** Adds the DNS, connect and TLS steps of connections a call opened. */
  describeConnections: (step: TraceStep, call: TransportCall, error: ExchangeError | null) => void;
}

export type DiscoveryResult = { ok: true; url: string } | { ok: false; error: ExchangeError };

/** Microsoft's limit on address and URL redirections in one discovery. */
const MAX_REDIRECTIONS = 10;

type Attempt =
  | { kind: 'found'; url: string }
  | { kind: 'redirectAddress'; email: string }
  | { kind: 'redirectUrl'; url: string }
  | { kind: 'final'; failure: Failure }
  | { kind: 'failed'; reason: string };

/**
 * SOAP Autodiscover in the order Microsoft documents for clients: https://<domain>/autodiscover/autodiscover.svc,
 * https://autodiscover.<domain>/…, the HTTP redirect method (GET http://autodiscover.<domain>/autodiscover/
 * autodiscover.xml, following a 302 only to https), then the _autodiscover._tcp SRV record. Every URL tried is a
 * step of the trace with what it answered, and the failure names them all (the library would only say "Not
 * implemented."). Each endpoint is called through AutodiscoverService with its URL set, one POST per URL.
 */
export async function discoverEwsUrl(email: string, context: AutodiscoverContext, parent: TraceStep): Promise<DiscoveryResult> {
  const step = parent.child('autodiscover', stepTitle('AUTODISCOVER', { email }));
  const tried: string[] = [];
  const seen = new Set<string>();
  let address = email;
  for (let hop = 0; hop <= MAX_REDIRECTIONS; hop++) {
    const result = await discoverFor(address, context, step, tried);
    if (result.kind === 'found') {
      step.succeed(stepDetail('EWS_URL_FOUND', { url: result.url }));
      return { ok: true, url: result.url };
    }
    if (result.kind === 'final') {
      const error = context.toError(result.failure);
      step.fail(error);
      return { ok: false, error };
    }
    if (result.kind !== 'redirectAddress' || seen.has(result.email.toLowerCase())) break;
    seen.add(address.toLowerCase());
    address = result.email;
  }
  const error = context.toError(failure('AutodiscoverFailed',
    `The mailbox location could not be determined: no Autodiscover endpoint returned an EWS URL for ${email}. Tried ${tried.join('; ')}.`));
  step.fail(error);
  return { ok: false, error };
}

async function discoverFor(email: string, context: AutodiscoverContext, parent: TraceStep, tried: string[]): Promise<Attempt> {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const candidates = [`https://${domain}/autodiscover/autodiscover.svc`, `https://autodiscover.${domain}/autodiscover/autodiscover.svc`];
  for (const url of candidates) {
    const attempt = await followSoap(url, email, context, parent, tried);
    if (attempt.kind !== 'failed') return attempt;
  }
  const redirected = await redirectMethod(domain, context, parent, tried);
  if (redirected) {
    const attempt = await followSoap(redirected, email, context, parent, tried);
    if (attempt.kind !== 'failed') return attempt;
  }
  const fromSrv = await srvRecord(domain, context, parent, tried);
  if (fromSrv) {
    const attempt = await followSoap(fromSrv, email, context, parent, tried);
    if (attempt.kind !== 'failed') return attempt;
  }
  return { kind: 'failed', reason: 'no endpoint answered' };
}

/** One SOAP endpoint, following URL redirections it answers with (https only). */
async function followSoap(url: string, email: string, context: AutodiscoverContext, parent: TraceStep, tried: string[]): Promise<Attempt> {
  let current = url;
  for (let hop = 0; hop < MAX_REDIRECTIONS; hop++) {
    const attempt = await getUserSettings(current, email, context, parent, tried);
    if (attempt.kind !== 'redirectUrl') return attempt;
    if (!attempt.url.toLowerCase().startsWith('https://')) {
      tried.push(`${current} (redirected to ${attempt.url}, not https: not followed)`);
      return { kind: 'failed', reason: 'redirect to http' };
    }
    current = attempt.url;
  }
  return { kind: 'failed', reason: 'too many redirections' };
}

async function getUserSettings(url: string, email: string, context: AutodiscoverContext, parent: TraceStep, tried: string[]): Promise<Attempt> {
  const step = parent.child('autodiscover', stepTitle('AUTODISCOVER_SOAP', { url }));
  const service = new AutodiscoverService(new Uri(url), ExchangeVersion.Exchange2013_SP1);
  service.Credentials = context.credentials;
  service.XHRApi = context.transport;
  const call = context.transport.beginCall();
  try {
    const responses = await service.GetUsersSettings([email], UserSettingName.ExternalEwsUrl, UserSettingName.InternalEwsUrl);
    const response = responses.__thisIndexer(0);
    context.describeConnections(step, call, null);
    switch (response.ErrorCode) {
      case AutodiscoverErrorCode.NoError: {
        const external = settingText(response.GetSettingValue(UserSettingName.ExternalEwsUrl));
        const internal = settingText(response.GetSettingValue(UserSettingName.InternalEwsUrl));
        const found = external ?? internal;
        if (found) {
          step.succeed(`${external ? 'ExternalEwsUrl' : 'InternalEwsUrl'} ${found}`);
          return { kind: 'found', url: found };
        }
        return failedAttempt(step, context, tried, url, failure('AutodiscoverFailed', `${url} answered without an EWS URL for ${email}.`), call);
      }
      case AutodiscoverErrorCode.InvalidUser: {
        const found = failure('AutodiscoverInvalidUser', `${url} answered InvalidUser: Autodiscover has no user ${email}.`);
        step.fail(context.toError(found));
        return { kind: 'final', failure: found };
      }
      case AutodiscoverErrorCode.RedirectAddress:
        step.succeed(stepDetail('REDIRECTED_TO_ADDRESS', { address: response.RedirectTarget }));
        tried.push(`${url} (redirected to ${response.RedirectTarget})`);
        return { kind: 'redirectAddress', email: response.RedirectTarget };
      case AutodiscoverErrorCode.RedirectUrl:
        step.succeed(stepDetail('REDIRECTED_TO_URL', { url: response.RedirectTarget }));
        tried.push(`${url} (redirected to ${response.RedirectTarget})`);
        return { kind: 'redirectUrl', url: response.RedirectTarget };
      default:
        return failedAttempt(step, context, tried, url, failure('AutodiscoverFailed',
          `${url} answered ${AutodiscoverErrorCode[response.ErrorCode] ?? 'an error'}${response.ErrorMessage ? `: ${response.ErrorMessage}` : ''}.`), call);
    }
  } catch (error) {
    const found = error instanceof AutodiscoverResponseException
      ? failure('AutodiscoverFailed', `${url} answered ${AutodiscoverErrorCode[error.ErrorCode] ?? 'an error'}: ${error.Message}`)
      : classifyEwsFailure(error, call);
    return failedAttempt(step, context, tried, url, found, call);
  }
}

/** The HTTP redirect method: anonymous GET over http, a 302 to https names the Autodiscover host. */
async function redirectMethod(domain: string, context: AutodiscoverContext, parent: TraceStep, tried: string[]): Promise<string | null> {
  const url = `http://autodiscover.${domain}/autodiscover/autodiscover.xml`;
  const step = parent.child('autodiscover', stepTitle('AUTODISCOVER_REDIRECT_METHOD', { url }));
  const call = context.anonymous.beginCall();
  try {
    await context.anonymous.xhr({ type: 'GET', url, headers: {} });
  } catch {
    // Any answer but 200 rejects; the record says what it was.
  }
  const response = call.exchanges.at(-1)?.response ?? null;
  const location = response?.headers.location;
  if (response?.status === 302 && location) {
    context.describeConnections(step, call, null);
    let target: URL | null = null;
    try {
      target = new URL(location, url);
    } catch {
      target = null;
    }
    if (target?.protocol === 'https:') {
      step.succeed(`302 to ${target.toString()}`);
      return `https://${target.host}/autodiscover/autodiscover.svc`;
    }
    failedAttempt(step, context, tried, url, failure('RedirectNotFollowed', `${url} redirected to ${location}, which is not https: not followed.`), call);
    return null;
  }
  const found = call.failure
    ? failure(call.failure.code, call.failure.message)
    : failure('AutodiscoverFailed', `${url} answered ${response ? `HTTP ${response.status}` : 'nothing'}, not a 302 redirect.`, { httpStatus: response?.status ?? null });
  failedAttempt(step, context, tried, url, found, call);
  return null;
}

async function srvRecord(domain: string, context: AutodiscoverContext, parent: TraceStep, tried: string[]): Promise<string | null> {
  const name = `_autodiscover._tcp.${domain}`;
  const step = parent.child('dns', stepTitle('AUTODISCOVER_SRV', { name }));
  let records: SrvRecord[];
  try {
    records = await withTimeout(context.resolveSrv(name), context.timeoutMs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ETIMEDOUT' ? 'DNS did not answer in time' : code === 'ENOTFOUND' || code === 'ENODATA' ? 'no such record' : `lookup failed (${code ?? 'DNS error'})`;
    tried.push(`SRV ${name} (${reason})`);
    step.fail(context.toError(failure('AutodiscoverFailed', `${name}: ${reason}.`)));
    return null;
  }
  // Lowest priority first, then the heaviest weight, as RFC 2782 orders them.
  const best = [...records].sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
  if (!best) {
    tried.push(`SRV ${name} (no such record)`);
    step.fail(context.toError(failure('AutodiscoverFailed', `${name}: no such record.`)));
    return null;
  }
  const host = best.name.replace(/\.$/, '');
  step.succeed(`${host}:${best.port}`);
  return `https://${host}${best.port === 443 ? '' : `:${best.port}`}/autodiscover/autodiscover.svc`;
}

function failedAttempt(step: TraceStep, context: AutodiscoverContext, tried: string[], url: string, found: Failure, call: TransportCall): Attempt {
  const error = context.toError(found);
  context.describeConnections(step, call, error);
  step.fail(error, call.connectFailure ? null : (call.exchanges.at(-1) ?? null));
  tried.push(`${url} (${shortReason(error.message)})`);
  return { kind: 'failed', reason: error.message };
}

function shortReason(message: string): string {
  return message.length > 140 ? `${message.slice(0, 139)}…` : message;
}

function settingText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
