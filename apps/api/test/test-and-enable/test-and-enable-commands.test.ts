import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestApp, serverProfileId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * The commands that start Test & Enable jobs, and the Jobs API, without running them (no worker here): what
 * each command targets, who may, what is refused and that a refusal changes nothing.
 */
describe('Test & Enable commands and jobs', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let sysadmin: SignedIn;
  let contoso: string;
  let fabrikam: string;
  let exchangeOnline: string;
  let fabrikamProfile: string;
  const later = '2099-01-01T00:00:00.000Z';

  const post = (session: SignedIn, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: session.headers, ...(payload ? { payload } : {}) });
  const get = (session: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: session.headers });
  const jobs = (environment: string) => `/api/environments/${environment}/jobs`;
  const counts = async () => ({
    runs: await t.db.prisma.testAndEnableRun.count(),
    items: await t.db.prisma.testAndEnableRunItem.count(),
    queued: await t.db.prisma.mailbox.count({ where: { testAndEnableRequestedAt: { not: null } } }),
  });

  beforeAll(async () => {
    ({ t, admin, support, alex, contoso, fabrikam } = await createDemoTestApp());
    sysadmin = await signIn(t.app, 'sysadmin@contoso.example');
    exchangeOnline = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    fabrikamProfile = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
  });
  afterAll(() => t.close());

  it('Test & Enable Mailboxes on a profile starts one job over its active mailboxes, scheduled at the chosen time', async () => {
    const response = await post(admin, `/api/environments/${fabrikam}/server-profiles/${fabrikamProfile}/test-and-enable-mailboxes`, { startAt: later });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    const active = await t.db.prisma.mailbox.count({ where: { environmentId: fabrikam, serverProfileId: fabrikamProfile, isActive: true } });
    expect(result).toMatchObject({ done: active, skipped: 0, run: { id: expect.any(String) } });
    expect(result.results[0].message).toMatch(/It starts at 2099-01-01 00:00 UTC\.$/);

    const job = (await get(admin, `${jobs(fabrikam)}/${result.run.id}`)).json();
    expect(job).toMatchObject({
      state: 'scheduled', startAt: later, total: active, startedByName: 'Grace Global', finishedAt: null, etaSeconds: null,
      scope: { kind: 'serverProfile', serverProfileId: fabrikamProfile, description: `Mailboxes of Fabrikam Exchange Server (${active})` },
      counts: { pending: active, running: 0, succeeded: 0, failed: 0, cancelled: 0 },
    });
    const items = (await get(admin, `${jobs(fabrikam)}/${result.run.id}/items?limit=5`)).json();
    expect(items.total).toBe(active);
    expect(items.items).toHaveLength(5);
    expect(items.items[0]).toMatchObject({ state: 'pending', attempts: 0, serverProfileId: fabrikamProfile, lastError: null });

    const listed = (await get(admin, `${jobs(fabrikam)}?serverProfileId=${fabrikamProfile}`)).json();
    expect(listed.items.map((j: { id: string }) => j.id)).toContain(result.run.id);
  });

  it('Cancel ends waiting mailboxes as cancelled, and a second Cancel is a conflict that changes nothing', async () => {
    const [job] = (await get(admin, `${jobs(fabrikam)}?state=scheduled`)).json().items;
    const cancelled = await post(admin, `${jobs(fabrikam)}/${job.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelledByName: 'Grace Global', finishedAt: expect.any(String), counts: { pending: 0, cancelled: job.total } });
    expect(await t.db.prisma.mailbox.count({ where: { environmentId: fabrikam, testAndEnableRequestedAt: { not: null } } })).toBe(0);

    const before = await counts();
    const again = await post(admin, `${jobs(fabrikam)}/${job.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', message: `Job #${job.number} has already been cancelled; there is nothing left to cancel.` });
    expect(await counts()).toEqual(before);
  });

  it('Re-test failed mailboxes targets exactly the Mailboxes with Failed Tests of the filter', async () => {
    const failed = await t.db.prisma.mailbox.findMany({
      where: { environmentId: contoso, serverProfileId: exchangeOnline, isActive: true, OR: [{ incomingEmailStatus: 'failure' }, { outgoingEmailStatus: 'failure' }, { appointmentsContactsTasksStatus: 'failure' }] },
      select: { id: true },
    });
    expect(failed.length).toBeGreaterThan(0);
    const response = await post(admin, `/api/environments/${contoso}/mailbox-actions/retest-failed`, { filter: { view: 'active', serverProfileId: exchangeOnline }, startAt: later });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result.results.map((r: { mailboxId: string }) => r.mailboxId).sort()).toEqual(failed.map((m) => m.id).sort());
    const job = (await get(admin, `${jobs(contoso)}/${result.run.id}`)).json();
    expect(job.scope).toMatchObject({ kind: 'retestFailed', serverProfileId: exchangeOnline });
    await post(admin, `${jobs(contoso)}/${result.run.id}/cancel`);
  });

  it.each([
    ['a profile of another environment', () => `/api/environments/${contoso}/server-profiles/${fabrikamProfile}/test-and-enable-mailboxes`, {}, 404],
    ['an unknown profile', () => `/api/environments/${contoso}/server-profiles/00000000-0000-4000-8000-000000000000/retest-failed`, {}, 404],
    ['a start time that is not a date', () => `/api/environments/${contoso}/server-profiles/${exchangeOnline}/test-and-enable-mailboxes`, { startAt: 'tomorrow' }, 400],
    ['a filter that matches nothing', () => `/api/environments/${contoso}/mailbox-actions/retest-failed`, { filter: { view: 'all', search: 'zzz-nobody' } }, 404],
    ['mailboxes of another environment', () => `/api/environments/${contoso}/mailbox-actions/test-and-enable`, 'fabrikam-mailbox', 404],
    ['an empty selection', () => `/api/environments/${contoso}/mailbox-actions/test-and-enable`, { target: { ids: [] } }, 400],
  ] as const)('refuses %s with %i and starts nothing', async (_name, url, body, status) => {
    const payload = body === 'fabrikam-mailbox'
      ? { target: { ids: [(await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: fabrikam } })).id] } }
      : body;
    const before = await counts();
    const response = await post(admin, url(), payload);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error.code).toBe(status === 400 ? 'VALIDATION_FAILED' : 'NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('Support reads jobs but can neither start nor cancel one', async () => {
    const started = (await post(admin, `/api/environments/${contoso}/server-profiles/${exchangeOnline}/test-and-enable-mailboxes`, { startAt: later })).json();
    expect((await get(support, `${jobs(contoso)}/${started.run.id}`)).statusCode).toBe(200);
    const before = await counts();
    expect((await post(support, `${jobs(contoso)}/${started.run.id}/cancel`)).statusCode).toBe(403);
    expect((await post(support, `/api/environments/${contoso}/server-profiles/${exchangeOnline}/test-and-enable-mailboxes`, {})).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    // Only the one who started it, or who may write every mailbox, may cancel it.
    expect((await post(sysadmin, `${jobs(contoso)}/${started.run.id}/cancel`)).statusCode).toBe(200);
  });

  it('Alex (User level) sees only the jobs he started, and another\'s job is not found for him', async () => {
    const others = (await get(admin, jobs(contoso))).json().items;
    expect(others.length).toBeGreaterThan(0);
    expect((await get(alex, jobs(contoso))).json()).toEqual({ items: [], total: 0 });
    expect((await get(alex, `${jobs(contoso)}/${others[0].id}`)).statusCode).toBe(404);

    const mine = (await post(alex, `/api/environments/${contoso}/mailbox-actions/test-and-enable`, { target: { filter: { view: 'all' } }, startAt: later })).json();
    expect(mine.done).toBe(1);
    expect((await get(alex, jobs(contoso))).json().items.map((j: { id: string }) => j.id)).toEqual([mine.run.id]);
  });

  it('answers 404 for a job id of another environment', async () => {
    const [fabrikamJob] = (await get(admin, jobs(fabrikam))).json().items;
    expect((await get(admin, `${jobs(contoso)}/${fabrikamJob.id}`)).statusCode).toBe(404);
    expect((await post(admin, `${jobs(contoso)}/${fabrikamJob.id}/cancel`)).statusCode).toBe(404);
  });
});
