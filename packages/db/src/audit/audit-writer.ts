import type { AuditEntryInput } from '@sync-admin/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { createSqlParams, type SqlParams } from '../sql/sql-params.ts';

/**
 * The one place audit rows are written. Callers pass their transaction client (or embed the statement in
 * their own), so an entry is stored together with the change it describes or not at all.
 */

/** One entry through the Prisma client: for single-record writes. */
export async function writeAuditEntry(tx: Prisma.TransactionClient, entry: AuditEntryInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      environmentId: entry.environmentId,
      at: entry.at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityName: entry.entityName,
      action: entry.action,
      changes: entry.changes as unknown as Prisma.InputJsonValue,
    },
  });
}

/**
 * `INSERT INTO "AuditEntry" … SELECT … FROM unnest(…)`: many entries in one statement, nine array
 * parameters whatever their number (createMany binds ten per row and splits past PostgreSQL's 65,535
 * parameters). `onlyEntitiesIn` names a relation with an "id" column (e.g. the RETURNING of an UPDATE in the
 * same statement): entries of other entities are left out, so only changes that happened are recorded.
 */
export function auditInsertStatement(params: SqlParams, entries: readonly AuditEntryInput[], onlyEntitiesIn?: string): string {
  const arrays = [
    params.bind(entries.map((e) => e.environmentId), 'uuid[]'),
    params.bind(entries.map((e) => e.at), 'timestamp(3)[]'),
    params.bind(entries.map((e) => e.actorId), 'uuid[]'),
    params.bind(entries.map((e) => e.actorName), 'text[]'),
    params.bind(entries.map((e) => e.entityType), 'text[]'),
    params.bind(entries.map((e) => e.entityId), 'uuid[]'),
    params.bind(entries.map((e) => e.entityName), 'text[]'),
    params.bind(entries.map((e) => e.action), 'text[]'),
    params.bind(entries.map((e) => JSON.stringify(e.changes)), 'text[]'),
  ];
  return `INSERT INTO "AuditEntry" ("id", "environmentId", "at", "actorId", "actorName", "entityType", "entityId", "entityName", "action", "changes")
    SELECT gen_random_uuid(), a."environmentId", a."at", a."actorId", a."actorName", a."entityType", a."entityId", a."entityName", a."action", a."changes"::jsonb
    FROM unnest(${arrays.join(', ')}) AS a("environmentId", "at", "actorId", "actorName", "entityType", "entityId", "entityName", "action", "changes")
    ${onlyEntitiesIn ? `WHERE a."entityId" IN (SELECT "id" FROM ${onlyEntitiesIn})` : ''}`;
}

/** Many entries, set-based, in the caller's transaction. */
export async function writeAuditEntries(tx: Prisma.TransactionClient, entries: readonly AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const params = createSqlParams();
  await tx.$executeRawUnsafe(auditInsertStatement(params, entries), ...params.values);
}
