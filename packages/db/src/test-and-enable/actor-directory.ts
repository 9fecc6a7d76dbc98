import type { ActorDirectory } from '@sync-admin/domain';
import { createAccessRepository, toActor } from '../access/access.repository.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Users with the roles they hold now, for work done on their behalf in the background. */
export function createActorDirectory(prisma: PrismaClient): ActorDirectory {
  const access = createAccessRepository(prisma);
  return {
    async findActor(environmentId, userId) {
      const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, fullName: true, tenantRoles: true } });
      if (!user) return null;
      const environment = await access.findEnvironmentAccess(user, environmentId);
      return environment ? toActor(user, environment) : null;
    },
  };
}
