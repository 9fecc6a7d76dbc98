/**
 * Generates mailboxes for performance work: `pnpm seed:perf [count] [environment]` (default 100000 into
 * Contoso). Uses the same configuration as the server (DATABASE_URL or the embedded database under
 * DATA_DIR; stop the portal first on the embedded one, which only one process can open).
 */
import path from 'node:path';
import { applyMigrations, openDatabase, type PrismaClient } from '@sync-admin/db';
import { loadConfig } from '../config.ts';
import { demoMailboxes } from './demo-data.ts';

type GeneratedMailbox = ReturnType<typeof demoMailboxes>[number];

/** The column types of the generated rows, for jsonb_to_recordset. */
const COLUMN_TYPES = {
  environmentId: 'uuid',
  type: '"MailboxType"',
  name: 'text',
  emailAddress: 'text',
  ownerId: 'uuid',
  serverProfileId: 'uuid',
  isActive: 'boolean',
  emailAddressStatus: '"EmailAddressStatus"',
  incomingEmailStatus: '"MailboxTestStatus"',
  outgoingEmailStatus: '"MailboxTestStatus"',
  appointmentsContactsTasksStatus: '"MailboxTestStatus"',
  isEnabledForIncomingEmail: 'boolean',
  isEnabledForOutgoingEmail: 'boolean',
  isEnabledForAppointmentsContactsTasks: 'boolean',
  testCompletedOn: 'timestamp(3)',
  lastErrorCode: 'text',
  lastErrorMessage: 'text',
  lastErrorAt: 'timestamp(3)',
  consecutiveErrorCount: 'integer',
  emailAddressApprovedAt: 'timestamp(3)',
} as const satisfies Record<keyof GeneratedMailbox, string>;

/**
 * One INSERT per batch with the rows as one JSON parameter. Prisma's createMany spends about half a
 * millisecond of CPU per row building its statement; this spends almost none, so 100,000 rows take seconds.
 */
async function insertMailboxes(prisma: PrismaClient, rows: GeneratedMailbox[]) {
  const columns = Object.keys(COLUMN_TYPES).map((column) => `"${column}"`).join(', ');
  const definitions = Object.entries(COLUMN_TYPES).map(([column, type]) => `"${column}" ${type}`).join(', ');
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Mailbox" ("id", ${columns}, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), ${columns}, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
     FROM jsonb_to_recordset($1::jsonb) AS r(${definitions})`,
    JSON.stringify(rows),
  );
}

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
  const batch = 10_000;
  for (let done = 0; done < count; done += batch) {
    const size = Math.min(batch, count - done);
    await insertMailboxes(
      db.prisma,
      demoMailboxes(environment.id, `${environmentName.toLowerCase()}.example`, size, owner.id, environment.defaultServerProfileId, offset + done),
    );
    process.stdout.write(`\r${done + size} / ${count} mailboxes`);
  }
  // Fresh statistics, so the planner sees the new rows at once rather than after autovacuum gets to them.
  await db.prisma.$executeRawUnsafe('ANALYZE "Mailbox"');
  process.stdout.write(`\nGenerated ${count} mailboxes in ${environmentName} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
