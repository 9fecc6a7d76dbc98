import type { Privilege } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentVersion, createTestApp, environmentId, userId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * What each demo user holds, written out by hand from the issue and seed 000 (not derived from the role
 * table, so the two check each other). 'all': every privilege; 'hidden': no role in that environment, so it
 * does not exist for them.
 */
type Grant = 'all' | 'hidden' | Privilege[];
const SUPPORT: Privilege[] = ['emailServerProfile.read', 'mailbox.read', 'securityRole.read', 'auditHistory.read'];
const EXPECTED: Record<string, { Contoso: Grant; Fabrikam: Grant }> = {
  'global.admin@contoso.example': { Contoso: 'all', Fabrikam: 'all' },
  'exchange.admin@contoso.example': { Contoso: 'all', Fabrikam: 'hidden' },
  'approver@contoso.example': { Contoso: 'all', Fabrikam: 'hidden' },
  'sysadmin@contoso.example': { Contoso: 'all', Fabrikam: 'all' },
  'support@contoso.example': { Contoso: SUPPORT, Fabrikam: SUPPORT },
  'alex@contoso.example': { Contoso: ['mailbox.read', 'mailbox.write'], Fabrikam: 'hidden' },
};

describe('every API route, every demo user: deny by default', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn | null>();
  const ids = { Contoso: '', Fabrikam: '' };
  const profileIds = { Contoso: '', Fabrikam: '' };
  const mailboxIds = { Contoso: '', Fabrikam: '' };
  const supportRoleIds = { Contoso: '', Fabrikam: '' };
  const teamIds = { Contoso: '', Fabrikam: '00000000-0000-4000-8000-000000000000' };
  const jobIds = { Contoso: '', Fabrikam: '' };
  let alexId = '';

  beforeAll(async () => {
    t = await createTestApp();
    sessions.set('anonymous', null);
    for (const email of Object.keys(EXPECTED)) sessions.set(email, await signIn(t.app, email));
    for (const name of ['Contoso', 'Fabrikam'] as const) {
      ids[name] = await environmentId(t.db, name);
      profileIds[name] = (await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: ids[name], isActive: true } })).id;
      mailboxIds[name] = (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: ids[name], emailAddressStatus: 'pendingApproval' } })).id;
      supportRoleIds[name] = (await t.db.prisma.securityRole.findFirstOrThrow({ where: { environmentId: ids[name], name: 'Support' } })).id;
    }
    teamIds.Contoso = (await t.db.prisma.team.findFirstOrThrow({ where: { environmentId: ids.Contoso } })).id;
    alexId = await userId(t.db, 'alex@contoso.example');
    // A job per environment for the job routes, scheduled far ahead so it stays as it is.
    const admin = await signIn(t.app, 'global.admin@contoso.example');
    for (const name of ['Contoso', 'Fabrikam'] as const) {
      const started = await t.app.inject({
        method: 'POST', url: `/api/environments/${ids[name]}/server-profiles/${profileIds[name]}/test-and-enable-mailboxes`,
        headers: admin.headers, payload: { startAt: '2099-01-01T00:00:00Z' },
      });
      jobIds[name] = started.json().run.id;
    }
  });

  /** A valid body for each writing route, so the walk reaches the access decision and the domain beyond it. */
  async function payloadFor(method: string, url: string, concrete: string, user: string, environment: 'Contoso' | 'Fabrikam', counter: number): Promise<object | undefined> {
    const target = { target: { ids: [mailboxIds[environment]] } };
    if (url === '/api/session') return { email: 'nobody@contoso.example', password: 'x' };
    if (method === 'POST' && url.endsWith('/server-profiles')) return { serverType: 'exchangeOnline', name: `walk ${counter}` };
    if (method === 'PATCH' && url.includes('/server-profiles/')) return { description: `walked by ${user}`, version: await currentVersion(t.db, concrete) };
    if (method === 'POST' && url.endsWith('/mailboxes')) return { type: 'user', name: `Walk ${counter}`, emailAddress: `walk${counter}@contoso.example` };
    if (method === 'PATCH' && url.includes('/mailboxes/')) return { syncItemsFromThisOrgOnly: counter % 2 === 0, version: await currentVersion(t.db, concrete) };
    if (url.endsWith('/change-multiple')) return { ...target, changes: { outgoingEmailDeliveryMethod: 'serverSideSynchronization' } };
    if (url.endsWith('/apply-default-email-settings')) return { ...target, testAndEnable: false };
    if (url.endsWith('/mailbox-actions/retest-failed')) return { filter: { view: 'all' } };
    if (url.endsWith('/test-and-enable-mailboxes') || url.endsWith('/server-profiles/:profileId/retest-failed')) return { startAt: '2099-01-01T00:00:00Z' };
    if (url.includes('/mailbox-actions/')) return target;
    if (url.includes('/mailboxes/import')) {
      const file = Buffer.from(`Name,Email Address\r\nWalk ${counter},walk-csv${counter}@contoso.example\r\n`).toString('base64');
      return url.endsWith('/preview') ? { file } : { file, mode: 'validRows', expected: [] };
    }
    // A domain no mailbox has: the walk reaches the domain's refusal without asking DNS.
    if (url.endsWith('/domain-health/run')) return { domain: 'walk.example' };
    if (method === 'PATCH' && url.endsWith('/email-settings')) return { notifyMailboxOwner: counter % 2 === 0, version: await currentVersion(t.db, concrete) };
    if (url.includes('/privileges/')) return { depth: null };
    if (url.endsWith('/security-roles') && method === 'PUT') {
      const where = url.includes('/users/') ? { users: { some: { userId: alexId } } } : { teams: { some: { teamId: teamIds[environment] } } };
      const roles = await t.db.prisma.securityRole.findMany({ where: { environmentId: ids[environment], ...where }, select: { id: true } });
      return { roleIds: roles.map((r) => r.id) };
    }
    return undefined;
  }
  afterAll(() => t.close());

  it('covers every route the app declares', () => {
    const routes = t.app.routeAccess.map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(expect.arrayContaining([
      'GET /api/health', 'POST /api/session', 'GET /api/session', 'DELETE /api/session', 'GET /api/environments',
      'GET /api/environments/:environmentId/server-profiles', 'POST /api/environments/:environmentId/server-profiles',
      'GET /api/environments/:environmentId/server-profiles/:profileId', 'PATCH /api/environments/:environmentId/server-profiles/:profileId',
      'DELETE /api/environments/:environmentId/server-profiles/:profileId',
      'POST /api/environments/:environmentId/server-profiles/:profileId/set-default',
      'GET /api/environments/:environmentId/mailboxes', 'POST /api/environments/:environmentId/mailboxes',
      'GET /api/environments/:environmentId/mailboxes/:mailboxId', 'PATCH /api/environments/:environmentId/mailboxes/:mailboxId',
      'GET /api/environments/:environmentId/mailboxes/:mailboxId/approval',
      'POST /api/environments/:environmentId/mailbox-actions/approve-email', 'POST /api/environments/:environmentId/mailbox-actions/test-and-enable',
      'POST /api/environments/:environmentId/mailbox-actions/apply-default-email-settings', 'POST /api/environments/:environmentId/mailbox-actions/change-multiple',
      'GET /api/environments/:environmentId/email-settings', 'PATCH /api/environments/:environmentId/email-settings',
      'GET /api/environments/:environmentId/security-roles', 'PUT /api/environments/:environmentId/security-roles/:roleId/privileges/:privilege',
      'GET /api/environments/:environmentId/users', 'PUT /api/environments/:environmentId/users/:userId/security-roles',
      'GET /api/environments/:environmentId/teams', 'PUT /api/environments/:environmentId/teams/:teamId/security-roles',
      'GET /api/environments/:environmentId/alerts', 'GET /api/environments/:environmentId/audit',
      'POST /api/environments/:environmentId/mailbox-actions/retest-failed',
      'POST /api/environments/:environmentId/server-profiles/:profileId/test-and-enable-mailboxes',
      'POST /api/environments/:environmentId/server-profiles/:profileId/retest-failed',
      'GET /api/environments/:environmentId/jobs', 'GET /api/environments/:environmentId/jobs/:jobId',
      'GET /api/environments/:environmentId/jobs/:jobId/items', 'POST /api/environments/:environmentId/jobs/:jobId/cancel',
      'POST /api/environments/:environmentId/mailboxes/:mailboxId/test-connection',
      'GET /api/environments/:environmentId/domain-health', 'POST /api/environments/:environmentId/domain-health/run',
      'GET /api/environments/:environmentId/domain-health/:domain/history',
      'GET /api/environments/:environmentId/health-dashboard',
      'GET /api/environments/:environmentId/mailboxes/export', 'POST /api/environments/:environmentId/mailboxes/import/preview',
      'POST /api/environments/:environmentId/mailboxes/import',
      'GET /api/environments/:environmentId/server-profiles/export', 'GET /api/environments/:environmentId/audit/export',
      'GET /api/environments/:environmentId/alerts/export',
    ]));
  });

  it('allows and denies exactly as the expectation table says', async () => {
    let checked = 0;
    let counter = 0;
    for (const route of t.app.routeAccess) {
      // Signing out would end the sessions the rest of the walk uses; the session test covers it.
      if (route.method === 'DELETE' && route.url === '/api/session') continue;
      for (const environment of ['Contoso', 'Fabrikam'] as const) {
        if (!route.url.includes(':environmentId') && environment === 'Fabrikam') continue;
        for (const [user, session] of sessions) {
          const url = route.url.replace(':environmentId', ids[environment]).replace(':profileId', profileIds[environment])
            .replace(':mailboxId', mailboxIds[environment]).replace(':roleId', supportRoleIds[environment])
            .replace(':privilege', 'approveEmailAddresses').replace(':userId', alexId).replace(':teamId', teamIds[environment])
            .replace(':jobId', jobIds[environment]);
          const payload = await payloadFor(route.method, route.url, url, user, environment, ++counter);
          const response = await t.app.inject({
            method: route.method as 'GET', url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}), remoteAddress: '127.0.0.1',
          });
          const where = `${route.method} ${route.url} in ${environment} as ${user} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          const error = response.statusCode >= 400 ? response.json().error : null;
          const grant = session === null ? 'anonymous' : route.url.includes(':environmentId') ? EXPECTED[user]![environment] : 'signed-in';
          const access = route.access;
          const allowed = access === 'public' || access === 'signedIn' || access === 'environment' || grant === 'all' || (Array.isArray(grant) && grant.includes(access));

          expect(response.statusCode, where).toBeLessThan(500);
          if (route.access === 'public') {
            expect([401, 403], where).not.toContain(response.statusCode === 401 && route.url === '/api/session' ? 0 : response.statusCode);
          } else if (grant === 'anonymous') {
            expect(response.statusCode, where).toBe(401);
          } else if (grant === 'hidden') {
            expect(response.statusCode, where).toBe(404);
            expect(error?.message, where).toBe('The environment was not found.');
          } else if (grant === 'signed-in' || allowed) {
            expect([401, 403], where).not.toContain(response.statusCode);
            expect(error?.message ?? '', where).not.toBe('The environment was not found.');
          } else {
            expect(response.statusCode, where).toBe(403);
            expect(error?.code, where).toBe('ACCESS_DENIED');
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // Every route × environment × user, each a real request: on a shared machine this outgrew the default 30 s.
  }, 120_000);
});
