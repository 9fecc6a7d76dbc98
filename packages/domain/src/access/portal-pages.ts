import { hasPrivilege, type Privilege, type PrivilegeSet } from './privileges.ts';

/**
 * The pages of an environment in the admin center's order, each with the privilege its list needs (the
 * same one the API route behind the list declares); null: anyone who can open the environment.
 * Server profiles come first: it is the area this portal is about, so a user who may read it lands there.
 */
export const PORTAL_PAGE_ACCESS = {
  serverProfiles: 'emailServerProfile.read',
  emailSettings: null,
  mailboxes: 'mailbox.read',
  emailHealth: 'mailbox.read',
  testAndEnableJobs: 'mailbox.read',
  domainHealth: 'mailbox.read',
  alerts: 'mailbox.read',
  securityRoles: 'securityRole.read',
  users: 'securityRole.read',
  teams: 'securityRole.read',
  auditLog: 'auditHistory.read',
} as const satisfies Record<string, Privilege | null>;

export type PortalPage = keyof typeof PORTAL_PAGE_ACCESS;
export const PORTAL_PAGES = Object.keys(PORTAL_PAGE_ACCESS) as PortalPage[];

/** The pages a user with these privileges may open, in order: the first is where they land. */
export function listOpenablePages(privileges: PrivilegeSet): PortalPage[] {
  return PORTAL_PAGES.filter((page) => {
    const privilege = PORTAL_PAGE_ACCESS[page];
    return privilege === null || hasPrivilege(privileges, privilege);
  });
}
