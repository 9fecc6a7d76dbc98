import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES } from './built-in-roles.ts';
import { listOpenablePages } from './portal-pages.ts';

describe('listOpenablePages', () => {
  it('lists every page, server profiles first, for a System Administrator', () => {
    expect(listOpenablePages(BUILT_IN_ROLES.systemAdministrator)).toEqual([
      'serverProfiles', 'emailSettings', 'mailboxes', 'emailHealth', 'testAndEnableJobs', 'domainHealth', 'alerts', 'securityRoles', 'users', 'teams', 'auditLog',
    ]);
  });

  it('leaves out the pages a Basic User cannot read, so he lands on Email settings', () => {
    expect(listOpenablePages(BUILT_IN_ROLES.basicUser)).toEqual(['emailSettings', 'mailboxes', 'emailHealth', 'testAndEnableJobs', 'domainHealth', 'alerts']);
  });

  it('keeps Email settings for a user with no privilege at all: any user of the environment may read them', () => {
    expect(listOpenablePages({})).toEqual(['emailSettings']);
  });
});
