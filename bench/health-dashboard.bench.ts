/**
 * Email health dashboard benchmark (issue 11 §1): the real portal on PostgreSQL with 100,000 mailboxes in Contoso,
 * 1,000 Test & Enable jobs of 1,000 items each (1,000,000 run items) finished over the last 30 days, and 100,000
 * alerts, all generated set-based (INSERT … SELECT generate_series); then GET /health-dashboard over real HTTP,
 * timed sequentially (REQUESTS, default 30, after 3 warm-up requests). Target: p95 ≤ 300 ms.
 * Run: `pnpm bench:health-dashboard`. Writes docs/benchmarks/health-dashboard.json and .md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startPostgresServer } from '../apps/api/test/helpers/postgres-server.ts';
import { createPortalDatabase, machine, ms, percentile, signIn, startPortal } from './bench-support.ts';

const MAILBOXES = 100_000;
const RUNS = 1_000;
const ITEMS_PER_RUN = 1_000;
const ALERTS = 100_000;
const REQUESTS = Number(process.env.REQUESTS ?? 30);
const TARGET_P95_MS = 300;
const PORT = 3800 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;

/** Set-based data: mailboxes up to MAILBOXES across Contoso's profiles, jobs and their items over 30 days, alerts. */
async function generate(pool: pg.Pool, environmentId: string) {
  const seeded = Number((await pool.query('SELECT count(*) FROM "Mailbox" WHERE "environmentId" = $1', [environmentId])).rows[0].count);
  await pool.query(`
    WITH profiles AS (SELECT array_agg("id" ORDER BY "name") AS ids FROM "ServerProfile" WHERE "environmentId" = $1),
         owner AS (SELECT "id" FROM "User" WHERE "email" = 'sysadmin@contoso.example')
    INSERT INTO "Mailbox" ("id", "environmentId", "type", "name", "emailAddress", "ownerId", "serverProfileId", "emailAddressStatus",
                           "incomingEmailStatus", "outgoingEmailStatus", "appointmentsContactsTasksStatus", "lastErrorCode", "updatedAt")
    SELECT gen_random_uuid(), $1, 'user', 'Bench mailbox ' || n, 'bench' || n || '@contoso.example', owner."id",
           profiles.ids[1 + n % array_length(profiles.ids, 1)],
           (ARRAY['approved', 'approved', 'pendingApproval', 'rejected', 'empty'])[1 + n % 5]::"EmailAddressStatus",
           (ARRAY['success', 'success', 'failure', 'notRun'])[1 + n % 4]::"MailboxTestStatus",
           (ARRAY['success', 'failure', 'notRun'])[1 + n % 3]::"MailboxTestStatus",
           (ARRAY['success', 'success', 'notRun'])[1 + n % 3]::"MailboxTestStatus",
           CASE WHEN n % 4 = 2 THEN (ARRAY['ErrorAccessDenied', 'ErrorNonExistentMailbox', 'HTTP401', 'EmailAddressNotApproved'])[1 + n % 7 % 4] END,
           now()
      FROM generate_series(1, $2::int) AS n, profiles, owner`, [environmentId, MAILBOXES - seeded]);
  await pool.query(`
    INSERT INTO "TestAndEnableRun" ("id", "environmentId", "scopeKind", "scopeDescription", "state", "startedById", "startedByName", "createdAt", "startAt", "finishedAt", "total")
    SELECT gen_random_uuid(), $1, 'mailboxes', 'Bench job ' || r, 'completed', u."id", 'Bench',
           now() - (r * interval '43 minutes'), now() - (r * interval '43 minutes'), now() - (r * interval '43 minutes') + interval '5 minutes', $2::int
      FROM generate_series(1, $3::int) AS r, (SELECT "id" FROM "User" WHERE "email" = 'sysadmin@contoso.example') AS u`, [environmentId, ITEMS_PER_RUN, RUNS]);
  // Item i of a job tests mailbox number (job × 997 + i) mod the mailboxes: distinct within a job, spread across jobs.
  // A mailbox has one unfinished item at most (a unique index), so only the newest job has items retrying or held.
  await pool.query(`
    WITH mailboxes AS (SELECT "id", "serverProfileId", row_number() OVER (ORDER BY "id") - 1 AS k FROM "Mailbox" WHERE "environmentId" = $1 AND "serverProfileId" IS NOT NULL),
         runs AS (SELECT "id", "finishedAt", r, r = 1 AS newest FROM (SELECT "id", "finishedAt", row_number() OVER (ORDER BY "createdAt" DESC) AS r FROM "TestAndEnableRun" WHERE "environmentId" = $1) AS ordered),
         counted AS (SELECT count(*) AS n FROM mailboxes)
    INSERT INTO "TestAndEnableRunItem" ("id", "runId", "mailboxId", "serverProfileId", "state", "attempts", "pendingChannels", "finishedAt", "lastErrorCode")
    SELECT gen_random_uuid(), runs."id", m."id", m."serverProfileId",
           (CASE WHEN i % 10 = 0 THEN 'failed' WHEN newest AND i % 97 = 0 THEN 'retrying' WHEN newest AND i % 89 = 0 THEN 'held' ELSE 'succeeded' END)::"RunItemState",
           1, '[]', CASE WHEN newest AND (i % 97 = 0 OR i % 89 = 0) THEN NULL ELSE runs."finishedAt" END, CASE WHEN i % 10 = 0 THEN 'ErrorAccessDenied' END
      FROM runs CROSS JOIN generate_series(0, $2::int - 1) AS i CROSS JOIN counted
      JOIN mailboxes m ON m.k = (runs.r * 997 + i) % counted.n`, [environmentId, ITEMS_PER_RUN]);
  await pool.query(`
    WITH mailboxes AS (SELECT array_agg("id") AS ids FROM (SELECT "id" FROM "Mailbox" WHERE "environmentId" = $1 LIMIT 10000) AS picked)
    INSERT INTO "Alert" ("id", "environmentId", "mailboxId", "severity", "message", "createdAt")
    SELECT gen_random_uuid(), $1, mailboxes.ids[1 + n % array_length(mailboxes.ids, 1)],
           (ARRAY['error', 'warning', 'information', 'information'])[1 + n % 4]::"AlertSeverity", 'Bench alert ' || n,
           now() - (n * interval '25 seconds')
      FROM generate_series(1, $2::int) AS n, mailboxes`, [environmentId, ALERTS]);
  // VACUUM as autovacuum would soon after such a load: the dashboard's counts read the mailbox and alert indexes
  // alone (decision 57), which needs the visibility map a fresh bulk insert has not set yet.
  await pool.query('VACUUM ANALYZE');
  const count = async (table: string) => Number((await pool.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
  return { mailboxes: await count('Mailbox'), runs: await count('TestAndEnableRun'), runItems: await count('TestAndEnableRunItem'), alerts: await count('Alert') };
}

const postgres = await startPostgresServer();
let server: ChildProcess | null = null;
try {
  const env = await createPortalDatabase(postgres, 'sync_admin_health_dashboard', PORT);
  server = await startPortal(env);
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL!, max: 2 });
  const version = (await pool.query('SHOW server_version')).rows[0].server_version as string;
  const contoso = (await pool.query(`SELECT "id" FROM "Environment" WHERE "name" = 'Contoso'`)).rows[0].id as string;
  console.log('Generating 100,000 mailboxes, 1,000,000 run items and 100,000 alerts…');
  const generatedAt = performance.now();
  const rows = await generate(pool, contoso);
  const generateSeconds = Math.round((performance.now() - generatedAt) / 100) / 10;
  console.log(rows, `in ${generateSeconds} s`);
  await pool.end();

  const headers = await signIn(BASE, 'sysadmin@contoso.example');
  const url = `${BASE}/api/environments/${contoso}/health-dashboard`;
  const once = async () => {
    const begin = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.json() as { mailboxes: number; testOutcomes: { succeeded: number; failed: number }[] };
    if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
    return { latencyMs: performance.now() - begin, body };
  };
  for (let i = 0; i < 3; i++) await once();
  const latencies: number[] = [];
  let last: Awaited<ReturnType<typeof once>>['body'] | null = null;
  for (let i = 0; i < REQUESTS; i++) {
    const { latencyMs, body } = await once();
    latencies.push(latencyMs);
    last = body;
  }
  latencies.sort((a, b) => a - b);
  const counted = last!.testOutcomes.reduce((sum, day) => sum + day.succeeded + day.failed, 0);
  const result = {
    at: new Date().toISOString(),
    machine: machine(version),
    sharedMachine: 'Run while other engineers\' tests and builds shared the same 2 cores; latencies include that contention.',
    rows,
    generateSeconds,
    dashboard: { mailboxesCounted: last!.mailboxes, finishedRunItemsCounted: counted },
    requests: REQUESTS,
    p50: ms(percentile(latencies, 50)), p95: ms(percentile(latencies, 95)), max: ms(latencies.at(-1)!),
    targetP95Ms: TARGET_P95_MS,
    withinTarget: percentile(latencies, 95) <= TARGET_P95_MS,
  };
  console.log(result);
  mkdirSync('docs/benchmarks', { recursive: true });
  writeFileSync('docs/benchmarks/health-dashboard.json', `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync('docs/benchmarks/health-dashboard.md', `# Email health dashboard on PostgreSQL

\`pnpm bench:health-dashboard\` (bench/health-dashboard.bench.ts), ${result.at}.

The real portal in its own process on PostgreSQL ${version}; the database holds ${rows.mailboxes.toLocaleString('en')} mailboxes (Contoso's 100,000 and Fabrikam's),
${rows.runs.toLocaleString('en')} Test & Enable jobs with ${rows.runItems.toLocaleString('en')} run items finished over the last 30 days, and ${rows.alerts.toLocaleString('en')} alerts,
generated set-based (INSERT … SELECT generate_series, ${generateSeconds} s) and VACUUM ANALYZEd. \`GET /api/environments/:id/health-dashboard\`
as sysadmin@ (Organization depth: every mailbox counts) over HTTP on loopback, ${REQUESTS} requests one after another after 3 warm-up requests.
The answer counted ${last!.mailboxes.toLocaleString('en')} active mailboxes and ${counted.toLocaleString('en')} finished run items.

| requests | p50 | p95 | max | target p95 |
| --- | --- | --- | --- | --- |
| ${REQUESTS} | ${result.p50} ms | ${result.p95} ms | ${result.max} ms | ≤ ${TARGET_P95_MS} ms ${result.withinTarget ? '(met)' : '(missed)'} |

Machine: ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGiB} GiB, Node ${result.machine.node}.
**The machine was shared**: other engineers' test suites and builds ran on the same 2 cores while this ran, so the
figures include that contention and vary from run to run.
`);
} finally {
  server?.kill('SIGTERM');
  postgres.stop();
}
