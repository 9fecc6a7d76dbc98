import type { PortalPage } from '@sync-admin/contract';
import { paths } from './paths.ts';

/**
 * Where each page of an environment lives and the key of its name in the navigation (common namespace). Which pages a user may open,
 * and their order, come from the API (the environment's `pages`); this only places them.
 */
export const PORTAL_PAGE_LINKS: Record<PortalPage, { labelKey: string; segment: string; getHref: (environmentId: string) => string }> = {
  serverProfiles: { labelKey: 'nav.pages.serverProfiles', segment: '/settings/email/server-profiles', getHref: (id) => paths.serverProfiles.getHref(id) },
  emailSettings: { labelKey: 'nav.pages.emailSettings', segment: '/settings/email/email-settings', getHref: paths.emailSettings.getHref },
  mailboxes: { labelKey: 'nav.pages.mailboxes', segment: '/settings/email/mailboxes', getHref: (id) => paths.mailboxes.getHref(id) },
  emailHealth: { labelKey: 'nav.pages.emailHealth', segment: '/settings/email/health', getHref: paths.emailHealth.getHref },
  testAndEnableJobs: { labelKey: 'nav.pages.testAndEnableJobs', segment: '/settings/email/test-and-enable-jobs', getHref: (id) => paths.jobs.getHref(id) },
  domainHealth: { labelKey: 'nav.pages.domainHealth', segment: '/settings/email/domain-health', getHref: paths.domainHealth.getHref },
  alerts: { labelKey: 'nav.pages.alerts', segment: '/alerts', getHref: paths.alerts.getHref },
  securityRoles: { labelKey: 'nav.pages.securityRoles', segment: '/settings/users-permissions/security-roles', getHref: paths.securityRoles.getHref },
  users: { labelKey: 'nav.pages.users', segment: '/settings/users-permissions/users', getHref: paths.users.getHref },
  teams: { labelKey: 'nav.pages.teams', segment: '/settings/users-permissions/teams', getHref: paths.teams.getHref },
  auditLog: { labelKey: 'nav.pages.auditLog', segment: '/settings/audit-log', getHref: paths.auditLog.getHref },
};

/** The environment page a location belongs to: its list, or one of its records. */
export function findPortalPage(pathname: string): PortalPage | null {
  const entry = Object.entries(PORTAL_PAGE_LINKS).find(([, link]) => pathname.includes(link.segment));
  return entry ? (entry[0] as PortalPage) : null;
}

/** Where a user lands in an environment: its first page they may open, or the environment list when none. */
export function landingHref(environment: { id: string; pages: readonly PortalPage[] } | undefined): string {
  const first = environment?.pages[0];
  return environment && first ? PORTAL_PAGE_LINKS[first].getHref(environment.id) : paths.environments.getHref();
}
