import { setTimeout as sleep } from 'node:timers/promises';
import type { Prisma } from '@sync-admin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, serverProfileId, userId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

const CLIENT_SECRET = 'Audit-Cl1ent-Secret-That-Must-Not-Leak';
const CLIENT_SECRET_2 = 'Audit-Cl1ent-Secret-2-That-Must-Not-Leak';
const PASSWORD = 'Audit-Mailb0x-Passw0rd-That-Must-Not-Leak';
const PASSWORD_2 = 'Audit-Mailb0x-Passw0rd-2-That-Must-Not-Leak';
const SECRETS = [CLIENT_SECRET, CLIENT_SECRET_2, PASSWORD, PASSWORD_2];

interface Alert { id: string; mailboxId: string | null; mailboxName: string | null; serverProfileId: string | null; serverProfileName: string | null; severity: string; code: string | null; message: string; toMailboxOwner: boolean; createdAt: string }
interface AuditEntry { id: string; at: string; actorId: string | null; actorName: string; entityType: string; entityId: string; entityName: string; action: string; changes: { field: string; before: unknown; after: unknown }[] }
type Login = 'global.admin' | 'sysadmin' | 'support' | 'alex';

describe('the Alerts wall and the audit log', () => {
  let t: TestApp;
  const sessions = new Map<Login, SignedIn>();
  const userIds = new Map<Login, string>();
  let contoso: string;
  let fabrikam: string;
  const profiles = { exchangeOnline: '', retired: '', fabrikam: '' };
  const auditBodies: string[] = [];

  const query = (params: Record<string, string | number | boolean>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)])).toString();
  const get = (login: Login, url: string) => t.app.inject({ method: 'GET', url, headers: sessions.get(login)!.headers });
  async function alerts(params: Record<string, string | number | boolean> = {}, login: Login = 'global.admin', environment = contoso) {
    const response = await get(login, `/api/environments/${environment}/alerts?${query({ limit: 500, ...params })}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Alert[]; total: number };
  }
  async function auditResponse(params: Record<string, string | number> = {}, login: Login = 'global.admin', environment = contoso) {
    const response = await get(login, `/api/environments/${environment}/audit?${query(params)}`);
    auditBodies.push(response.body);
    return response;
  }
  async function audit(params: Record<string, string | number> = {}, login: Login = 'global.admin', environment = contoso) {
    const response = await auditResponse({ limit: 500, ...params }, login, environment);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: AuditEntry[]; total: number };
  }
  const countAlerts = (where: Prisma.AlertWhereInput, environment = contoso) => t.db.prisma.alert.count({ where: { environmentId: environment, ...where } });
  const countAudit = (where: Prisma.AuditEntryWhereInput, environment = contoso) => t.db.prisma.auditEntry.count({ where: { environmentId: environment, ...where } });

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['global.admin', 'sysadmin', 'support', 'alex'] as const) {
      sessions.set(login, await signIn(t.app, `${login}@contoso.example`));
      userIds.set(login, await userId(t.db, `${login}@contoso.example`));
    }
    contoso = await environmentId(t.db, 'Contoso');
    fabrikam = await environmentId(t.db, 'Fabrikam');
    profiles.exchangeOnline = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    profiles.retired = await serverProfileId(t.db, contoso, 'Contoso Exchange 2016 (retired)');
    profiles.fabrikam = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
  });
  afterAll(async () => {
    // No secret value, in any audit response of this file, nor in what the database keeps for the log.
    expect(auditBodies.length).toBeGreaterThan(20);
    for (const body of auditBodies) for (const secret of SECRETS) expect(body).not.toContain(secret);
    const stored = JSON.stringify(await t.db.prisma.auditEntry.findMany());
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    for (const secret of SECRETS) expect(t.logs()).not.toContain(secret);
    await t.close();
  });

  describe('alerts', () => {
    it('shows a failed mailbox\'s error alert with the mailbox\'s last error message', async () => {
      const failed = await t.db.prisma.mailbox.findFirstOrThrow({
        where: { environmentId: contoso, lastErrorMessage: { not: null }, serverProfileId: profiles.exchangeOnline }, orderBy: { name: 'asc' },
      });
      const page = await alerts({ mailboxId: failed.id });
      expect(page.total).toBe(await countAlerts({ mailboxId: failed.id }));
      expect(page.items.every((a) => a.mailboxId === failed.id && a.mailboxName === failed.name)).toBe(true);
      expect(page.items.filter((a) => a.severity === 'error')).toEqual([{
        id: expect.any(String), mailboxId: failed.id, mailboxName: failed.name, serverProfileId: profiles.exchangeOnline, serverProfileName: 'Microsoft Exchange Online',
        // The demo's error alert is Exchange's own words, no sentence of ours (decision 58).
        severity: 'error', code: failed.lastErrorCode, message: failed.lastErrorMessage, sentence: null, toMailboxOwner: false, createdAt: failed.lastErrorAt!.toISOString(),
      }]);
    });

    it('has an error alert carrying the last error message for every failed mailbox of the environment', async () => {
      const failed = await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso, lastErrorMessage: { not: null } } });
      expect(failed.length).toBeGreaterThan(50);
      const errors = (await alerts({ severity: 'error' })).items;
      const byMailbox = new Map(errors.map((a) => [a.mailboxId, a]));
      for (const mailbox of failed) expect(byMailbox.get(mailbox.id)?.message, mailbox.name).toBe(mailbox.lastErrorMessage);
    });

    it('lists newest first, with the environment\'s total', async () => {
      const page = await alerts();
      expect(page.total).toBe(await countAlerts({}));
      const times = page.items.map((a) => Date.parse(a.createdAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it.each(['error', 'warning', 'information'])('filters by severity %s', async (severity) => {
      const page = await alerts({ severity });
      expect(page.total).toBe(await countAlerts({ severity: severity as 'error' }));
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((a) => a.severity === severity)).toBe(true);
    });

    it('finds alerts by text in the message, ignoring case', async () => {
      const page = await alerts({ search: 'REJECTED THE CREDENTIALS' });
      expect(page.total).toBe(await countAlerts({ message: { contains: 'rejected the credentials', mode: 'insensitive' } }));
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((a) => a.message.toLowerCase().includes('rejected the credentials'))).toBe(true);
    });

    it.each(['%', '_', 'zzz-nothing'])('treats "%s" literally and finds nothing', async (search) => {
      expect((await alerts({ search })).total).toBe(0);
    });

    it('filters alerts since a moment', async () => {
      const since = '2026-11-10T00:00:00.000Z';
      const page = await alerts({ since });
      expect(page.total).toBe(await countAlerts({ createdAt: { gte: new Date(since) } }));
      expect(page.total).toBeGreaterThan(0);
      expect(page.total).toBeLessThan(await countAlerts({}));
      expect(page.items.every((a) => a.createdAt >= since)).toBe(true);
    });

    it('filters by server profile', async () => {
      const page = await alerts({ serverProfileId: profiles.retired });
      expect(page.items).toEqual([expect.objectContaining({ serverProfileId: profiles.retired, serverProfileName: 'Contoso Exchange 2016 (retired)', mailboxId: null, code: null })]);
    });

    it('shows the profile owner\'s wall with mine=true: Grace owns Microsoft Exchange Online', async () => {
      const page = await alerts({ mine: true });
      expect(page.total).toBe(await countAlerts({ serverProfile: { ownerId: userIds.get('global.admin') } }));
      expect(page.total).toBeGreaterThan(0);
      expect(page.items.every((a) => a.serverProfileId === profiles.exchangeOnline && a.serverProfileName === 'Microsoft Exchange Online')).toBe(true);
      // Alerts of mailboxes without a profile are on nobody's profile wall.
      expect(page.total).toBeLessThan(await countAlerts({}));
    });

    it('shows Sam (sysadmin) his own wall: alerts of the profiles he owns, and those meant for the owner of his mailboxes', async () => {
      const sam = userIds.get('sysadmin')!;
      const his = { OR: [{ serverProfile: { ownerId: sam } }, { toMailboxOwner: true, mailbox: { ownerId: sam } }] };
      const inContoso = await alerts({ mine: true }, 'sysadmin');
      expect(inContoso.total).toBe(await countAlerts(his));
      expect(inContoso.items.filter((a) => !a.toMailboxOwner).map((a) => a.serverProfileName)).toEqual(['Contoso Exchange 2016 (retired)']);
      expect(inContoso.items.filter((a) => a.toMailboxOwner).every((a) => a.severity === 'information')).toBe(true);
      const inFabrikam = await alerts({ mine: true }, 'sysadmin', fabrikam);
      expect(inFabrikam.total).toBe(await countAlerts(his, fabrikam));
      expect(inFabrikam.total).toBeGreaterThan(0);
      expect((await alerts({ mine: false }, 'sysadmin')).total).toBe(await countAlerts({}));
    });

    it('combines filters', async () => {
      const page = await alerts({ mine: true, severity: 'error', since: '2026-11-05T00:00:00.000Z' });
      expect(page.total).toBe(await countAlerts({
        serverProfile: { ownerId: userIds.get('global.admin') }, severity: 'error', createdAt: { gte: new Date('2026-11-05T00:00:00.000Z') },
      }));
      expect(page.total).toBeGreaterThan(0);
    });

    it('pages without duplicates or gaps', async () => {
      const whole = (await alerts()).items.map((a) => a.id);
      const paged: string[] = [];
      for (let offset = 0; offset < whole.length; offset += 50) paged.push(...(await alerts({ offset, limit: 50 })).items.map((a) => a.id));
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(whole.length);
    });

    it('keeps environments apart', async () => {
      const fabrikamMailbox = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: fabrikam, lastErrorMessage: { not: null } } });
      expect(await countAlerts({ mailboxId: fabrikamMailbox.id }, fabrikam)).toBeGreaterThan(0);
      expect((await alerts({ mailboxId: fabrikamMailbox.id })).total).toBe(0);
      const ids = new Set((await alerts()).items.map((a) => a.id));
      const fabrikamAlerts = await t.db.prisma.alert.findMany({ where: { environmentId: fabrikam }, select: { id: true } });
      expect(fabrikamAlerts.some((a) => ids.has(a.id))).toBe(false);
    });

    it('lets Support read the wall', async () => {
      expect((await alerts({}, 'support')).total).toBe(await countAlerts({}));
    });

    it('shows Alex (User-level Read) only the alerts of his own mailbox', async () => {
      const own = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, ownerId: userIds.get('alex') } });
      await t.db.prisma.alert.createMany({
        data: [
          { environmentId: contoso, mailboxId: own.id, serverProfileId: profiles.exchangeOnline, severity: 'warning', code: 'TEST', message: 'Alex\'s own alert', createdAt: new Date('2026-11-21T08:00:00Z') },
          { environmentId: contoso, mailboxId: null, serverProfileId: profiles.exchangeOnline, severity: 'error', code: 'TEST', message: 'A profile alert Alex must not see', createdAt: new Date('2026-11-21T09:00:00Z') },
        ],
      });
      const page = await alerts({}, 'alex');
      const expected = await countAlerts({ mailbox: { ownerId: userIds.get('alex') } });
      expect(expected).toBeGreaterThan(0);
      expect(page.total).toBe(expected);
      expect(page.items.every((a) => a.mailboxId === own.id)).toBe(true);
      expect(page.items.map((a) => a.message)).toContain('Alex\'s own alert');
      expect(page.items.map((a) => a.message)).not.toContain('A profile alert Alex must not see');

      const other = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, lastErrorMessage: { not: null } } });
      expect((await alerts({ mailboxId: other.id }, 'alex')).total).toBe(0);
      expect((await alerts({ severity: 'error' }, 'alex')).items.every((a) => a.mailboxId === own.id)).toBe(true);
      expect((await alerts({ mine: true }, 'alex')).total).toBe(0);
    });

    it.each([
      ['severity=fatal', { severity: 'fatal' }, 'severity'],
      ['mailboxId=x', { mailboxId: 'x' }, 'mailboxId'],
      ['serverProfileId=x', { serverProfileId: 'x' }, 'serverProfileId'],
      ['since=yesterday', { since: 'yesterday' }, 'since'],
      ['mine=yes', { mine: 'yes' }, 'mine'],
      ['limit=0', { limit: 0 }, 'limit'],
      ['limit=501', { limit: 501 }, 'limit'],
      ['an unknown parameter', { owner: 'me' }, 'owner'],
    ])('refuses %s with 400 naming it', async (_case, params, field) => {
      const response = await get('global.admin', `/api/environments/${contoso}/alerts?${query(params)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('audit log', () => {
    const ids = { profile: '', mailbox: '' };
    let midway = '';

    beforeAll(async () => {
      const admin = sessions.get('global.admin')!.headers;
      const sysadmin = sessions.get('sysadmin')!.headers;
      const send = async (headers: Record<string, string>, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
        const body = method === 'PATCH' ? await atCurrentVersion(t.db, url, payload) : payload;
        const response = await t.app.inject({ method, url, headers, payload: body, remoteAddress: '127.0.0.1' });
        expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
        for (const secret of SECRETS) expect(response.body).not.toContain(secret);
        await sleep(5);
        return response.json();
      };
      const profile = await send(admin, 'POST', `/api/environments/${contoso}/server-profiles`, {
        serverType: 'exchangeOnline', name: 'Audited cross-tenant profile', authenticationType: 'oauthCrossTenant',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', applicationId: '0a1b2c3d-4e5f-6789-abcd-ef0123456789', clientSecret: CLIENT_SECRET,
      });
      ids.profile = profile.id;
      await send(admin, 'PATCH', `/api/environments/${contoso}/server-profiles/${ids.profile}`, { clientSecret: CLIENT_SECRET_2 });
      const mailbox = await send(admin, 'POST', `/api/environments/${contoso}/mailboxes`, {
        type: 'user', name: 'Audited Mailbox', emailAddress: 'audited.mailbox@contoso.example', allowCredentialsForEmailProcessing: true, userName: 'audited', password: PASSWORD,
      });
      ids.mailbox = mailbox.id;
      await send(admin, 'PATCH', `/api/environments/${contoso}/mailboxes/${ids.mailbox}`, { password: PASSWORD_2 });
      midway = new Date().toISOString();
      await sleep(5);
      await send(sysadmin, 'PATCH', `/api/environments/${contoso}/email-settings`, { notifyMailboxOwner: true });
      const support = await t.db.prisma.securityRole.findFirstOrThrow({ where: { environmentId: contoso, name: 'Support' } });
      await send(sysadmin, 'PUT', `/api/environments/${contoso}/security-roles/${support.id}/privileges/mailbox.write`, { depth: 'user' });
      await send(sysadmin, 'PATCH', `/api/environments/${contoso}/mailboxes/${ids.mailbox}`, { name: 'Audited Mailbox (renamed)' });
      await send(admin, 'PATCH', `/api/environments/${fabrikam}/email-settings`, { alertOnWarnings: false });
    });

    it('lists every entry of the environment, newest first', async () => {
      const log = await audit();
      expect(log.total).toBe(await countAudit({}));
      expect(log.total).toBe(7);
      const times = log.items.map((e) => Date.parse(e.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(log.items[0]).toMatchObject({ entityType: 'mailbox', entityId: ids.mailbox, entityName: 'Audited Mailbox (renamed)', actorName: 'Sam Sysadmin', action: 'update' });
    });

    it('masks secrets: a client secret and a mailbox password appear only as (set) / (not set)', async () => {
      const profileLog = await audit({ entityId: ids.profile });
      expect(profileLog.items.map((e) => e.action)).toEqual(['update', 'create']);
      expect(profileLog.items[1]!.changes).toContainEqual({ field: 'clientSecret', before: '(not set)', after: '(set)' });
      expect(profileLog.items[0]!.changes).toEqual([{ field: 'clientSecret', before: '(set)', after: '(set)' }]);
      const mailboxLog = await audit({ entityId: ids.mailbox });
      expect(mailboxLog.items.map((e) => e.action)).toEqual(['update', 'update', 'create']);
      expect(mailboxLog.items[2]!.changes).toContainEqual({ field: 'password', before: '(not set)', after: '(set)' });
      expect(mailboxLog.items[1]!.changes).toEqual([{ field: 'password', before: '(set)', after: '(set)' }]);
    });

    it.each([
      ['mailbox', 3], ['serverProfile', 2], ['emailSettings', 1], ['securityRole', 1],
    ])('filters by entity type %s', async (entityType, expected) => {
      const log = await audit({ entityType });
      expect(log.total).toBe(expected);
      expect(log.total).toBe(await countAudit({ entityType }));
      expect(log.items.every((e) => e.entityType === entityType)).toBe(true);
    });

    it('filters by entity and by actor', async () => {
      const byEntity = await audit({ entityId: ids.mailbox });
      expect(byEntity.items.every((e) => e.entityId === ids.mailbox)).toBe(true);
      const byActor = await audit({ actorId: userIds.get('sysadmin')! });
      expect(byActor.total).toBe(3);
      expect(byActor.items.every((e) => e.actorId === userIds.get('sysadmin') && e.actorName === 'Sam Sysadmin')).toBe(true);
      expect((await audit({ entityId: ids.mailbox, actorId: userIds.get('sysadmin')! })).items.map((e) => e.changes)).toEqual([
        [{ field: 'name', before: 'Audited Mailbox', after: 'Audited Mailbox (renamed)' }],
      ]);
    });

    it.each([['create', 2], ['update', 5], ['approveEmail', 0]])('filters by action %s', async (action, expected) => {
      const log = await audit({ action });
      expect(log.total).toBe(expected);
      expect(log.items.every((e) => e.action === action)).toBe(true);
    });

    it('finds entries whose entity or actor name begins with the search text, ignoring case', async () => {
      const bySam = await audit({ search: 'sam' });
      expect(bySam.total).toBe(3);
      expect(bySam.items.every((e) => e.actorName === 'Sam Sysadmin')).toBe(true);
      const byEntity = await audit({ search: 'AUDITED' });
      expect(byEntity.total).toBe(await countAudit({ entityName: { startsWith: 'audited', mode: 'insensitive' } }));
      expect(byEntity.items.every((e) => e.entityName.toLowerCase().startsWith('audited'))).toBe(true);
      expect((await audit({ search: 'Mailbox' })).total).toBe(0);
      expect((await audit({ search: '%' })).total).toBe(0);
    });

    it('filters from and to a moment', async () => {
      const after = await audit({ from: midway });
      expect(after.total).toBe(3);
      expect(after.items.every((e) => e.at >= midway)).toBe(true);
      const before = await audit({ to: midway });
      expect(before.total).toBe(4);
      expect(before.items.every((e) => e.at <= midway)).toBe(true);
      expect((await audit({ from: midway, to: midway })).total).toBe(0);
    });

    it('pages without duplicates or gaps', async () => {
      const whole = (await audit()).items.map((e) => e.id);
      const paged: string[] = [];
      for (let offset = 0; offset < whole.length; offset += 2) {
        const page = await audit({ offset, limit: 2 });
        expect(page.total).toBe(whole.length);
        paged.push(...page.items.map((e) => e.id));
      }
      expect(paged).toEqual(whole);
    });

    it('keeps environments apart', async () => {
      const contosoLog = await audit();
      expect(contosoLog.items.some((e) => e.entityId === fabrikam)).toBe(false);
      const fabrikamLog = await audit({}, 'global.admin', fabrikam);
      expect(fabrikamLog.items).toEqual([expect.objectContaining({ entityType: 'emailSettings', entityId: fabrikam, entityName: 'Email settings of Fabrikam' })]);
    });

    it('lets Support read it (View Audit History) and refuses Alex with 403', async () => {
      expect((await audit({}, 'support')).total).toBe(7);
      const denied = await auditResponse({}, 'alex');
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('ACCESS_DENIED');
    });

    it.each([
      ['entityType=bogus', { entityType: 'bogus' }, 'entityType'],
      ['entityId=x', { entityId: 'x' }, 'entityId'],
      ['actorId=x', { actorId: 'x' }, 'actorId'],
      ['action=approve', { action: 'approve' }, 'action'],
      ['from=yesterday', { from: 'yesterday' }, 'from'],
      ['to=2026-13-01', { to: '2026-13-01' }, 'to'],
      ['limit=501', { limit: 501 }, 'limit'],
      ['offset=-1', { offset: -1 }, 'offset'],
      ['an unknown parameter', { who: 'me' }, 'who'],
    ])('refuses %s with 400 naming it', async (_case, params, field) => {
      const response = await auditResponse(params);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });
});
