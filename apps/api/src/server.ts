import pino from 'pino';
import { buildApp } from './app.ts';
import { openRuntime } from './composition/runtime.ts';
import { startWorker } from './composition/worker.ts';
import { loadConfig } from './config.ts';
import { plainHttpWarning } from './lib/secure-channel.ts';

/** The portal: API and web app; on the embedded database (or when asked) the Test & Enable worker too. */
const config = loadConfig();
const log = pino({ level: config.LOG_LEVEL });
const runtime = await openRuntime(config, 'portal', log);
const app = await buildApp({ services: runtime.services });
const runsWorker = config.IN_PROCESS_WORKER === 'auto' ? runtime.db.target === 'pglite' : config.IN_PROCESS_WORKER === 'true';
const worker = runsWorker ? await startWorker(runtime.services, app.log, { soleProcess: runtime.db.target === 'pglite' }) : null;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await worker?.stop();
    await runtime.close();
    process.exit(0);
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
const warning = plainHttpWarning(config);
if (warning) app.log.warn(warning);
app.log.info(`Sync Admin is ready on http://localhost:${config.PORT} (${runtime.db.target === 'pglite' ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL'}; ${worker ? 'Test & Enable runs in this process' : 'Test & Enable runs in `pnpm worker` processes'})`);
