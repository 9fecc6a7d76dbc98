import type {
  AuditEntryInput,
  MailboxForCommand,
  MailboxListItem,
  MailboxRepository,
  MailboxSynchronizationMethod,
  MailboxWrite,
} from '@sync-admin/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { auditInsertStatement, writeAuditEntry } from '../audit/audit-writer.ts';
import type { SecretCipher } from '../secret-cipher.ts';
import { createSqlParams, type SqlParams } from '../sql/sql-params.ts';
import { mailboxInclude, toMailbox, toSettingColumns } from './mailbox.mapper.ts';
import { buildMailboxCommandQuery, buildMailboxListQuery, type SqlQuery } from './mailbox-query.ts';
import { createTotalCache } from './mailbox-total-cache.ts';

/** Casts for the synchronization-method columns, which have the fields' names. */
const METHOD_COLUMN_TYPES = {
  serverProfileId: 'uuid',
  incomingEmailDeliveryMethod: '"IncomingEmailDeliveryMethod"',
  outgoingEmailDeliveryMethod: '"OutgoingEmailDeliveryMethod"',
  appointmentsContactsTasksDeliveryMethod: '"AppointmentsContactsTasksDeliveryMethod"',
} as const satisfies Record<keyof MailboxSynchronizationMethod, string>;

export interface MailboxRepositoryOptions {
  /** How long a grid total is reused (see mailbox-total-cache.ts). */
  totalsTtlMs?: number;
  now?: () => number;
}

