import pino from 'pino';
import { openRuntime } from './composition/runtime.ts';
import { startWorker } from './composition/worker.ts';
import { loadConfig } from './config.ts';

/** `pnpm worker`: a Test & Enable worker process on PostgreSQL. Run as many as the load needs, on any machine. */
const config = loadConfig();
const log = pino({ level: config.LOG_LEVEL });
const runtime = await openRuntime(config, 'worker', log);
const worker = await startWorker(runtime.services, log, { soleProcess: false });
log.info(`Test & Enable worker ${process.pid} is taking work (up to ${config.WORKER_CONCURRENCY} mailboxes at once)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    log.info('stopping: finishing the attempts in progress');
    await worker.stop();
    await runtime.close();
    process.exit(0);
  });
}
