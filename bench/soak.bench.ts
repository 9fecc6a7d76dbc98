/**
 * Soak benchmark (reliability & security issue, §6): the real portal on PostgreSQL under a steady open-loop load
 * of mixed reads and writes (list mailboxes with filters, get a mailbox, patch a mailbox or a profile description,
 * list alerts and audit), reporting errors (target 0), latency and the portal's memory at start and end (target:
 * flat). Run: `pnpm bench:soak`; SOAK_SECONDS (300), SOAK_RATE (200 requests/s), SOAK_MAILBOXES (10,000) change
 * it, e.g. `SOAK_SECONDS=30 pnpm bench:soak` for a quick run. Writes docs/benchmarks/soak-<rate>rps-<seconds>s.json and
 * rebuilds docs/benchmarks/soak.md from every such file, so runs at several rates sit side by side (notes at its end stay).
 * The portal runs in its own process, as in production; this process only generates load and reads its probe.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALERT_SEVERITIES, AUDITED_ENTITY_TYPES, MAILBOX_SORT_FIELDS, MAILBOX_VIEWS } from '@sync-admin/domain';
import pg from 'pg';
import { startPostgresServer } from '../apps/api/test/helpers/postgres-server.ts';
import { createPortalDatabase, machine, ms, percentile, run, signIn, startPortal } from './bench-support.ts';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const RATE = Number(process.env.SOAK_RATE ?? 200);
const MAILBOXES = Number(process.env.SOAK_MAILBOXES ?? 10_000);
const PROFILES = 20;
const WARMUP_SECONDS = Math.min(20, Math.max(5, SECONDS / 10));
const INTERVAL_SECONDS = SECONDS >= 120 ? 30 : 10;
/** Past this many unanswered requests the portal is not keeping up: further ones count as errors, not a queue. */
const MAX_IN_FLIGHT = RATE * 5;
const TARGETS = { errors: 0, p95Ms: 100, heapGrowthPercent: 10, rssGrowthPercent: 20 };
const PORT = 3900 + Math.floor(Math.random() * 90);
/** soak.md is rewritten on every run; what follows this line (the reading of the runs) is kept. */
const NOTES_MARKER = '<!-- Notes: kept when the benchmark rewrites this file. -->';
const BASE = `http://127.0.0.1:${PORT}`;

/** A small seeded generator, so every run issues the same sequence of requests. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** `versions`: the last version seen of each record, which a PATCH sends back (optimistic concurrency, decision 35). */
interface Fixture { environmentId: string; mailboxIds: string[]; profileIds: string[]; sessions: Record<string, string>[]; versions: Map<string, number> }
type Operation = { name: string; weight: number; request(f: Fixture, i: number): { method: string; path: string; body?: unknown; versionOf?: string } };

