// Serves the portal for the browser tests: the built SPA and the API on a fresh, seeded embedded database, and the
// DNS server the Domain health checks ask (run with tsx, which loads the TypeScript test peer).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const build = spawnSync('pnpm', ['--filter', '@sync-admin/web', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

// The demo's domains: Contoso (Exchange Online) with Exchange Online missing from its SPF record, Fabrikam
// (Exchange Server) healthy. Both autodiscover hosts resolve to 127.0.0.1, which the certificate check does not
// connect to (not in EWS_ALLOWED_HOSTS): no connection leaves the machine.
const { startTestDnsServer } = await import('../packages/dns/src/test-peers/index.ts');
const dns = await startTestDnsServer({
  'contoso.example': { MX: [{ exchange: 'contoso-example.mail.protection.outlook.com', priority: 0 }], TXT: ['v=spf1 mx -all'] },
  'autodiscover.contoso.example': { CNAME: 'autodiscover.outlook.com' },
  'autodiscover.outlook.com': { A: ['127.0.0.1'] },
  'fabrikam.example': { MX: [{ exchange: 'mail.fabrikam.example', priority: 10 }], TXT: ['v=spf1 mx -all'] },
  'autodiscover.fabrikam.example': { A: ['127.0.0.1'] },
});

const dataDir = mkdtempSync(path.join(tmpdir(), 'sync-admin-e2e-'));
const server = spawn('node', ['--import', 'tsx', 'apps/api/src/server.ts'], {
  stdio: 'inherit',
  // DEMO_EWS_SERVER: Fabrikam's profile talks to a local Exchange test server, so jobs run for real; a short
  // retry interval lets a retried mailbox finish within a test. TRUST_PROXY: a spec can play a browser reaching the
  // portal over plain HTTP from another machine through a proxy (X-Forwarded-For), which loopback never is.
  env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'warn', HOST: '127.0.0.1', DEMO_EWS_SERVER: 'true', TRANSIENT_RETRY_INTERVAL_SECONDS: '2', TRUST_PROXY: 'true',
    DNS_SERVERS: dns.address },
});
const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', async (code) => {
  await dns.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