export function createMailboxRepository(prisma: PrismaClient, cipher: SecretCipher, options: MailboxRepositoryOptions = {}): MailboxRepository {
  const totals = createTotalCache({ ttlMs: options.totalsTtlMs ?? 30_000, now: options.now ?? Date.now });

  function passwordColumn(password: string | null | undefined) {
    if (password === undefined) return {};
    return { passwordEncrypted: password === null ? null : cipher.encrypt(password) };
  }

  /** A status other than Approved drops who approved and when. */
  function statusColumns(status: MailboxWrite['emailAddressStatus']) {
    if (status === undefined) return {};
    return status === 'approved' ? { emailAddressStatus: status } : { emailAddressStatus: status, emailAddressApprovedById: null, emailAddressApprovedAt: null };
  }

  async function find(environmentId: string, id: string) {
    const row = await prisma.mailbox.findFirst({ where: { id, environmentId }, include: mailboxInclude });
    if (!row) return null;
    const runItem = row.testAndEnableRunId
      ? await prisma.testAndEnableRunItem.findUnique({
        where: { runId_mailboxId: { runId: row.testAndEnableRunId, mailboxId: id } }, select: { state: true, attempts: true, nextAttemptAt: true },
      })
      : null;
    return toMailbox(row, runItem);
  }

  async function countMailboxes(query: SqlQuery): Promise<number> {
    const rows = await prisma.$queryRawUnsafe<{ total: number }[]>(query.sql, ...query.params);
    return rows[0]?.total ?? 0;
  }

  /**
   * A bulk write as ONE statement: the UPDATE of the given rows and, in a data-modifying CTE, the INSERT of
   * the audit rows of those it changed. One statement is one transaction, so the log and the change commit
   * together; one round trip, and only the changed environments come back (not 10,000 rows through the
   * client). `set` builds the assignments; rows matching `unless` are skipped (e.g. approved meanwhile) and
   * so are their audit entries.
   */
  async function updateMailboxes(ids: string[], set: (params: SqlParams) => string[], audit: AuditEntryInput[], unless?: string) {
    if (ids.length === 0) return;
    const params = createSqlParams();
    const assignments = [...set(params), `"updatedAt" = ${params.bind(new Date(), 'timestamp(3)')}`];
    const update = `UPDATE "Mailbox" SET ${assignments.join(', ')}
      WHERE "id" = ANY(${params.bind(ids, 'uuid[]')})${unless ? ` AND NOT (${unless})` : ''}
      RETURNING "id", "environmentId"`;
    const changed = await prisma.$queryRawUnsafe<{ environmentId: string }[]>(
      `WITH updated AS (${update})${audit.length > 0 ? `, audited AS (${auditInsertStatement(params, audit, 'updated')})` : ''}
       SELECT DISTINCT "environmentId" FROM updated`,
      ...params.values,
    );
    totals.clear(changed.map((row) => row.environmentId));
  }

  return {
    async listMailboxes(environmentId, filter, page) {
      const query = buildMailboxListQuery(environmentId, filter, page);
      const [items, counted] = await Promise.all([
        prisma.$queryRawUnsafe<MailboxListItem[]>(query.page.sql, ...query.page.params),
        totals.get(environmentId, filter, () => countMailboxes(query.count)),
      ]);
      // The page itself says more than a cached total: a short page ends the list (its total for free), and a
      // total contradicted by the page (a write elsewhere since it was counted) is counted again.
      const seen = page.offset + items.length;
      if (items.length < page.limit && (items.length > 0 || page.offset === 0)) {
        if (seen !== counted) totals.set(environmentId, filter, seen);
        return { items, total: seen };
      }
      const stale = items.length === page.limit ? counted < seen : counted > page.offset;
      if (!stale) return { items, total: counted };
      const total = await countMailboxes(query.count);
      totals.set(environmentId, filter, total);
      return { items, total };
    },

    findMailbox: find,

    async findMailboxesForCommand(environmentId, target) {
      const query = buildMailboxCommandQuery(environmentId, target);
      return query ? prisma.$queryRawUnsafe<MailboxForCommand[]>(query.sql, ...query.params) : [];
    },

    async isEmailAddressTaken(environmentId, emailAddress, exceptId) {
      const rows = await prisma.$queryRawUnsafe<{ taken: boolean }[]>(
        `SELECT EXISTS (
           SELECT 1 FROM "Mailbox" m
           WHERE m."environmentId" = $1::uuid AND lower(m."emailAddress") = lower($2::text) AND ($3::uuid IS NULL OR m."id" <> $3::uuid)
         ) AS "taken"`,
        environmentId, emailAddress.trim(), exceptId ?? null,
      );
      return rows[0]?.taken ?? false;
    },

    async createMailbox({ environmentId, type, write }, audit) {
      const { name, emailAddress, ownerId, ...settings } = toSettingColumns(write.settings);
      if (name === undefined || emailAddress === undefined || ownerId === undefined) {
        throw new Error('A new mailbox needs a name, an email address and an owner.');
      }
      const id = await prisma.$transaction(async (tx) => {
        const created = await tx.mailbox.create({
          data: {
            ...settings, name, emailAddress, ownerId, environmentId, type,
            ...passwordColumn(write.password), ...statusColumns(write.emailAddressStatus),
          } satisfies Prisma.MailboxUncheckedCreateInput,
          select: { id: true },
        });
        await writeAuditEntry(tx, audit(created.id));
        return created.id;
      });
      totals.clear([environmentId]);
      return (await find(environmentId, id))!;
    },

    async updateMailbox(environmentId, id, write, audit) {
      await prisma.$transaction(async (tx) => {
        await tx.mailbox.update({
          where: { id, environmentId },
          data: { ...toSettingColumns(write.settings), ...passwordColumn(write.password), ...statusColumns(write.emailAddressStatus) },
          select: { id: true },
        });
        await writeAuditEntry(tx, audit);
      });
      totals.clear([environmentId]);
      return (await find(environmentId, id))!;
    },

    async setSynchronizationMethod(ids, method, audit) {
      const fields = (Object.keys(METHOD_COLUMN_TYPES) as (keyof MailboxSynchronizationMethod)[]).filter((field) => method[field] !== undefined);
      if (fields.length === 0) return;
      await updateMailboxes(ids, (params) => fields.map((field) => `"${field}" = ${params.bind(method[field], METHOD_COLUMN_TYPES[field])}`), audit);
    },

    async approveMailboxes(ids, approverId, at, audit) {
      await updateMailboxes(ids, (params) => [
        `"emailAddressStatus" = 'approved'`,
        `"emailAddressApprovedById" = ${params.bind(approverId, 'uuid')}`,
        `"emailAddressApprovedAt" = ${params.bind(at, 'timestamp(3)')}`,
      ], audit, `"emailAddressStatus" = 'approved'`);
    },

    async findMailboxPassword(id) {
      const row = await prisma.mailbox.findUnique({ where: { id }, select: { passwordEncrypted: true } });
      return row?.passwordEncrypted ? cipher.decrypt(row.passwordEncrypted) : null;
    },
  };
}
