import type { Actor } from '../access/actor.ts';
import type { ActorDirectory } from '../access/actor-directory.port.ts';
import { canReachRecord, hasPrivilege } from '../access/privileges.ts';
import { explainTestAndEnableSelfApproval } from '../approval/explain-approval.ts';
import type { EmailSettingsRepository } from '../email-settings/email-settings.repository.port.ts';
import { isApprovalRequired } from '../email-settings/email-settings.ts';
import type { Environment } from '../environments/environment.ts';
import { channelsToTest, EXCHANGE_CHANNELS, type ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import { EXCHANGE_ERROR_CATALOG, type ExchangeErrorCode } from '../exchange-connectivity/exchange-error-catalog.ts';
import type {
  ChannelCheckResult,
  ConnectivityTrace,
  ExchangeError,
  MailboxConnectivityCheck,
  MailboxConnectivityResult,
  MailboxConnectivityTarget,
} from '../exchange-connectivity/mailbox-connectivity.port.ts';
import { bulkSentence, createBulkResult, type BulkResult } from '../mailboxes/bulk-result.ts';
import { approvalContext, mailboxAuditEntry, readScope, resolveMailboxTarget, writeDenial } from '../mailboxes/mailbox-access.ts';
import type { MailboxFilter } from '../mailboxes/mailbox-list-query.ts';
import type { MailboxRepository, MailboxTarget } from '../mailboxes/mailbox.repository.port.ts';
import type { Mailbox, MailboxForCommand } from '../mailboxes/mailbox.ts';
import type { ServerProfileRepository } from '../server-profiles/server-profile.repository.port.ts';
import type { ServerProfile, ServerProfileSettings } from '../server-profiles/server-profile.ts';
import { pickServerProfileSettings } from '../server-profiles/server-profile.ts';
import { accessDenied, DomainError, notFound } from '../shared/domain-error.ts';
import { detectOutage, type OutageSettings } from './outage.ts';
import { decideAttempt, type RetrySettings } from './retry-policy.ts';
import { buildAttemptAlerts, buildOutageAlert, buildOutageResumedAlert } from './test-and-enable-alerts.ts';
import type { WriteUnitOfWork } from '../shared/unit-of-work.port.ts';
import type { ClaimedRunItem, ProfileOwnerNotifier, RunItemFilter, RunListFilter, TestAndEnableRunRepository } from './test-and-enable.ports.ts';
import type { RunItemChannels, RunScope, TestAndEnableRun } from './test-and-enable-run.ts';

export interface TestAndEnableDeps {
  runs: TestAndEnableRunRepository;
  unitOfWork: WriteUnitOfWork;
  mailboxes: Pick<MailboxRepository, 'findMailboxesForCommand' | 'findMailbox' | 'findMailboxPassword'>;
  profiles: Pick<ServerProfileRepository, 'findServerProfile' | 'findServerProfileSecrets'>;
  emailSettings: EmailSettingsRepository;
  connectivity: MailboxConnectivityCheck;
  actors: ActorDirectory;
  notifier: ProfileOwnerNotifier;
  clock: () => Date;
  retry: RetrySettings;
  outage: OutageSettings;
  /** Unique per claim, so a worker that lost its claim (it was presumed dead) cannot record over another. */
  newClaimToken: () => string;
}

/** How much earlier than the job engine's expiry a claim lapses. */
const CLAIM_MARGIN_MS = 5_000;

/** The default timeout EWS applies when a profile sets none, in seconds. */
const DEFAULT_TIMEOUT_SECONDS = 100;
/** Autodiscover URLs plus the six EWS calls of a full check, each bounded by the profile's timeout. */
const CALLS_PER_ATTEMPT = 12;

/** The longest one attempt may take, after which its worker is presumed dead and another takes it. */
export function attemptBudgetSeconds(settings: Pick<ServerProfileSettings, 'timeoutMailboxConnection' | 'timeoutMailboxConnectionAfterAmount'>): number {
  const timeout = settings.timeoutMailboxConnection ? settings.timeoutMailboxConnectionAfterAmount : DEFAULT_TIMEOUT_SECONDS;
  return Math.min(timeout * CALLS_PER_ATTEMPT + 10, 1_800);
}

/**
 * Seed 003, Maximum Concurrent Connections: "The maximum number is considered per mailbox or per email server
 * profile depending on whether the credentials are specified in a mailbox or email server profile."
 * Exchange Online (S2S or OAuth) connects with the profile's app registration: per profile.
 */
export function connectionLimitScope(settings: Pick<ServerProfileSettings, 'serverType' | 'authenticateUsing'>): 'serverProfile' | 'mailbox' {
  return settings.serverType === 'exchangeServer' && settings.authenticateUsing === 'credentialsSpecifiedByUserOrQueue' ? 'mailbox' : 'serverProfile';
}

// ── Starting runs ─────────────────────────────────────────────────────────────

export interface StartRunResult extends BulkResult {
  /** The new run, or null when every mailbox was skipped or joined a run already in progress. */
  run: { id: string; number: number } | null;
}

export type TestAndEnableTarget =
  | { kind: 'mailboxes'; target: MailboxTarget }
  /** Server profiles → Test & Enable Mailboxes: every active mailbox of the profile. */
  | { kind: 'serverProfile'; serverProfileId: string }
  /** Re-test failed mailboxes: of a profile, or of the Mailboxes grid's current filter. */
  | { kind: 'retestFailed'; serverProfileId: string }
  | { kind: 'retestFailed'; filter: MailboxFilter };

export type StartRunDeps = Pick<TestAndEnableDeps, 'runs' | 'unitOfWork' | 'mailboxes' | 'profiles' | 'emailSettings' | 'clock'>;

function actorName(actor: Actor): string {
  return actor.fullName ?? actor.email;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 'es'}`;
}

async function profileInEnvironment(deps: Pick<StartRunDeps, 'profiles'>, actor: Actor, environmentId: string, id: string): Promise<ServerProfile> {
  const profile = await deps.profiles.findServerProfile(environmentId, id);
  if (!profile || !canReachRecord(actor.privileges, 'emailServerProfile.read', actor.userId, profile.ownerId)) throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
  return profile;
}

/**
 * Test & Enable Mailbox, Test & Enable Mailboxes (profile) and Re-test failed mailboxes: starts one run over
 * every mailbox the actor may test; a mailbox already in a run joins it. `startAt` schedules the run.
 */
export async function startTestAndEnable(
  deps: StartRunDeps, actor: Actor, environment: Environment, target: TestAndEnableTarget, options: { startAt: Date | null },
): Promise<StartRunResult> {
  let mailboxTarget: MailboxTarget;
  let scope: Omit<RunScope, 'description'>;
  let describe: (count: number) => string;
  if (target.kind === 'mailboxes') {
    mailboxTarget = target.target;
    scope = { kind: 'mailboxes', serverProfileId: null };
    describe = (count) => ('ids' in target.target ? `${plural(count, 'selected mailbox')}` : `${plural(count, 'mailbox')} matching the view`);
  } else if ('serverProfileId' in target) {
    const profile = await profileInEnvironment(deps, actor, environment.id, target.serverProfileId);
    const retest = target.kind === 'retestFailed';
    mailboxTarget = { filter: { view: retest ? 'failedTests' : 'active', serverProfileId: profile.id } };
    scope = { kind: target.kind, serverProfileId: profile.id };
    describe = (count) => `${retest ? 'Failed mailboxes' : 'Mailboxes'} of ${profile.name} (${count.toLocaleString('en-US')})`;
  } else {
    mailboxTarget = { filter: { ...target.filter, view: 'failedTests' } };
    scope = { kind: 'retestFailed', serverProfileId: target.filter.serverProfileId && target.filter.serverProfileId !== 'none' ? target.filter.serverProfileId : null };
    describe = (count) => `${plural(count, 'failed mailbox')} matching the view`;
  }
  const rows = await resolveMailboxTarget(deps, actor, environment.id, mailboxTarget);
  return startRunOn(deps, actor, environment, rows, { ...scope, describe }, options);
}

/** Starts a run on rows already resolved (Apply Default Email Settings passes the rows it just changed). */
export async function startRunOn(
  deps: StartRunDeps, actor: Actor, environment: Environment, rows: MailboxForCommand[],
  scope: Omit<RunScope, 'description'> & { describe: (count: number) => string }, options: { startAt: Date | null },
): Promise<StartRunResult> {
  const now = deps.clock();
  const startAt = options.startAt && options.startAt > now ? options.startAt : now;
  const bulk = createBulkResult();
  const profiles = new Map<string, ServerProfile | null>();
  const candidates: { row: MailboxForCommand; serverProfileId: string; channels: ExchangeChannel[]; budget: number }[] = [];
  for (const row of rows) {
    const denial = writeDenial(actor, row);
    if (denial) { bulk.skip(row, denial); continue; }
    if (!row.isActive) { bulk.skip(row, bulkSentence('MAILBOX_INACTIVE')); continue; }
    if (!row.serverProfileId) { bulk.skip(row, bulkSentence('MAILBOX_WITHOUT_SERVER_PROFILE')); continue; }
    if (!profiles.has(row.serverProfileId)) profiles.set(row.serverProfileId, await deps.profiles.findServerProfile(environment.id, row.serverProfileId));
    const profile = profiles.get(row.serverProfileId);
    if (!profile?.isActive) { bulk.skip(row, profile ? bulkSentence('NAMED_SERVER_PROFILE_INACTIVE', { name: profile.name }) : bulkSentence('SERVER_PROFILE_INACTIVE')); continue; }
    const channels = channelsToTest(row);
    if (channels.length === 0) { bulk.skip(row, bulkSentence('NOTHING_TO_TEST')); continue; }
    candidates.push({ row, serverProfileId: profile.id, channels, budget: attemptBudgetSeconds(profile) });
  }

  const active = new Map((await deps.runs.findActiveRunItems(candidates.map((c) => c.row.id))).map((item) => [item.mailboxId, item]));
  const fresh = candidates.filter((c) => !active.has(c.row.id));
  let run: { id: string; number: number } | null = null;
  let inserted = new Set<string>();
  if (fresh.length > 0) {
    const created = await deps.unitOfWork.run(async (tx) => {
      const newRun = await tx.runs.createRun({
        environmentId: environment.id, scope: { kind: scope.kind, serverProfileId: scope.serverProfileId, description: scope.describe(fresh.length) },
        startedById: actor.userId, startedByName: actorName(actor), createdAt: now, startAt,
      });
      // Guarded by a unique index: a mailbox another run took meanwhile is left out here and joined below.
      const items = await tx.runs.insertItems(newRun.id, fresh.map((c) => ({ mailboxId: c.row.id, serverProfileId: c.serverProfileId, channels: c.channels })), now);
      const budgets = new Map(fresh.map((c) => [c.row.id, c.budget]));
      await tx.jobs.enqueueAttempts(items.map((item) => ({
        itemId: item.itemId, serverProfileId: item.serverProfileId, attempt: 1, startAfter: startAt, expireInSeconds: budgets.get(item.mailboxId)!,
      })));
      const byId = new Map(fresh.map((c) => [c.row.id, c.row]));
      await tx.audit.writeAuditEntries(items.map((item) => mailboxAuditEntry(actor, environment.id, now, byId.get(item.mailboxId)!, 'queueTestAndEnable', [
        { field: 'testAndEnableRun', before: null, after: `#${newRun.number}` },
      ])));
      if (items.length === 0) await tx.runs.finishRunIfDone(newRun.id, now);
      return { run: newRun, inserted: new Set(items.map((item) => item.mailboxId)) };
    });
    run = created.inserted.size > 0 ? created.run : null;
    inserted = created.inserted;
  }
  const lateJoins = candidates.filter((c) => !active.has(c.row.id) && !inserted.has(c.row.id)).map((c) => c.row.id);
  if (lateJoins.length > 0) for (const item of await deps.runs.findActiveRunItems(lateJoins)) active.set(item.mailboxId, item);

  // A run that starts later says when: its own sentence, since the time is a param.
  const scheduled = startAt > now ? { time: startAt.toISOString().slice(0, 16).replace('T', ' ') } : null;
  const context = await approvalContext(deps, environment);
  for (const { row } of candidates) {
    const joined = active.get(row.id);
    // Seed 000: the run approves the user's own address when the self-approval conditions hold; say so now.
    const selfApproval = row.emailAddressStatus === 'approved' ? null : explainTestAndEnableSelfApproval(actor, row, context);
    if (inserted.has(row.id) && selfApproval?.allowed) {
      const started = scheduled ? bulkSentence('TEST_AND_ENABLE_SCHEDULED_SELF_APPROVAL', { number: run!.number, ...scheduled }) : bulkSentence('TEST_AND_ENABLE_STARTED_SELF_APPROVAL', { number: run!.number });
      bulk.done(row, started, selfApproval);
    } else if (inserted.has(row.id)) {
      bulk.done(row, scheduled ? bulkSentence('TEST_AND_ENABLE_SCHEDULED', { number: run!.number, ...scheduled }) : bulkSentence('TEST_AND_ENABLE_STARTED', { number: run!.number }));
    } else if (joined) bulk.done(row, bulkSentence('TEST_AND_ENABLE_JOINED', { number: joined.runNumber, name: joined.startedByName }));
    else bulk.skip(row, bulkSentence('RUN_CHANGED_MEANWHILE'));
  }
  return { ...bulk.result(), run };
}

