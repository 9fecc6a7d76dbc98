import { PRIVILEGES, type Privilege } from '@sync-admin/contract';

export interface PrivilegeGroup {
  title: string;
  privileges: readonly Privilege[];
}

export interface PrivilegeTab {
  value: string;
  label: string;
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
    label: 'Core Records',
    groups: [
      { title: 'Email Server Profile', privileges: ['emailServerProfile.read', 'emailServerProfile.write'] },
      { title: 'Mailbox', privileges: ['mailbox.read', 'mailbox.write'] },
    ],
  },
  {
    value: 'businessManagement',
    label: 'Business Management',
    groups: [
      { title: 'Organization', privileges: ['organization.write'] },
      { title: 'Security Role', privileges: ['securityRole.read', 'securityRole.write'] },
      { title: 'Miscellaneous Privileges', privileges: ['approveEmailAddresses', 'auditHistory.read'] },
    ],
  },
];

const placed = new Set(PLACED_TABS.flatMap((tab) => tab.groups.flatMap((group) => group.privileges)));
const unplaced = PRIVILEGES.filter((privilege) => !placed.has(privilege));

/** Every privilege the contract knows appears once: one added later shows under "Other privileges" until placed. */
export const PRIVILEGE_TABS: readonly PrivilegeTab[] =
  unplaced.length === 0
    ? PLACED_TABS
    : [...PLACED_TABS, { value: 'other', label: 'Other', groups: [{ title: 'Other privileges', privileges: unplaced }] }];
