import { apiPaths } from '@sync-admin/contract';
import { PORTAL_PAGES, type PortalPage } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/test-app.ts';

/** The request each page opens with: the list it shows. */
const PAGE_LISTS: Record<PortalPage, (environmentId: string) => string> = {
  serverProfiles: apiPaths.serverProfiles,
  emailSettings: apiPaths.emailSettings,
  mailboxes: apiPaths.mailboxes,
  emailHealth: apiPaths.healthDashboard,
  testAndEnableJobs: apiPaths.jobs,
  domainHealth: apiPaths.domainHealth,
  alerts: apiPaths.alerts,
  securityRoles: apiPaths.securityRoles,
  users: apiPaths.users,
  teams: apiPaths.teams,
  auditLog: apiPaths.audit,
};

describe('the pages each environment lists for the signed-in user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists for alex@ (Basic User) only the pages he may open, Email settings first', async () => {
    const alex = await signIn(t.app, 'alex@contoso.example');
    const [contoso] = (await t.app.inject({ url: apiPaths.environments, headers: alex.headers })).json().items;
    expect(contoso.pages).toEqual(['emailSettings', 'mailboxes', 'emailHealth', 'testAndEnableJobs', 'domainHealth', 'alerts']);
  });

  it.each(['global.admin@contoso.example', 'support@contoso.example', 'alex@contoso.example', 'approver@contoso.example'])(
    'for %s, every listed page opens and every other page is refused',
    async (email) => {
      const user = await signIn(t.app, email);
      const { items } = (await t.app.inject({ url: apiPaths.environments, headers: user.headers })).json();
      for (const environment of items as { id: string; name: string; pages: PortalPage[] }[]) {
        for (const page of PORTAL_PAGES) {
          const response = await t.app.inject({ url: PAGE_LISTS[page](environment.id), headers: user.headers });
          expect(`${environment.name} ${page} ${response.statusCode}`).toBe(
            `${environment.name} ${page} ${environment.pages.includes(page) ? 200 : 403}`,
          );
        }
      }
    },
  );
});