// ── Reading and cancelling runs ──────────────────────────────────────────────

function runScope(actor: Actor): Pick<RunListFilter, 'startedById'> {
  return readScope(actor).ownerId ? { startedById: actor.userId } : {};
}

export async function listTestAndEnableRuns(deps: Pick<TestAndEnableDeps, 'runs'>, actor: Actor, environmentId: string, filter: Omit<RunListFilter, 'startedById'>, page: { offset: number; limit: number }) {
  return deps.runs.listRuns(environmentId, { ...filter, ...runScope(actor) }, page);
}

export async function getTestAndEnableRun(deps: Pick<TestAndEnableDeps, 'runs'>, actor: Actor, environmentId: string, runId: string): Promise<TestAndEnableRun> {
  const run = await deps.runs.findRun(environmentId, runId);
  const scope = runScope(actor);
  if (!run || (scope.startedById && run.startedById !== scope.startedById)) throw notFound('JOB_NOT_FOUND', 'The job');
  return run;
}

export async function listTestAndEnableRunItems(deps: Pick<TestAndEnableDeps, 'runs'>, actor: Actor, environmentId: string, runId: string, filter: RunItemFilter, page: { offset: number; limit: number }) {
  const run = await getTestAndEnableRun(deps, actor, environmentId, runId);
  return deps.runs.listRunItems(run.id, filter, page);
}

