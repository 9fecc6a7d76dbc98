import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@sync-admin/db';
import { startEwsTestServer, testCertificates, type EwsTestServer } from '@sync-admin/ews/test-peers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTo, waitUntil, type PortalClient } from '../helpers/portal-client.ts';
import { startPortalProcess, type RunningProcess } from '../helpers/processes.ts';
import { TEST_DATABASE } from '../helpers/test-app.ts';

/**
 * The embedded database's shape: one portal process running the worker itself, on PGlite files under
 * DATA_DIR. Killed with SIGKILL mid-run and started again, it finishes the run with one result per mailbox.
 * Only the PGlite project runs it (PostgreSQL's worker processes have scale-out.test.ts).
 */
const SERVICE_USER = 'FABRIKAM\\svc-sync';
const SERVICE_PASSWORD = 'Fabrikam-Svc-Passw0rd';

describe.runIf(TEST_DATABASE === 'pglite')('Test & Enable in the portal on the embedded database', () => {
  let dataDir: string;
  let ews: EwsTestServer | undefined;
  let portal: (RunningProcess & { url: string }) | undefined;
  let env: Record<string, string>;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sync-admin-embedded-'));
    writeFileSync(path.join(dataDir, 'ca.pem'), testCertificates().ca);
    env = {
      DATA_DIR: dataDir, IN_PROCESS_WORKER: 'auto', NODE_EXTRA_CA_CERTS: path.join(dataDir, 'ca.pem'), EWS_ALLOWED_HOSTS: '127.0.0.1',
      JOB_MAINTENANCE_INTERVAL_SECONDS: '1', TRANSIENT_RETRY_INTERVAL_SECONDS: '2',
    };
  });
  afterAll(async () => {
    await portal?.kill();
    await ews?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every Fabrikam mailbox approved and on its profile, which points at the test server (NTLM, 3 connections). */
  async function prepare(client: PortalClient) {
    const environments = await (await client.call('GET', '/api/environments')).json();
    const fabrikam = environments.items.find((e: { name: string }) => e.name === 'Fabrikam').id as string;
    const approved = await client.call('POST', `/api/environments/${fabrikam}/mailbox-actions/approve-email`, { target: { filter: { view: 'all' } } });
    expect(approved.status).toBe(200);
    const { items: mailboxes, total } = await (await client.call('GET', `/api/environments/${fabrikam}/mailboxes?view=active&limit=500`)).json();
    expect(mailboxes).toHaveLength(total);
    ews = await startEwsTestServer({
      accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }],
      mailboxes: mailboxes.map((m: { emailAddress: string }) => m.emailAddress), latencyMs: 150,
    });
    const profiles = await (await client.call('GET', `/api/environments/${fabrikam}/server-profiles`)).json();
    const { id: profileId, version } = profiles.items.find((p: { serverType: string }) => p.serverType === 'exchangeServer') as { id: string; version: number };
    const patched = await client.call('PATCH', `/api/environments/${fabrikam}/server-profiles/${profileId}`, {
      incomingServerLocation: ews.url, outgoingServerLocation: ews.url, authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
      incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm',
      incomingUseImpersonation: true, outgoingUseImpersonation: true, maxConcurrentConnections: 3, timeoutMailboxConnectionAfterAmount: 30, version,
    });
    expect(patched.status).toBe(200);
    const moved = await client.call('POST', `/api/environments/${fabrikam}/mailbox-actions/change-multiple`, { target: { filter: { view: 'active' } }, changes: { serverProfileId: profileId } });
    expect(moved.status).toBe(200);
    return { fabrikam, profileId, count: mailboxes.length as number };
  }

  it('a portal killed with SIGKILL mid-run resumes on restart: every mailbox ends with exactly one result and one alert', async () => {
    portal = await startPortalProcess(env);
    const client = await signInTo(portal.url);
    const { fabrikam, profileId, count } = await prepare(client);
    expect(count).toBeGreaterThanOrEqual(30);

    const started = await client.call('POST', `/api/environments/${fabrikam}/server-profiles/${profileId}/test-and-enable-mailboxes`, {});
    expect(started.status).toBe(200);
    const { run } = await started.json();
    await waitUntil('a few mailboxes tested', async () => {
      const job = await (await client.call('GET', `/api/environments/${fabrikam}/jobs/${run.id}`)).json();
      return job.counts.succeeded >= 5;
    }, 60_000);
    await portal.kill();
    // Between the two lives the files can be read: some mailboxes were being tested when it died.
    const between = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    const interrupted = await between.prisma.testAndEnableRunItem.count({ where: { runId: run.id, state: 'running' } });
    await between.close();
    expect(interrupted).toBeGreaterThan(0);

    portal = await startPortalProcess(env);
    expect(portal.output()).toContain('tested again');
    const again = await signInTo(portal.url);
    const job = await waitUntil('the job to finish', async () => {
      const answer = await (await again.call('GET', `/api/environments/${fabrikam}/jobs/${run.id}`)).json();
      return answer.finishedAt ? answer : null;
    }, 180_000);
    expect(job).toMatchObject({ state: 'completed', total: count, counts: { succeeded: count, failed: 0 } });
    await portal.stop();

    // The portal is gone: its database can be opened to read what happened.
    const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const items = await db.prisma.testAndEnableRunItem.findMany({ where: { runId: run.id }, include: { attemptHistory: true } });
      expect(items).toHaveLength(count);
      const notOnce = items.filter((item) => item.state !== 'succeeded' || item.attempts !== 1 || item.attemptHistory.length !== 1);
      expect(notOnce.map((item) => ({ state: item.state, attempts: item.attempts, recorded: item.attemptHistory.map((a) => [a.attempt, a.outcome, a.errorCode]) }))).toEqual([]);
      const alerts = await db.prisma.alert.groupBy({ by: ['mailboxId'], where: { mailboxId: { in: items.map((i) => i.mailboxId) }, createdAt: { gte: new Date(job.createdAt) } }, _count: true });
      expect(alerts).toHaveLength(count);
      expect(alerts.every((group) => group._count === 1)).toBe(true);
    } finally {
      await db.close();
    }
  }, 300_000);
});
