import path from 'node:path';
import { applyMigrations, createSecretCipher, openDatabase } from '@sync-admin/db';
import { createEwsConnectionProbe } from '@sync-admin/ews';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { loadSecretKey } from './lib/secret-key.ts';
import { plainHttpWarning } from './lib/secure-channel.ts';
import { seedDemoData, shouldSeedDemoData } from './seed/demo-data.ts';

/** Composition root: configuration, database (migrated, seeded on first embedded start), adapters, HTTP. */
const config = loadConfig();
const dataDir = path.resolve(config.DATA_DIR);
const db = await openDatabase(
  config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
);
await applyMigrations(db);

if (shouldSeedDemoData(config.SEED_DEMO_DATA, db.target, await db.prisma.environment.count())) await seedDemoData(db.prisma);

const cipher = createSecretCipher(await loadSecretKey(config.SECRET_ENCRYPTION_KEY, dataDir));
const s2s =
  config.S2S_TENANT_ID && config.S2S_APPLICATION_ID && config.S2S_CLIENT_SECRET
    ? { tenantId: config.S2S_TENANT_ID, applicationId: config.S2S_APPLICATION_ID, clientSecret: config.S2S_CLIENT_SECRET }
    : null;
const app = await buildApp({ config, db, cipher, probe: createEwsConnectionProbe({ s2s }) });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    await db.close();
    process.exit(0);
  });
}

await app.listen({ port: config.PORT, host: config.HOST });
const warning = plainHttpWarning(config);
if (warning) app.log.warn(warning);
app.log.info(`Sync Admin is ready on http://localhost:${config.PORT} (${db.target === 'pglite' ? `embedded database in ${dataDir}` : 'PostgreSQL'})`);
