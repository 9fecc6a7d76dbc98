/**
 * Generates mailboxes for performance work: `pnpm seed:perf [count] [environment]` (default 100000 into
 * Contoso). Uses the same configuration as the server (DATABASE_URL or the embedded database under
 * DATA_DIR; stop the portal first on the embedded one, which only one process can open).
 */
import path from 'node:path';
import { applyMigrations, openDatabase } from '@sync-admin/db';
import { loadConfig } from '../config.ts';
import { demoMailboxes } from './demo-data.ts';

const count = Number(process.argv[2] ?? 100_000);
const environmentName = process.argv[3] ?? 'Contoso';
if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive whole number, got ${process.argv[2]}`);

const config = loadConfig();
const db = await openDatabase(
  config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(path.resolve(config.DATA_DIR), 'pglite') },
);
try {
  await applyMigrations(db);
  const environment = await db.prisma.environment.findUnique({ where: { name: environmentName } });
  if (!environment) throw new Error(`No environment named ${environmentName}: start the portal once to seed the demo data, or pass another name.`);
  const owner = await db.prisma.user.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
  const offset = await db.prisma.mailbox.count({ where: { environmentId: environment.id } });
  const started = Date.now();
  const batch = 5_000;
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    await db.prisma.mailbox.createMany({
      data: demoMailboxes(environment.id, `${environmentName.toLowerCase()}.example`, size, owner.id, environment.defaultServerProfileId, offset + done),
    });
    process.stdout.write(`\r${done + size} / ${count} mailboxes`);
  }
  process.stdout.write(`\nGenerated ${count} mailboxes in ${environmentName} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
