export { openDatabase, type Database, type DatabaseTarget } from './database.ts';
export { applyMigrations, pendingMigrations, MIGRATIONS_DIR } from './migrate.ts';
export { createSecretCipher, type SecretCipher } from './secret-cipher.ts';
export { createServerProfileRepository } from './server-profiles/server-profile.repository.ts';
export { createMailboxRepository, type MailboxRepositoryOptions } from './mailboxes/mailbox.repository.ts';
export { buildMailboxCommandQuery, buildMailboxListQuery, type SqlQuery } from './mailboxes/mailbox-query.ts';
export { createEmailSettingsRepository } from './email-settings/email-settings.repository.ts';
export { createAlertRepository } from './alerts/alert.repository.ts';
export { createAuditRepository } from './audit/audit.repository.ts';
export { createSecurityRoleRepository } from './access/security-role.repository.ts';
export { createSignInAttemptRepository, type SignInAttemptRepository } from './access/sign-in-attempt.repository.ts';
export {
  createAccessRepository,
  toActor,
  type AccessRepository,
  type EnvironmentAccess,
  type SessionRecord,
  type UserAccount,
} from './access/access.repository.ts';
export { createTestAndEnableRunRepository } from './test-and-enable/test-and-enable-run.repository.ts';
export { createUnitOfWork, executeSqlOn, type ExecuteSql } from './unit-of-work.ts';
export { createConnectionLeases } from './test-and-enable/connection-leases.ts';
export { createActorDirectory } from './test-and-enable/actor-directory.ts';
export { sqlStateOf } from './errors/sql-state.ts';
export { Prisma, type PrismaClient } from './generated/prisma/client.ts';
export { createDomainHealthRepository } from './domain-health/domain-health.repository.ts';
export { createHealthDashboardRepository } from './health-dashboard/health-dashboard.repository.ts';
