/**
 * Test & Enable benchmark (issue 8 §7), on PostgreSQL against the EWS test server:
 *  1. 10,000 mailboxes of one profile, 50 ms per EWS call, Maximum Concurrent Connections 10: throughput
 *     against the bound 10 ÷ (EWS calls per mailbox × 50 ms);
 *  2. zero latency: mailboxes per second per core of the worker;
 *  3. 1, 2 and 4 worker processes over four profiles whose bounds allow it (50 ms per call);
 *  and each worker's peak memory. Portal and workers run as production runs them (their own processes);
 *  this process hosts PostgreSQL's control, the EWS test server and the measurement.
 * Run: `pnpm bench:test-and-enable` (needs Debian's postgresql). Writes docs/benchmarks/test-and-enable.json;
 * docs/benchmarks/test-and-enable.md reads the figures against the targets.
 * BENCH_MAILBOXES (default 10000) and BENCH_SCALING_MAILBOXES (default 4000) shorten it. BENCH_OUTCOME_COUNTERS=off
 * disables the TestOutcomeDay triggers (decision 57) in the bench's database, to measure what they cost the worker;
 * BENCH_OUTPUT writes the figures elsewhere (such a comparison is not the reference run).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@sync-admin/db';
import { startEwsTestServer, testCertificates, type EwsTestServer } from '@sync-admin/ews/test-peers';
import pg from 'pg';
import { startPostgresServer } from '../apps/api/test/helpers/postgres-server.ts';
import { signInTo, type PortalClient } from '../apps/api/test/helpers/portal-client.ts';
import { startPortalProcess, startWorkerProcess, type RunningProcess } from '../apps/api/test/helpers/processes.ts';

const MAILBOXES = Number(process.env.BENCH_MAILBOXES ?? 10_000);
/** Which scenarios to run (comma-separated: latency, zero, scaling); all by default. */
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? 'latency,zero,scaling').split(','));
const SCALING_MAILBOXES = Number(process.env.BENCH_SCALING_MAILBOXES ?? 4_000);
const OUTCOME_COUNTERS = process.env.BENCH_OUTCOME_COUNTERS !== 'off';
const OUTPUT = process.env.BENCH_OUTPUT ?? 'docs/benchmarks/test-and-enable.json';
const LATENCY_MS = 50;
const SERVICE_USER = 'FABRIKAM\\svc-sync';
const SERVICE_PASSWORD = 'Bench-Svc-Passw0rd';
const CALLS_PER_MAILBOX = 6; // GetFolder Inbox; CreateItem + DeleteItem; GetFolder Calendar, Contacts, Tasks

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The answer's body, or the run stops saying what the portal refused. */
async function bodyOf(what: string, answer: Awaited<ReturnType<PortalClient['call']>>) {
  if (answer.status >= 400) throw new Error(`${what}: ${answer.status} ${JSON.stringify(await answer.json())}`);
  return answer.json();
}

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMemoryMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'))!;
  return round(Number(line.replace(/\D+/g, '')) / 1024, 0);
}

const postgres = await startPostgresServer();
const caDir = mkdtempSync(path.join(os.tmpdir(), 'bench-ca-'));
writeFileSync(path.join(caDir, 'ca.pem'), testCertificates().ca);
const processes: RunningProcess[] = [];
let ews: EwsTestServer | null = null;
let db = null as Database | null;

async function freshDeployment() {
  await Promise.all(processes.splice(0).map((p) => p.stop()));
  await db?.close();
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const env = {
    DATABASE_URL: postgres.url.replace(/\/postgres$/, `/${name}`), SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    IN_PROCESS_WORKER: 'false', NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem'), EWS_ALLOWED_HOSTS: '127.0.0.1', LOG_LEVEL: 'warn',
  };
  const portal = await startPortalProcess({ ...env, SEED_DEMO_DATA: 'true' });
  processes.push(portal);
  db = await openDatabase({ kind: 'postgres', url: env.DATABASE_URL });
  if (!OUTCOME_COUNTERS) {
    for (const event of ['insert', 'update', 'delete']) await db.prisma.$executeRawUnsafe(`ALTER TABLE "TestAndEnableRunItem" DISABLE TRIGGER "TestOutcomeDay_on_${event}"`);
  }
  return { env, client: await signInTo(portal.url) };
}

