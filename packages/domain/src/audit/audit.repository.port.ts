import type { KeysetBatch } from '../shared/keyset-walk.ts';
import type { AuditAction, AuditEntry, AuditedEntityType } from './audit-entry.ts';

export interface AuditFilter {
  entityType?: AuditedEntityType;
  entityId?: string;
  actorId?: string;
  action?: AuditAction;
  /** Entity or actor names beginning with this text. */
  search?: string;
  from?: Date;
  to?: Date;
}

/** Where a keyset batch of the log resumes: the time and id of the last entry read. */
export interface AuditCursor {
  at: Date;
  id: string;
}

export interface AuditRepository {
  listAuditEntries(environmentId: string, filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ items: AuditEntry[]; total: number }>;
  /** The next entries of a filter after the cursor, in the log's order (newest first): the CSV export walks the log with it. */
  listAuditBatch(environmentId: string, filter: AuditFilter, limit: number, after: AuditCursor | null): Promise<KeysetBatch<AuditEntry, AuditCursor>>;
}
