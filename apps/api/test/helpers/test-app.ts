import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { applyMigrations, createSecretCipher, openDatabase, type Database } from '@sync-admin/db';
import { createEwsConnectionProbe } from '@sync-admin/ews';
import type { ServerProfileConnectionProbe } from '@sync-admin/domain';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { DEMO_PASSWORD, seedDemoData } from '../../src/seed/demo-data.ts';

export const TEST_DATABASE = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

/** A fresh database for one test file: in-memory PGlite, or a new database on the test PostgreSQL server. */
async function openTestDatabase(): Promise<Database> {
  if (TEST_DATABASE === 'pglite') return openDatabase({ kind: 'pglite', dataDir: null });
  const serverUrl = inject('postgresUrl');
  const name = `sync_admin_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return openDatabase({ kind: 'postgres', url: serverUrl.replace(/\/postgres$/, `/${name}`) });
}

export interface TestApp {
  app: App;
  db: Database;
  config: Config;
  /** Everything the app logged, to prove secrets never reach the log. */
  logs: () => string;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    probe?: ServerProfileConnectionProbe;
    clock?: () => Date;
    /** Another app's database: a second process, or the same portal restarted. Left open on close. */
    db?: Database;
  } = {},
): Promise<TestApp> {
  const db = options.db ?? (await openTestDatabase());
  if (!options.db) {
    await applyMigrations(db);
    await seedDemoData(db.prisma);
  }
  const config = loadConfig({ LOG_LEVEL: 'info', WEB_DIST_DIR: '/nonexistent', ...options.env });
  let logged = '';
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logged += chunk.toString();
      callback();
    },
  });
  const app = await buildApp(
    { config, db, cipher: createSecretCipher(randomBytes(32)), probe: options.probe ?? createEwsConnectionProbe({ s2s: null }), clock: options.clock },
    { logStream },
  );
  await app.ready();
  return {
    app,
    db,
    config,
    logs: () => logged,
    async close() {
      await app.close();
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
