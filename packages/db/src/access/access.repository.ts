import type { Actor, Environment, PrivilegeSet, TenantRole } from '@sync-admin/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { toPrivilegeSet } from './privilege.mapper.ts';

export interface UserAccount {
  id: string;
  email: string;
  fullName: string;
  passwordHash: string;
  tenantRoles: TenantRole[];
}

export interface SessionRecord {
  csrfToken: string;
  expiresAt: Date;
  user: Omit<UserAccount, 'passwordHash'>;
}

export interface EnvironmentAccess extends Environment {
  securityRoles: string[];
  privileges: PrivilegeSet;
}

const userSelect = { id: true, email: true, fullName: true, tenantRoles: true } as const;

/** Users, sessions and what each user may do in each environment. */
export function createAccessRepository(prisma: PrismaClient) {
  /** The roles a user holds, directly or through a team they belong to; each once. */
  async function rolesIn(userId: string, environmentId?: string) {
    return prisma.securityRole.findMany({
      where: {
        ...(environmentId ? { environmentId } : {}),
        OR: [{ users: { some: { userId } } }, { teams: { some: { team: { members: { some: { userId } } } } } }],
      },
      select: { environmentId: true, name: true, privileges: { select: { privilege: true, depth: true } } },
    });
  }

  function toAccess(
    environment: { id: string; name: string; customerEngagement: Environment['customerEngagement']; defaultServerProfileId: string | null },
    roles: Awaited<ReturnType<typeof rolesIn>>,
  ): EnvironmentAccess {
    const mine = roles.filter((role) => role.environmentId === environment.id);
    return {
      ...environment,
      securityRoles: mine.map((role) => role.name).sort(),
      privileges: toPrivilegeSet(mine.flatMap((role) => role.privileges)),
    };
  }

  return {
    async findUserByEmail(email: string): Promise<UserAccount | null> {
      return prisma.user.findUnique({ where: { email: email.toLowerCase() }, select: { ...userSelect, passwordHash: true } });
    },

    async createSession(input: { id: string; userId: string; csrfToken: string; expiresAt: Date }) {
      await prisma.session.create({ data: input });
    },

    async findSession(id: string): Promise<SessionRecord | null> {
      return prisma.session.findUnique({ where: { id }, select: { csrfToken: true, expiresAt: true, user: { select: userSelect } } });
    },

    async deleteSession(id: string) {
      await prisma.session.deleteMany({ where: { id } });
    },

    async deleteExpiredSessions(now: Date) {
      await prisma.session.deleteMany({ where: { expiresAt: { lt: now } } });
    },

    /** Environments a user can open: those where they hold a security role (or a team of theirs does); a Global admin sees all. */
    async listEnvironmentsForUser(user: { id: string; tenantRoles: TenantRole[] }): Promise<EnvironmentAccess[]> {
      const roles = await rolesIn(user.id);
      const environments = await prisma.environment.findMany({
        where: user.tenantRoles.includes('globalAdmin') ? {} : { id: { in: roles.map((role) => role.environmentId) } },
        select: { id: true, name: true, customerEngagement: true, defaultServerProfileId: true },
        orderBy: { name: 'asc' },
      });
      return environments.map((environment) => toAccess(environment, roles));
    },

    async findEnvironmentAccess(user: { id: string; tenantRoles: TenantRole[] }, environmentId: string): Promise<EnvironmentAccess | null> {
      const environment = await prisma.environment.findUnique({
        where: { id: environmentId },
        select: { id: true, name: true, customerEngagement: true, defaultServerProfileId: true },
      });
      if (!environment) return null;
      const access = toAccess(environment, await rolesIn(user.id, environmentId));
      const canOpen = access.securityRoles.length > 0 || user.tenantRoles.includes('globalAdmin');
      return canOpen ? access : null;
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;

export function toActor(user: { id: string; email: string; fullName?: string; tenantRoles: TenantRole[] }, access: EnvironmentAccess): Actor {
  return {
    userId: user.id,
    email: user.email,
    ...(user.fullName ? { fullName: user.fullName } : {}),
    tenantRoles: user.tenantRoles,
    securityRoles: access.securityRoles,
    privileges: access.privileges,
  };
}
