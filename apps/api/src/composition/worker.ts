import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { probeServerProfileOutage, recoverLapsedClaims, runDailyDomainHealth, runTestAndEnableAttempt } from '@sync-admin/domain';
import { startDomainHealthSchedule, startTestAndEnableWorker, type TestAndEnableWorker } from '@sync-admin/jobs';
import type { Log } from './adapters.ts';
import type { Services } from './services.ts';

/** Later than any claim can lapse. */
const END_OF_TIME = new Date('9999-12-31T23:59:59Z');

/**
 * The Test & Enable worker over the services, and the daily Domain health run: the portal runs it in-process on the embedded database, `pnpm worker`
 * elsewhere. `soleProcess`: no other process can hold work (the embedded database opens in one process only), so
 * what a killed predecessor had claimed resumes at once instead of when its claims lapse.
 */
export async function startWorker(services: Services, log: Log, { soleProcess }: { soleProcess: boolean }): Promise<TestAndEnableWorker> {
  if (soleProcess) {
    const resumed = await recoverLapsedClaims(services, END_OF_TIME);
    if (resumed > 0) log.info({ resumed }, 'Test & Enable: mailboxes interrupted by the previous shutdown are tested again');
  }
  const attemptServices = { ...services, ...services.attemptLookups };
  const worker = startTestAndEnableWorker({
    boss: services.jobs.boss,
    leases: services.leases,
    findConnectionLimits: (ids) => services.runs.findConnectionLimits(ids),
    runAttempt: (job, exchangeDone) => runTestAndEnableAttempt(attemptServices, job, exchangeDone),
    probeOutage: (job) => probeServerProfileOutage(attemptServices, job.serverProfileId),
    recoverLapsedClaims: () => recoverLapsedClaims(services),
    recoveryIntervalMs: services.config.JOB_MAINTENANCE_INTERVAL_SECONDS * 1000,
    concurrency: services.config.WORKER_CONCURRENCY,
    holder: `${hostname()}:${process.pid}:${randomUUID()}`,
    idlePollMs: 2_000,
    onError: (error, context) => log.error({ err: error }, `Test & Enable worker: ${context}`),
  });
  const domainHealth = await startDomainHealthSchedule({
    boss: services.jobs.boss,
    cron: services.config.DOMAIN_HEALTH_SCHEDULE,
    runDaily: async () => {
      const checked = await runDailyDomainHealth(services);
      log.info({ checked }, 'Domain health: the daily checks ran');
    },
  });
  const unsubscribe = services.onWakeWorker(() => worker.wake());
  return {
    wake: () => worker.wake(),
    get inFlight() {
      return worker.inFlight;
    },
    async stop() {
      unsubscribe();
      await domainHealth.stop();
      await worker.stop();
    },
  };
}
