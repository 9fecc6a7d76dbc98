import { stepDetail, stepTitle, type ExchangeChannel, type ExchangeError, type LabelledMessage, type SecretForms, type ServerProfileSecrets, type ServerProfileSettings } from '@sync-admin/domain';
import { discoverEwsUrl, type SrvResolver } from './autodiscover.ts';
import type { ConnectionPool, ConnectionLease } from './connection-pool.ts';
import type { ChannelPlan } from './connection-plan.ts';
import { TraceRecorder, type StepDetail, type StepParent, type TraceStep } from './connectivity-trace.ts';
import { classifyEwsFailure, failure, isLocationFailure, toExchangeError, type Failure } from './ews-error-classifier.ts';
import { EwsSession, libraryCredentials } from './ews-session.ts';
import { EwsTransport, type HttpAuthentication, type TransportCall } from './ews-transport.ts';
import type { AppRegistration, TokenOutcome, TokenProvider } from './exchange-online-token.ts';
import type { AuthScheme } from './ntlm-handshake.ts';
import type { OutboundPolicy } from './outbound-policy.ts';

/** What every check shares for the life of the adapter: policy, connections, tokens, Auto Detect's findings. */
export interface ConnectivityDeps {
  policy: OutboundPolicy;
  pool: ConnectionPool;
  tokens: TokenProvider;
  detectedSchemes: Map<string, AuthScheme>;
  resolveSrv: SrvResolver;
  clock: () => Date;
}

export type SessionResult = { ok: true; session: EwsSession } | { ok: false; error: ExchangeError };

/**
 * One check (a mailbox, or a profile's Test connection): its trace, its one connection lease, its tokens and
 * EWS sessions, and the failures that stop the calls still to come. Calls run one after another on the lease.
 */
export class ConnectivityRun {
  readonly trace: TraceRecorder;
  private readonly lease: ConnectionLease;
  private readonly sessions = new Map<string, { plan: ChannelPlan; pending: Promise<SessionResult> }>();
  private readonly tokens = new Map<string, Promise<TokenOutcome>>();
  private readonly failedPlans = new Map<string, { error: ExchangeError; by: ExchangeChannel }>();
  private discovery: Promise<{ ok: true; url: string } | { ok: false; error: ExchangeError }> | null = null;
  private rediscovered = false;
  /** The EWS URL Autodiscover gave (or the known one, while it works); the caller keeps it on the mailbox. */
  ewsUrl: string | null = null;
  private ewsUrlIsKnown = false;

  constructor(
    private readonly deps: ConnectivityDeps,
    secrets: SecretForms[],
    readonly timeoutMs: number,
    knownEwsUrl: string | null = null,
  ) {
    this.trace = new TraceRecorder(deps.clock, secrets);
    this.lease = deps.pool.lease();
    if (knownEwsUrl) {
      this.ewsUrl = knownEwsUrl;
      this.ewsUrlIsKnown = true;
    }
  }

  /** The failure as kept: catalog class, sanitised against every secret of this check. */
  error(found: Failure): ExchangeError {
    return toExchangeError(found, this.trace.secrets);
  }

  /** A failure recorded earlier for the same server, credential and access: the channel gets it without a call. */
  earlierFailure(plan: ChannelPlan): { error: ExchangeError; by: ExchangeChannel } | null {
    return this.failedPlans.get(plan.key) ?? null;
  }

  rememberFailure(plan: ChannelPlan, error: ExchangeError, by: ExchangeChannel): void {
    if (!this.failedPlans.has(plan.key)) this.failedPlans.set(plan.key, { error, by });
  }