const SEARCHES = ['a', 'meg', 'queue', 'sup', 'z'];
const OPERATIONS: Operation[] = [
  {
    name: 'list mailboxes (view, Quick Find, filter, sort, page)', weight: 30,
    request: (f) => {
      const query = new URLSearchParams({ view: pick(MAILBOX_VIEWS), sort: pick(MAILBOX_SORT_FIELDS), order: pick(['asc', 'desc']), offset: String(pick([0, 0, 100, 1000])), limit: '100' });
      if (next() < 0.4) query.set('search', pick(SEARCHES));
      if (next() < 0.3) query.set('type', pick(['user', 'queue']));
      return { method: 'GET', path: `/api/environments/${f.environmentId}/mailboxes?${query}` };
    },
  },
  { name: 'get a mailbox', weight: 20, request: (f) => ({ method: 'GET', path: `/api/environments/${f.environmentId}/mailboxes/${pick(f.mailboxIds)}` }) },
  {
    name: 'patch a mailbox', weight: 10,
    request: (f) => {
      const id = pick(f.mailboxIds);
      return { method: 'PATCH', path: `/api/environments/${f.environmentId}/mailboxes/${id}`, body: { syncItemsFromThisOrgOnly: next() < 0.5, version: f.versions.get(id) }, versionOf: id };
    },
  },
  {
    name: 'patch a profile description', weight: 10,
    request: (f, i) => {
      const id = pick(f.profileIds);
      return { method: 'PATCH', path: `/api/environments/${f.environmentId}/server-profiles/${id}`, body: { description: `Soak write ${i}`, version: f.versions.get(id) }, versionOf: id };
    },
  },
  {
    name: 'list alerts', weight: 15,
    request: (f) => {
      const query = new URLSearchParams({ limit: '100' });
      if (next() < 0.5) query.set('severity', pick(ALERT_SEVERITIES));
      if (next() < 0.3) query.set('search', pick(SEARCHES));
      if (next() < 0.3) query.set('since', new Date(Date.now() - 7 * 86_400_000).toISOString());
      return { method: 'GET', path: `/api/environments/${f.environmentId}/alerts?${query}` };
    },
  },
  {
    name: 'list audit', weight: 15,
    request: (f) => {
      const query = new URLSearchParams({ limit: '100' });
      if (next() < 0.5) query.set('entityType', pick(AUDITED_ENTITY_TYPES));
      if (next() < 0.3) query.set('search', pick(SEARCHES));
      if (next() < 0.3) query.set('from', new Date(Date.now() - 3_600_000).toISOString());
      return { method: 'GET', path: `/api/environments/${f.environmentId}/audit?${query}` };
    },
  },
];
const TOTAL_WEIGHT = OPERATIONS.reduce((sum, o) => sum + o.weight, 0);
function chooseOperation(): Operation {
  let roll = next() * TOTAL_WEIGHT;
  for (const operation of OPERATIONS) if ((roll -= operation.weight) < 0) return operation;
  return OPERATIONS[0]!;
}

interface Sample { memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage }
function probe(server: ChildProcess, collect: boolean): Promise<Sample> {
  return new Promise((resolve) => {
    server.once('message', (message) => resolve(message as Sample));
    server.send({ type: 'sample', collect });
  });
}
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

interface Outcome { operation: string; latencyMs: number; ok: boolean; status: string }

