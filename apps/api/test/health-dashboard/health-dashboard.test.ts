import { startEwsTestServer, testCertificates, type EwsTestServer } from '@sync-admin/ews/test-peers';
import type { HealthDashboardResponse } from '@sync-admin/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, serverProfileId, signIn, userId, waitForJob, type SignedIn, type TestApp } from '../helpers/test-app.ts';
import { testOutcomeDays } from '../helpers/test-outcome-days.ts';

/**
 * The Email health figures after real Test & Enable jobs: the in-process worker and the EWS adapter against an
 * EWS test server on 127.0.0.1. The expected counts are read from the tables with Prisma, the dashboard's from its
 * grouped SQL, so each checks the other.
 */
const SERVICE_USER = 'FABRIKAM\\svc-sync';
const SERVICE_PASSWORD = 'Fabrikam-Svc-Passw0rd';
const today = () => new Date().toISOString().slice(0, 10);

describe('Email health dashboard over real Test & Enable runs', () => {
  let t: TestApp;
  let ews: EwsTestServer;
  let admin: SignedIn;
  let fabrikam: string;
  let contoso: string;
  let profile: string;
  let before: { fabrikam: HealthDashboardResponse; contoso: HealthDashboardResponse };
  let run: { id: string; number: number };
  let failing: string;
  let picked: { id: string; emailAddress: string }[];

  const dashboard = async (environment: string, user: SignedIn = admin) => {
    const response = await t.app.inject({ url: `/api/environments/${environment}/health-dashboard`, headers: user.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as HealthDashboardResponse;
  };
  const day = <T extends { day: string }>(days: T[], wanted = today()) => days.find((entry) => entry.day === wanted)!;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, seams: { trustedCa: testCertificates().ca }, env: { JOB_MAINTENANCE_INTERVAL_SECONDS: '1', TRANSIENT_RETRY_INTERVAL_SECONDS: '1' } });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    fabrikam = await environmentId(t.db, 'Fabrikam');
    contoso = await environmentId(t.db, 'Contoso');
    profile = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
    picked = await t.db.prisma.mailbox.findMany({ where: { environmentId: fabrikam, isActive: true }, orderBy: { name: 'asc' }, take: 3 });
    await t.db.prisma.mailbox.updateMany({ where: { id: { in: picked.map((m) => m.id) } }, data: { emailAddressStatus: 'approved', serverProfileId: profile } });
    ews = await startEwsTestServer({
      accounts: [{ userName: SERVICE_USER, password: SERVICE_PASSWORD, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }],
      mailboxes: picked.map((m) => m.emailAddress),
    });
    const url = `/api/environments/${fabrikam}/server-profiles/${profile}`;
    const patched = await t.app.inject({
      method: 'PATCH', url, headers: admin.headers, payload: await atCurrentVersion(t.db, url, {
        incomingServerLocation: ews.url, outgoingServerLocation: ews.url, authenticateUsing: 'credentialsSpecifiedInEmailServerProfile',
        incomingUserName: SERVICE_USER, incomingPassword: SERVICE_PASSWORD, incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm',
        incomingUseImpersonation: true, outgoingUseImpersonation: true,
      }),
    });
    expect(patched.statusCode, patched.body).toBe(200);
    before = { fabrikam: await dashboard(fabrikam), contoso: await dashboard(contoso) };

    // Two mailboxes pass; the third is refused by Exchange on sending (a permanent error).
    failing = picked[2]!.id;
    ews.inject({ match: { operation: 'CreateItem', mailbox: picked[2]!.emailAddress }, fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied', message: 'Access is denied.' } });
    const started = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailbox-actions/test-and-enable`, headers: admin.headers, payload: { target: { ids: picked.map((m) => m.id) } } });
    expect(started.statusCode, started.body).toBe(200);
    run = started.json().run;
    expect(await waitForJob(t, admin.headers, fabrikam, run.id)).toMatchObject({ state: 'completed', counts: { succeeded: 2, failed: 1 } });
  });
  afterAll(async () => {
    await t.close();
    await ews.close();
  });

  it("counts the job's items on today's bar: two succeeded, one failed; 30 days, oldest first", async () => {
    const after = await dashboard(fabrikam);
    expect(after.testOutcomes).toHaveLength(30);
    expect(after.testOutcomes.at(-1)!.day).toBe(today());
    expect(day(after.testOutcomes)).toEqual({ day: today(), succeeded: day(before.fabrikam.testOutcomes).succeeded + 2, failed: day(before.fabrikam.testOutcomes).failed + 1 });
  });

  it('counts active mailboxes by each channel status and by Email Address Status as the mailbox table has them', async () => {
    const after = await dashboard(fabrikam);
    const active = { environmentId: fabrikam, isActive: true };
    expect(after.mailboxes).toBe(await t.db.prisma.mailbox.count({ where: active }));
    for (const status of ['notRun', 'success', 'failure'] as const) {
      expect(after.statusCounts.incomingEmailStatus[status]).toBe(await t.db.prisma.mailbox.count({ where: { ...active, incomingEmailStatus: status } }));
      expect(after.statusCounts.outgoingEmailStatus[status]).toBe(await t.db.prisma.mailbox.count({ where: { ...active, outgoingEmailStatus: status } }));
      expect(after.statusCounts.appointmentsContactsTasksStatus[status]).toBe(await t.db.prisma.mailbox.count({ where: { ...active, appointmentsContactsTasksStatus: status } }));
    }
    expect(after.statusCounts.outgoingEmailStatus.failure).toBeGreaterThan(0);
    for (const status of ['empty', 'approved', 'pendingApproval', 'rejected'] as const) {
      expect(after.emailAddressStatusCounts[status]).toBe(await t.db.prisma.mailbox.count({ where: { ...active, emailAddressStatus: status } }));
    }
  });

  it('counts the failed mailbox under its error code', async () => {
    const count = (figures: HealthDashboardResponse) => figures.failuresByErrorCode.find((entry) => entry.code === 'ErrorAccessDenied')?.mailboxes ?? 0;
    const after = await dashboard(fabrikam);
    expect(count(after)).toBe(count(before.fabrikam) + 1);
    expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: failing } })).lastErrorCode).toBe('ErrorAccessDenied');
  });

  it("shows the profile's last job with its success rate, and nothing retrying or held", async () => {
    const after = await dashboard(fabrikam);
    const row = after.profiles.find((entry) => entry.serverProfileId === profile)!;
    expect(row).toMatchObject({
      name: 'Fabrikam Exchange Server', retrying: 0, held: 0,
      mailboxes: await t.db.prisma.mailbox.count({ where: { environmentId: fabrikam, isActive: true, serverProfileId: profile } }),
      lastRun: { runId: run.id, number: run.number, succeeded: 2, failed: 1, successRate: 2 / 3 },
    });
    expect(Date.parse(row.lastRun!.finishedAt!)).toBeGreaterThan(Date.now() - 5 * 60_000);
  });

  it("counts the job's alerts by severity on today's entry: one error, two information", async () => {
    const after = await dashboard(fabrikam);
    const was = day(before.fabrikam.alerts).counts;
    expect(after.alerts).toHaveLength(30);
    expect(day(after.alerts).counts).toEqual({ error: was.error + 1, warning: was.warning, information: was.information + 2 });
  });

  it("never counts another environment's runs, mailboxes or alerts", async () => {
    const after = await dashboard(contoso);
    expect(after).toEqual(before.contoso);
    expect(after.profiles.some((entry) => entry.lastRun?.runId === run.id)).toBe(false);
  });

  it('at User depth counts only the reader’s own mailboxes and their alerts', async () => {
    const alex = await signIn(t.app, 'alex@contoso.example');
    const own = await dashboard(contoso, alex);
    const alexId = await userId(t.db, 'alex@contoso.example');
    expect(own.mailboxes).toBe(await t.db.prisma.mailbox.count({ where: { environmentId: contoso, isActive: true, ownerId: alexId } }));
    expect(own.mailboxes).toBeLessThan(before.contoso.mailboxes);
    const alexsProfiles = await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso, isActive: true, ownerId: alexId, serverProfileId: { not: null } }, distinct: ['serverProfileId'], select: { serverProfileId: true } });
    expect(own.profiles.map((entry) => entry.serverProfileId).sort()).toEqual(alexsProfiles.map((m) => m.serverProfileId).sort());
    const since = new Date(`${own.alerts[0]!.day}T00:00:00.000Z`);
    const alerts = await t.db.prisma.alert.count({ where: { environmentId: contoso, createdAt: { gte: since }, mailbox: { is: { ownerId: alexId } } } });
    expect(own.alerts.reduce((sum, entry) => sum + entry.counts.error + entry.counts.warning + entry.counts.information, 0)).toBe(alerts);
  });

  it('refuses a user without Read privilege on Mailbox (403), and an environment the user has no role in (404)', async () => {
    const basicUser = await t.db.prisma.securityRole.findFirstOrThrow({ where: { environmentId: contoso, name: 'Basic User' } });
    const removed = await t.app.inject({ method: 'PUT', url: `/api/environments/${contoso}/security-roles/${basicUser.id}/privileges/mailbox.read`, headers: admin.headers, payload: { depth: null } });
    expect(removed.statusCode, removed.body).toBe(200);
    const alex = await signIn(t.app, 'alex@contoso.example');
    const refused = await t.app.inject({ url: `/api/environments/${contoso}/health-dashboard`, headers: alex.headers });
    expect(refused.statusCode, refused.body).toBe(403);
    const elsewhere = await t.app.inject({ url: `/api/environments/${fabrikam}/health-dashboard`, headers: alex.headers });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('keeps the per-day counters equal to a recount of the run items', async () => {
    const { kept, recounted } = await testOutcomeDays(t.db);
    expect(kept).toEqual(recounted);
    expect(kept).toContainEqual({ environmentId: fabrikam, day: today(), serverProfileId: profile, outcome: 'failed', items: expect.any(Number) });
  });

  it('keeps them equal through a transient retry, a re-test of the failed mailbox, and deleted items and jobs', async () => {
    const bar = async () => day((await dashboard(fabrikam)).testOutcomes);
    const was = await bar();
    // Exchange is briefly unavailable for the first mailbox: its item waits as retrying (not counted), then succeeds.
    ews.inject({ match: { mailbox: picked[0]!.emailAddress }, fault: { kind: 'errorResponse', responseCode: 'ErrorMailboxStoreUnavailable', message: 'Try again later.' }, times: 1 });
    const start = async (ids: string[]) => {
      const started = await t.app.inject({ method: 'POST', url: `/api/environments/${fabrikam}/mailbox-actions/test-and-enable`, headers: admin.headers, payload: { target: { ids } } });
      expect(started.statusCode, started.body).toBe(200);
      const job = started.json().run as { id: string };
      await waitForJob(t, admin.headers, fabrikam, job.id);
      return job.id;
    };
    const retried = await start([picked[0]!.id, failing]);
    expect(await t.db.prisma.testAndEnableRunItem.findFirstOrThrow({ where: { runId: retried, mailboxId: picked[0]!.id } })).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(await bar()).toEqual({ ...was, succeeded: was.succeeded + 1, failed: was.failed + 1 });
    const afterRetry = await testOutcomeDays(t.db);
    expect(afterRetry.kept).toEqual(afterRetry.recounted);

    // An item put back to work (as the outage rule resumes held ones) stops counting until it finishes again.
    await t.db.prisma.testAndEnableRunItem.updateMany({ where: { runId: retried, mailboxId: failing }, data: { state: 'pending', finishedAt: null } });
    expect(await bar()).toEqual({ ...was, succeeded: was.succeeded + 1 });
    await t.db.prisma.testAndEnableRunItem.deleteMany({ where: { runId: retried } });
    expect(await bar()).toEqual(was);
    await t.db.prisma.testAndEnableRun.delete({ where: { id: run.id } });
    expect(await bar()).toEqual({ ...was, succeeded: was.succeeded - 2, failed: was.failed - 1 });
    const { kept, recounted } = await testOutcomeDays(t.db);
    expect(kept).toEqual(recounted);
  });
});