/** `profiles` Exchange Server profiles at the test server (NTLM, impersonation, MCC 10) with `perProfile` approved mailboxes each. */
async function prepare(client: PortalClient, profiles: number, perProfile: number) {
  const fabrikam = (await db!.prisma.environment.findUniqueOrThrow({ where: { name: 'Fabrikam' } })).id;
  const owner = (await db!.prisma.user.findUniqueOrThrow({ where: { email: 'sysadmin@contoso.example' } })).id;
  await db!.prisma.mailbox.deleteMany({ where: { environmentId: fabrikam } });
  const profileIds: string[] = [];
  for (let p = 0; p < profiles; p++) {
    const created = await bodyOf('creating a profile', await client.call('POST', `/api/environments/${fabrikam}/server-profiles`, {
      serverType: 'exchangeServer', name: `Bench site ${p}`, useAutoDiscover: false, incomingServerLocation: ews!.url, outgoingServerLocation: ews!.url,
      authenticateUsing: 'credentialsSpecifiedInEmailServerProfile', incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD,
      incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm', incomingUseImpersonation: true, outgoingUseImpersonation: true,
      maxConcurrentConnections: 10, timeoutMailboxConnectionAfterAmount: 30,
    }));
    profileIds.push(created.id as string);
    await db!.prisma.mailbox.createMany({
      data: Array.from({ length: perProfile }, (_, i) => ({
        environmentId: fabrikam, type: 'user' as const, name: `Bench ${p}-${i}`, emailAddress: `bench${p}-${i}@fabrikam.example`, ownerId: owner,
        serverProfileId: created.id as string, emailAddressStatus: 'approved' as const,
      })),
    });
  }
  return { fabrikam, profileIds };
}

