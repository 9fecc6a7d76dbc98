import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { applyMigrations, createSecretCipher, openDatabase, pendingMigrations, type Database } from '@sync-admin/db';
import type { Config } from '../config.ts';
import { loadSecretKey } from '../lib/secret-key.ts';
import { seedDemoData, shouldSeedDemoData } from '../seed/demo-data.ts';
import { startAdapters, type ConnectivityTestSeams, type Log } from './adapters.ts';
import { createServices, type Services } from './services.ts';
import { pointDemoProfileAt, startDemoExchange } from '../demo/demo-exchange.ts';

export interface Runtime {
  db: Database;
  services: Services;
  close(): Promise<void>;
}

/**
 * Database, adapters and services for a process: the portal migrates (and seeds a new embedded database);
 * a worker waits until the portal has migrated, never migrating concurrently with it.
 */
export async function openRuntime(config: Config, role: 'portal' | 'worker', log: Log, seams: ConnectivityTestSeams = {}): Promise<Runtime> {
  const dataDir = path.resolve(config.DATA_DIR);
  if (role === 'worker' && !config.DATABASE_URL) {
    throw new Error('The embedded database is opened by the portal alone, which runs its worker itself. Set DATABASE_URL to run workers apart.');
  }
  const db = await openDatabase(config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  if (role === 'portal') {
    await applyMigrations(db);
    if (shouldSeedDemoData(config.SEED_DEMO_DATA, db.target, await db.prisma.environment.count())) await seedDemoData(db.prisma);
  } else {
    await waitForMigrations(db, log);
  }
  const cipher = createSecretCipher(await loadSecretKey(config.SECRET_ENCRYPTION_KEY, dataDir));
  const demo = role === 'portal' && config.DEMO_EWS_SERVER ? await startDemoExchange(db) : null;
  const adapters = await startAdapters(
    demo ? { ...config, EWS_ALLOWED_HOSTS: [...config.EWS_ALLOWED_HOSTS, '127.0.0.1'] } : config, db, log,
    demo ? { trustedCa: demo.ca, ...seams } : seams,
  );
  const services = createServices(config, db, cipher, adapters);
  if (demo) {
    await pointDemoProfileAt(services, db, demo.url);
    log.warn({ url: demo.url }, 'DEMO_EWS_SERVER: Fabrikam Exchange Server points at a local Exchange test server');
  }
  return {
    db,
    services,
    async close() {
      await demo?.close().catch((error: unknown) => log.error({ err: error }, 'the demo Exchange server saw invalid requests'));
      await adapters.jobs.stop();
      adapters.connectivity.close();
      await db.close();
    },
  };
}

async function waitForMigrations(db: Database, log: Log): Promise<void> {
  for (let waited = 0; ; waited += 2) {
    const pending = await pendingMigrations(db);
    if (pending.length === 0) return;
    if (waited >= 120) throw new Error(`The database lacks migrations ${pending.join(', ')}: start the portal once to apply them.`);
    if (waited === 0) log.warn({ pending }, 'waiting for the portal to apply the database migrations');
    await sleep(2_000);
  }
}
