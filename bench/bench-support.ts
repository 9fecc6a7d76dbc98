/** What the benchmarks share: a PostgreSQL database, the portal in its own process, signing in, percentiles. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import type { PostgresServer } from '../apps/api/test/helpers/postgres-server.ts';
import { signInTo } from '../apps/api/test/helpers/portal-client.ts';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
export const ms = (value: number) => Math.round(value * 100) / 100;

export function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A new database on the benchmark's PostgreSQL server, and the portal's environment to use it on loopback. */
export async function createPortalDatabase(postgres: PostgresServer, name: string, port: number): Promise<Record<string, string>> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    DATABASE_URL: postgres.url.replace(/\/postgres$/, `/${name}`), SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1',
    SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'), WEB_DIST_DIR: '/nonexistent',
  };
}

/** The portal in its own process, as in production; resolves once it answers /api/health. */
export async function startPortal(env: Record<string, string>, options: { nodeArgs?: string[]; stdio?: SpawnOptions['stdio'] } = {}): Promise<ChildProcess> {
  const server = spawn('node', ['--import', 'tsx', ...(options.nodeArgs ?? []), 'apps/api/src/server.ts'], {
    stdio: options.stdio ?? 'inherit', env: { ...process.env, ...env },
  });
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error('The portal exited during start-up.');
    try {
      if ((await fetch(`http://127.0.0.1:${env.PORT}/api/health`)).ok) return server;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill('SIGTERM');
  throw new Error('The portal did not start.');
}

/** Signs in with a demo account; the headers every later request sends (cookie, CSRF token, JSON). */
export async function signIn(base: string, email: string): Promise<Record<string, string>> {
  return { ...(await signInTo(base, email)).headers, 'content-type': 'application/json' };
}

export function machine(postgresVersion: string) {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: postgresVersion };
}
