import {
  pickSentServerProfileSettings,
  pickServerProfileSettings,
  type ServerProfileRepository,
  type ServerProfileSecret,
  type ServerProfileSecretChanges,
} from '@sync-admin/domain';
import { Prisma } from '../generated/prisma/client.ts';
import { transactionOn, type Client } from '../sql/transaction-client.ts';
import { traceToJson } from '../test-and-enable/connectivity-trace.json.ts';
import { writeAuditEntry } from '../audit/audit-writer.ts';
import type { SecretCipher } from '../secret-cipher.ts';
import { serverProfileInclude, toServerProfile } from './server-profile.mapper.ts';

const SECRET_COLUMNS = {
  clientSecret: 'clientSecretEncrypted',
  incomingPassword: 'incomingPasswordEncrypted',
  outgoingPassword: 'outgoingPasswordEncrypted',
} as const satisfies Record<ServerProfileSecret, string>;

/**
 * `prisma` is the root client, or a transaction's client inside a unit of work (then every write here joins
 * that transaction).
 */
export function createServerProfileRepository(prisma: Client, cipher: SecretCipher): ServerProfileRepository {
  /** Only the secrets that change: a value is encrypted, null clears, absent keeps the stored one. */
  function encryptedColumns(changes: ServerProfileSecretChanges) {
    const columns: Partial<Record<(typeof SECRET_COLUMNS)[ServerProfileSecret], string | null>> = {};
    for (const [secret, column] of Object.entries(SECRET_COLUMNS) as [ServerProfileSecret, (typeof SECRET_COLUMNS)[ServerProfileSecret]][]) {
      const change = changes[secret];
      if (change !== undefined) columns[column] = change === null ? null : cipher.encrypt(change);
    }
    return columns;
  }

  async function find(id: string) {
    return toServerProfile(await prisma.serverProfile.findUniqueOrThrow({ where: { id }, include: serverProfileInclude }));
  }

  /** The default moves: both the old and the new default profile change (their isDefault), and Email settings' Server Profile. */
  async function moveDefault(tx: Prisma.TransactionClient, environmentId: string, id: string) {
    const environment = await tx.environment.findUniqueOrThrow({ where: { id: environmentId }, select: { defaultServerProfileId: true } });
    if (environment.defaultServerProfileId === id) return;
    await tx.environment.update({ where: { id: environmentId }, data: { defaultServerProfileId: id } });
    await tx.serverProfile.updateMany({
      where: { id: { in: [id, environment.defaultServerProfileId].filter((value) => value !== null) } },
      data: { version: { increment: 1 } },
    });
    await tx.emailSettings.updateMany({ where: { environmentId }, data: { version: { increment: 1 } } });
  }

  return {
    async lockEnvironmentProfiles(environmentId) {
      await prisma.$queryRawUnsafe(`SELECT 1 AS "locked" FROM "Environment" WHERE "id" = $1::uuid FOR UPDATE`, environmentId);
    },

    async listServerProfiles(environmentId, filter) {
      const rows = await prisma.serverProfile.findMany({
        where: { environmentId, isActive: filter.isActive, ownerId: filter.ownerId },
        include: serverProfileInclude,
        orderBy: { name: 'asc' },
      });
      return rows.map(toServerProfile);
    },

    async findServerProfile(environmentId, id) {
      const row = await prisma.serverProfile.findFirst({ where: { id, environmentId }, include: serverProfileInclude });
      return row ? toServerProfile(row) : null;
    },

    async isServerProfileNameTaken(environmentId, name, exceptId) {
      const count = await prisma.serverProfile.count({
        where: { environmentId, name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      });
      return count > 0;
    },

    countServerProfiles: (environmentId) => prisma.serverProfile.count({ where: { environmentId } }),

    countMailboxesUsingServerProfile: (id) => prisma.mailbox.count({ where: { serverProfileId: id } }),

    async createServerProfile({ environmentId, ownerId, settings, secrets, makeDefault }, audit) {
      const id = await transactionOn(prisma, async (tx) => {
        const created = await tx.serverProfile.create({
          data: { ...pickServerProfileSettings(settings), ...encryptedColumns(secrets), environmentId, ownerId },
          select: { id: true },
        });
        if (makeDefault) await moveDefault(tx, environmentId, created.id);
        await writeAuditEntry(tx, audit(created.id));
        return created.id;
      });
      return find(id);
    },

    async updateServerProfile(id, expectedVersion, { settings, secrets, makeDefault }, audit) {
      const written = await transactionOn(prisma, async (tx) => {
        // A guarded write: one statement that changes the row only while it is at the version the caller read.
        // A concurrent writer holding the row makes this wait, then find the new version and change nothing.
        const { count } = await tx.serverProfile.updateMany({
          where: { id, version: expectedVersion },
          data: { ...pickSentServerProfileSettings(settings), ...encryptedColumns(secrets), version: { increment: 1 } },
        });
        if (count === 0) return false;
        if (makeDefault) await moveDefault(tx, audit.environmentId, id);
        if (audit.changes.length > 0) await writeAuditEntry(tx, audit);
        return true;
      });
      return written ? find(id) : null;
    },

    async setServerProfileActive(id, isActive, audit) {
      await transactionOn(prisma, async (tx) => {
        await tx.serverProfile.update({ where: { id }, data: { isActive, version: { increment: 1 } } });
        await writeAuditEntry(tx, audit);
      });
    },

    async setDefaultServerProfile(environmentId, id, audit) {
      await transactionOn(prisma, async (tx) => {
        await moveDefault(tx, environmentId, id);
        if (audit) await writeAuditEntry(tx, audit);
      });
    },

    async deleteServerProfile(environmentId, id, audit) {
      await transactionOn(prisma, async (tx) => {
        await tx.environment.updateMany({ where: { id: environmentId, defaultServerProfileId: id }, data: { defaultServerProfileId: null } });
        await tx.serverProfile.delete({ where: { id } });
        await writeAuditEntry(tx, audit);
      });
    },

    async findServerProfileSecrets(id) {
      const row = await prisma.serverProfile.findUniqueOrThrow({
        where: { id },
        select: { clientSecretEncrypted: true, incomingPasswordEncrypted: true, outgoingPasswordEncrypted: true },
      });
      const decrypt = (value: string | null) => (value === null ? null : cipher.decrypt(value));
      return {
        clientSecret: decrypt(row.clientSecretEncrypted),
        incomingPassword: decrypt(row.incomingPasswordEncrypted),
        outgoingPassword: decrypt(row.outgoingPasswordEncrypted),
      };
    },

    async recordServerProfileTest(id, test) {
      await prisma.serverProfile.update({
        where: { id },
        data: {
          lastTestStatus: test.status,
          lastTestStartedAt: test.startedAt,
          lastTestDurationMs: test.durationMs,
          lastTestMessage: test.message,
          lastTestSentence: test.sentence ? (test.sentence as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
          lastTestErrorCode: test.errorCode,
          lastTestTrace: test.trace ? traceToJson(test.trace) : Prisma.DbNull,
        },
      });
    },
  };
}
