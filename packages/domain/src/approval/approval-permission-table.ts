import type { Actor } from '../access/actor.ts';
import { BUILT_IN_ROLE_NAMES } from '../access/built-in-roles.ts';
import type { CustomerEngagementDeployment } from '../environments/environment.ts';
import type { ServerType } from '../server-profiles/server-profile.ts';

/**
 * Seed 000, "Permissions model": who may approve email, by where Customer Engagement and Exchange run.
 * Columns, rows, cells and footnotes are the article's, in the article's order.
 */

/** The roles the table's headers name: two Microsoft 365 tenant roles and three Dynamics 365 security roles. */
export const APPROVER_ROLES = ['globalAdmin', 'exchangeAdmin', 'delegatedMailboxApprover', 'systemAdmin', 'serviceAdmin'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

export const APPROVER_ROLE_LABELS: Record<ApproverRole, string> = {
  globalAdmin: 'Global admin',
  exchangeAdmin: 'Exchange admin',
  delegatedMailboxApprover: 'Delegated Mailbox Approver',
  systemAdmin: 'System admin',
  serviceAdmin: 'Service admin',
};

/** The table's columns, left to right. */
export const APPROVER_ROLE_COMBINATIONS = [
  'globalAdminAndSystemAdmin',
  'exchangeAdminAndSystemAdmin',
  'delegatedMailboxApproverAndSystemAdmin',
  'systemAdmin',
  'serviceAdmin',
  'exchangeAdmin',
  'globalAdmin',
] as const;
export type ApproverRoleCombination = (typeof APPROVER_ROLE_COMBINATIONS)[number];

export const APPROVER_ROLE_COMBINATION_LABELS: Record<ApproverRoleCombination, string> = {
  globalAdminAndSystemAdmin: 'Global admin and System admin',
  exchangeAdminAndSystemAdmin: 'Exchange admin and System admin',
  delegatedMailboxApproverAndSystemAdmin: 'Delegated Mailbox Approver and System admin',
  systemAdmin: 'System admin',
  serviceAdmin: 'Service admin',
  exchangeAdmin: 'Exchange admin',
  globalAdmin: 'Global admin',
};

/** The roles each column names ("Both roles required: … and System admin"). */
export const APPROVER_ROLE_COMBINATION_ROLES: Record<ApproverRoleCombination, readonly ApproverRole[]> = {
  globalAdminAndSystemAdmin: ['globalAdmin', 'systemAdmin'],
  exchangeAdminAndSystemAdmin: ['exchangeAdmin', 'systemAdmin'],
  delegatedMailboxApproverAndSystemAdmin: ['delegatedMailboxApprover', 'systemAdmin'],
  systemAdmin: ['systemAdmin'],
  serviceAdmin: ['serviceAdmin'],
  exchangeAdmin: ['exchangeAdmin'],
  globalAdmin: ['globalAdmin'],
};

/** Where Exchange runs: the second level of the table's rows. */
export const EXCHANGE_DEPLOYMENTS = ['exchangeOnline', 'exchangeOnPremises'] as const;
export type ExchangeDeployment = (typeof EXCHANGE_DEPLOYMENTS)[number];

export const EXCHANGE_DEPLOYMENT_LABELS: Record<ExchangeDeployment, string> = {
  exchangeOnline: 'Exchange Online',
  exchangeOnPremises: 'Exchange (on-premises)',
};

/** A mailbox's Exchange is the type of its email server profile. */
export function exchangeDeploymentOf(serverType: ServerType): ExchangeDeployment {
  return serverType === 'exchangeOnline' ? 'exchangeOnline' : 'exchangeOnPremises';
}

/** The article's "Yes" (can approve email), "No" (can't) and "n/a" (not applicable). */
export type PermissionVerdict = 'yes' | 'no' | 'notApplicable';

export interface PermissionCell {
  verdict: PermissionVerdict;
  footnote?: 1 | 2;
}

export const APPROVAL_PERMISSION_FOOTNOTES: Record<1 | 2, string> = {
  1: "We're updating for customer engagement apps and Exchange Online, for version 9.2.22104.00170 or later.",
  2: 'We recommend that you include your Exchange admin in the custom business processes your organization follows for this configuration.',
};

const yes: PermissionCell = { verdict: 'yes' };
const yes1: PermissionCell = { verdict: 'yes', footnote: 1 };
const yes2: PermissionCell = { verdict: 'yes', footnote: 2 };
const no: PermissionCell = { verdict: 'no' };
const na: PermissionCell = { verdict: 'notApplicable' };

/** One cell per column, in APPROVER_ROLE_COMBINATIONS order: a new column cannot be forgotten in a row. */
type CellPerColumn<Columns extends readonly unknown[]> = { readonly [I in keyof Columns]: PermissionCell };
type PermissionRowCells = CellPerColumn<typeof APPROVER_ROLE_COMBINATIONS>;

function row(...cells: PermissionRowCells): Record<ApproverRoleCombination, PermissionCell> {
  return Object.fromEntries(APPROVER_ROLE_COMBINATIONS.map((combination, i) => [combination, cells[i]])) as Record<
    ApproverRoleCombination,
    PermissionCell
  >;
}

export const APPROVAL_PERMISSION_TABLE: Record<
  CustomerEngagementDeployment,
  Record<ExchangeDeployment, Record<ApproverRoleCombination, PermissionCell>>
> = {
  //                       Global admin  Exchange admin  Delegated Mailbox   System  Service  Exchange  Global
  //                       + System adm  + System admin  Approver + Sys adm  admin   admin    admin     admin
  // Customer engagement apps
  online: {
    exchangeOnline:     row(yes,          yes,            yes1,               no,     no,      no,       no),
    exchangeOnPremises: row(na,           na,             na,                 yes2,   no,      na,       na),
  },
  // Customer Engagement (on-premises)
  onPremises: {
    exchangeOnline:     row(na,           na,             na,                 yes2,   na,      na,       na),
    exchangeOnPremises: row(na,           na,             na,                 yes2,   na,      na,       na),
  },
};

/** The table's roles an actor holds: tenant roles as they are, security roles by their Dynamics 365 names. */
export function approverRolesHeld(actor: Pick<Actor, 'tenantRoles' | 'securityRoles'>): ApproverRole[] {
  const held: Record<ApproverRole, boolean> = {
    globalAdmin: actor.tenantRoles.includes('globalAdmin'),
    exchangeAdmin: actor.tenantRoles.includes('exchangeAdmin'),
    delegatedMailboxApprover: actor.securityRoles.includes(BUILT_IN_ROLE_NAMES.delegatedMailboxApprover),
    systemAdmin: actor.securityRoles.includes(BUILT_IN_ROLE_NAMES.systemAdministrator),
    serviceAdmin: actor.securityRoles.includes(BUILT_IN_ROLE_NAMES.serviceAdministrator),
  };
  return APPROVER_ROLES.filter((role) => held[role]);
}

/**
 * Every column whose roles the actor all holds. Holding more than a column names still holds it, so a
 * Global admin who is also System admin holds "Global admin and System admin", "System admin" and "Global admin".
 */
export function approverRoleCombinationsHeld(actor: Pick<Actor, 'tenantRoles' | 'securityRoles'>): ApproverRoleCombination[] {
  const roles = approverRolesHeld(actor);
  return APPROVER_ROLE_COMBINATIONS.filter((combination) =>
    APPROVER_ROLE_COMBINATION_ROLES[combination].every((role) => roles.includes(role)),
  );
}

/** The columns whose cell says Yes in one row: what an actor would need to approve there. */
export function approvingCombinations(
  customerEngagement: CustomerEngagementDeployment,
  exchange: ExchangeDeployment,
): ApproverRoleCombination[] {
  const cells = APPROVAL_PERMISSION_TABLE[customerEngagement][exchange];
  return APPROVER_ROLE_COMBINATIONS.filter((combination) => cells[combination].verdict === 'yes');
}

/** The first held column whose cell says Yes decides; when none does, approval is denied. */
export type PermissionModelDecision =
  | { allowed: true; decidingCombination: ApproverRoleCombination; decidingCell: PermissionCell }
  | { allowed: false; decidingCombination: null; decidingCell: null };

/** Approval is granted when any column the actor holds says Yes in the row; a No or n/a elsewhere takes nothing away. */
export function decidePermissionModel(
  customerEngagement: CustomerEngagementDeployment,
  exchange: ExchangeDeployment,
  held: readonly ApproverRoleCombination[],
): PermissionModelDecision {
  const cells = APPROVAL_PERMISSION_TABLE[customerEngagement][exchange];
  const deciding = APPROVER_ROLE_COMBINATIONS.find(
    (combination) => held.includes(combination) && cells[combination].verdict === 'yes',
  );
  return deciding
    ? { allowed: true, decidingCombination: deciding, decidingCell: cells[deciding] }
    : { allowed: false, decidingCombination: null, decidingCell: null };
}
