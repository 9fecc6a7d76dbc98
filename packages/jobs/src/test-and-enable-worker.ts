import { connectionLimitScope, type ConnectionLeases, type ConnectionLimitSettings } from '@sync-admin/domain';
import type PgBoss from 'pg-boss';
import type { AttemptJobData, OutageProbeJobData } from './job-engine.ts';
import { ATTEMPT_QUEUE_PREFIX, OUTAGE_PROBE_QUEUE } from './queues.ts';

export interface WorkerOptions {
  boss: PgBoss;
  leases: ConnectionLeases;
  /** The current connection limits of the profiles whose queues exist. */
  findConnectionLimits(serverProfileIds: readonly string[]): Promise<Map<string, ConnectionLimitSettings>>;
  /** Runs an attempt; calls `exchangeDone` once Exchange has answered, before the result is recorded. */
  runAttempt(job: AttemptJobData, exchangeDone: () => void): Promise<unknown>;
  probeOutage(job: OutageProbeJobData): Promise<unknown>;
  /** Puts back the items of workers that died holding them (beside pg-boss's own redelivery). */
  recoverLapsedClaims(): Promise<unknown>;
  /** How often recoverLapsedClaims runs. */
  recoveryIntervalMs: number;
  /** Mailboxes this process tests against Exchange at once, whatever the profiles allow (as many more may be recording their results). */
  concurrency: number;
  /** Unique per process: whose leases these are. */
  holder: string;
  /** Longest wait before an idle queue is looked at again. */
  idlePollMs: number;
  onError: (error: unknown, context: string) => void;
}

export interface TestAndEnableWorker {
  /** Look at the queues now (work was just enqueued by this process). */
  wake(): void;
  /** Stops taking work, lets the attempts in progress finish, and frees this process's connections. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

const LEASE_TTL_MS = 15_000;
const QUEUE_REFRESH_MS = 2_000;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}

/**
 * Takes Test & Enable attempts from the per-profile queues. A profile's work is fetched only after one of
 * its connections is leased (Maximum Concurrent Connections, counted across every worker process; per
 * mailbox when mailboxes bring their own credentials, where one check is one connection anyway), so no
 * worker holds a job it cannot run and one busy profile never blocks the others.
 */
export function startTestAndEnableWorker(options: WorkerOptions): TestAndEnableWorker {
  const stopping = new AbortController();
  const lanes = new Map<string, Promise<void>>();
  /** Attempts in progress; `testing` of them still talk to Exchange, the rest are recording their results. */
  const running = new Set<Promise<void>>();
  let testing = 0;
  let wakeUp = new AbortController();
  let capacityFreed = new AbortController();

  const heartbeat = setInterval(() => {
    options.leases.renew(options.holder, LEASE_TTL_MS).catch((error) => options.onError(error, 'renewing connection leases'));
  }, LEASE_TTL_MS / 3);
  const recovery = setInterval(() => {
    options.recoverLapsedClaims().catch((error) => options.onError(error, 'recovering lapsed claims'));
  }, options.recoveryIntervalMs);

  // Recording backlog is bounded too, should the database fall behind Exchange.
  function free(): number {
    return Math.min(options.concurrency - testing, 2 * options.concurrency - running.size);
  }

  function signalCapacity() {
    capacityFreed.abort();
    capacityFreed = new AbortController();
  }

  function track(work: Promise<void>) {
    running.add(work);
    void work.finally(() => {
      running.delete(work);
      signalCapacity();
    });
  }

  async function runAttemptJob(queue: string, job: PgBoss.Job<AttemptJobData>, leaseId: string | null) {
    testing += 1;
    let connectionFreed: Promise<void> | null = null;
    // The connection goes back as soon as Exchange has answered: recording the result needs the database only,
    // so the profile's next mailbox need not wait for it (Maximum Concurrent Connections counts Exchange's side).
    const exchangeDone = () => {
      if (connectionFreed) return;
      testing -= 1;
      connectionFreed = leaseId
        ? options.leases.release(options.holder, [leaseId]).catch((error) => options.onError(error, 'releasing a connection lease'))
        : Promise.resolve();
      void connectionFreed.then(signalCapacity);
    };
    try {
      await options.runAttempt(job.data, exchangeDone);
      await options.boss.complete(queue, job.id);
    } catch (error) {
      options.onError(error, `attempt ${job.data.attempt} of run item ${job.data.itemId}`);
      await options.boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) }).catch(() => {});
    } finally {
      exchangeDone();
      await connectionFreed;
    }
  }

  async function lane(queue: string, serverProfileId: string) {
    let idleMs = 100;
    let limit: ConnectionLimitSettings | undefined;
    let limitReadAt = 0;
    while (!stopping.signal.aborted) {
      const wanted = free();
      if (wanted <= 0) {
        await sleep(options.idlePollMs, AbortSignal.any([stopping.signal, capacityFreed.signal]));
        continue;
      }
      try {
        // An admin may change Maximum Concurrent Connections while a run goes on: re-read it now and then.
        if (Date.now() - limitReadAt > QUEUE_REFRESH_MS) {
          limit = (await options.findConnectionLimits([serverProfileId])).get(serverProfileId);
          limitReadAt = Date.now();
        }
        if (!limit) {
          // The profile was deleted, and its items with it: nothing in its queue is left to do.
          await options.boss.deleteQueue(queue);
          return;
        }
        const shared = connectionLimitScope(limit) === 'serverProfile';
        const leaseIds = shared
          ? await options.leases.acquire(`serverProfile:${serverProfileId}`, limit.maxConcurrentConnections, wanted, options.holder, LEASE_TTL_MS)
          : [];
        const batch = shared ? leaseIds.length : wanted;
        const jobs = batch > 0 ? await options.boss.fetch<AttemptJobData>(queue, { batchSize: batch }) : [];
        await options.leases.release(options.holder, leaseIds.slice(jobs.length));
        jobs.forEach((job, index) => track(runAttemptJob(queue, job, shared ? leaseIds[index]! : null)));
        if (jobs.length > 0) {
          idleMs = 100;
          continue;
        }
      } catch (error) {
        options.onError(error, `taking work of ${queue}`);
      }
      await sleep(idleMs, AbortSignal.any([stopping.signal, wakeUp.signal, capacityFreed.signal]));
      idleMs = Math.min(idleMs * 2, options.idlePollMs);
    }
  }

  async function watchQueues() {
    while (!stopping.signal.aborted) {
      try {
        for (const { name } of await options.boss.getQueues()) {
          if (!name.startsWith(ATTEMPT_QUEUE_PREFIX) || lanes.has(name)) continue;
          const done = lane(name, name.slice(ATTEMPT_QUEUE_PREFIX.length)).finally(() => lanes.delete(name));
          lanes.set(name, done);
        }
      } catch (error) {
        options.onError(error, 'listing the job queues');
      }
      await sleep(QUEUE_REFRESH_MS, AbortSignal.any([stopping.signal, wakeUp.signal]));
    }
  }

  const watcher = watchQueues();
  const probes = options.boss.work<OutageProbeJobData>(OUTAGE_PROBE_QUEUE, { batchSize: 1 }, async ([job]) => {
    if (job) await options.probeOutage(job.data);
  });

  return {
    wake() {
      wakeUp.abort();
      wakeUp = new AbortController();
    },
    get inFlight() {
      return running.size;
    },
    async stop() {
      stopping.abort();
      clearInterval(heartbeat);
      clearInterval(recovery);
      await options.boss.offWork(await probes);
      await watcher;
      await Promise.all(lanes.values());
      await Promise.all(running);
    },
  };
}
