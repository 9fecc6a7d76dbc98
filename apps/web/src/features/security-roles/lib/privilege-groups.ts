import { PRIVILEGES, type Privilege } from '@sync-admin/contract';

export interface PrivilegeGroup {
  /** Names the group in the security-roles namespace; also what its heading's id is made of. */
  titleKey: string;
  privileges: readonly Privilege[];
}

export interface PrivilegeTab {
  value: string;
  labelKey: string;
  groups: readonly PrivilegeGroup[];
}

/**
 * The security role editor's tabs as Dynamics 365 lays them out: tables under Core Records and Business
 * Management, and "Approve Email Addresses for Users or Queues" under Business Management > Miscellaneous
 * Privileges (seed 000, "Add the Approve Email Addresses for Users or Queues privilege").
 */
const PLACED_TABS: readonly PrivilegeTab[] = [
  {
    value: 'coreRecords',
    labelKey: 'security-roles:tab.coreRecords',
    groups: [
      { titleKey: 'security-roles:group.emailServerProfile', privileges: ['emailServerProfile.read', 'emailServerProfile.write'] },
      { titleKey: 'security-roles:group.mailbox', privileges: ['mailbox.read', 'mailbox.write'] },
    ],
  },
  {
    value: 'businessManagement',
    labelKey: 'security-roles:tab.businessManagement',
    groups: [
      { titleKey: 'security-roles:group.organization', privileges: ['organization.write'] },
      { titleKey: 'security-roles:group.securityRole', privileges: ['securityRole.read', 'securityRole.write'] },
      { titleKey: 'security-roles:group.miscellaneous', privileges: ['approveEmailAddresses', 'auditHistory.read'] },
    ],
  },
];

const placed = new Set(PLACED_TABS.flatMap((tab) => tab.groups.flatMap((group) => group.privileges)));
const unplaced = PRIVILEGES.filter((privilege) => !placed.has(privilege));

/** Every privilege the contract knows appears once: one added later shows under "Other privileges" until placed. */
export const PRIVILEGE_TABS: readonly PrivilegeTab[] =
  unplaced.length === 0
    ? PLACED_TABS
    : [...PLACED_TABS, { value: 'other', labelKey: 'security-roles:tab.other', groups: [{ titleKey: 'security-roles:group.other', privileges: unplaced }] }];