/** Cancel: items not started end as cancelled; started ones finish. The starter, or whoever may write every mailbox, may cancel. */
export async function cancelTestAndEnableRun(deps: Pick<TestAndEnableDeps, 'runs' | 'unitOfWork' | 'clock'>, actor: Actor, environmentId: string, runId: string): Promise<TestAndEnableRun> {
  const run = await getTestAndEnableRun(deps, actor, environmentId, runId);
  if (run.startedById !== actor.userId && !hasPrivilege(actor.privileges, 'mailbox.write', 'businessUnit')) {
    throw accessDenied({
      code: 'JOB_CANCEL_DENIED', params: { startedBy: run.startedByName, number: run.number },
      message: `Only ${run.startedByName}, who started job #${run.number}, or someone with Write privilege on every mailbox can cancel it.`,
    });
  }
  const at = deps.clock();
  const cancelled = await deps.unitOfWork.run(async (tx) => {
    const result = await tx.runs.cancelRun(run.id, { id: actor.userId, name: actorName(actor) }, at);
    if (result) await tx.runs.finishRunIfDone(run.id, at);
    return result;
  });
  if (!cancelled) {
    throw new DomainError('CONFLICT', run.state === 'cancelled'
      ? { code: 'JOB_ALREADY_CANCELLED', params: { number: run.number }, message: `Job #${run.number} has already been cancelled; there is nothing left to cancel.` }
      : { code: 'JOB_ALREADY_FINISHED', params: { number: run.number }, message: `Job #${run.number} has already finished; there is nothing left to cancel.` });
  }
  return getTestAndEnableRun(deps, actor, environmentId, runId);
}