/** Open loop: requests leave at RATE per second whatever the portal's latency, so a slow portal cannot slow the load. */
async function load(fixture: Fixture, seconds: number, onTick: (elapsedSeconds: number, outcomes: Outcome[]) => void = () => {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const pending = new Set<Promise<void>>();
  const started = performance.now();
  let issued = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * RATE);
    for (; issued < due; issued++) {
      const operation = chooseOperation();
      if (pending.size >= MAX_IN_FLIGHT) {
        outcomes.push({ operation: operation.name, latencyMs: 0, ok: false, status: 'not sent: too many unanswered' });
        continue;
      }
      const { method, path: url, body, versionOf } = operation.request(fixture, issued);
      const begin = performance.now();
      const headers = fixture.sessions[issued % fixture.sessions.length];
      const done: Promise<void> = fetch(`${BASE}${url}`, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
        .then(async (response) => {
          const answer = await response.arrayBuffer();
          // Two writes of one record in flight at once: the second is told 409, as an admin would be. That is the
          // answer the portal owes, so it is counted apart from errors; the writer then reads the record again.
          const conflict = response.status === 409;
          outcomes.push({ operation: operation.name, latencyMs: performance.now() - begin, ok: response.ok || conflict, status: conflict ? 'conflict' : String(response.status) });
          if (versionOf && response.ok) fixture.versions.set(versionOf, (JSON.parse(Buffer.from(answer).toString()) as { version: number }).version);
          if (versionOf && conflict) {
            const fresh = await fetch(`${BASE}${url}`, { headers });
            if (fresh.ok) fixture.versions.set(versionOf, ((await fresh.json()) as { version: number }).version);
          }
        }, (error: Error) => {
          outcomes.push({ operation: operation.name, latencyMs: performance.now() - begin, ok: false, status: error.message });
        })
        .finally(() => pending.delete(done));
      pending.add(done);
    }
    onTick((performance.now() - started) / 1000, outcomes);
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  return outcomes;
}

function summarize(outcomes: Outcome[], seconds: number) {
  const latencies = outcomes.filter((o) => o.latencyMs > 0).map((o) => o.latencyMs).sort((a, b) => a - b);
  return {
    requests: outcomes.length,
    perSecond: Math.round(outcomes.length / seconds),
    errors: outcomes.filter((o) => !o.ok).length,
    /** 409 STALE_RECORD: two writes of one record in flight at once (older result files have none). */
    conflicts: outcomes.filter((o) => o.status === 'conflict').length,
    p50: ms(percentile(latencies, 50)), p95: ms(percentile(latencies, 95)), p99: ms(percentile(latencies, 99)), max: ms(latencies.at(-1) ?? Number.NaN),
  };
}

const postgres = await startPostgresServer();
let server: ChildProcess | null = null;
try {
  const env = await createPortalDatabase(postgres, 'sync_admin_soak', PORT);
  server = await startPortal(env, { nodeArgs: ['--expose-gc', '--import', './bench/portal-probe.preload.ts'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  if (MAILBOXES > 306) {
    console.log(`Generating mailboxes up to ${MAILBOXES} in Contoso…`);
    await run('node', ['--import', 'tsx', 'apps/api/src/seed/generate-mailboxes.ts', String(MAILBOXES - 306), 'Contoso'], env);
  }
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL!, max: 2 });
  await pool.query('ANALYZE');
  const { rows: [contoso] } = await pool.query<{ id: string }>(`SELECT id FROM "Environment" WHERE name = 'Contoso'`);
  const mailboxIds = (await pool.query<{ id: string }>(`SELECT id FROM "Mailbox" WHERE "environmentId" = $1 ORDER BY random() LIMIT 2000`, [contoso!.id])).rows.map((r) => r.id);

  const mailboxCount = Number((await pool.query<{ count: string }>(`SELECT count(*) FROM "Mailbox" WHERE "environmentId" = $1`, [contoso!.id])).rows[0]!.count);
  const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
  // Two System Administrators of Contoso, as two admins at work.
  const sessions = [await signIn(BASE, 'sysadmin@contoso.example'), await signIn(BASE, 'global.admin@contoso.example')];
  // Profile writes spread over a score of profiles, as in a real tenant, rather than all queueing on the demo's two rows.
  for (let i = 1; i <= PROFILES - 2; i++) {
    const created = await fetch(`${BASE}/api/environments/${contoso!.id}/server-profiles`, { method: 'POST', headers: sessions[0], body: JSON.stringify({ serverType: 'exchangeOnline', name: `Soak profile ${i}` }) });
    if (created.status !== 201) throw new Error(`creating a profile answered ${created.status}`);
  }
  const profileIds = (await pool.query<{ id: string }>(`SELECT id FROM "ServerProfile" WHERE "environmentId" = $1`, [contoso!.id])).rows.map((r) => r.id);
  const { rows: versionRows } = await pool.query<{ id: string; version: number }>(
    `SELECT "id", "version" FROM "Mailbox" WHERE "id" = ANY($1::uuid[]) UNION ALL SELECT "id", "version" FROM "ServerProfile" WHERE "id" = ANY($2::uuid[])`, [mailboxIds, profileIds]);
  const fixture: Fixture = { environmentId: contoso!.id, mailboxIds, profileIds, sessions, versions: new Map(versionRows.map((row) => [row.id, row.version])) };
  console.log(`Contoso has ${mailboxCount} mailboxes on PostgreSQL ${version}. Warm-up: ${WARMUP_SECONDS} s at ${RATE} requests/s…`);

  const beforeLoad = await probe(server, true);
  await load(fixture, WARMUP_SECONDS);
  const start = await probe(server, true);
  console.log(`Soak: ${SECONDS} s at ${RATE} requests/s; start heap ${mib(start.memory.heapUsed)} MiB, RSS ${mib(start.memory.rss)} MiB (after a full GC)`);

  const timeline: { second: number; requests: number; errors: number; p95: number; rssMiB: number; heapUsedMiB: number }[] = [];
  let nextMark = INTERVAL_SECONDS;
  let marked = 0;
  const portal = server;
  const outcomes = await load(fixture, SECONDS, (elapsed, soFar) => {
    if (elapsed < nextMark) return;
    const mark = nextMark;
    nextMark += INTERVAL_SECONDS;
    const interval = soFar.slice(marked);
    marked = soFar.length;
    // The load keeps running while the probe answers; no GC here, so the timeline shows the heap as it is.
    void probe(portal, false).then((sample) => {
      const s = summarize(interval, INTERVAL_SECONDS);
      timeline.push({ second: mark, requests: s.requests, errors: s.errors, p95: s.p95, rssMiB: mib(sample.memory.rss), heapUsedMiB: mib(sample.memory.heapUsed) });
      console.log(`${String(mark).padStart(4)} s: ${s.requests} requests, ${s.errors} errors, p95 ${s.p95} ms, RSS ${mib(sample.memory.rss)} MiB, heap ${mib(sample.memory.heapUsed)} MiB`);
    });
  });
  const end = await probe(server, true);
  await pool.end();

  const cpuSeconds = (end.cpu.user + end.cpu.system - start.cpu.user - start.cpu.system) / 1e6;
  const growth = (a: number, b: number) => ms(((b - a) / a) * 100);
  const results: Results = {
    date: new Date().toISOString(),
    machine: machine(version),
    mailboxes: mailboxCount,
    rate: RATE, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS,
    mix: OPERATIONS.map((o) => ({ name: o.name, percent: Math.round((o.weight / TOTAL_WEIGHT) * 100) })),
    overall: summarize(outcomes, SECONDS),
    perOperation: OPERATIONS.map((o) => ({ name: o.name, ...summarize(outcomes.filter((x) => x.operation === o.name), SECONDS) })),
    errorsByStatus: Object.fromEntries([...new Set(outcomes.filter((o) => !o.ok).map((o) => o.status))].map((status) => [status, outcomes.filter((o) => o.status === status).length])),
    memory: {
      beforeLoad: { rssMiB: mib(beforeLoad.memory.rss), heapUsedMiB: mib(beforeLoad.memory.heapUsed) },
      start: { rssMiB: mib(start.memory.rss), heapUsedMiB: mib(start.memory.heapUsed) },
      end: { rssMiB: mib(end.memory.rss), heapUsedMiB: mib(end.memory.heapUsed) },
      heapGrowthPercent: growth(start.memory.heapUsed, end.memory.heapUsed),
      rssGrowthPercent: growth(start.memory.rss, end.memory.rss),
    },
    portalCpuPercent: ms((cpuSeconds / SECONDS) * 100),
    timeline: timeline.sort((a, b) => a.second - b.second),
    targets: TARGETS,
  };
  console.log(JSON.stringify({ ...results, timeline: undefined }, null, 2));
  const dir = 'docs/benchmarks';
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `soak-${RATE}rps-${SECONDS}s.json`), `${JSON.stringify(results, null, 2)}\n`);
  const runs = readdirSync(dir).filter((file) => /^soak-\d+rps-\d+s\.json$/.test(file))
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Results)
    .sort((a, b) => b.rate - a.rate || b.seconds - a.seconds);
  const reportPath = path.join(dir, 'soak.md');
  const previous = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : '';
  writeFileSync(reportPath, `${report(runs)}\n${previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`}`);
} finally {
  server?.kill('SIGTERM');
  postgres.stop();
}

type Summary = ReturnType<typeof summarize>;
interface Results {
  date: string; machine: ReturnType<typeof machine>; mailboxes: number; rate: number; seconds: number; warmupSeconds: number;
  mix: { name: string; percent: number }[]; overall: Summary; perOperation: ({ name: string } & Summary)[];
  errorsByStatus: Record<string, number>;
  memory: { beforeLoad: { rssMiB: number; heapUsedMiB: number }; start: { rssMiB: number; heapUsedMiB: number }; end: { rssMiB: number; heapUsedMiB: number }; heapGrowthPercent: number; rssGrowthPercent: number };
  portalCpuPercent: number; timeline: { second: number; requests: number; errors: number; p95: number; rssMiB: number; heapUsedMiB: number }[]; targets: typeof TARGETS;
}

function report(runs: Results[]): string {
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const row = (name: string, s: Summary) => `| ${name} | ${s.requests} | ${s.perSecond} | ${s.errors} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} |`;
  const section = (r: Results) => `## ${r.seconds} s at ${r.rate} requests/s