/** Starts a run on every mailbox of the profiles and waits for it; returns mailboxes per second, first attempt to last. */
async function runJob(client: PortalClient, fabrikam: string, profileIds: string[]) {
  const runs: string[] = [];
  for (const id of profileIds) {
    const started = await bodyOf('starting Test & Enable', await client.call('POST', `/api/environments/${fabrikam}/server-profiles/${id}/test-and-enable-mailboxes`, {}));
    runs.push(started.run.id);
  }
  for (;;) {
    const open = await db!.prisma.testAndEnableRun.count({ where: { id: { in: runs }, finishedAt: null } });
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const span = await db!.prisma.testAndEnableRunItem.aggregate({ where: { runId: { in: runs } }, _min: { startedAt: true }, _max: { finishedAt: true }, _count: true });
  const succeeded = await db!.prisma.testAndEnableRunItem.count({ where: { runId: { in: runs }, state: 'succeeded' } });
  const seconds = (span._max.finishedAt!.getTime() - span._min.startedAt!.getTime()) / 1000;
  // Claim to Exchange's last answer, per attempt; what a slot spends beyond it is recording and taking the next job.
  const attempt = await db!.prisma.testAndEnableAttempt.aggregate({ where: { runId: { in: runs } }, _avg: { durationMs: true } });
  // Of which the EWS calls themselves (the stored trace's duration): the rest is the claim and the lookups.
  const [exchange] = await db!.prisma.$queryRawUnsafe<{ ms: number }[]>(
    `SELECT avg(("lastConnectivityTrace"->>'durationMs')::float) AS "ms" FROM "Mailbox" WHERE "testAndEnableRunId" = ANY($1::uuid[])`, runs,
  );
  // When the 50th, 90th and 99th percentile of mailboxes had finished: a long tail shows as a late p99.
  const [finished] = await db!.prisma.$queryRawUnsafe<{ p50: number; p90: number; p99: number }[]>(
    `SELECT percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM i."finishedAt" - $2::timestamp(3))) AS "at"
     FROM "TestAndEnableRunItem" i WHERE i."runId" = ANY($1::uuid[])`, runs, span._min.startedAt,
  ).then((rows) => rows.map((row) => { const at = (row as unknown as { at: number[] }).at; return { p50: round(at[0]!), p90: round(at[1]!), p99: round(at[2]!) }; }));
  return { mailboxes: span._count, succeeded, seconds: round(seconds, 2), perSecond: round(span._count / seconds), meanAttemptMs: round(attempt._avg.durationMs ?? 0, 0), meanExchangeMs: round(exchange?.ms ?? 0, 0), finishedBySecond: finished };
}

async function startWorkers(env: Record<string, string>, count: number) {
  const workers: RunningProcess[] = [];
  for (let i = 0; i < count; i++) workers.push(await startWorkerProcess({ ...env, WORKER_CONCURRENCY: '10' }));
  processes.push(...workers);
  return workers;
}

const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg().map((l) => round(l, 2)) }, at: new Date().toISOString(), outcomeCounters: OUTCOME_COUNTERS };
try {
  // Every mailbox address the scenarios create exists on the test server.
  const addresses = Array.from({ length: 4 }, (_, p) => Array.from({ length: Math.max(MAILBOXES, SCALING_MAILBOXES) }, (_, i) => `bench${p}-${i}@fabrikam.example`)).flat();
  ews = await startEwsTestServer({ accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }], mailboxes: addresses, latencyMs: LATENCY_MS });

  // 1. Latency-bound: one profile at its connection limit.
  if (SCENARIOS.has('latency')) {
    const { env, client } = await freshDeployment();
    const { fabrikam, profileIds } = await prepare(client, 1, MAILBOXES);
    const [worker] = await startWorkers(env, 1);
    ews.reset();
    const measured = await runJob(client, fabrikam, profileIds);
    const bound = 10 / (CALLS_PER_MAILBOX * LATENCY_MS / 1000);
    results.latencyBound = { ...measured, slotCycleMs: round(10_000 / measured.perSecond, 0), boundPerSecond: round(bound), ratioToBound: round(measured.perSecond / bound, 2), maxInFlight: ews.stats().byIdentity[SERVICE_USER]?.max, workerPeakMb: peakMemoryMb(worker!.process.pid!) };
    console.log('latency-bound', results.latencyBound);
  }

  // 2. Zero latency: how many mailboxes one worker core handles (validation off: the peer must not be the bottleneck).
  if (SCENARIOS.has('zero')) {
    await ews.close();
    ews = await startEwsTestServer({ accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }], mailboxes: addresses, validateRequests: false });
    const { env, client } = await freshDeployment();
    const { fabrikam, profileIds } = await prepare(client, 4, Math.round(SCALING_MAILBOXES / 4));
    const [worker] = await startWorkers(env, 1);
    const cpuBefore = cpuSeconds(worker!.process.pid!);
    const measured = await runJob(client, fabrikam, profileIds);
    const cpu = cpuSeconds(worker!.process.pid!) - cpuBefore;
    results.zeroLatency = { ...measured, workerCpuSeconds: round(cpu, 2), perSecondPerCore: round(measured.mailboxes / cpu), workerPeakMb: peakMemoryMb(worker!.process.pid!) };
    console.log('zero latency', results.zeroLatency);
  }

  // 3. Scaling: 1, 2, 4 workers over four profiles (bound 4 × 33/s), 50 ms per call. Validation off, as at zero
  // latency: the peer shares this machine's cores, and what scales must be the workers, not the peer.
  if (SCENARIOS.has('scaling')) {
    await ews.close();
    ews = await startEwsTestServer({ accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }], mailboxes: addresses, latencyMs: LATENCY_MS, validateRequests: false });
    const scaling: Record<string, unknown> = {};
    for (const workers of [1, 2, 4]) {
      const { env, client } = await freshDeployment();
      const { fabrikam, profileIds } = await prepare(client, 4, Math.round(SCALING_MAILBOXES / 4));
      const started = await startWorkers(env, workers);
      const measured = await runJob(client, fabrikam, profileIds);
      scaling[`${workers}`] = { ...measured, workerPeakMb: Math.max(...started.map((w) => peakMemoryMb(w.process.pid!))) };
      console.log(`${workers} worker(s)`, scaling[`${workers}`]);
    }
    const perSecond = (n: string) => (scaling[n] as { perSecond: number }).perSecond;
    results.scaling = { ...scaling, speedup2: round(perSecond('2') / perSecond('1'), 2), speedup4: round(perSecond('4') / perSecond('1'), 2) };
  }
} finally {
  await Promise.all(processes.map((p) => p.stop()));
  await db?.close();
  await ews?.close().catch(() => {});
  postgres.stop();
  rmSync(caDir, { recursive: true, force: true });
}

mkdirSync(path.dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
