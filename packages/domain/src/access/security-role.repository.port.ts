import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { Privilege, PrivilegeDepth, PrivilegeSet } from './privileges.ts';
import type { TenantRole } from './tenant-roles.ts';

export interface SecurityRoleSummary {
  id: string;
  name: string;
  isBuiltIn: boolean;
  privileges: PrivilegeSet;
  userCount: number;
  teamCount: number;
}

/** A user of the tenant, with the roles they hold in one environment, directly and through teams. */
export interface DirectoryUser {
  id: string;
  email: string;
  fullName: string;
  tenantRoles: TenantRole[];
  roleIds: string[];
  teamIds: string[];
}

export interface TeamSummary {
  id: string;
  name: string;
  members: { id: string; fullName: string }[];
  roleIds: string[];
}

/** Settings > Users + permissions: security roles, users and teams of one environment. */
export interface SecurityRoleRepository {
  listSecurityRoles(environmentId: string): Promise<SecurityRoleSummary[]>;
  findSecurityRole(environmentId: string, roleId: string): Promise<SecurityRoleSummary | null>;
  setRolePrivilege(roleId: string, privilege: Privilege, depth: PrivilegeDepth | null, audit: AuditEntryInput): Promise<void>;
  listUsers(environmentId: string): Promise<DirectoryUser[]>;
  findUser(environmentId: string, userId: string): Promise<DirectoryUser | null>;
  listTeams(environmentId: string): Promise<TeamSummary[]>;
  findTeam(environmentId: string, teamId: string): Promise<TeamSummary | null>;
  /** Replaces the roles held directly by a user (or a team) in the environment. */
  setUserRoles(environmentId: string, userId: string, roleIds: string[], audit: AuditEntryInput): Promise<void>;
  setTeamRoles(environmentId: string, teamId: string, roleIds: string[], audit: AuditEntryInput): Promise<void>;
}
