import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * What each demo user may do, written out by hand from the issue (not derived from the role table, so the
 * two check each other). 'hidden': the user holds no role in that environment, so it does not exist for them.
 */
type Grant = 'read' | 'write' | 'none' | 'hidden';
const EXPECTED: Record<string, { Contoso: Grant; Fabrikam: Grant }> = {
  'global.admin@contoso.example': { Contoso: 'write', Fabrikam: 'write' },
  'exchange.admin@contoso.example': { Contoso: 'write', Fabrikam: 'hidden' },
  'approver@contoso.example': { Contoso: 'write', Fabrikam: 'hidden' },
  'sysadmin@contoso.example': { Contoso: 'write', Fabrikam: 'write' },
  'support@contoso.example': { Contoso: 'read', Fabrikam: 'read' },
  'alex@contoso.example': { Contoso: 'none', Fabrikam: 'hidden' },
};

describe('every API route, every demo user: deny by default', () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn | null>();
  const ids = { Contoso: '', Fabrikam: '' };
  const profileIds = { Contoso: '', Fabrikam: '' };

  beforeAll(async () => {
    t = await createTestApp();
    sessions.set('anonymous', null);
    for (const email of Object.keys(EXPECTED)) sessions.set(email, await signIn(t.app, email));
    for (const name of ['Contoso', 'Fabrikam'] as const) {
      ids[name] = await environmentId(t.db, name);
      profileIds[name] = (await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: ids[name], isActive: true } })).id;
    }
  });
  afterAll(() => t.close());

  it('covers every route the app declares', () => {
    const routes = t.app.routeAccess.map((r) => `${r.method} ${r.url}`);
    expect(routes).toEqual(expect.arrayContaining([
      'GET /api/health', 'POST /api/session', 'GET /api/session', 'DELETE /api/session', 'GET /api/environments',
      'GET /api/environments/:environmentId/server-profiles', 'POST /api/environments/:environmentId/server-profiles',
      'GET /api/environments/:environmentId/server-profiles/:profileId', 'PATCH /api/environments/:environmentId/server-profiles/:profileId',
      'DELETE /api/environments/:environmentId/server-profiles/:profileId',
      'POST /api/environments/:environmentId/server-profiles/:profileId/set-default',
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
          const url = route.url.replace(':environmentId', ids[environment]).replace(':profileId', profileIds[environment]);
          const payload =
            route.url === '/api/session' ? { email: 'nobody@contoso.example', password: 'x' }
            : route.method === 'POST' && route.url.endsWith('/server-profiles') ? { serverType: 'exchangeOnline', name: `walk ${++counter}` }
            : route.method === 'PATCH' ? { description: `walked by ${user}` }
            : undefined;
          const response = await t.app.inject({
            method: route.method as 'GET', url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}), remoteAddress: '127.0.0.1',
          });
          const where = `${route.method} ${route.url} in ${environment} as ${user} → ${response.statusCode} ${response.body.slice(0, 200)}`;
          const error = response.statusCode >= 400 ? response.json().error : null;
          const grant = session === null ? 'anonymous' : route.url.includes(':environmentId') ? EXPECTED[user]![environment] : 'signed-in';
          const needs = route.access === 'public' || route.access === 'signedIn' || route.access === 'environment' ? 'none' : route.access.endsWith('.write') ? 'write' : 'read';

          if (route.access === 'public') {
            expect([401, 403], where).not.toContain(response.statusCode === 401 && route.url === '/api/session' ? 0 : response.statusCode);
          } else if (grant === 'anonymous') {
            expect(response.statusCode, where).toBe(401);
          } else if (grant === 'hidden') {
            expect(response.statusCode, where).toBe(404);
            expect(error?.message, where).toBe('The environment was not found.');
          } else if (grant === 'signed-in' || needs === 'none' || (needs === 'read' && grant !== 'none') || grant === 'write') {
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
  });
});
