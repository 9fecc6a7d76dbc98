import type { DirectoryUser, SecurityRoleRepository, SecurityRoleSummary, TeamSummary } from '@sync-admin/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { writeAuditEntry } from '../audit/audit-writer.ts';
import { toPrivilegeSet } from './privilege.mapper.ts';

const roleSelect = {
  id: true,
  name: true,
  isBuiltIn: true,
  privileges: { select: { privilege: true, depth: true } },
  _count: { select: { users: true, teams: true } },
} satisfies Prisma.SecurityRoleSelect;

function toSecurityRole(row: Prisma.SecurityRoleGetPayload<{ select: typeof roleSelect }>): SecurityRoleSummary {
  return {
    id: row.id,
    name: row.name,
    isBuiltIn: row.isBuiltIn,
    privileges: toPrivilegeSet(row.privileges),
    userCount: row._count.users,
    teamCount: row._count.teams,
  };
}

/** A user with the roles they hold directly in one environment and the teams they belong to there. */
function userSelect(environmentId: string) {
  return {
    id: true,
    email: true,
    fullName: true,
    tenantRoles: true,
    securityRoles: { where: { role: { environmentId } }, select: { roleId: true }, orderBy: { roleId: 'asc' } },
    teams: { where: { team: { environmentId } }, select: { teamId: true }, orderBy: { teamId: 'asc' } },
  } satisfies Prisma.UserSelect;
}

function toDirectoryUser(row: Prisma.UserGetPayload<{ select: ReturnType<typeof userSelect> }>): DirectoryUser {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    tenantRoles: row.tenantRoles,
    roleIds: row.securityRoles.map((r) => r.roleId),
    teamIds: row.teams.map((t) => t.teamId),
  };
}

const teamSelect = {
  id: true,
  name: true,
  members: { select: { user: { select: { id: true, fullName: true } } }, orderBy: { user: { fullName: 'asc' } } },
  securityRoles: { select: { roleId: true }, orderBy: { roleId: 'asc' } },
} satisfies Prisma.TeamSelect;

function toTeam(row: Prisma.TeamGetPayload<{ select: typeof teamSelect }>): TeamSummary {
  return {
    id: row.id,
    name: row.name,
    members: row.members.map((m) => ({ id: m.user.id, fullName: m.user.fullName })),
    roleIds: row.securityRoles.map((r) => r.roleId),
  };
}

/** Settings > Users + permissions: security roles, the tenant's users and the environment's teams. */
export function createSecurityRoleRepository(prisma: PrismaClient): SecurityRoleRepository {
  /** Of the given ids, the roles that belong to the environment. */
  async function rolesOf(tx: Prisma.TransactionClient, environmentId: string, roleIds: string[]) {
    return tx.securityRole.findMany({ where: { environmentId, id: { in: [...new Set(roleIds)] } }, select: { id: true } });
  }

  return {
    async listSecurityRoles(environmentId) {
      const rows = await prisma.securityRole.findMany({ where: { environmentId }, select: roleSelect, orderBy: { name: 'asc' } });
      return rows.map(toSecurityRole);
    },

    async findSecurityRole(environmentId, roleId) {
      const row = await prisma.securityRole.findFirst({ where: { id: roleId, environmentId }, select: roleSelect });
      return row ? toSecurityRole(row) : null;
    },

    async setRolePrivilege(roleId, privilege, depth, audit) {
      await prisma.$transaction(async (tx) => {
        if (depth === null) await tx.rolePrivilege.deleteMany({ where: { roleId, privilege } });
        else await tx.rolePrivilege.upsert({ where: { roleId_privilege: { roleId, privilege } }, create: { roleId, privilege, depth }, update: { depth } });
        await writeAuditEntry(tx, audit);
      });
    },

    async listUsers(environmentId) {
      const rows = await prisma.user.findMany({ select: userSelect(environmentId), orderBy: [{ fullName: 'asc' }, { id: 'asc' }] });
      return rows.map(toDirectoryUser);
    },

    async findUser(environmentId, userId) {
      const row = await prisma.user.findUnique({ where: { id: userId }, select: userSelect(environmentId) });
      return row ? toDirectoryUser(row) : null;
    },

    async listTeams(environmentId) {
      const rows = await prisma.team.findMany({ where: { environmentId }, select: teamSelect, orderBy: { name: 'asc' } });
      return rows.map(toTeam);
    },

    async findTeam(environmentId, teamId) {
      const row = await prisma.team.findFirst({ where: { id: teamId, environmentId }, select: teamSelect });
      return row ? toTeam(row) : null;
    },

    async setUserRoles(environmentId, userId, roleIds, audit) {
      await prisma.$transaction(async (tx) => {
        await tx.userSecurityRole.deleteMany({ where: { userId, role: { environmentId } } });
        const roles = await rolesOf(tx, environmentId, roleIds);
        await tx.userSecurityRole.createMany({ data: roles.map((role) => ({ userId, roleId: role.id })) });
        await writeAuditEntry(tx, audit);
      });
    },

    async setTeamRoles(environmentId, teamId, roleIds, audit) {
      await prisma.$transaction(async (tx) => {
        // A team of another environment is not touched: findFirstOrThrow rolls the transaction back.
        await tx.team.findFirstOrThrow({ where: { id: teamId, environmentId }, select: { id: true } });
        await tx.teamSecurityRole.deleteMany({ where: { teamId } });
        const roles = await rolesOf(tx, environmentId, roleIds);
        await tx.teamSecurityRole.createMany({ data: roles.map((role) => ({ teamId, roleId: role.id })) });
        await writeAuditEntry(tx, audit);
      });
    },
  };
}
