import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { probeServerProfileOutage, recoverLapsedClaims, runTestAndEnableAttempt } from '@sync-admin/domain';
import { startTestAndEnableWorker, type TestAndEnableWorker } from '@sync-admin/jobs';
import { memoizeFor } from '../lib/memoize-for.ts';
import type { Log } from './adapters.ts';
import type { Services } from './services.ts';

/** The Test & Enable worker over the services: the portal runs it in-process on the embedded database, `pnpm worker` elsewhere. */
export function startWorker(services: Services, log: Log): TestAndEnableWorker {
  // An attempt reads its job's starter, its mailbox's owner and the Email settings: the same few rows for
  // thousands of mailboxes in a row. Reused for 5 s, as the API reuses a session's access (decision 17).
  const attemptServices = {
    ...services,
    actors: { findActor: memoizeFor(5_000, services.actors.findActor, (environmentId, userId) => `${environmentId}:${userId}`) },
    emailSettings: { ...services.emailSettings, findEmailSettings: memoizeFor(5_000, services.emailSettings.findEmailSettings, (environmentId) => environmentId) },
  };
  const worker = startTestAndEnableWorker({
    boss: services.jobs.boss,
    leases: services.leases,
    findConnectionLimits: (ids) => services.runs.findConnectionLimits(ids),
    runAttempt: (job) => runTestAndEnableAttempt(attemptServices, job),
    probeOutage: (job) => probeServerProfileOutage(attemptServices, job.serverProfileId),
    recoverLapsedClaims: () => recoverLapsedClaims(services),
    recoveryIntervalMs: services.config.JOB_MAINTENANCE_INTERVAL_SECONDS * 1000,
    concurrency: services.config.WORKER_CONCURRENCY,
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    idlePollMs: 2_000,
    onError: (error, context) => log.error({ err: error }, `Test & Enable worker: ${context}`),
  });
  const unsubscribe = services.onWakeWorker(() => worker.wake());
  return {
    wake: () => worker.wake(),
    get inFlight() {
      return worker.inFlight;
    },
    async stop() {
      unsubscribe();
      await worker.stop();
    },
  };
}
