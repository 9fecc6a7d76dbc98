import type { Actor } from './actor.ts';
import { BUILT_IN_ROLE_NAMES } from './built-in-roles.ts';
import { DomainError } from '../shared/domain-error.ts';

/** Who a security role is assigned to: Dynamics 365 assigns roles to users and to teams. */
export type RoleAssignee = { kind: 'user' } | { kind: 'team' };

/**
 * Seed 000, "Delegate mailbox approval": only a Global or Exchange admin may assign the Delegated Mailbox
 * Approver role, and never to a team. Every other role is left to the ordinary Write: Security Role check.
 */
export function checkRoleAssignment(actor: Pick<Actor, 'tenantRoles'>, roleName: string, assignee: RoleAssignee): DomainError | null {
  if (roleName !== BUILT_IN_ROLE_NAMES.delegatedMailboxApprover) return null;
  // Checked first: no admin can give a team this role. Dynamics 365 names this CannotAssignDelegatedMailboxApproverRoleToTeam.
  if (assignee.kind === 'team') {
    return new DomainError('DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT', {
      code: 'DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT', message: 'The Delegated Mailbox Approver role cannot be assigned to a team.',
    }, [], {
      dynamicsErrorCode: '0x80090905',
    });
  }
  const isTenantAdmin = actor.tenantRoles.includes('globalAdmin') || actor.tenantRoles.includes('exchangeAdmin');
  if (!isTenantAdmin) {
    return new DomainError(
      'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED',
      {
        code: 'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED',
        message: 'You must be an Office 365 Global Administrator or an Exchange Administrator to assign the Delegated Mailbox Approver role.',
      },
      [],
      { dynamicsErrorCode: '0x80090904' },
    );
  }
  return null;
}

/** As in Dynamics 365, the built-in System Administrator role keeps every privilege: it cannot be edited. */
export function checkRolePrivilegeChange(roleName: string, isBuiltIn: boolean): DomainError | null {
  if (isBuiltIn && roleName === BUILT_IN_ROLE_NAMES.systemAdministrator) {
    return new DomainError('CONFLICT', { code: 'SYSTEM_ADMINISTRATOR_ROLE_FIXED', message: 'The System Administrator role cannot be changed.' });
  }
  return null;
}
