import {
  EXCHANGE_CHANNEL_LABELS,
  EXCHANGE_CHANNELS,
  channelStepTitle,
  notTriedDetail,
  stepDetail,
  stepTitle,
  type ChannelCheckResult,
  type ExchangeChannel,
  type ExchangeError,
  type MailboxConnectivityCheck,
  type MailboxConnectivityTarget,
  type ServerProfileConnectionProbe,
  type ServerProfileSettings,
} from '@sync-admin/domain';
import { promises as dns } from 'node:dns';
import type { SrvResolver } from './autodiscover.ts';
import { ConnectionPool } from './connection-pool.ts';
import { describeAccess, planChannel, type ChannelPlan } from './connection-plan.ts';
import { checkSecrets, ConnectivityRun, type ConnectivityDeps } from './connectivity-run.ts';
import type { TraceStep } from './connectivity-trace.ts';
import { failure, isConnectionLevel, UNEXPECTED_MESSAGE } from './ews-error-classifier.ts';
import type { CheckedFolder } from './ews-session.ts';
import { createTokenProvider, type AppRegistration } from './exchange-online-token.ts';
import { createOutboundPolicy, type HostResolver } from './outbound-policy.ts';
import { testProfileConnection } from './profile-connection-test.ts';

export interface ExchangeConnectivityOptions {
  /** The deployment's own app registration, for "S2S auth (Same Tenant)" profiles; null when not configured. */
  s2s: AppRegistration | null;
  /** EWS_ALLOWED_HOSTS: hosts allowed even when they resolve to a loopback, private or link-local address. */
  allowedHosts: string[];
  /** ALLOW_HTTP_SERVER_LOCATIONS: plain http server locations (and credentials over them) are allowed. */
  allowHttp: boolean;
  /** No request waits longer than min(the profile's timeout, this). Default 30 000 ms. */
  requestCeilingMs?: number;
  clock?: () => Date;
  /** Test seam: the Microsoft Entra ID host (e.g. a local OAuth server) instead of the cloud's own. */
  authorityHost?: string;
  /** Test seam: one extra CA (PEM) to trust. Production trusts the default store, with NODE_EXTRA_CA_CERTS. */
  trustedCa?: string;
  /** Test seam: where host:port really is (production: DNS). Null means the host does not exist. */
  resolveHost?: HostResolver;
  /** Test seam: SRV lookups for Autodiscover (production: DNS). */
  resolveSrv?: SrvResolver;
  /** Told of a bug or an unexpected library error (the result only says UnexpectedError): log it. */
  onUnexpectedError?: (error: unknown) => void;
}

export interface ExchangeConnectivity extends ServerProfileConnectionProbe, MailboxConnectivityCheck {
  /** Closes the idle kept-alive connections (they never keep the process alive anyway). */
  close(): void;
}

export const DEFAULT_REQUEST_CEILING_MS = 30_000;

/** What each channel does, in order; none sends mail. */
const CHANNEL_OPERATIONS: Record<ExchangeChannel, Array<CheckedFolder | 'draft'>> = {
  incoming: ['inbox'],
  outgoing: ['draft'],
  appointmentsContactsTasks: ['calendar', 'contacts', 'tasks'],
};
/** The folders a channel binds, by their EWS distinguished names. */
const FOLDER_NAMES: Record<CheckedFolder, string> = { inbox: 'Inbox', calendar: 'Calendar', contacts: 'Contacts', tasks: 'Tasks' };

/**
 * The EWS adapter behind "Test & Enable" and a profile's "Test connection", on ews-javascript-api and
 * @azure/msal-node. It never throws for a failed check: failures are results, with the trace.
 */
export function createExchangeConnectivity(options: ExchangeConnectivityOptions): ExchangeConnectivity {
  const clock = options.clock ?? (() => new Date());
  const requestCeilingMs = options.requestCeilingMs ?? DEFAULT_REQUEST_CEILING_MS;
  const policy = createOutboundPolicy({ allowedHosts: options.allowedHosts, allowHttp: options.allowHttp, resolveHost: options.resolveHost });
  const pool = new ConnectionPool({ policy, trustedCa: options.trustedCa, clock });
  const deps: ConnectivityDeps = {
    policy,
    pool,
    tokens: createTokenProvider({ authorityHost: options.authorityHost, trustedCa: options.trustedCa, requestCeilingMs }),
    detectedSchemes: new Map(),
    resolveSrv: options.resolveSrv ?? ((name) => dns.resolveSrv(name)),
    clock,
  };
  const timeoutOf = (settings: ServerProfileSettings) => requestTimeoutMs(settings, requestCeilingMs);
  const unexpected = options.onUnexpectedError ?? (() => {});

  return {
    close: () => pool.close(),

    testConnection: (target) => testProfileConnection(deps, options.s2s, timeoutOf(target.settings), target, unexpected),

    async checkMailbox(target) {
      const run = new ConnectivityRun(deps, checkSecrets(target.settings, target.secrets, options.s2s, target.mailbox), timeoutOf(target.settings), target.knownEwsUrl);
      const channels = {} as Record<ExchangeChannel, ChannelCheckResult>;
      try {
        for (const channel of EXCHANGE_CHANNELS) {
          channels[channel] = target.channels.includes(channel)
            ? await checkChannel(run, channel, target, options.s2s, unexpected)
            : { outcome: 'notTested', error: null, note: `${EXCHANGE_CHANNEL_LABELS[channel]} is not delivered by server-side synchronization for this mailbox: not tested.` };
        }
      } finally {
        run.close();
      }
      const usesAutodiscover = target.settings.serverType === 'exchangeServer' && target.settings.useAutoDiscover;
      return { channels, trace: run.trace.finish(), discoveredEwsUrl: usesAutodiscover ? run.ewsUrl : null };
    },
  };
}

