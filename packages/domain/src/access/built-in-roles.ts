import type { Privilege, PrivilegeDepth } from './privileges.ts';

/**
 * Security roles every environment starts with. Names are Dynamics 365's; privileges are what this portal
 * needs of them. Read against seed 000: only roles holding "Approve Email Addresses for Users or Queues"
 * can pass the privilege step of approval; the permission table decides the rest.
 */
export const BUILT_IN_ROLE_NAMES = {
  systemAdministrator: 'System Administrator',
  serviceAdministrator: 'Service Administrator',
  delegatedMailboxApprover: 'Delegated Mailbox Approver',
  support: 'Support',
  basicUser: 'Basic User',
} as const;
export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLE_NAMES;

export const BUILT_IN_ROLES: Record<BuiltInRoleKey, Partial<Record<Privilege, PrivilegeDepth>>> = {
  systemAdministrator: {
    'emailServerProfile.read': 'organization',
    'emailServerProfile.write': 'organization',
    'mailbox.read': 'organization',
    'mailbox.write': 'organization',
    approveEmailAddresses: 'organization',
    'organization.write': 'organization',
    'securityRole.read': 'organization',
    'securityRole.write': 'organization',
    'auditHistory.read': 'organization',
  },
  serviceAdministrator: {
    'emailServerProfile.read': 'organization',
    'emailServerProfile.write': 'organization',
    'mailbox.read': 'organization',
    'mailbox.write': 'organization',
    'securityRole.read': 'organization',
    'auditHistory.read': 'organization',
  },
  delegatedMailboxApprover: {
    'mailbox.read': 'organization',
    approveEmailAddresses: 'organization',
  },
  // Support staff read profiles, mailboxes and their alerts, and change nothing.
  support: {
    'emailServerProfile.read': 'organization',
    'mailbox.read': 'organization',
    'securityRole.read': 'organization',
    'auditHistory.read': 'organization',
  },
  // Enough to see and self-approve one's own mailbox (seed 000: "a minimum of User-level Write").
  basicUser: {
    'mailbox.read': 'user',
    'mailbox.write': 'user',
  },
};
