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

export interface AuditRepository {
  listAuditEntries(environmentId: string, filter: AuditFilter, page: { offset: number; limit: number }): Promise<{ items: AuditEntry[]; total: number }>;
}
