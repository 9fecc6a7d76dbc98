import type { ExchangeChannel } from '../exchange-connectivity/exchange-channel.ts';
import type { OutageFamily } from '../exchange-connectivity/outage-family.ts';
import type { ConnectivityTrace, ExchangeError } from '../exchange-connectivity/mailbox-connectivity.port.ts';
import type { Environment } from '../environments/environment.ts';
import type { Mailbox } from '../mailboxes/mailbox.ts';
import type { ServerProfileSecrets } from '../server-profiles/server-profile-connection.port.ts';
import type { ServerProfileSettings } from '../server-profiles/server-profile.ts';
import type { RecentAttemptOutcome } from './outage.ts';
import type { RunItem, RunItemChannels, RunItemState, RunScope, RunState, TestAndEnableRun } from './test-and-enable-run.ts';

export interface NewRun {
  environmentId: string;
  scope: RunScope;
  startedById: string;
  startedByName: string;
  createdAt: Date;
  startAt: Date;
}

export interface NewRunItem {
  mailboxId: string;
  serverProfileId: string;
  /** The channels the first attempt checks. */
  channels: ExchangeChannel[];
}

/** The item a mailbox is in while a run tests it: a second run joins it instead of testing again. */
export interface ActiveRunItem {
  mailboxId: string;
  runId: string;
  runNumber: number;
  startedByName: string;
}

/** One delivery of work to the job engine: attempt `attempt` of an item, not before `startAfter`. */
export interface AttemptJob {
  itemId: string;
  serverProfileId: string;
  attempt: number;
  startAfter: Date;
  /** How long a worker may hold it before the engine hands it to another (a worker killed mid-attempt). */
  expireInSeconds: number;
}

/** What an attempt reads of its mailbox: who owns it, its address and delivery methods, its own credentials. */
export type MailboxForAttempt = Pick<Mailbox,
  | 'id' | 'name' | 'type' | 'emailAddress' | 'ownerId' | 'ownerName' | 'serverType' | 'emailAddressStatus'
  | 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'
  | 'allowCredentialsForEmailProcessing' | 'userName' | 'discoveredEwsUrl'
> & { password: string | null };

/** An item claimed by one worker for one attempt, with everything the attempt needs. */
export interface ClaimedRunItem {
  item: { id: string; runId: string; attempts: number; channels: ExchangeChannel[]; stateBeforeClaim: RunItemState };
  run: { id: string; number: number; startedById: string };
  environment: Environment;
  mailbox: MailboxForAttempt;
  profile: {
    id: string;
    name: string;
    ownerId: string;
    ownerEmail: string;
    settings: ServerProfileSettings;
    secrets: ServerProfileSecrets;
    /** Set while an outage holds the profile's work. */
    heldFamily: OutageFamily | null;
  };
}

export interface AttemptRecord {
  itemId: string;
  claimToken: string;
  attempt: number;
  at: Date;
  durationMs: number;
  itemState: 'succeeded' | 'failed' | 'retrying';
  nextAttemptAt: Date | null;
  /** What every channel checked so far found, this attempt's results merged over earlier ones. */
  channels: RunItemChannels;
  /** Channels the next attempt checks. */
  retryChannels: ExchangeChannel[];
  lastError: ExchangeError | null;
  /** For the outage rule and the run history. */
  outcome: RecentAttemptOutcome['outcome'];
  outageFamily: OutageFamily | null;
}

/** What an attempt writes on the mailbox record: its statuses, what is enabled, and its retry state. */
export interface MailboxTestUpdate {
  mailboxId: string;
  runId: string;
  at: Date;
  /** Channels that ended this attempt: passed ones are enabled with status Success, failed ones disabled with Failure. */
  channels: Partial<Record<ExchangeChannel, 'passed' | 'failed'>>;
  /** The run is over for this mailbox: Mailbox Test Completed On is set and it is no longer queued. */
  final: boolean;
  /** Null on a clean attempt (the consecutive failure count restarts); else counted as one more failure. */
  lastError: ExchangeError | null;
  nextAttemptAt: Date | null;
  discoveredEwsUrl: string | null;
  trace: ConnectivityTrace;
}

export interface RunListFilter {
  state?: RunState;
  serverProfileId?: string;
  /** Set for actors who read mailboxes at User depth: only runs they started. */
  startedById?: string;
}

export interface RunItemFilter {
  state?: RunItemState;
}

/**
 * Runs, their items and the test state they leave on mailboxes and profiles. Writes are guarded: each
 * states the condition under which it applies (an item still claimed by this worker, a run still
 * cancellable) and says whether it applied, so concurrent workers never both win.
 */
