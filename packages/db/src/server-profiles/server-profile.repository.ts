import {
  pickServerProfileSettings,
  type ServerProfileRepository,
  type ServerProfileSecret,
  type ServerProfileSecretChanges,
} from '@sync-admin/domain';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import { traceToJson } from '../test-and-enable/connectivity-trace.json.ts';
import { writeAuditEntry } from '../audit/audit-writer.ts';
import type { SecretCipher } from '../secret-cipher.ts';
import { serverProfileInclude, toServerProfile } from './server-profile.mapper.ts';

const SECRET_COLUMNS = {
  clientSecret: 'clientSecretEncrypted',
  incomingPassword: 'incomingPasswordEncrypted',
  outgoingPassword: 'outgoingPasswordEncrypted',
} as const satisfies Record<ServerProfileSecret, string>;

export function createServerProfileRepository(prisma: PrismaClient, cipher: SecretCipher): ServerProfileRepository {
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

  return {
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
      const id = await prisma.$transaction(async (tx) => {
        const created = await tx.serverProfile.create({
          data: { ...pickServerProfileSettings(settings), ...encryptedColumns(secrets), environmentId, ownerId },
          select: { id: true },
        });
        if (makeDefault) {
          await tx.environment.update({ where: { id: environmentId }, data: { defaultServerProfileId: created.id } });
        }
        await writeAuditEntry(tx, audit(created.id));
        return created.id;
      });
      return find(id);
    },

    async updateServerProfile(id, settings, secrets, makeDefault, audit) {
      await prisma.$transaction(async (tx) => {
        const updated = await tx.serverProfile.update({
          where: { id },
          data: { ...pickServerProfileSettings(settings), ...encryptedColumns(secrets) },
          select: { environmentId: true },
        });
        if (makeDefault) {
          await tx.environment.update({ where: { id: updated.environmentId }, data: { defaultServerProfileId: id } });
        }
        if (audit.changes.length > 0) await writeAuditEntry(tx, audit);
      });
      return find(id);
    },

    async setServerProfileActive(id, isActive, audit) {
      await prisma.$transaction(async (tx) => {
        await tx.serverProfile.update({ where: { id }, data: { isActive } });
        await writeAuditEntry(tx, audit);
      });
    },

    async setDefaultServerProfile(environmentId, id, audit) {
      await prisma.$transaction(async (tx) => {
        await tx.environment.update({ where: { id: environmentId }, data: { defaultServerProfileId: id } });
        if (audit) await writeAuditEntry(tx, audit);
      });
    },

    async deleteServerProfile(environmentId, id, audit) {
      await prisma.$transaction(async (tx) => {
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
          lastTestErrorCode: test.errorCode,
          lastTestTrace: test.trace ? traceToJson(test.trace) : Prisma.DbNull,
        },
      });
    },
  };
}