  /** An access token for the plan's app registration, once per check (and from MSAL's cache across checks). */
  async token(plan: ChannelPlan, parent: StepParent): Promise<{ ok: true; accessToken: string } | { ok: false; error: ExchangeError }> {
    if (plan.credential.kind !== 'oauth') return { ok: true, accessToken: '' };
    const { app, cloud } = plan.credential;
    let pending = this.tokens.get(plan.credentialKey);
    const isFirst = !pending;
    if (!pending) {
      pending = this.deps.tokens.acquire(app, cloud, this.timeoutMs);
      this.tokens.set(plan.credentialKey, pending);
    }
    const step = isFirst ? parent.child('token', stepTitle('TOKEN', { applicationId: app.applicationId })) : null;
    const outcome = await pending;
    if (!outcome.ok) {
      const error = this.error(failure(outcome.code, outcome.message, { httpStatus: outcome.httpStatus }));
      step?.fail(error, null, stepDetail('TOKEN_REFUSED', { authority: outcome.authority, scope: cloud.scope }));
      return { ok: false, error };
    }
    // The token is a secret of this check from now on: an echoing server must not put it in a result.
    if (!this.trace.secrets.some((secret) => secret.value === outcome.accessToken)) this.trace.secrets.push({ value: outcome.accessToken });
    const token = { authority: outcome.authority, tenantId: app.tenantId, scope: cloud.scope };
    step?.succeed(outcome.expiresOn
      ? stepDetail(outcome.fromCache ? 'TOKEN_FROM_CACHE' : 'TOKEN_NEW', { ...token, validUntil: outcome.expiresOn.toISOString() })
      : stepDetail(outcome.fromCache ? 'TOKEN_FROM_CACHE_UNDATED' : 'TOKEN_NEW_UNDATED', token));
    return { ok: true, accessToken: outcome.accessToken };
  }

  /** The EWS session of a plan: its token, its location (Autodiscover when the profile says so), its transport. */
  session(plan: ChannelPlan, parent: TraceStep): Promise<SessionResult> {
    const known = this.sessions.get(plan.key);
    if (known) return known.pending;
    const pending = this.openSession(plan, parent);
    this.sessions.set(plan.key, { plan, pending });
    return pending;
  }

  /**
   * Runs one EWS call as a step of `parent`. A known EWS URL that stops working (404, unreachable, unknown host)
   * is rediscovered once, and the call retried at the new URL.
   */
  async call(
    session: EwsSession, plan: ChannelPlan, parent: TraceStep, title: (url: string) => LabelledMessage, operation: () => Promise<StepDetail | null>,
  ): Promise<ExchangeError | null> {
    for (let attempt = 0; ; attempt++) {
      const step = parent.child('ews', title(session.url));
      const call = session.transport.beginCall();
      try {
        const detail = await operation();
        this.describeConnections(step, call, null);
        step.succeed(detail);
        return null;
      } catch (thrown) {
        const found = classifyEwsFailure(thrown, call);
        const error = this.error(found);
        this.describeConnections(step, call, error);
        step.fail(error, call.connectFailure ? null : (call.exchanges.at(-1) ?? null));
        if (attempt === 0 && plan.location.kind === 'autodiscover' && isLocationFailure(found.code) && (await this.relocate(plan, session, parent))) continue;
        return error;
      }
    }
  }

  /** Gives the connection back to the pool (kept alive for the profile's next check). */
  close(): void {
    this.lease.release();
  }

  /** The DNS, connect and TLS steps of the connections a call opened, or of the one it failed to open. */
  describeConnections(step: TraceStep, call: TransportCall, error: ExchangeError | null): void {
    for (const details of call.opened) step.addConnectionSteps(details, null);
    if (call.connectFailure && error) step.addConnectionSteps(call.connectFailure.details, { phase: call.connectFailure.phase, error });
  }

  private async openSession(plan: ChannelPlan, parent: TraceStep): Promise<SessionResult> {
    const token = await this.token(plan, parent);
    if (!token.ok) return token;
    const transport = this.transport(plan);
    let url: string;
    if (plan.location.kind === 'url') {
      url = plan.location.url;
    } else {
      const located = await this.locate(plan, parent);
      if (!located.ok) return located;
      url = located.url;
    }
    return { ok: true, session: new EwsSession(plan, transport, url, token.accessToken || null) };
  }