// ── One attempt, as a worker runs it ─────────────────────────────────────────

function configurationError(code: ExchangeErrorCode, message?: string): ExchangeError {
  const definition = EXCHANGE_ERROR_CATALOG[code];
  return { code, errorClass: definition.errorClass, message: message ?? definition.meaning, backOffMs: null, httpStatus: null };
}

function failAll(channels: readonly ExchangeChannel[], error: ExchangeError): Partial<Record<ExchangeChannel, ChannelCheckResult>> {
  return Object.fromEntries(channels.map((channel) => [channel, { outcome: 'failure', error, note: null }]));
}

export interface AttemptOutcome {
  outcome: 'skipped' | 'held' | 'recorded' | 'probeStillFailing';
  itemState?: 'succeeded' | 'failed' | 'retrying';
}

/**
 * Runs attempt `attempt` of a run item: claims it, checks the mailbox against Exchange (outside any
 * transaction), then records the result, the mailbox's new statuses, its alerts and any retry in one unit of
 * work. A job delivered twice, or to a worker that lost its claim, records nothing the second time.
 */
export async function runTestAndEnableAttempt(
  deps: TestAndEnableDeps, job: { itemId: string; attempt: number; budgetSeconds: number; probe?: boolean },
  /** Told once Exchange has answered (the connection is free again); the result is recorded after. */
  exchangeDone: () => void = () => {},
): Promise<AttemptOutcome> {
  const claimedAt = deps.clock();
  const token = deps.newClaimToken();
  // The claim lapses a little before the job engine's own expiry, so its redelivery after a crash can claim.
  const claimed = await deps.runs.claimItem(job.itemId, job.attempt, {
    token, expiresAt: new Date(claimedAt.getTime() + 1_000 * job.budgetSeconds - CLAIM_MARGIN_MS), fromHeld: job.probe ?? false,
  }, claimedAt);
  if (!claimed) return { outcome: 'skipped' };
  const { item, run, mailbox, profile } = claimed;
  if (profile.heldFamily && !job.probe) {
    await deps.runs.holdClaimedItem(item.id, token);
    return { outcome: 'held' };
  }

  const { environment } = claimed;
  const environmentId = environment.id;
  const [emailSettings, starter, owner] = await Promise.all([
    deps.emailSettings.findEmailSettings(environmentId),
    deps.actors.findActor(environmentId, run.startedById),
    deps.actors.findActor(environmentId, mailbox.ownerId),
  ]);

  // Seed 000: Test & Enable by the mailbox's own user approves the address when the self-approval conditions hold.
  const selfApproval = starter && mailbox.emailAddressStatus !== 'approved'
    ? explainTestAndEnableSelfApproval(starter, mailbox, {
      customerEngagement: environment.customerEngagement, requirePrivilegeToSelfApproveEmailAddress: emailSettings.requirePrivilegeToSelfApproveEmailAddress,
    })
    : null;
  const approved = mailbox.emailAddressStatus === 'approved' || selfApproval?.allowed === true;

  const toCheck = item.channels.filter((channel) => channelsToTest(mailbox).includes(channel));
  const preFailed: Partial<Record<ExchangeChannel, ChannelCheckResult>> = {};
  if (!owner || owner.securityRoles.length === 0) {
    Object.assign(preFailed, failAll(toCheck, configurationError('MailboxOwnerLacksPrivileges')));
  } else if (isApprovalRequired(emailSettings, mailbox.type) && !approved) {
    Object.assign(preFailed, failAll(toCheck.filter((channel) => channel !== 'appointmentsContactsTasks'), configurationError('EmailAddressNotApproved')));
  }
  const remaining = toCheck.filter((channel) => !preFailed[channel]);
  const check = remaining.length > 0
    ? await checkSafely(deps, {
      settings: profile.settings, secrets: profile.secrets,
      mailbox: { emailAddress: mailbox.emailAddress, type: mailbox.type, allowCredentialsForEmailProcessing: mailbox.allowCredentialsForEmailProcessing, userName: mailbox.userName, password: mailbox.password },
      knownEwsUrl: mailbox.discoveredEwsUrl, channels: remaining,
    })
    : { channels: notTestedChannels(), trace: emptyTrace(deps.clock()), discoveredEwsUrl: null };
  const results: Partial<Record<ExchangeChannel, ChannelCheckResult>> = { ...pick(check.channels, remaining), ...preFailed };
  exchangeDone();

  const now = deps.clock();
  if (job.probe && profile.heldFamily && stillFailingWith(results, profile.heldFamily)) {
    await deps.unitOfWork.run(async (tx) => {
      if (!(await tx.runs.holdClaimedItem(item.id, token))) return;
      await tx.jobs.enqueueOutageProbe(profile.id, new Date(now.getTime() + deps.retry.transientRetryIntervalSeconds * 1000));
    });
    return { outcome: 'probeStillFailing' };
  }

  const attempt = item.attempts + 1;
  const decision = decideAttempt(deps.retry, attempt, results, now);
  const transient = EXCHANGE_CHANNELS.map((channel) => decision.channels[channel]).find((v) => (v.verdict === 'retry' || (v.verdict === 'failed' && v.becamePermanent)));
  const transientError = transient && transient.verdict !== 'passed' && transient.verdict !== 'notTested' ? transient.error : null;
  const firstPermanent = EXCHANGE_CHANNELS.map((channel) => decision.channels[channel]).find((v) => v.verdict === 'failed' && !v.becamePermanent);
  const outageFamily = transientError ? (EXCHANGE_ERROR_CATALOG[transientError.code as ExchangeErrorCode]?.outageFamily ?? null) : null;
  const alerts = buildAttemptAlerts({ decision, mailbox: { id: mailbox.id, name: mailbox.name, environmentId, serverProfileId: profile.id }, attempt, retry: deps.retry, emailSettings, now });

  const ended: Partial<Record<ExchangeChannel, 'passed' | 'failed'>> = {};
  for (const channel of EXCHANGE_CHANNELS) {
    const verdict = decision.channels[channel].verdict;
    if (verdict === 'passed' || verdict === 'failed') ended[channel] = verdict;
  }
  const recorded = await deps.unitOfWork.run(async (tx) => {
    const ok = await tx.runs.recordAttempt({
      itemId: item.id, claimToken: token, attempt, at: now, durationMs: now.getTime() - claimedAt.getTime(),
      itemState: decision.itemState, nextAttemptAt: decision.nextAttemptAt, channels: results as RunItemChannels,
      retryChannels: decision.retryChannels, lastError: decision.lastError,
      outcome: transientError && decision.itemState === 'retrying' ? 'transient' : firstPermanent || decision.itemState === 'failed' ? 'permanent' : 'success',
      outageFamily: decision.itemState === 'retrying' ? outageFamily : null,
    });
    if (!ok) return false;
    await tx.runs.applyAttemptToMailbox({
      mailboxId: mailbox.id, runId: run.id, at: now, channels: ended, final: decision.itemState !== 'retrying',
      lastError: decision.lastError, nextAttemptAt: decision.nextAttemptAt, discoveredEwsUrl: check.discoveredEwsUrl, trace: check.trace,
    });
    if (selfApproval?.allowed && starter && (await tx.runs.approveMailboxEmail(mailbox.id, starter.userId, now))) {
      await tx.audit.writeAuditEntries([mailboxAuditEntry(starter, environmentId, now, mailbox, 'approveEmail', [
        { field: 'emailAddressStatus', before: mailbox.emailAddressStatus, after: 'approved' },
      ])]);
    }
    await tx.alerts.createAlerts(alerts);
    if (decision.itemState === 'retrying') {
      await tx.jobs.enqueueAttempts([{ itemId: item.id, serverProfileId: profile.id, attempt: attempt + 1, startAfter: decision.nextAttemptAt!, expireInSeconds: attemptBudgetSeconds(profile.settings) }]);
    } else {
      await tx.runs.finishRunIfDone(run.id, now);
    }
    return true;
  });
  if (!recorded) return { outcome: 'skipped' };

  if (job.probe && profile.heldFamily) await releaseOutage(deps, claimed, now);
  else if (decision.itemState === 'retrying' && outageFamily) await evaluateOutage(deps, claimed, now);
  return { outcome: 'recorded', itemState: decision.itemState };
}