/** The profile's "Timeout mailbox connection", never beyond the deployment's ceiling. */
export function requestTimeoutMs(settings: ServerProfileSettings, ceilingMs: number): number {
  const profileMs = settings.timeoutMailboxConnection ? Math.max(1, settings.timeoutMailboxConnectionAfterAmount) * 1000 : ceilingMs;
  return Math.min(profileMs, ceilingMs);
}

async function checkChannel(
  run: ConnectivityRun, channel: ExchangeChannel, target: MailboxConnectivityTarget, s2s: AppRegistration | null, reportUnexpected: (error: unknown) => void,
): Promise<ChannelCheckResult> {
  const step = run.trace.child('ews', channelStepTitle(channel));
  let error: ExchangeError | null;
  try {
    error = await checkChannelIn(step, run, channel, target, s2s);
  } catch (thrown) {
    // A check never throws: a bug is a result too, without its internal text.
    reportUnexpected(thrown);
    error = run.error(failure('UnexpectedError', UNEXPECTED_MESSAGE));
    step.fail(error);
  }
  return error ? { outcome: 'failure', error, note: null } : { outcome: 'success', error: null, note: null };
}

/** The channel's steps under `step`; the error it failed with, or null. */
async function checkChannelIn(step: TraceStep, run: ConnectivityRun, channel: ExchangeChannel, target: MailboxConnectivityTarget, s2s: AppRegistration | null): Promise<ExchangeError | null> {
  const planned = planChannel(channel, {
    settings: target.settings,
    secrets: target.secrets,
    mailboxAddress: target.mailbox.emailAddress,
    mailboxCredentials: { allowed: target.mailbox.allowCredentialsForEmailProcessing, userName: target.mailbox.userName, password: target.mailbox.password },
    s2s,
  });
  if (!planned.ok) {
    const error = run.error(failure(planned.code, planned.message));
    step.child('configuration', stepTitle('READ_PROFILE')).fail(error);
    step.fail(error);
    return error;
  }
  const { plan } = planned;
  const earlier = run.earlierFailure(plan);
  if (earlier) {
    step.fail(earlier.error, null, notTriedDetail(earlier.by));
    return earlier.error;
  }
  const error = await runChannelChecks(run, channel, plan, step);
  if (error) {
    if (isConnectionLevel(error.code)) run.rememberFailure(plan, error, channel);
    step.fail(error);
    return error;
  }
  step.succeed(describeAccess(plan));
  return null;
}

async function runChannelChecks(run: ConnectivityRun, channel: ExchangeChannel, plan: ChannelPlan, step: TraceStep) {
  const opened = await run.session(plan, step);
  if (!opened.ok) return opened.error;
  const { session } = opened;
  for (const operation of CHANNEL_OPERATIONS[channel]) {
    if (operation !== 'draft') {
      const error = await run.call(session, plan, step, (url) => stepTitle('GET_FOLDER', { folder: FOLDER_NAMES[operation], url }), () => session.bindFolder(operation));
      if (error) return error;
      continue;
    }
    let draft: Awaited<ReturnType<typeof session.saveDraft>> | null = null;
    const saved = await run.call(session, plan, step, (url) => stepTitle('SAVE_DRAFT', { url }), async () => {
      draft = await session.saveDraft();
      return stepDetail('DRAFT_SAVED');
    });
    if (saved) return saved;
    const deleted = await run.call(session, plan, step, (url) => stepTitle('DELETE_DRAFT', { url }), async () => {
      if (draft) await session.deleteDraft(draft);
      return stepDetail('DRAFT_DELETED');
    });
    if (deleted) return { ...deleted, message: `${deleted.message} The test draft may remain in Drafts.`.slice(0, 1_000) };
  }
  return null;
}
