import { randomUUID } from 'node:crypto';
import type { Prisma } from '@sync-admin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createDemoTestApp, serverProfileId, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

const SSS = 'serverSideSynchronization';
const OUTLOOK_FOR_QUEUE = 'Microsoft Dynamics 365 for Outlook is not available for queue mailboxes: a queue has no Outlook client.';

interface BulkResult {
  done: number;
  skipped: number;
  results: { mailboxId: string; name: string; outcome: 'done' | 'skipped'; message: string; sentences: { code: string; params?: Record<string, string | number> }[]; decisionIndex?: number }[];
  decisions: unknown[];
}
type Action = 'apply-default-email-settings' | 'change-multiple' | 'approve-email' | 'test-and-enable';

describe('bulk mailbox commands: Apply Default Email Settings, Change Multiple Records, Test & Enable', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let fabrikam: string;
  const ids = { admin: '', alex: '', sysadmin: '', exchangeOnline: '', retired: '', fabrikamProfile: '' };
  const used = new Set<string>();

  const run = (action: Action, payload: object, session = admin, environment = contoso) =>
    t.app.inject({ method: 'POST', url: `/api/environments/${environment}/mailbox-actions/${action}`, headers: session.headers, payload });
  async function ok(action: Action, payload: object, session = admin): Promise<BulkResult> {
    const response = await run(action, payload, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const byId = (result: BulkResult) => new Map(result.results.map((r) => [r.mailboxId, r]));
  const row = (id: string) => t.db.prisma.mailbox.findUniqueOrThrow({ where: { id } });
  const writes = async () => ({
    audit: await t.db.prisma.auditEntry.count(),
    latestUpdate: (await t.db.prisma.mailbox.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString(),
  });
  /** Seeded Contoso user mailboxes of sysadmin's that no other test of this file has taken. */
  async function take(where: Prisma.MailboxWhereInput, count = 1) {
    const rows = await t.db.prisma.mailbox.findMany({
      where: { environmentId: contoso, type: 'user', ownerId: ids.sysadmin, id: { notIn: [...used] }, ...where },
      orderBy: { name: 'asc' },
      take: count,
    });
    expect(rows).toHaveLength(count);
    for (const r of rows) used.add(r.id);
    return rows;
  }
  const queuedNot = { testAndEnableRequestedAt: null };

  beforeAll(async () => {
    ({ t, admin, support, alex, contoso, fabrikam } = await createDemoTestApp());
    ids.admin = await userId(t.db, 'global.admin@contoso.example');
    ids.alex = await userId(t.db, 'alex@contoso.example');
    ids.sysadmin = await userId(t.db, 'sysadmin@contoso.example');
    ids.exchangeOnline = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    ids.retired = await serverProfileId(t.db, contoso, 'Contoso Exchange 2016 (retired)');
    ids.fabrikamProfile = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
  });
  afterAll(() => t.close());

  describe('Apply Default Email Settings', () => {
    it('sets the default profile and delivery methods, then starts Test & Enable on them by default', async () => {
      const [a, b] = await take({ serverProfileId: null, isActive: true, ...queuedNot }, 2);
      await t.db.prisma.mailbox.update({ where: { id: b!.id }, data: { outgoingEmailDeliveryMethod: 'none', appointmentsContactsTasksDeliveryMethod: 'outlook' } });
      const before = Date.now();
      const result = await ok('apply-default-email-settings', { target: { ids: [a!.id, b!.id] } }) as BulkResult & { run: { id: string; number: number } };
      expect(result).toMatchObject({ done: 2, skipped: 0, run: { id: expect.any(String) } });
      for (const mailbox of [a!, b!]) {
        expect(byId(result).get(mailbox.id)).toMatchObject({
          outcome: 'done', name: mailbox.name, message: `Default email settings applied. Test & Enable started as job #${result.run.number}.`,
        });
        const after = await row(mailbox.id);
        expect(after).toMatchObject({
          serverProfileId: ids.exchangeOnline, incomingEmailDeliveryMethod: SSS, outgoingEmailDeliveryMethod: SSS, appointmentsContactsTasksDeliveryMethod: SSS,
          testAndEnableLastAttemptedById: ids.admin, testAndEnableRunId: result.run.id,
        });
        expect(after.testAndEnableRequestedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      }
      const audit = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/audit?entityId=${b!.id}`, headers: admin.headers });
      const entries = audit.json().items as { action: string; changes: unknown[] }[];
      expect(entries.map((e) => e.action).sort()).toEqual(['queueTestAndEnable', 'update']);
      expect(entries.find((e) => e.action === 'update')!.changes).toEqual([
        { field: 'serverProfileId', before: null, after: ids.exchangeOnline },
        { field: 'outgoingEmailDeliveryMethod', before: 'none', after: SSS },
        { field: 'appointmentsContactsTasksDeliveryMethod', before: 'outlook', after: SSS },
      ]);
    });

    it('starts no job with testAndEnable: false', async () => {
      const [c] = await take({ serverProfileId: null, isActive: true, ...queuedNot });
      const result = await ok('apply-default-email-settings', { target: { ids: [c!.id] }, testAndEnable: false });
      expect(result).toMatchObject({ done: 1, skipped: 0, run: null, results: [{ mailboxId: c!.id, outcome: 'done', message: 'Default email settings applied.' }] });
      expect(await row(c!.id)).toMatchObject({ serverProfileId: ids.exchangeOnline, testAndEnableRequestedAt: null, testAndEnableLastAttemptedById: null });
      const audit = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/audit?entityId=${c!.id}`, headers: admin.headers });
      expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['update']);
    });

    it('applies the delivery methods Email settings hold now', async () => {
      const settings = `/api/environments/${contoso}/email-settings`;
      const changed = await t.app.inject({ method: 'PATCH', url: settings, headers: admin.headers, payload: await atCurrentVersion(t.db, settings, { incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none' }) });
      expect(changed.statusCode).toBe(200);
      try {
        const [d] = await take({ serverProfileId: ids.exchangeOnline, isActive: true, ...queuedNot });
        const result = await ok('apply-default-email-settings', { target: { ids: [d!.id] }, testAndEnable: false });
        expect(result.done).toBe(1);
        expect(await row(d!.id)).toMatchObject({ serverProfileId: ids.exchangeOnline, incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none', appointmentsContactsTasksDeliveryMethod: SSS });
      } finally {
        await t.app.inject({ method: 'PATCH', url: settings, headers: admin.headers, payload: await atCurrentVersion(t.db, settings, { incomingEmailDeliveryMethod: SSS, outgoingEmailDeliveryMethod: SSS }) });
      }
    });

    it('says when a mailbox already had the settings, and still tests it', async () => {
      const [e] = await take({ serverProfileId: ids.exchangeOnline, isActive: true, ...queuedNot });
      const auditBefore = await t.db.prisma.auditEntry.count({ where: { entityId: e!.id, action: 'update' } });
      const result = await ok('apply-default-email-settings', { target: { ids: [e!.id] } });
      expect(result.results[0]).toMatchObject({ outcome: 'done', message: expect.stringMatching(/^Already had these settings\. Test & Enable started as job #\d+\.$/) });
      expect((await row(e!.id)).testAndEnableRequestedAt).toBeInstanceOf(Date);
      expect(await t.db.prisma.auditEntry.count({ where: { entityId: e!.id, action: 'update' } })).toBe(auditBefore);
    });

    it('applies the settings to an inactive mailbox but does not queue it, saying why', async () => {
      const [f] = await take({ serverProfileId: null, isActive: false, ...queuedNot });
      const result = await ok('apply-default-email-settings', { target: { ids: [f!.id] } });
      expect(result.results[0]!.message).toBe('Default email settings applied. The mailbox is inactive. Activate it before testing and enabling it.');
      // Each sentence of the row named by its code, in order, for the web to say in the user's language (decision 58).
      expect(result.results[0]!.sentences).toEqual([{ code: 'DEFAULT_EMAIL_SETTINGS_APPLIED' }, { code: 'MAILBOX_INACTIVE' }]);
      expect(await row(f!.id)).toMatchObject({ serverProfileId: ids.exchangeOnline, testAndEnableRequestedAt: null });
    });

    it('is refused for Support (Read only)', async () => {
      const [g] = await take({ serverProfileId: null, isActive: true });
      const response = await run('apply-default-email-settings', { target: { ids: [g!.id] } }, support);
      expect(response.statusCode).toBe(403);
      expect((await row(g!.id)).serverProfileId).toBeNull();
    });
  });

  describe('Change Multiple Records', () => {
    it('changes only the fields sent, and skips queue mailboxes for Outlook with the reason', async () => {
      const users = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot }, 2);
      const queue = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, type: 'queue', name: '<Sales>' } });
      const before = new Map(await Promise.all([...users, queue].map(async (m) => [m.id, await row(m.id)] as const)));
      const result = await ok('change-multiple', { target: { ids: [...users.map((u) => u.id), queue.id] }, changes: { outgoingEmailDeliveryMethod: 'outlook' } });
      expect(result).toMatchObject({ done: 2, skipped: 1 });
      expect(byId(result).get(queue.id)).toMatchObject({ outcome: 'skipped', name: '<Sales>', message: OUTLOOK_FOR_QUEUE });
      for (const user of users) {
        expect(byId(result).get(user.id)).toMatchObject({ outcome: 'done', message: 'Changed.' });
        expect(await row(user.id)).toEqual({ ...before.get(user.id), outgoingEmailDeliveryMethod: 'outlook', updatedAt: expect.any(Date), version: before.get(user.id)!.version + 1 });
      }
      expect(await row(queue.id)).toEqual(before.get(queue.id));
      const audit = await t.db.prisma.auditEntry.findMany({ where: { entityId: { in: [...users.map((u) => u.id), queue.id] } } });
      expect(audit.map((a) => a.entityId).sort()).toEqual(users.map((u) => u.id).sort());
      for (const entry of audit) expect(entry.changes).toEqual([{ field: 'outgoingEmailDeliveryMethod', before: SSS, after: 'outlook' }]);
    });

    it('moves mailboxes to another active profile', async () => {
      const created = await t.app.inject({
        method: 'POST', url: `/api/environments/${contoso}/server-profiles`, headers: admin.headers, remoteAddress: '127.0.0.1',
        payload: { serverType: 'exchangeOnline', name: 'Contoso Exchange Online (second tenant)' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const profileId = created.json().id;
      const mailboxes = await take({ isActive: true }, 3);
      const result = await ok('change-multiple', { target: { ids: mailboxes.map((m) => m.id) }, changes: { serverProfileId: profileId, incomingEmailDeliveryMethod: 'none' } });
      expect(result).toMatchObject({ done: 3, skipped: 0 });
      for (const mailbox of mailboxes) {
        expect(await row(mailbox.id)).toMatchObject({ serverProfileId: profileId, incomingEmailDeliveryMethod: 'none', outgoingEmailDeliveryMethod: mailbox.outgoingEmailDeliveryMethod });
      }
    });

    it('says which mailboxes already had the values and audits only real changes', async () => {
      const [same] = await take({ isActive: true, outgoingEmailDeliveryMethod: SSS });
      const result = await ok('change-multiple', { target: { ids: [same!.id] }, changes: { outgoingEmailDeliveryMethod: SSS } });
      expect(result.results[0]).toMatchObject({ outcome: 'done', message: 'Already had these settings.' });
      expect(await t.db.prisma.auditEntry.count({ where: { entityId: same!.id } })).toBe(0);
    });

    it.each([
      ['no changes', {}, 'changes', 'Choose at least one setting to change.'],
      ['an inactive profile', { serverProfileId: 'RETIRED' }, 'serverProfileId', '"Contoso Exchange 2016 (retired)" is inactive. Choose an active email server profile.'],
      ['a profile of another environment', { serverProfileId: 'FABRIKAM' }, 'serverProfileId', 'The email server profile was not found in this environment.'],
      ['an unknown profile', { serverProfileId: '5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b' }, 'serverProfileId', 'The email server profile was not found in this environment.'],
      ['a field Change Multiple Records does not offer', { name: 'Everyone' }, 'changes.name', null],
      ['an unknown delivery method', { incomingEmailDeliveryMethod: 'pigeon' }, 'changes.incomingEmailDeliveryMethod', null],
    ])('refuses %s with 400 and writes nothing', async (_case, changes, field, message) => {
      const body = { ...changes } as Record<string, unknown>;
      if (body.serverProfileId === 'RETIRED') body.serverProfileId = ids.retired;
      if (body.serverProfileId === 'FABRIKAM') body.serverProfileId = ids.fabrikamProfile;
      const [target] = await take({ isActive: true });
      const before = await writes();
      const response = await run('change-multiple', { target: { ids: [target!.id] }, changes: body });
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
      if (message) expect(error.fieldErrors).toContainEqual(expect.objectContaining({ field, message }));
      expect(await writes()).toEqual(before);
      expect(await row(target!.id)).toEqual(target);
    });
  });

  describe('Test & Enable Mailbox', () => {
    it('starts a job on ready mailboxes and skips inactive, profile-less and inactive-profile ones, each with the reason', async () => {
      const [ready] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      const [inactive] = await take({ isActive: false, serverProfileId: ids.exchangeOnline, ...queuedNot });
      const [noProfile] = await take({ isActive: true, serverProfileId: null, ...queuedNot });
      const [retired] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      // Mailboxes keep their profile when it is deactivated; the seed has none such of sysadmin's.
      await t.db.prisma.mailbox.update({ where: { id: retired!.id }, data: { serverProfileId: ids.retired } });

      const result = await ok('test-and-enable', { target: { ids: [ready!.id, inactive!.id, noProfile!.id, retired!.id] } }) as BulkResult & { run: { id: string; number: number } };
      expect(result).toMatchObject({ done: 1, skipped: 3, run: { id: expect.any(String), number: expect.any(Number) } });
      const rows = byId(result);
      expect(rows.get(ready!.id)).toMatchObject({ outcome: 'done', message: `Test & Enable started as job #${result.run.number}.` });
      expect(rows.get(inactive!.id)).toMatchObject({ outcome: 'skipped', message: 'The mailbox is inactive. Activate it before testing and enabling it.' });
      expect(rows.get(noProfile!.id)).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('no email server profile') });
      expect(rows.get(retired!.id)).toMatchObject({
        outcome: 'skipped', message: 'The email server profile "Contoso Exchange 2016 (retired)" is inactive. Activate it or choose another Server Profile.',
        sentences: [{ code: 'NAMED_SERVER_PROFILE_INACTIVE', params: { name: 'Contoso Exchange 2016 (retired)' } }],
      });
      expect(rows.get(ready!.id)?.sentences).toEqual([{ code: 'TEST_AND_ENABLE_STARTED', params: { number: result.run.number } }]);

      expect(await row(ready!.id)).toMatchObject({ testAndEnableRequestedAt: expect.any(Date), testAndEnableLastAttemptedById: ids.admin, testAndEnableRunId: result.run.id });
      for (const skipped of [inactive!, noProfile!, retired!]) expect(await row(skipped.id)).toMatchObject({ testAndEnableRequestedAt: null, testAndEnableRunId: null });
      await t.db.prisma.mailbox.update({ where: { id: retired!.id }, data: { serverProfileId: ids.exchangeOnline } });
      const job = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/jobs/${result.run.id}`, headers: admin.headers });
      expect(job.json()).toMatchObject({ number: result.run.number, state: 'scheduled', total: 1, startedByName: 'Grace Global', counts: { pending: 1 } });

      const audit = await t.db.prisma.auditEntry.findMany({ where: { action: 'queueTestAndEnable', entityId: { in: [ready!.id, inactive!.id, noProfile!.id, retired!.id] } } });
      expect(audit.map((a) => a.entityId)).toEqual([ready!.id]);
      expect(audit[0]).toMatchObject({ actorId: ids.admin, entityType: 'mailbox', changes: [{ field: 'testAndEnableRun', before: null, after: `#${result.run.number}` }] });
    });

    it('joins a mailbox already in a job instead of testing it twice, and starts the others in a new one', async () => {
      const [first, second] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot }, 2);
      const one = await ok('test-and-enable', { target: { ids: [first!.id] } }) as BulkResult & { run: { id: string; number: number } };
      const two = await ok('test-and-enable', { target: { ids: [first!.id, second!.id] } }) as BulkResult & { run: { id: string; number: number } };
      expect(two.run.number).toBeGreaterThan(one.run.number);
      expect(byId(two).get(first!.id)).toMatchObject({ outcome: 'done', message: `Already being tested by job #${one.run.number} (started by Grace Global); joined it.` });
      expect(byId(two).get(second!.id)).toMatchObject({ outcome: 'done', message: `Test & Enable started as job #${two.run.number}.` });
      expect(await t.db.prisma.testAndEnableRunItem.count({ where: { mailboxId: first!.id } })).toBe(1);
      expect((await row(first!.id)).testAndEnableRunId).toBe(one.run.id);

      const nothingNew = await ok('test-and-enable', { target: { ids: [first!.id, second!.id] } }) as BulkResult & { run: null };
      expect(nothingNew).toMatchObject({ done: 2, skipped: 0, run: null });
    });

    it('is refused for Support (Read only)', async () => {
      const [target] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      expect((await run('test-and-enable', { target: { ids: [target!.id] } }, support)).statusCode).toBe(403);
      expect((await row(target!.id)).testAndEnableRequestedAt).toBeNull();
    });
  });

  describe('targets', () => {
    it('acts on every mailbox matching a filter, exactly the rows the grid lists for it', async () => {
      const listed = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes?view=all&search=Bianca&limit=500`, headers: admin.headers });
      const listedIds: string[] = listed.json().items.map((r: { id: string }) => r.id);
      expect(listedIds.length).toBeGreaterThan(5);
      const noneBefore = await t.db.prisma.mailbox.count({ where: { environmentId: contoso, appointmentsContactsTasksDeliveryMethod: 'none' } });
      const result = await ok('change-multiple', { target: { filter: { view: 'all', search: 'Bianca' } }, changes: { appointmentsContactsTasksDeliveryMethod: 'none' } });
      expect(result.results.map((r) => r.mailboxId).sort()).toEqual([...listedIds].sort());
      expect(result).toMatchObject({ done: listedIds.length, skipped: 0 });
      expect(await t.db.prisma.mailbox.count({ where: { id: { in: listedIds }, appointmentsContactsTasksDeliveryMethod: 'none' } })).toBe(listedIds.length);
      expect(await t.db.prisma.mailbox.count({ where: { environmentId: contoso, appointmentsContactsTasksDeliveryMethod: 'none' } })).toBe(noneBefore + listedIds.length);
      for (const id of listedIds) used.add(id);
    });

    it('with the selected ids acts on those only, not on the rest of the filter', async () => {
      const [one, two] = await take({ isActive: true }, 2);
      const result = await ok('change-multiple', { target: { ids: [one!.id] }, changes: { incomingEmailDeliveryMethod: 'none' } });
      expect(result.results.map((r) => r.mailboxId)).toEqual([one!.id]);
      expect((await row(two!.id)).incomingEmailDeliveryMethod).toBe(two!.incomingEmailDeliveryMethod);
    });

    it('skips every inactive mailbox of the Inactive view for Test & Enable', async () => {
      const total = await t.db.prisma.mailbox.count({ where: { environmentId: contoso, isActive: false } });
      const result = await ok('test-and-enable', { target: { filter: { view: 'inactive' } } });
      expect(result).toMatchObject({ done: 0, skipped: total });
      expect(result.results.every((r) => r.message === 'The mailbox is inactive. Activate it before testing and enabling it.')).toBe(true);
    });

    it('narrows a filter to the mailboxes Alex (User level) can reach', async () => {
      const result = await ok('test-and-enable', { target: { filter: { view: 'all' } } }, alex);
      const alexMailbox = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, ownerId: ids.alex } });
      expect(result.results.map((r) => r.mailboxId)).toEqual([alexMailbox.id]);
    });

    it('answers 404 for Alex naming only mailboxes he cannot reach, and touches nothing', async () => {
      const [other] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      const response = await run('test-and-enable', { target: { ids: [other!.id] } }, alex);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(other!.name);
      expect((await row(other!.id)).testAndEnableRequestedAt).toBeNull();
    });

    it('answers 404 when a filter matches nothing', async () => {
      const response = await run('change-multiple', { target: { filter: { view: 'all', search: 'zzz-nobody' } }, changes: { incomingEmailDeliveryMethod: 'none' } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'No mailboxes matched. Select mailboxes or change the filter.' });
    });

    it('does not touch mailboxes of another environment: 404 when none of the ids is here', async () => {
      const fabrikamMailbox = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: fabrikam, isActive: true } });
      for (const action of ['change-multiple', 'test-and-enable', 'apply-default-email-settings', 'approve-email'] as const) {
        const response = await run(action, { target: { ids: [fabrikamMailbox.id] }, ...(action === 'change-multiple' ? { changes: { incomingEmailDeliveryMethod: 'none' } } : {}) });
        expect(response.statusCode, `${action}: ${response.body}`).toBe(404);
      }
      expect(await row(fabrikamMailbox.id)).toEqual(fabrikamMailbox);
    });

    it('acts on this environment\'s ids of a mixed selection and leaves the other environment\'s alone', async () => {
      const fabrikamMailbox = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: fabrikam, isActive: true }, skip: 1 });
      const [here] = await take({ isActive: true });
      const result = await ok('change-multiple', { target: { ids: [here!.id, fabrikamMailbox.id, randomUUID()] }, changes: { outgoingEmailDeliveryMethod: 'none' } });
      expect(result.results.map((r) => r.mailboxId)).toEqual([here!.id]);
      expect((await row(here!.id)).outgoingEmailDeliveryMethod).toBe('none');
      expect(await row(fabrikamMailbox.id)).toEqual(fabrikamMailbox);
    });

    it('acts once on an id selected twice', async () => {
      const [twice] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      const result = await ok('test-and-enable', { target: { ids: [twice!.id, twice!.id, twice!.id] } });
      expect(result).toMatchObject({ done: 1, skipped: 0 });
      expect(result.results).toHaveLength(1);
      expect(await t.db.prisma.auditEntry.count({ where: { entityId: twice!.id, action: 'queueTestAndEnable' } })).toBe(1);
    });

    it('reaches the domain with a selection of 10,000 ids, within the contract\'s limit of 100,000', async () => {
      const selection = Array.from({ length: 10_000 }, () => randomUUID());
      const response = await run('test-and-enable', { target: { ids: selection } });
      // None of these ids exists: the command answers that nothing matched, rather than refusing the request's size.
      expect(response.statusCode, response.body.slice(0, 300)).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
    });

    it('refuses 100,001 ids as a client error, not 500, writing nothing', async () => {
      const [real] = await take({ isActive: true, serverProfileId: ids.exchangeOnline, ...queuedNot });
      const selection = [real!.id, ...Array.from({ length: 100_000 }, () => randomUUID())];
      const before = await writes();
      const response = await run('test-and-enable', { target: { ids: selection } });
      expect([400, 413], response.body.slice(0, 300)).toContain(response.statusCode);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(await writes()).toEqual(before);
    });

    it.each([
      ['no target', {}, 'target'],
      ['an empty target', { target: {} }, 'target'],
      ['no ids', { target: { ids: [] } }, 'target.ids'],
      ['an id that is not a UUID', { target: { ids: ['mailbox-1'] } }, 'target.ids.0'],
      ['both ids and a filter', { target: { ids: ['6b0f7a0e-8d3c-4e55-9a8b-0c1d2e3f4a5b'], filter: { view: 'all' } } }, 'target'],
      // zod cannot tell which form of the union was meant here, so the message names both.
      ['an unknown view in the filter', { target: { filter: { view: 'bogus' } } }, 'target'],
      ['a malformed profile in the filter', { target: { filter: { serverProfileId: 'x' } } }, 'target.filter.serverProfileId'],
      ['an unknown filter field', { target: { filter: { ownerId: '6b0f7a0e-8d3c-4e55-9a8b-0c1d2e3f4a5b' } } }, 'target.filter.ownerId'],
      ['a string target', { target: 'all' }, 'target'],
      ['an unknown top-level field', { target: { filter: { view: 'all' } }, force: true }, 'force'],
    ])('refuses %s with 400 naming the field by its path, writing nothing', async (_case, payload, field) => {
      const before = await writes();
      const response = await run('test-and-enable', payload);
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await writes()).toEqual(before);
    });
  });
});