/** A bug or an unexpected library error is still a result for the admin, never a stuck item. */
async function checkSafely(deps: Pick<TestAndEnableDeps, 'connectivity' | 'clock'>, target: MailboxConnectivityTarget): Promise<MailboxConnectivityResult> {
  const startedAt = deps.clock();
  try {
    return await deps.connectivity.checkMailbox(target);
  } catch {
    const error = configurationError('UnexpectedError');
    return {
      channels: { ...notTestedChannels(), ...failAll(target.channels, error) } as Record<ExchangeChannel, ChannelCheckResult>,
      trace: emptyTrace(startedAt), discoveredEwsUrl: null,
    };
  }
}

function pick(channels: Record<ExchangeChannel, ChannelCheckResult>, keep: readonly ExchangeChannel[]): Partial<Record<ExchangeChannel, ChannelCheckResult>> {
  return Object.fromEntries(keep.map((channel) => [channel, channels[channel]]));
}

function notTestedChannels(): Record<ExchangeChannel, ChannelCheckResult> {
  return Object.fromEntries(EXCHANGE_CHANNELS.map((channel) => [channel, { outcome: 'notTested', error: null, note: null }])) as Record<ExchangeChannel, ChannelCheckResult>;
}

function emptyTrace(at: Date): ConnectivityTrace {
  return { startedAt: at, durationMs: 0, steps: [] };
}

