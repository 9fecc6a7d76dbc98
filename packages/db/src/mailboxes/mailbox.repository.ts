import type {
  AuditEntryInput,
  MailboxAsRead,
  MailboxForCommand,
  MailboxListItem,
  MailboxRepository,
  MailboxSynchronizationMethod,
  MailboxWrite,
} from '@sync-admin/domain';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { auditInsertStatement, writeAuditEntry } from '../audit/audit-writer.ts';
import type { SecretCipher } from '../secret-cipher.ts';
import { isUniqueViolationOf } from '../errors/sql-state.ts';
import { createSqlParams, type SqlParams } from '../sql/sql-params.ts';
import { mailboxInclude, toMailbox, toSettingColumns } from './mailbox.mapper.ts';
import { buildMailboxBatchQuery, buildMailboxCommandQuery, buildMailboxListQuery, type SqlQuery } from './mailbox-query.ts';
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

/** The unique index behind "one mailbox per email address in an environment" (see its migration). */
const EMAIL_ADDRESS_INDEX = 'Mailbox_environmentId_lower_emailAddress_key';

/** A write the email-address index refused is an answer, not a failure: another mailbox has the address. */
async function refuseTakenAddress<T>(write: () => Promise<T>): Promise<T | 'emailAddressTaken'> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolationOf(error, EMAIL_ADDRESS_INDEX)) return 'emailAddressTaken';
    throw error;
  }
}

/**
 * On the client, a write with its audit entry is a transaction of its own; inside a unit of work (a client
 * bound to a transaction already) it joins that one, so a CSV import can commit all its rows or none.
 */
export function createMailboxRepository(
  prisma: PrismaClient | Prisma.TransactionClient, cipher: SecretCipher, options: MailboxRepositoryOptions = {},
): MailboxRepository {
  const inTransaction = <T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> =>
    ('$transaction' in prisma ? prisma.$transaction(work) : work(prisma));
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
   * A bulk write as ONE guarded statement: the UPDATE of the rows as read and, in a data-modifying CTE, the
   * INSERT of the audit rows of those it changed. One statement is one transaction, so the log and the change
   * commit together, in one round trip. A row is changed only while the columns in `unchanged` still hold
   * the values read (what the caller's decision rested on) and it does not match `unless` (e.g. approved
   * meanwhile); the others, and their audit entries, are left out. Returns the ids changed.
   */
  async function updateMailboxes(
    rows: readonly MailboxAsRead[], unchanged: readonly (keyof Omit<MailboxAsRead, 'id'>)[],
    set: (params: SqlParams) => string[], audit: AuditEntryInput[], unless?: string,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const params = createSqlParams();
    const assignments = [...set(params), `"updatedAt" = ${params.bind(new Date(), 'timestamp(3)')}`];
    const asRead = `unnest(${params.bind(rows.map((r) => r.id), 'uuid[]')}, ${params.bind(rows.map((r) => r.ownerId), 'uuid[]')}, `
      + `${params.bind(rows.map((r) => r.emailAddress), 'text[]')}, ${params.bind(rows.map((r) => r.serverProfileId), 'uuid[]')}) AS r("id", "ownerId", "emailAddress", "serverProfileId")`;
    const update = `UPDATE "Mailbox" m SET ${assignments.join(', ')}
      FROM ${asRead}
      WHERE m."id" = r."id"${unchanged.map((column) => ` AND m."${column}" IS NOT DISTINCT FROM r."${column}"`).join('')}${unless ? ` AND NOT (${unless})` : ''}
      RETURNING m."id", m."environmentId"`;
    const changed = await prisma.$queryRawUnsafe<{ id: string; environmentId: string }[]>(
      `WITH updated AS (${update})${audit.length > 0 ? `, audited AS (${auditInsertStatement(params, audit, 'updated')})` : ''}
       SELECT "id", "environmentId" FROM updated`,
      ...params.values,
    );
    totals.clear([...new Set(changed.map((row) => row.environmentId))]);
    return new Set(changed.map((row) => row.id));
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

    async listMailboxBatch(environmentId, filter, page, after) {
      const query = buildMailboxBatchQuery(environmentId, filter, page, after);
      const rows = await prisma.$queryRawUnsafe<(MailboxListItem & { sortKey: unknown })[]>(query.sql, ...query.params);
      const last = rows.at(-1);
      const items = rows.map(({ sortKey: _sortKey, ...item }) => item);
      return { items, next: last && rows.length === page.limit ? { sortKey: last.sortKey, id: last.id } : null };
    },

    findMailbox: find,

    async findMailboxesByEmailAddress(environmentId, emailAddresses) {
      if (emailAddresses.length === 0) return [];
      const ids = await prisma.$queryRawUnsafe<{ id: string }[]>(
        'SELECT m."id" FROM "Mailbox" m WHERE m."environmentId" = $1::uuid AND lower(m."emailAddress") = ANY($2::text[])',
        environmentId, emailAddresses.map((address) => address.trim().toLowerCase()),
      );
      const rows = await prisma.mailbox.findMany({ where: { id: { in: ids.map((row) => row.id) } }, include: mailboxInclude });
      return rows.map((row) => toMailbox(row, null));
    },

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
      const id = await refuseTakenAddress(() => inTransaction(async (tx) => {
        const created = await tx.mailbox.create({
          data: {
            ...settings, name, emailAddress, ownerId, environmentId, type,
            ...passwordColumn(write.password), ...statusColumns(write.emailAddressStatus),
          } satisfies Prisma.MailboxUncheckedCreateInput,
          select: { id: true },
        });
        await writeAuditEntry(tx, audit(created.id));
        return created.id;
      }));
      if (id === 'emailAddressTaken') return id;
      totals.clear([environmentId]);
      return (await find(environmentId, id))!;
    },

    async updateMailbox(environmentId, id, expectedVersion, write, audit) {
      const written = await refuseTakenAddress(() => inTransaction(async (tx) => {
        // Guarded: changes the row only while it is at the version read, and only the columns written.
        const { count } = await tx.mailbox.updateMany({
          where: { id, environmentId, version: expectedVersion },
          data: {
            ...toSettingColumns(write.settings), ...passwordColumn(write.password), ...statusColumns(write.emailAddressStatus),
            version: { increment: 1 },
          },
        });
        if (count === 0) return 'stale' as const;
        await writeAuditEntry(tx, audit);
        return 'written' as const;
      }));
      if (written !== 'written') return written;
      totals.clear([environmentId]);
      return (await find(environmentId, id))!;
    },

    async setSynchronizationMethod(rows, method, audit) {
      const fields = (Object.keys(METHOD_COLUMN_TYPES) as (keyof MailboxSynchronizationMethod)[]).filter((field) => method[field] !== undefined);
      if (fields.length === 0) return new Set();
      // Settings the mailbox form edits change: a form opened before is stale now.
      return updateMailboxes(rows, ['ownerId'], (params) => [
        ...fields.map((field) => `"${field}" = ${params.bind(method[field], METHOD_COLUMN_TYPES[field])}`), `"version" = m."version" + 1`,
      ], audit);
    },

    async approveMailboxes(rows, approverId, at, audit) {
      return updateMailboxes(rows, ['ownerId', 'emailAddress', 'serverProfileId'], (params) => [
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