Run on ${r.date} (open loop, after a ${r.warmupSeconds} s warm-up at the same rate). Machine: ${r.machine.cpus} × ${r.machine.cpuModel},
${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres} (fsync off, on the same machine).
${r.mailboxes.toLocaleString('en-US')} mailboxes in Contoso.

| | target | result | |
|---|---|---|---|
| Errors (any non-2xx or network error) | ${r.targets.errors} | ${r.overall.errors} of ${r.overall.requests} | ${verdict(r.overall.errors <= r.targets.errors)} |
| p95 latency, all requests | ≤ ${r.targets.p95Ms} ms | ${r.overall.p95} ms | ${verdict(r.overall.p95 <= r.targets.p95Ms)} |
| Live heap after a full GC, start → end | flat (≤ +${r.targets.heapGrowthPercent} %) | ${r.memory.start.heapUsedMiB} → ${r.memory.end.heapUsedMiB} MiB (${r.memory.heapGrowthPercent} %) | ${verdict(r.memory.heapGrowthPercent <= r.targets.heapGrowthPercent)} |
| RSS, start → end | flat (≤ +${r.targets.rssGrowthPercent} %) | ${r.memory.start.rssMiB} → ${r.memory.end.rssMiB} MiB (${r.memory.rssGrowthPercent} %) | ${verdict(r.memory.rssGrowthPercent <= r.targets.rssGrowthPercent)} |