function stillFailingWith(results: Partial<Record<ExchangeChannel, ChannelCheckResult>>, family: string): boolean {
  return Object.values(results).some((result) => result?.error && EXCHANGE_ERROR_CATALOG[result.error.code as ExchangeErrorCode]?.outageFamily === family);
}

/** After a transient failure: does the profile now look like an outage? Then hold its work, alert its owner once. */
async function evaluateOutage(deps: TestAndEnableDeps, claimed: ClaimedRunItem, now: Date): Promise<void> {
  const { profile, environment } = claimed;
  const outage = detectOutage(await deps.runs.recentAttemptOutcomes(profile.id, new Date(now.getTime() - deps.outage.windowMs)), now, deps.outage);
  if (!outage) return;
  const nextProbeAt = new Date(now.getTime() + deps.retry.transientRetryIntervalSeconds * 1000);
  const held = await deps.unitOfWork.run(async (tx) => {
    if (!(await tx.runs.holdServerProfile(profile.id, outage.family, now))) return false;
    await tx.alerts.createAlerts([buildOutageAlert({ environmentId: environment.id, serverProfileId: profile.id, profileName: profile.name, outage, nextProbeAt, now })]);
    await tx.jobs.enqueueOutageProbe(profile.id, nextProbeAt);
    return true;
  });
  if (held && profile.settings.sendEmailAlert) {
    await deps.notifier.notifyOutage({
      to: profile.ownerEmail, profileName: profile.name,
      subject: `Sync Admin: more than half of the mailboxes of ${profile.name} failed in the last hour`,
      text: buildOutageAlert({ environmentId: environment.id, serverProfileId: profile.id, profileName: profile.name, outage, nextProbeAt, now }).message,
    });
  }
}

