import type { AuditEntryInput } from '@sync-admin/domain';
import { openDatabase, type Database } from './database.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { applyMigrations } from './migrate.ts';

/** A fresh in-memory PGlite database with every migration applied: one per test file. */
export async function openTestDatabase(): Promise<Database> {
  const db = await openDatabase({ kind: 'pglite', dataDir: null });
  await applyMigrations(db);
  return db;
}

export async function createEnvironment(prisma: PrismaClient, name: string) {
  return prisma.environment.create({ data: { name, customerEngagement: 'online' } });
}

export async function createUser(prisma: PrismaClient, fullName: string) {
  const email = `${fullName.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.example`;
  return prisma.user.create({ data: { email, fullName, passwordHash: 'not-a-real-hash' } });
}

export async function createServerProfile(prisma: PrismaClient, environmentId: string, ownerId: string, name: string, serverType: 'exchangeOnline' | 'exchangeServer' = 'exchangeOnline') {
  return prisma.serverProfile.create({ data: { environmentId, ownerId, name, serverType } });
}

/** An audit entry as a use case would build it. */
export function auditEntry(overrides: Partial<AuditEntryInput> & Pick<AuditEntryInput, 'environmentId' | 'entityId'>): AuditEntryInput {
  return {
    at: new Date('2026-11-20T10:00:00.000Z'),
    actorId: '00000000-0000-4000-8000-000000000001',
    actorName: 'Avery Approver',
    entityType: 'mailbox',
    entityName: 'A mailbox',
    action: 'update',
    changes: [],
    ...overrides,
  };
}
