import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { probeServerProfileOutage, recoverLapsedClaims, runTestAndEnableAttempt } from '@sync-admin/domain';
import { startTestAndEnableWorker, type TestAndEnableWorker } from '@sync-admin/jobs';
import type { Log } from './adapters.ts';
import type { Services } from './services.ts';

/** The Test & Enable worker over the services: the portal runs it in-process on the embedded database, `pnpm worker` elsewhere. */
export function startWorker(services: Services, log: Log): TestAndEnableWorker {
  const attemptServices = { ...services, ...services.attemptLookups };
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
