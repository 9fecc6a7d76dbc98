import { describe, expect, it } from 'vitest';
import { DomainError, type ErrorCode } from '../shared/domain-error.ts';
import { BUILT_IN_ROLE_NAMES } from './built-in-roles.ts';
import { checkRoleAssignment, checkRolePrivilegeChange, type RoleAssignee } from './role-assignment.ts';
import type { TenantRole } from './tenant-roles.ts';

const TENANT_ROLE_SETS: TenantRole[][] = [[], ['globalAdmin'], ['exchangeAdmin'], ['globalAdmin', 'exchangeAdmin']];
const ASSIGNEES: RoleAssignee[] = [{ kind: 'user' }, { kind: 'team' }];
const DMA = BUILT_IN_ROLE_NAMES.delegatedMailboxApprover;

const TEAM_ERROR = ['DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT', 'The Delegated Mailbox Approver role cannot be assigned to a team.', '0x80090905'] as const;
const ADMIN_ERROR = [
  'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED',
  'You must be an Office 365 Global Administrator or an Exchange Administrator to assign the Delegated Mailbox Approver role.',
  '0x80090904',
] as const;

describe('checkRoleAssignment: the Delegated Mailbox Approver role (seed 000, "Delegate mailbox approval")', () => {
  it.each<[TenantRole[], RoleAssignee['kind'], readonly [ErrorCode, string, string] | null]>([
    [[], 'user', ADMIN_ERROR],
    [['globalAdmin'], 'user', null],
    [['exchangeAdmin'], 'user', null],
    [['globalAdmin', 'exchangeAdmin'], 'user', null],
    // A team can never get it, whoever assigns it: the team refusal wins over the admin one.
    [[], 'team', TEAM_ERROR],
    [['globalAdmin'], 'team', TEAM_ERROR],
    [['exchangeAdmin'], 'team', TEAM_ERROR],
    [['globalAdmin', 'exchangeAdmin'], 'team', TEAM_ERROR],
  ])('tenant roles %j assigning it to a %s → %j', (tenantRoles, kind, expected) => {
    const error = checkRoleAssignment({ tenantRoles }, DMA, { kind });
    if (expected === null) {
      expect(error).toBeNull();
      return;
    }
    const [code, message, dynamicsErrorCode] = expected;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code, message, dynamicsErrorCode, fieldErrors: [] });
  });
});

describe('checkRoleAssignment: every other role', () => {
  const otherRoles = [
    BUILT_IN_ROLE_NAMES.systemAdministrator,
    BUILT_IN_ROLE_NAMES.serviceAdministrator,
    BUILT_IN_ROLE_NAMES.support,
    BUILT_IN_ROLE_NAMES.basicUser,
    'Salesperson',
  ];
  const cases = otherRoles.flatMap((roleName) =>
    TENANT_ROLE_SETS.flatMap((tenantRoles) => ASSIGNEES.map((assignee) => [roleName, tenantRoles, assignee] as const)),
  );

  it.each(cases)('%s with tenant roles %j to %j is not refused here', (roleName, tenantRoles, assignee) => {
    expect(checkRoleAssignment({ tenantRoles }, roleName, assignee)).toBeNull();
  });
});

describe('checkRolePrivilegeChange', () => {
  it.each<[string, boolean, boolean]>([
    [BUILT_IN_ROLE_NAMES.systemAdministrator, true, false],
    // A custom role that merely shares the name is the customer's own to change.
    [BUILT_IN_ROLE_NAMES.systemAdministrator, false, true],
    [BUILT_IN_ROLE_NAMES.serviceAdministrator, true, true],
    [BUILT_IN_ROLE_NAMES.delegatedMailboxApprover, true, true],
    [BUILT_IN_ROLE_NAMES.support, true, true],
    [BUILT_IN_ROLE_NAMES.basicUser, true, true],
    ['Salesperson', false, true],
  ])('%s (built in: %s) can be changed: %s', (roleName, isBuiltIn, canChange) => {
    const error = checkRolePrivilegeChange(roleName, isBuiltIn);
    if (canChange) expect(error).toBeNull();
    else expect(error).toMatchObject({ code: 'CONFLICT', message: 'The System Administrator role cannot be changed.' });
  });
});