  private transport(plan: ChannelPlan): EwsTransport {
    const authentication: HttpAuthentication = plan.credential.kind === 'oauth'
      ? { kind: 'bearer' }
      : { kind: 'password', protocol: plan.credential.protocol, userName: plan.credential.userName, password: plan.credential.password };
    return new EwsTransport({
      lease: this.lease, policy: this.deps.policy, timeoutMs: this.timeoutMs, authentication,
      credentialKey: plan.credentialKey, detectedSchemes: this.deps.detectedSchemes,
    });
  }

  /** The known EWS URL while it works; otherwise Autodiscover, once per check whatever the channels. */
  private async locate(plan: ChannelPlan, parent: TraceStep): Promise<{ ok: true; url: string } | { ok: false; error: ExchangeError }> {
    if (this.ewsUrl && this.ewsUrlIsKnown) {
      parent.child('autodiscover', stepTitle('EWS_URL_KNOWN')).succeed(stepDetail('EWS_URL_KNOWN', { url: this.ewsUrl }));
      return { ok: true, url: this.ewsUrl };
    }
    this.discovery ??= this.discover(plan, parent);
    return this.discovery;
  }

  private async discover(plan: ChannelPlan, parent: TraceStep): Promise<{ ok: true; url: string } | { ok: false; error: ExchangeError }> {
    const result = await discoverEwsUrl(plan.mailbox, {
      credentials: libraryCredentials(plan, null),
      transport: this.transport(plan),
      anonymous: new EwsTransport({
        lease: this.lease, policy: this.deps.policy, timeoutMs: this.timeoutMs, authentication: { kind: 'anonymous' },
        credentialKey: 'anonymous', detectedSchemes: this.deps.detectedSchemes,
      }),
      resolveSrv: this.deps.resolveSrv,
      timeoutMs: this.timeoutMs,
      toError: (found) => this.error(found),
      describeConnections: (step, call, error) => this.describeConnections(step, call, error),
    }, parent);
    this.ewsUrl = result.ok ? result.url : null;
    this.ewsUrlIsKnown = false;
    return result;
  }

  /** Rediscovers after the known URL failed; true when Autodiscover now points elsewhere. */
  private async relocate(plan: ChannelPlan, session: EwsSession, parent: TraceStep): Promise<boolean> {
    if (!this.ewsUrlIsKnown || this.rediscovered) return false;
    this.rediscovered = true;
    const previous = this.ewsUrl;
    this.ewsUrlIsKnown = false;
    this.discovery = this.discover(plan, parent);
    const result = await this.discovery;
    if (!result.ok || result.url === previous) {
      // Autodiscover still says the same (or nothing): the server is the problem, not its location.
      if (result.ok) this.ewsUrl = previous;
      return false;
    }
    for (const other of this.sessions.values()) {
      if (other.plan.location.kind !== 'autodiscover') continue;
      const opened = await other.pending;
      if (opened.ok) opened.session.moveTo(result.url);
    }
    session.moveTo(result.url);
    return true;
  }
}

/** Every secret a check could meet, in the forms a server could echo (plain, URL-encoded, base64, Basic). */
export function checkSecrets(
  settings: ServerProfileSettings,
  secrets: ServerProfileSecrets,
  s2s: AppRegistration | null,
  mailbox: { userName: string | null; password: string | null } | null,
): SecretForms[] {
  const forms: SecretForms[] = [];
  if (secrets.incomingPassword) forms.push({ value: secrets.incomingPassword, userName: settings.incomingUserName });
  if (secrets.outgoingPassword) forms.push({ value: secrets.outgoingPassword, userName: settings.outgoingUserName ?? settings.incomingUserName });
  if (secrets.clientSecret) forms.push({ value: secrets.clientSecret });
  if (s2s) forms.push({ value: s2s.clientSecret });
  if (mailbox?.password) forms.push({ value: mailbox.password, userName: mailbox.userName });
  return forms;
}
