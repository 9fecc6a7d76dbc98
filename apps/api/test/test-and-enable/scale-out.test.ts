import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '@sync-admin/db';
import { startEwsTestServer, testCertificates, type EwsTestServer } from '@sync-admin/ews/test-peers';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { signInTo, waitUntil, type PortalClient } from '../helpers/portal-client.ts';
import { startPortalProcess, startWorkerProcess, type RunningProcess } from '../helpers/processes.ts';
import { TEST_DATABASE } from '../helpers/test-app.ts';

/**
 * Production's shape on one machine: portal and worker processes as systemd starts them, on one real
 * PostgreSQL, against the EWS test server. Only the PostgreSQL project runs it (the embedded database is
 * opened by one process alone).
 */
const SERVICE_USER = 'FABRIKAM\\svc-sync';
const SERVICE_PASSWORD = 'Fabrikam-Svc-Passw0rd';

describe.runIf(TEST_DATABASE === 'postgres')('Test & Enable across processes on PostgreSQL', () => {
  let ews: EwsTestServer;
  let caDir: string;
  let env: Record<string, string>;
  let db: Database;
  const processes: RunningProcess[] = [];

  /** A fresh database, seeded by the first portal; the other processes share it. */
  async function freshDatabase(): Promise<string> {
    const serverUrl = inject('postgresUrl');
    const name = `sync_admin_scale_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return serverUrl.replace(/\/postgres$/, `/${name}`);
  }

  /** The Fabrikam profile at the test server with NTLM profile credentials, and `count` approved mailboxes on it. */
  async function prepare(client: PortalClient, count: number, maxConcurrentConnections: number) {
    const fabrikam = (await db.prisma.environment.findUniqueOrThrow({ where: { name: 'Fabrikam' } })).id;
    const profile = (await db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: fabrikam } }));
    const owner = profile.ownerId;
    const existing = await db.prisma.mailbox.count({ where: { environmentId: fabrikam } });
    await db.prisma.mailbox.createMany({
      data: Array.from({ length: Math.max(0, count - existing) }, (_, i) => ({
        environmentId: fabrikam, type: 'user' as const, name: `Scale ${i}`, emailAddress: `scale${i}@fabrikam.example`, ownerId: owner, serverProfileId: profile.id,
      })),
    });
    await db.prisma.mailbox.updateMany({ where: { environmentId: fabrikam }, data: { emailAddressStatus: 'approved', isActive: true, serverProfileId: profile.id } });
    const patched = await client.call('PATCH', `/api/environments/${fabrikam}/server-profiles/${profile.id}`, {
      incomingServerLocation: ews.url, outgoingServerLocation: ews.url, authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
      incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm',
      incomingUseImpersonation: true, outgoingUseImpersonation: true, maxConcurrentConnections, timeoutMailboxConnectionAfterAmount: 5,
      version: (await db.prisma.serverProfile.findUniqueOrThrow({ where: { id: profile.id } })).version,
    });
    expect(patched.status).toBe(200);
    const mailboxes = await db.prisma.mailbox.findMany({ where: { environmentId: fabrikam }, select: { id: true, emailAddress: true } });
    return { fabrikam, profileId: profile.id, mailboxes };
  }

  beforeAll(async () => {
    caDir = mkdtempSync(path.join(tmpdir(), 'sync-admin-ca-'));
    writeFileSync(path.join(caDir, 'ca.pem'), testCertificates().ca);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    await db?.close();
    await ews?.close();
    rmSync(caDir, { recursive: true, force: true });
  });

  async function startDeployment(): Promise<void> {
    const url = await freshDatabase();
    env = {
      DATABASE_URL: url, SECRET_ENCRYPTION_KEY: randomBytes(32).toString('base64'), IN_PROCESS_WORKER: 'false',
      // The production way to trust an internal CA.
      NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem'), EWS_ALLOWED_HOSTS: '127.0.0.1', JOB_MAINTENANCE_INTERVAL_SECONDS: '1', LOG_LEVEL: 'warn',
      // A slow start on a loaded machine must not look like an outage for long.
      TRANSIENT_RETRY_INTERVAL_SECONDS: '2',
    };
    await db?.close();
    processes.push(await startPortalProcess({ ...env, SEED_DEMO_DATA: 'true', LOG_LEVEL: 'info' }));
    db = await openDatabase({ kind: 'postgres', url });
    const addresses = Array.from({ length: 600 }, (_, i) => `scale${i}@fabrikam.example`)
      .concat((await db.prisma.mailbox.findMany({ select: { emailAddress: true } })).map((m) => m.emailAddress));
    await ews?.close();
    ews = await startEwsTestServer({ accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }], mailboxes: addresses });
  }

  it('two portals and two workers test 500 mailboxes once each, never beyond Maximum Concurrent Connections', async () => {
    await startDeployment();
    processes.push(await startPortalProcess({ ...env, LOG_LEVEL: 'info' }));
    const [first, second] = processes.slice(-2) as [RunningProcess & { url: string }, RunningProcess & { url: string }];
    const one = await signInTo(first.url);
    const two = await signInTo(second.url);
    const { fabrikam, profileId, mailboxes } = await prepare(one, Number(process.env.SCALE_MAILBOXES ?? 500), 8);
    expect(mailboxes.length).toBeGreaterThanOrEqual(100);
    processes.push(await startWorkerProcess({ ...env, LOG_LEVEL: 'info' }), await startWorkerProcess({ ...env, LOG_LEVEL: 'info' }));
    ews.setLatency(15);
    ews.reset();

    const started = await one.call('POST', `/api/environments/${fabrikam}/server-profiles/${profileId}/test-and-enable-mailboxes`, {});
    expect(started.status).toBe(200);
    const { run } = await started.json();
    const job = await waitUntil('the job to finish', async () => {
      const answer = await (await two.call('GET', `/api/environments/${fabrikam}/jobs/${run.id}`)).json();
      return answer.finishedAt ? answer : null;
    }, 180_000);
    expect(job).toMatchObject({ state: "completed", total: mailboxes.length, counts: { succeeded: mailboxes.length, failed: 0 } });

    const inboxBinds = new Map<string, number>();
    for (const request of ews.requests) if (request.folder === 'inbox' && request.operation === 'GetFolder') inboxBinds.set(request.mailbox!, (inboxBinds.get(request.mailbox!) ?? 0) + 1);
    expect(inboxBinds.size).toBe(mailboxes.length);
    expect([...inboxBinds.values()].every((count) => count === 1)).toBe(true);
    expect(await db.prisma.testAndEnableAttempt.count({ where: { runId: run.id } })).toBe(mailboxes.length);
    const { byIdentity } = ews.stats();
    expect(byIdentity[SERVICE_USER]!.max).toBeLessThanOrEqual(8);
    expect(byIdentity[SERVICE_USER]!.max).toBeGreaterThan(1);
    expect(ews.violations).toEqual([]);
  }, 300_000);

  it('a worker killed with SIGKILL mid-run is replaced: every mailbox ends with exactly one result and one alert', async () => {
    await Promise.all(processes.splice(0).map((p) => p.kill()));
    await startDeployment();
    const portal = processes.at(-1) as RunningProcess & { url: string };
    const client = await signInTo(portal.url);
    const { fabrikam, profileId } = await prepare(client, 80, 5);
    const doomed = await startWorkerProcess(env);
    processes.push(doomed);
    ews.setLatency(100);

    const started = await client.call('POST', `/api/environments/${fabrikam}/server-profiles/${profileId}/test-and-enable-mailboxes`, {});
    const { run } = await started.json();
    const since = new Date();
    await waitUntil('a few mailboxes tested', async () => (await db.prisma.testAndEnableRunItem.count({ where: { runId: run.id, state: 'succeeded' } })) >= 10, 60_000);
    await doomed.kill();
    const interrupted = await db.prisma.testAndEnableRunItem.count({ where: { runId: run.id, state: 'running' } });
    expect(interrupted).toBeGreaterThan(0);
    processes.push(await startWorkerProcess(env));

    await waitUntil('the job to finish', async () => (await db.prisma.testAndEnableRun.findUniqueOrThrow({ where: { id: run.id } })).finishedAt, 120_000);
    const items = await db.prisma.testAndEnableRunItem.findMany({ where: { runId: run.id }, include: { attemptHistory: true } });
    expect(items).toHaveLength(80);
    expect(items.every((item) => item.state === 'succeeded' && item.attempts === 1 && item.attemptHistory.length === 1)).toBe(true);
    const alerts = await db.prisma.alert.groupBy({ by: ['mailboxId'], where: { mailboxId: { in: items.map((i) => i.mailboxId) }, createdAt: { gte: since } }, _count: true });
    expect(alerts).toHaveLength(80);
    expect(alerts.every((group) => group._count === 1)).toBe(true);
  }, 300_000);
});
