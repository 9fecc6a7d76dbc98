export { openDatabase, type Database, type DatabaseTarget } from './database.ts';
export { applyMigrations, MIGRATIONS_DIR } from './migrate.ts';
export { createSecretCipher, type SecretCipher } from './secret-cipher.ts';
export { createServerProfileRepository } from './server-profiles/server-profile.repository.ts';
export {
  createAccessRepository,
  toActor,
  type AccessRepository,
  type EnvironmentAccess,
  type SessionRecord,
  type UserAccount,
} from './access/access.repository.ts';
export { Prisma, type PrismaClient } from './generated/prisma/client.ts';
