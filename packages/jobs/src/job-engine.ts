import type { AttemptJob, TestAndEnableJobs } from '@sync-admin/domain';
import PgBoss from 'pg-boss';
import { attemptQueueOf, OUTAGE_PROBE_QUEUE } from './queues.ts';

/** Raw SQL on a connection, as pg-boss's `db` option and our own transactions both speak it. */
export type ExecuteSql = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;

export interface JobEngineOptions {
  /** The database's own connection: pg-boss shares it (one pool on PostgreSQL; the embedded database in-process). */
  executeSql: ExecuteSql;
  /** How often expired active jobs (a killed worker's) are failed and retried. */
  maintenanceIntervalSeconds: number;
  onError: (error: Error) => void;
}

export interface AttemptJobData {
  itemId: string;
  attempt: number;
  budgetSeconds: number;
}

export interface OutageProbeJobData {
  serverProfileId: string;
}

/** Redeliveries of a job whose worker died; our own items decide what a redelivery still has to do. */
const CRASH_RETRY_LIMIT = 5;
const CRASH_RETRY_DELAY_SECONDS = 5;

export const PG_BOSS_SCHEMA = 'pgboss';

export interface JobEngine {
  boss: PgBoss;
  /** The job queue bound to a transaction: jobs commit (or roll back) with the work they stand for. */
  jobsWithin(executeSql: ExecuteSql): TestAndEnableJobs;
  stop(): Promise<void>;
}

/** pg-boss 10 on the portal's database (PostgreSQL or the embedded PGlite, through executeSql). */
export async function startJobEngine(options: JobEngineOptions): Promise<JobEngine> {
  const boss = new PgBoss({
    db: { executeSql: options.executeSql as PgBoss.Db['executeSql'] },
    schema: PG_BOSS_SCHEMA,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
    // Finished jobs are history of pg-boss's own; ours is in the run items.
    archiveCompletedAfterSeconds: 3_600,
    deleteAfterDays: 7,
  });
  boss.on('error', options.onError);
  await boss.start();
  await boss.createQueue(OUTAGE_PROBE_QUEUE);

  return {
    boss,
    jobsWithin: (executeSql) => createTestAndEnableJobs(boss, executeSql),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

/** Creates a queue if it is missing; idempotent, and inside the caller's transaction like the insert after it. */
async function ensureQueue(executeSql: ExecuteSql, name: string): Promise<void> {
  // create_queue returns void, which some drivers cannot read back: select around it.
  await executeSql(`SELECT count(*)::int AS "done" FROM (SELECT ${PG_BOSS_SCHEMA}.create_queue($1::text, $2::json)) created`, [name, JSON.stringify({ policy: 'standard' })]);
}

function createTestAndEnableJobs(boss: PgBoss, executeSql: ExecuteSql): TestAndEnableJobs {
  const db = { executeSql: executeSql as PgBoss.Db['executeSql'] };
  return {
    async enqueueAttempts(jobs: readonly AttemptJob[]) {
      const byQueue = new Map<string, AttemptJob[]>();
      for (const job of jobs) {
        const queue = attemptQueueOf(job.serverProfileId);
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
      }
      for (const [queue, queued] of byQueue) {
        await ensureQueue(executeSql, queue);
        await boss.insert(queued.map((job) => ({
          name: queue,
          data: { itemId: job.itemId, attempt: job.attempt, budgetSeconds: job.expireInSeconds } satisfies AttemptJobData,
          startAfter: job.startAfter.toISOString(),
          expireInSeconds: job.expireInSeconds,
          retryLimit: CRASH_RETRY_LIMIT,
          retryDelay: CRASH_RETRY_DELAY_SECONDS,
        })), { db });
      }
    },
    async enqueueOutageProbe(serverProfileId, at) {
      await boss.insert([{ name: OUTAGE_PROBE_QUEUE, data: { serverProfileId } satisfies OutageProbeJobData, startAfter: at.toISOString() }], { db });
    },
  };
}