/** The probe succeeded (or failed otherwise): the hold ends and every held item waits for its next attempt again. */
async function releaseOutage(deps: TestAndEnableDeps, claimed: ClaimedRunItem, now: Date): Promise<void> {
  const { profile, environment } = claimed;
  await deps.unitOfWork.run(async (tx) => {
    const resumed = await tx.runs.releaseServerProfile(profile.id, now);
    await tx.jobs.enqueueAttempts(resumed.map((item) => ({
      itemId: item.itemId, serverProfileId: profile.id, attempt: item.attempt, startAfter: now, expireInSeconds: attemptBudgetSeconds(profile.settings),
    })));
    await tx.alerts.createAlerts([buildOutageResumedAlert({ environmentId: environment.id, serverProfileId: profile.id, profileName: profile.name, resumed: resumed.length + 1, now })]);
  });
}

/** The outage probe job: tests one held mailbox of the profile; success (or any other answer) ends the hold. */
export async function probeServerProfileOutage(deps: TestAndEnableDeps, serverProfileId: string): Promise<AttemptOutcome> {
  const hold = await deps.runs.findServerProfileHold(serverProfileId);
  if (!hold) return { outcome: 'skipped' };
  const held = await deps.runs.findHeldItem(serverProfileId);
  if (!held) {
    await deps.unitOfWork.run((tx) => tx.runs.releaseServerProfile(serverProfileId, deps.clock()));
    return { outcome: 'skipped' };
  }
  // The probe job is not bound to one item, so its claim takes the longest budget a profile can need.
  const budgetSeconds = attemptBudgetSeconds({ timeoutMailboxConnection: false, timeoutMailboxConnectionAfterAmount: 0 });
  return runTestAndEnableAttempt(deps, { ...held, budgetSeconds, probe: true });
}