Before any load the portal held ${r.memory.beforeLoad.heapUsedMiB} MiB of live heap in ${r.memory.beforeLoad.rssMiB} MiB RSS; "start" is after the warm-up.
The portal used ${r.portalCpuPercent} % of one core on average.${r.overall.conflicts ? ` ${r.overall.conflicts} writes met another write of the same record in flight and were answered 409 (not counted as errors; the writer reads the record again).` : ''}${Object.keys(r.errorsByStatus).length ? ` Errors by status: ${Object.entries(r.errorsByStatus).map(([s, n]) => `${s}: ${n}`).join(', ')}.` : ''}

| latency (ms) | requests | per second | errors | p50 | p95 | p99 | max |
|---|---|---|---|---|---|---|---|
${row('All', r.overall)}
${r.perOperation.map((o) => row(o.name, o)).join('\n')}

| second | requests | errors | p95 ms | RSS MiB | heap used MiB (no GC) |
|---|---|---|---|---|---|
${r.timeline.map((t) => `| ${t.second} | ${t.requests} | ${t.errors} | ${t.p95} | ${t.rssMiB} | ${t.heapUsedMiB} |`).join('\n')}
`;
  return `# Soak benchmark

Generated by \`pnpm bench:soak\` (bench/soak.bench.ts): the real portal on PostgreSQL under a steady open-loop load of
mixed reads and writes, two signed-in System Administrators of Contoso with ${PROFILES} server profiles. Mix: ${OPERATIONS.map((o) => `${o.name} ${Math.round((o.weight / TOTAL_WEIGHT) * 100)} %`).join(', ')}.
The portal runs in its own process; the load generator and PostgreSQL share the same cores. Memory is the portal's
own (\`process.memoryUsage()\` through bench/portal-probe.preload.ts), after a full GC at start and end.
\`SOAK_SECONDS\`, \`SOAK_RATE\` and \`SOAK_MAILBOXES\` choose the run; each run keeps its own section below.

${runs.map(section).join('\n')}`;
}
