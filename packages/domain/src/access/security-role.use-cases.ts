import type { Actor } from './actor.ts';
import { hasPrivilege, PRIVILEGE_DEPTH_LABELS, type Privilege, type PrivilegeDepth } from './privileges.ts';
import { checkRoleAssignment, checkRolePrivilegeChange } from './role-assignment.ts';
import type { SecurityRoleRepository, SecurityRoleSummary } from './security-role.repository.port.ts';
import type { AuditAction, AuditEntryInput } from '../audit/audit-entry.ts';
import { accessDenied, notFound, validationFailed } from '../shared/domain-error.ts';

export interface SecurityRoleDeps {
  securityRoles: SecurityRoleRepository;
  clock: () => Date;
}

function requireRead(actor: Actor) {
  if (!hasPrivilege(actor.privileges, 'securityRole.read')) throw accessDenied({ code: 'SECURITY_ROLE_READ_NEEDED', message: 'You need Read privilege on Security Role.' });
}
function requireWrite(actor: Actor) {
  if (!hasPrivilege(actor.privileges, 'securityRole.write')) throw accessDenied({ code: 'SECURITY_ROLE_WRITE_NEEDED', message: 'You need Write privilege on Security Role.' });
}

function audit(actor: Actor, environmentId: string, at: Date, entity: { type: 'securityRole' | 'user' | 'team'; id: string; name: string }, action: AuditAction, field: string, before: string | null, after: string | null): AuditEntryInput {
  return {
    environmentId, at, actorId: actor.userId, actorName: actor.fullName ?? actor.email,
    entityType: entity.type, entityId: entity.id, entityName: entity.name, action, changes: [{ field, before, after }],
  };
}

export async function listSecurityRoles(deps: SecurityRoleDeps, actor: Actor, environmentId: string) {
  requireRead(actor);
  return deps.securityRoles.listSecurityRoles(environmentId);
}

export async function listDirectoryUsers(deps: SecurityRoleDeps, actor: Actor, environmentId: string) {
  requireRead(actor);
  return deps.securityRoles.listUsers(environmentId);
}

export async function listTeams(deps: SecurityRoleDeps, actor: Actor, environmentId: string) {
  requireRead(actor);
  return deps.securityRoles.listTeams(environmentId);
}

/** Sets a privilege's level on a role, e.g. "Approve Email Addresses for Users or Queues" (seed 000); null removes it. */
export async function setSecurityRolePrivilege(
  deps: SecurityRoleDeps, actor: Actor, environmentId: string, roleId: string, privilege: Privilege, depth: PrivilegeDepth | null,
): Promise<SecurityRoleSummary> {
  requireWrite(actor);
  const role = await deps.securityRoles.findSecurityRole(environmentId, roleId);
  if (!role) throw notFound('SECURITY_ROLE_NOT_FOUND', 'The security role');
  const refusal = checkRolePrivilegeChange(role.name, role.isBuiltIn);
  if (refusal) throw refusal;
  const before = role.privileges[privilege] ?? null;
  if (before === depth) return role;
  const label = (d: PrivilegeDepth | null) => (d ? PRIVILEGE_DEPTH_LABELS[d] : 'None');
  await deps.securityRoles.setRolePrivilege(roleId, privilege, depth,
    audit(actor, environmentId, deps.clock(), { type: 'securityRole', id: role.id, name: role.name }, 'update', privilege, label(before), label(depth)));
  return (await deps.securityRoles.findSecurityRole(environmentId, roleId))!;
}

async function checkedRoleChange(deps: SecurityRoleDeps, actor: Actor, environmentId: string, currentRoleIds: string[], roleIds: string[], assignee: 'user' | 'team') {
  requireWrite(actor);
  const roles = new Map((await deps.securityRoles.listSecurityRoles(environmentId)).map((r) => [r.id, r]));
  const unknown = roleIds.filter((id) => !roles.has(id));
  if (unknown.length > 0) throw validationFailed([{ field: 'roleIds', code: 'UNKNOWN_SECURITY_ROLES', params: { roleIds: unknown.join(', ') }, message: `Not a security role of this environment: ${unknown.join(', ')}.` }]);
  const added = [...new Set(roleIds)].filter((id) => !currentRoleIds.includes(id));
  for (const id of added) {
    const refusal = checkRoleAssignment(actor, roles.get(id)!.name, { kind: assignee });
    if (refusal) throw refusal;
  }
  const names = (ids: string[]) => ids.map((id) => roles.get(id)?.name ?? id).sort().join(', ') || null;
  return { unique: [...new Set(roleIds)], before: names(currentRoleIds), after: names([...new Set(roleIds)]) };
}

/** Manage User Roles: replaces the roles a user holds directly in the environment. */
export async function setUserSecurityRoles(deps: SecurityRoleDeps, actor: Actor, environmentId: string, userId: string, roleIds: string[]) {
  const user = await deps.securityRoles.findUser(environmentId, userId);
  if (!user) throw notFound('USER_NOT_FOUND', 'The user');
  const change = await checkedRoleChange(deps, actor, environmentId, user.roleIds, roleIds, 'user');
  if (change.before !== change.after) {
    await deps.securityRoles.setUserRoles(environmentId, userId, change.unique,
      audit(actor, environmentId, deps.clock(), { type: 'user', id: user.id, name: user.fullName }, 'update', 'securityRoles', change.before, change.after));
  }
  return (await deps.securityRoles.findUser(environmentId, userId))!;
}

/** Manage Team Roles; the Delegated Mailbox Approver role cannot go to a team (seed 000, 0x80090905). */
export async function setTeamSecurityRoles(deps: SecurityRoleDeps, actor: Actor, environmentId: string, teamId: string, roleIds: string[]) {
  const team = await deps.securityRoles.findTeam(environmentId, teamId);
  if (!team) throw notFound('TEAM_NOT_FOUND', 'The team');
  const change = await checkedRoleChange(deps, actor, environmentId, team.roleIds, roleIds, 'team');
  if (change.before !== change.after) {
    await deps.securityRoles.setTeamRoles(environmentId, teamId, change.unique,
      audit(actor, environmentId, deps.clock(), { type: 'team', id: team.id, name: team.name }, 'update', 'securityRoles', change.before, change.after));
  }
  return (await deps.securityRoles.findTeam(environmentId, teamId))!;
}