export interface TestAndEnableRunRepository {
  listRuns(environmentId: string, filter: RunListFilter, page: { offset: number; limit: number }): Promise<{ items: TestAndEnableRun[]; total: number }>;
  findRun(environmentId: string, runId: string): Promise<TestAndEnableRun | null>;
  listRunItems(runId: string, filter: RunItemFilter, page: { offset: number; limit: number }): Promise<{ items: RunItem[]; total: number }>;
  findActiveRunItems(mailboxIds: readonly string[]): Promise<ActiveRunItem[]>;
  recentAttemptOutcomes(serverProfileId: string, since: Date): Promise<RecentAttemptOutcome[]>;
  /** A held item of the profile to probe the outage with; null when none is held. */
  findHeldItem(serverProfileId: string): Promise<{ itemId: string; attempt: number } | null>;
  findServerProfileHold(serverProfileId: string): Promise<{ family: OutageFamily; heldAt: Date } | null>;

  createRun(run: NewRun): Promise<{ id: string; number: number }>;
  /** Inserts items for mailboxes in no active item of any run; returns those inserted (the others were joined). */
  insertItems(runId: string, items: readonly NewRunItem[], at: Date): Promise<{ itemId: string; mailboxId: string; serverProfileId: string }[]>;
  /** Ends waiting items as cancelled; null when the run has already finished or been cancelled. */
  cancelRun(runId: string, by: { id: string; name: string }, at: Date): Promise<{ cancelledItems: number } | null>;
  /** Claims attempt `attempt` of an item for one worker, when it is still to do (or its worker died); with `fromHeld` a held item may be claimed (an outage probe). */
  claimItem(itemId: string, attempt: number, claim: { token: string; expiresAt: Date; fromHeld: boolean }, at: Date): Promise<ClaimedRunItem | null>;
  /** Puts a claimed item back on hold without counting an attempt (its profile is held). */
  holdClaimedItem(itemId: string, claimToken: string): Promise<boolean>;
  /** Records the attempt on the item and in the run history, if the claim still holds. */
  recordAttempt(record: AttemptRecord): Promise<boolean>;
  applyAttemptToMailbox(update: MailboxTestUpdate): Promise<void>;
  /** Approves the address as part of the run (self-approval); false when it was approved meanwhile. */
  approveMailboxEmail(mailboxId: string, approverId: string, at: Date): Promise<boolean>;
  /** Marks the run finished once no item is waiting or running (called in the transaction that ended an item). */
  finishRunIfDone(runId: string, at: Date): Promise<void>;
  /** Finishes every run left with nothing to do, however it got there; returns how many. */
  finishIdleRuns(at: Date): Promise<number>;
  /** Holds the profile's work; false when it is already held. Its waiting items become held. */
  holdServerProfile(serverProfileId: string, family: OutageFamily, at: Date): Promise<boolean>;
  /** Ends the hold; returns the items that wait again, for their next attempt. */
  releaseServerProfile(serverProfileId: string, at: Date): Promise<{ itemId: string; attempt: number }[]>;
  /** Records a mailbox's Test connection trace without touching its statuses. */
  recordMailboxConnectionTest(mailboxId: string, at: Date, trace: ConnectivityTrace, discoveredEwsUrl: string | null): Promise<void>;
  /**
   * Items whose worker's claim lapsed before it recorded anything (a killed worker): they wait again for the
   * same attempt. Returns them, for new jobs.
   */
  releaseExpiredClaims(at: Date): Promise<{
    itemId: string; serverProfileId: string; attempt: number;
    timeout: Pick<ServerProfileSettings, 'timeoutMailboxConnection' | 'timeoutMailboxConnectionAfterAmount'>;
  }[]>;
  /** Connection limits of the profiles a worker serves; profiles that no longer exist are left out. */
  findConnectionLimits(serverProfileIds: readonly string[]): Promise<Map<string, ConnectionLimitSettings>>;
}

/**
 * Connections held to Exchange by every worker process together, so a profile's Maximum Concurrent
 * Connections holds across machines. Leases expire unless renewed, so a killed worker frees its connections.
 */
export interface ConnectionLeases {
  /** Takes up to `wanted` leases on `key` while fewer than `limit` are held; returns their ids (maybe none). */
  acquire(key: string, limit: number, wanted: number, holder: string, ttlMs: number): Promise<string[]>;
  /** Frees leases the holder still holds (one that lapsed and was taken over stays with its new holder). */
  release(holder: string, leaseIds: readonly string[]): Promise<void>;
  /** Extends every lease of a holder (a live worker's heartbeat). */
  renew(holder: string, ttlMs: number): Promise<void>;
}

/** What a worker needs to know about a profile to take its work: how many connections, counted how. */
export type ConnectionLimitSettings = Pick<ServerProfileSettings, 'serverType' | 'authenticateUsing' | 'maxConcurrentConnections'>;

/** The job engine as the use cases see it: work is delivered later, at least once, to some worker. */
export interface TestAndEnableJobs {
  enqueueAttempts(jobs: readonly AttemptJob[]): Promise<void>;
  enqueueOutageProbe(serverProfileId: string, at: Date): Promise<void>;
}


/** Tells a profile owner by email that an outage holds their profile (seed 003's "Send an alert email"). */
export interface ProfileOwnerNotifier {
  notifyOutage(message: { to: string; profileName: string; subject: string; text: string }): Promise<void>;
}
