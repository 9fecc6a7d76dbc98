import type { AuditAction, AuditChange, AuditEntry, AuditFilter, AuditRepository, AuditedEntityType } from '@sync-admin/domain';
import type { AuditEntry as AuditEntryRow, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { escapeLikePattern } from '../sql/sql-params.ts';

/** Row → domain. Entity types and actions are stored as text and were written from the domain's lists. */
function toAuditEntry(row: AuditEntryRow): AuditEntry {
  return {
    id: row.id,
    environmentId: row.environmentId,
    at: row.at,
    actorId: row.actorId ?? '',
    actorName: row.actorName,
    entityType: row.entityType as AuditedEntityType,
    entityId: row.entityId,
    entityName: row.entityName,
    action: row.action as AuditAction,
    changes: Array.isArray(row.changes) ? (row.changes as unknown as AuditChange[]) : [],
  };
}

const LOG_ORDER: Prisma.AuditEntryOrderByWithRelationInput[] = [{ at: 'desc' }, { id: 'desc' }];

function auditWhere(environmentId: string, filter: AuditFilter): Prisma.AuditEntryWhereInput {
  const search = filter.search?.trim();
  // Prisma passes `startsWith` to ILIKE as it is: the user's % and _ are escaped here to match literally.
  const beginsWith = search ? { startsWith: escapeLikePattern(search), mode: 'insensitive' as const } : undefined;
  return {
    environmentId,
    entityType: filter.entityType,
    entityId: filter.entityId,
    actorId: filter.actorId,
    action: filter.action,
    ...(filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {}),
    ...(beginsWith ? { OR: [{ entityName: beginsWith }, { actorName: beginsWith }] } : {}),
  };
}

/** Reads the audit log; audit-writer.ts writes it, inside the transactions of the changes it records. */
export function createAuditRepository(prisma: PrismaClient): AuditRepository {
  return {
    async listAuditEntries(environmentId, filter, page) {
      const where = auditWhere(environmentId, filter);
      const [rows, total] = await Promise.all([
        prisma.auditEntry.findMany({ where, orderBy: LOG_ORDER, skip: page.offset, take: page.limit }),
        prisma.auditEntry.count({ where }),
      ]);
      return { items: rows.map(toAuditEntry), total };
    },
    async listAuditBatch(environmentId, filter, limit, after) {
      // After (at, id) in the log's descending order; `at <= cursor` bounds the (environment, at) index's range.
      const where: Prisma.AuditEntryWhereInput = after
        ? { AND: [auditWhere(environmentId, filter), { at: { lte: after.at } }, { OR: [{ at: { lt: after.at } }, { id: { lt: after.id } }] }] }
        : auditWhere(environmentId, filter);
      const rows = await prisma.auditEntry.findMany({ where, orderBy: LOG_ORDER, take: limit });
      const last = rows.at(-1);
      return { items: rows.map(toAuditEntry), next: rows.length === limit && last ? { at: last.at, id: last.id } : null };
    },
  };
}
