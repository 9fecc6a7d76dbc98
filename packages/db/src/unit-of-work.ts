import type { TestAndEnableJobs, WriteUnitOfWork } from '@sync-admin/domain';
import { createAlertRepository } from './alerts/alert.repository.ts';
import { writeAuditEntries } from './audit/audit-writer.ts';
import { createEmailSettingsRepository } from './email-settings/email-settings.repository.ts';
import { createMailboxRepository } from './mailboxes/mailbox.repository.ts';
import type { Prisma, PrismaClient } from './generated/prisma/client.ts';
import type { SecretCipher } from './secret-cipher.ts';
import { createServerProfileRepository } from './server-profiles/server-profile.repository.ts';
import { createTestAndEnableRunRepository } from './test-and-enable/test-and-enable-run.repository.ts';

/** Raw SQL on a connection: what the job engine needs to enqueue inside the caller's transaction. */
export type ExecuteSql = (text: string, values: unknown[]) => Promise<{ rows: unknown[] }>;

export function executeSqlOn(client: Prisma.TransactionClient): ExecuteSql {
  return async (text, values) => ({ rows: await client.$queryRawUnsafe<unknown[]>(text, ...values) });
}

/**
 * One transaction for the writes of a use case: a Test & Enable step (the item, the mailbox, alerts, audit
 * entries and the next job), a default-profile switch, Email settings with their Server Profile, a CSV import. The job
 * engine lives in the same database, so a job is enqueued by the same transaction that records the work it
 * stands for: never a job without its item, or the reverse.
 */
export function createUnitOfWork(
  prisma: PrismaClient, cipher: SecretCipher, jobsWithin: (executeSql: ExecuteSql) => TestAndEnableJobs,
): WriteUnitOfWork {
  return {
    run: (work) => prisma.$transaction((tx) => work({
      runs: createTestAndEnableRunRepository(tx, cipher),
      jobs: jobsWithin(executeSqlOn(tx)),
      alerts: createAlertRepository(tx),
      audit: { writeAuditEntries: (entries) => writeAuditEntries(tx, entries) },
      profiles: createServerProfileRepository(tx, cipher),
      emailSettings: createEmailSettingsRepository(tx),
      mailboxes: createMailboxRepository(tx, cipher),
    }), { maxWait: 30_000, timeout: 60_000 }),
  };
}
