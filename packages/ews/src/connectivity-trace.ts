import {
  REDACTED,
  sanitizeExchangeText,
  type ConnectivityStep,
  type ConnectivityStepKind,
  type ConnectivityTrace,
  type ExchangeError,
  type LabelledMessage,
  type LabelledSentence,
  type SecretForms,
  stepDetail,
  stepTitle,
} from '@sync-admin/domain';
import type { ConnectionDetails } from './connection-pool.ts';
import type { RecordedExchange } from './ews-transport.ts';

/** A failed step's request and response are kept this long at most (each). */
const MAX_EXCHANGE_TEXT = 4_000;
/** Response headers worth showing; the rest is noise or infrastructure detail. */
const SHOWN_RESPONSE_HEADERS = ['content-type', 'www-authenticate', 'x-ms-diagnostics', 'location', 'retry-after', 'connection'];

/**
 * Records a connectivity check as a tree of steps, the way Microsoft's Remote Connectivity Analyzer lists them.
 * Every text that goes in is sanitised against the check's secrets (the list grows when a token is issued).
 */
export class TraceRecorder implements StepParent {
  private readonly roots: ConnectivityStep[] = [];
  private readonly startedAt: Date;
  private readonly started = performance.now();

  constructor(
    private readonly clock: () => Date,
    readonly secrets: SecretForms[],
  ) {
    this.startedAt = clock();
  }

  child(kind: ConnectivityStepKind, title: LabelledMessage): TraceStep {
    return new TraceStep(this, this.roots, kind, title);
  }

  now(): Date {
    return this.clock();
  }

  clean(text: string, maxLength?: number): string {
    return sanitizeExchangeText(text, this.secrets, maxLength);
  }

  /** A step's title and its sentence, each text param sanitised as the title is. */
  title(title: LabelledMessage): Pick<ConnectivityStep, 'title' | 'titleSentence'> {
    const { message, sentence } = this.sentence(title);
    return { title: message, titleSentence: sentence };
  }

  /** What a step found: a sentence (decision 62), or bare data such as the addresses a name resolved to. */
  detail(detail: StepDetail): Pick<ConnectivityStep, 'detail' | 'detailSentence'> {
    if (typeof detail === 'string') return { detail: this.clean(detail) };
    const { message, sentence } = this.sentence(detail);
    return { detail: message, detailSentence: sentence };
  }

  /** A sentence's English and its code and params, each text sanitised against the check's secrets. */
  sentence({ message, code, params, labels }: LabelledMessage): { message: string; sentence: LabelledSentence } {
    const cleaned = params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === 'string' ? this.clean(value) : value]));
    return { message: this.clean(message), sentence: { code, ...(cleaned ? { params: cleaned } : {}), ...(labels ? { labels } : {}) } };
  }

  finish(): ConnectivityTrace {
    return { startedAt: this.startedAt, durationMs: Math.round(performance.now() - this.started), steps: this.roots };
  }
}

/** A step's detail: a sentence, or data alone (addresses, a host and port, a setting's name and value). */
export type StepDetail = string | LabelledMessage;

/** Where a step goes: at the top of the trace, or under another step. */
export interface StepParent {
  child(kind: ConnectivityStepKind, title: LabelledMessage): TraceStep;
}

export class TraceStep implements StepParent {
  readonly step: ConnectivityStep;
  private readonly started = performance.now();

  constructor(
    private readonly recorder: TraceRecorder,
    siblings: ConnectivityStep[],
    kind: ConnectivityStepKind,
    title: LabelledMessage,
  ) {
    this.step = {
      kind, ...recorder.title(title), outcome: 'success', startedAt: recorder.now(), durationMs: 0,
      detail: null, error: null, exchange: null, steps: [],
    };
    siblings.push(this.step);
  }

  child(kind: ConnectivityStepKind, title: LabelledMessage): TraceStep {
    return new TraceStep(this.recorder, this.step.steps, kind, title);
  }

  succeed(detail: StepDetail | null = null): void {
    this.end('success', detail);
  }

  warn(detail: StepDetail, error: ExchangeError | null = null): void {
    this.step.error = error;
    this.end('warning', detail);
  }

