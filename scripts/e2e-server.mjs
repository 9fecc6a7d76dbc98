// Serves the portal for the browser tests: the built SPA and the API on a fresh, seeded embedded database.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const build = spawnSync('pnpm', ['--filter', '@sync-admin/web', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const dataDir = mkdtempSync(path.join(tmpdir(), 'sync-admin-e2e-'));
const server = spawn('node', ['--import', 'tsx', 'apps/api/src/server.ts'], {
  stdio: 'inherit',
  // DEMO_EWS_SERVER: Fabrikam's profile talks to a local Exchange test server, so jobs run for real; a short
  // retry interval lets a retried mailbox finish within a test. TRUST_PROXY: a spec can play a browser reaching the
  // portal over plain HTTP from another machine through a proxy (X-Forwarded-For), which loopback never is.
  env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', DEMO_EWS_SERVER: 'true', TRANSIENT_RETRY_INTERVAL_SECONDS: '2', TRUST_PROXY: 'true' },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
