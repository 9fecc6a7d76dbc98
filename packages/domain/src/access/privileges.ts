/**
 * Security-role privileges as Dataverse defines them for the tables this portal manages: Read and Write on
 * Email Server Profile and Mailbox at a depth, and the miscellaneous privilege "Approve Email Addresses for
 * Users or Queues" (seed 000, "Add the Approve Email Addresses for Users or Queues privilege").
 */
export const PRIVILEGE_DEPTHS = ['user', 'businessUnit', 'organization'] as const;
export type PrivilegeDepth = (typeof PRIVILEGE_DEPTHS)[number];

export const PRIVILEGE_DEPTH_LABELS: Record<PrivilegeDepth, string> = {
  user: 'User',
  businessUnit: 'Business Unit',
  organization: 'Organization',
};

export const PRIVILEGES = [
  'emailServerProfile.read',
  'emailServerProfile.write',
  'mailbox.read',
  'mailbox.write',
  'approveEmailAddresses',
  'organization.write',
  'securityRole.read',
  'securityRole.write',
  'auditHistory.read',
] as const;
export type Privilege = (typeof PRIVILEGES)[number];

export const PRIVILEGE_LABELS: Record<Privilege, string> = {
  'emailServerProfile.read': 'Read: Email Server Profile',
  'emailServerProfile.write': 'Write: Email Server Profile',
  'mailbox.read': 'Read: Mailbox',
  'mailbox.write': 'Write: Mailbox',
  approveEmailAddresses: 'Approve Email Addresses for Users or Queues',
  // Email settings live on Dataverse's Organization table.
  'organization.write': 'Write: Organization',
  'securityRole.read': 'Read: Security Role',
  'securityRole.write': 'Write: Security Role',
  'auditHistory.read': 'View Audit History',
};

/** What a user holds in one environment: the deepest depth per privilege across all their roles. */
export type PrivilegeSet = Partial<Record<Privilege, PrivilegeDepth>>;

const DEPTH_RANK: Record<PrivilegeDepth, number> = { user: 1, businessUnit: 2, organization: 3 };

export function mergePrivileges(grants: Iterable<{ privilege: Privilege; depth: PrivilegeDepth }>): PrivilegeSet {
  const merged: PrivilegeSet = {};
  for (const { privilege, depth } of grants) {
    const held = merged[privilege];
    if (!held || DEPTH_RANK[depth] > DEPTH_RANK[held]) merged[privilege] = depth;
  }
  return merged;
}

export function hasPrivilege(privileges: PrivilegeSet, privilege: Privilege, atLeast: PrivilegeDepth = 'user'): boolean {
  const held = privileges[privilege];
  return held !== undefined && DEPTH_RANK[held] >= DEPTH_RANK[atLeast];
}

/**
 * Record-level check. This portal models one business unit per environment, so Business Unit depth reaches
 * every record of the environment, as Organization does; User depth reaches only records the actor owns.
 */
export function canReachRecord(privileges: PrivilegeSet, privilege: Privilege, actorId: string, ownerId: string): boolean {
  const held = privileges[privilege];
  if (!held) return false;
  return held !== 'user' || actorId === ownerId;
}