/**
 * A safety net beside the job engine's own redelivery: an item whose worker died after claiming it waits again
 * for the same attempt, with a new job. Should both deliver, the claim lets only one of them test.
 * `lapsedBefore`: claims that lapse before it count as lost; the far future when the caller knows every claim
 * is a dead process's (the embedded database's one process, just started).
 */
export async function recoverLapsedClaims(deps: Pick<TestAndEnableDeps, 'unitOfWork' | 'runs' | 'clock'>, lapsedBefore = deps.clock()): Promise<number> {
  const lapsed = await deps.unitOfWork.run(async (tx) => {
    const released = await tx.runs.releaseExpiredClaims(lapsedBefore);
    await tx.jobs.enqueueAttempts(released.map((item) => ({
      itemId: item.itemId, serverProfileId: item.serverProfileId, attempt: item.attempt, startAfter: deps.clock(), expireInSeconds: attemptBudgetSeconds(item.timeout),
    })));
    return released.length;
  });
  // And a run whose items all ended without the run being marked (a worker killed between the two).
  await deps.runs.finishIdleRuns(deps.clock());
  return lapsed;
}

// ── Test connection of one mailbox ───────────────────────────────────────────

export interface MailboxConnectionTest {
  testedAt: Date;
  result: MailboxConnectivityResult;
}

/** Runs the checks of Test & Enable on one mailbox now, step by step, and keeps the trace; statuses stay as they are. */
export async function testMailboxConnection(
  deps: Pick<TestAndEnableDeps, 'mailboxes' | 'profiles' | 'connectivity' | 'runs' | 'clock'>, actor: Actor, environmentId: string, mailboxId: string,
): Promise<MailboxConnectionTest> {
  const mailbox: Mailbox | null = await deps.mailboxes.findMailbox(environmentId, mailboxId);
  if (!mailbox || !canReachRecord(actor.privileges, 'mailbox.read', actor.userId, mailbox.ownerId)) throw notFound('MAILBOX_NOT_FOUND', 'The mailbox');
  const denial = writeDenial(actor, mailbox);
  if (denial) throw accessDenied(denial);
  if (!mailbox.serverProfileId) throw new DomainError('CONFLICT', { code: 'MAILBOX_HAS_NO_SERVER_PROFILE', message: 'The mailbox has no email server profile to test with. Choose a Server Profile first.' });
  const profile = await deps.profiles.findServerProfile(environmentId, mailbox.serverProfileId);
  if (!profile) throw notFound('SERVER_PROFILE_NOT_FOUND', 'The email server profile');
  const channels = channelsToTest(mailbox);
  const testedAt = deps.clock();
  const result = await checkSafely(deps, {
    settings: pickServerProfileSettings(profile), secrets: await deps.profiles.findServerProfileSecrets(profile.id),
    mailbox: { emailAddress: mailbox.emailAddress, type: mailbox.type, allowCredentialsForEmailProcessing: mailbox.allowCredentialsForEmailProcessing, userName: mailbox.userName, password: await deps.mailboxes.findMailboxPassword(mailbox.id) },
    knownEwsUrl: mailbox.discoveredEwsUrl, channels: channels.length > 0 ? channels : [...EXCHANGE_CHANNELS],
  });
  await deps.runs.recordMailboxConnectionTest(mailbox.id, testedAt, result.trace, result.discoveredEwsUrl);
  return { testedAt, result };
}
