import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { applyMigrations, createSecretCipher, openDatabase, type Database } from '@sync-admin/db';
import type { TestAndEnableWorker } from '@sync-admin/jobs';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { startAdapters, type ConnectivityTestSeams } from '../../src/composition/adapters.ts';
import { createServices, type Services } from '../../src/composition/services.ts';
import { startWorker } from '../../src/composition/worker.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { DEMO_PASSWORD, seedDemoData } from '../../src/seed/demo-data.ts';

export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/** A fresh database for one test file: in-memory PGlite, or a new database on the test PostgreSQL server. */
export async function openTestDatabase(): Promise<{ db: Database; url: string | null }> {
  if (TEST_DATABASE === 'pglite') return { db: await openDatabase({ kind: 'pglite', dataDir: null }), url: null };
  const serverUrl = inject('postgresUrl');
  const name = `sync_admin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  return { db: await openDatabase({ kind: 'postgres', url }), url };
}

export interface TestApp {
  app: App;
  db: Database;
  /** The PostgreSQL database's URL, for tests that hold their own connections (null on PGlite). */
  databaseUrl: string | null;
  config: Config;
  services: Services;
  /** The in-process Test & Enable worker, when asked for. */
  worker: TestAndEnableWorker | null;
  /** Everything the app logged, to prove secrets never reach the log. */
  logs: () => string;
  close(): Promise<void>;
}

/**
 * The real app on a fresh database, built by the same composition as the portal: real repositories, the real
 * EWS adapter (reaching only the tests' own peers on 127.0.0.1 through `seams`), pg-boss, and, with
 * `worker: true`, the Test & Enable worker in-process as on the embedded database.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    seams?: ConnectivityTestSeams;
    clock?: () => Date;
    worker?: boolean;
    /** Another app's database: a second process, or the same portal restarted. Left open on close. */
    db?: Database;
  } = {},
): Promise<TestApp> {
  const opened = options.db ? { db: options.db, url: null } : await openTestDatabase();
  const { db } = opened;
  if (!options.db) {
    await applyMigrations(db);
    await seedDemoData(db.prisma);
  }
  const config = loadConfig({ LOG_LEVEL: 'info', WEB_DIST_DIR: '/nonexistent', EWS_ALLOWED_HOSTS: '127.0.0.1', ...options.env });
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logged += chunk.toString();
      callback();
    },
  });
  const log = pino({ level: config.LOG_LEVEL }, logStream);
  const adapters = await startAdapters(config, db, log, options.seams);
  const services = createServices(config, db, createSecretCipher(randomBytes(32)), adapters, options.clock);
  const app = await buildApp({ services }, { logStream });
  await app.ready();
  const worker = options.worker ? await startWorker(services, log, { soleProcess: false }) : null;
  return {
    app,
    db,
    databaseUrl: opened.url,
    config,
    services,
    worker,
    logs: () => logged,
    async close() {
      await app.close();
      await worker?.stop();
      await adapters.jobs.stop();
      adapters.connectivity.close();
      if (!options.db) await db.close();
    },
  };
}

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function signIn(app: App, email: string, password = DEMO_PASSWORD): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export async function environmentId(db: Database, name: 'Contoso' | 'Fabrikam'): Promise<string> {
  return (await db.prisma.environment.findUniqueOrThrow({ where: { name } })).id;
}

export async function userId(db: Database, email: string): Promise<string> {
  return (await db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

export async function serverProfileId(db: Database, environmentId: string, name: string): Promise<string> {
  return (await db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId, name } })).id;
}

/**
 * The embedded test app with the three people most suites act as (a Global admin, Support with read-only
 * roles, alex@ with Basic User) signed in, and the ids of the two demo environments.
 */
export async function createDemoTestApp() {
  const t = await createTestApp();
  return {
    t,
    admin: await signIn(t.app, 'global.admin@contoso.example'),
    support: await signIn(t.app, 'support@contoso.example'),
    alex: await signIn(t.app, 'alex@contoso.example'),
    contoso: await environmentId(t.db, 'Contoso'),
    fabrikam: await environmentId(t.db, 'Fabrikam'),
  };
}

/** Polls a Test & Enable job through the API until it has finished (the in-process worker runs it). */
export async function waitForJob(t: TestApp, headers: Record<string, string>, environmentId: string, jobId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.app.inject({ method: 'GET', url: `/api/environments/${environmentId}/jobs/${jobId}`, headers });
    if (response.statusCode !== 200) throw new Error(`job ${jobId}: ${response.statusCode} ${response.body}`);
    const job = response.json();
    if (job.finishedAt) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.state} after ${timeoutMs} ms: ${JSON.stringify(job.counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The version a PATCH of `url` must send (optimistic concurrency), read from the database so a test of a
 * refused write needs no read access: a server profile's, a mailbox's, or an environment's Email settings'.
 */
export async function currentVersion(db: Database, url: string): Promise<number> {
  const [, kind, id] = /\/(server-profiles|mailboxes|environments\/[^/]+\/email-settings)(?:\/([^/?]+))?(?:\?|$)/.exec(url) ?? [];
  if (kind === 'server-profiles' && id) return (await db.prisma.serverProfile.findUnique({ where: { id } }))?.version ?? 0;
  if (kind === 'mailboxes' && id) return (await db.prisma.mailbox.findUnique({ where: { id } }))?.version ?? 0;
  const environment = /\/environments\/([^/]+)\/email-settings/.exec(url)?.[1];
  if (environment) return (await db.prisma.emailSettings.findUnique({ where: { environmentId: environment } }))?.version ?? 0;
  throw new Error(`no versioned record at ${url}`);
}

/** A PATCH body as a client that just read the record sends it: with its current version, unless given. */
export async function atCurrentVersion(db: Database, url: string, payload: object): Promise<object> {
  return { version: await currentVersion(db, url), ...payload };
}