  skip(detail: StepDetail, error: ExchangeError | null = null): void {
    this.step.error = error;
    this.end('skipped', detail);
  }

  /** The error (already sanitised), and for protocol steps the request and response that failed. */
  fail(error: ExchangeError, exchange: RecordedExchange | null = null, detail: StepDetail | null = null): void {
    this.step.error = error;
    if (exchange) this.step.exchange = this.describeExchange(exchange);
    this.end('failure', detail);
  }

  /**
   * The steps of opening a connection (resolve, connect, TLS), from facts the socket already gave: no extra
   * connection or lookup is made for the trace.
   */
  addConnectionSteps(details: ConnectionDetails, failed: { phase: 'dns' | 'connect' | 'tls'; error: ExchangeError } | null): void {
    const at = details.openedAt.getTime();
    const add = (kind: 'dns' | 'connect' | 'tls', title: LabelledMessage, offsetMs: number, durationMs: number | null, detail: StepDetail | null) => {
      const error = failed?.phase === kind ? failed.error : null;
      this.step.steps.push({
        kind, ...this.recorder.title(title), outcome: error ? 'failure' : 'success', startedAt: new Date(at + Math.round(offsetMs)),
        durationMs: Math.round(durationMs ?? 0), ...(detail === null ? { detail: null } : this.recorder.detail(detail)), error, exchange: null, steps: [],
      });
      return error !== null;
    };
    const isLiteral = details.addresses.length === 1 && details.addresses[0] === details.host;
    if (!isLiteral) {
      const found = details.addresses.length > 0 ? details.addresses.join(', ') : null;
      if (add('dns', stepTitle('RESOLVE_HOST', { host: details.host }), 0, details.resolveMs, found)) return;
    }
    const resolveMs = details.resolveMs ?? 0;
    const target = `${details.remoteAddress ?? details.addresses[0] ?? details.host}:${details.port}`;
    if (add('connect', stepTitle('CONNECT', { target }), resolveMs, details.connectMs, details.remoteAddress ? stepDetail('CONNECTED', { target }) : null)) return;
    const tls = details.tls;
    if (details.tlsMs !== null || failed?.phase === 'tls') {
      let detail: LabelledMessage | null = null;
      if (tls) {
        const certificate = { subject: tls.subject, issuer: tls.issuer, validFrom: tls.validFrom, validTo: tls.validTo, protocol: tls.protocol ?? 'TLS' };
        detail = tls.verified ? stepDetail('TLS_VERIFIED', certificate) : stepDetail('TLS_NOT_VERIFIED', { ...certificate, reason: tls.verificationError ?? 'unknown' });
      }
      add('tls', stepTitle('TLS', { host: details.host }), resolveMs + (details.connectMs ?? 0), details.tlsMs, detail);
    }
  }

  private end(outcome: ConnectivityStep['outcome'], detail: StepDetail | null): void {
    this.step.outcome = outcome;
    this.step.durationMs = Math.round(performance.now() - this.started);
    if (detail !== null) Object.assign(this.step, this.recorder.detail(detail));
  }

  private describeExchange(exchange: RecordedExchange): { request: string; response: string | null } {
    const requestHeaders = Object.entries(exchange.requestHeaders).map(([name, value]) =>
      // Authorization values never leave the process: keep the scheme, drop the rest.
      name.toLowerCase() === 'authorization' ? `${name}: ${value.split(/\s+/)[0] ?? ''} ${REDACTED}` : `${name}: ${value}`);
    const request = [`${exchange.method} ${exchange.url}`, ...requestHeaders, '', exchange.requestBody].join('\n');
    const response = exchange.response
      ? [
        `HTTP ${exchange.response.status} ${exchange.response.statusText}`,
        ...SHOWN_RESPONSE_HEADERS.flatMap((name) => {
          const value = exchange.response?.headers[name];
          return value === undefined ? [] : [`${name}: ${value}`];
        }),
        '',
        exchange.response.body,
      ].join('\n')
      : null;
    return {
      request: this.recorder.clean(request, MAX_EXCHANGE_TEXT),
      response: response === null ? null : this.recorder.clean(response, MAX_EXCHANGE_TEXT),
    };
  }
}
