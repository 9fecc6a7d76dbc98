import { AUDIT_ACTIONS, AUDITED_ENTITY_TYPES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { isoDateTime, text } from './primitives.ts';


export const auditListQuerySchema = z.strictObject({
  entityType: z.optional(z.enum(AUDITED_ENTITY_TYPES)),
  entityId: z.optional(z.uuid('entityId must be a UUID.')),
  actorId: z.optional(z.uuid('actorId must be a UUID.')),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  search: z.optional(text().check(z.trim(), z.maxLength(200))),
  from: z.optional(isoDateTime()),
  to: z.optional(isoDateTime()),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

/** Export to CSV: the log's filters without paging (every matching entry, newest first). */
export const auditExportQuerySchema = z.omit(auditListQuerySchema, { offset: true, limit: true });
export type AuditExportQuery = z.input<typeof auditExportQuerySchema>;

const auditValue = z.union([text(), z.number(), z.boolean(), z.null()]);
export const auditEntrySchema = z.object({
  id: text(),
  at: text(),
  actorId: z.nullable(text()),
  actorName: text(),
  entityType: z.enum(AUDITED_ENTITY_TYPES),
  entityId: text(),
  entityName: text(),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.array(z.object({ field: text(), before: auditValue, after: auditValue })),
});
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;
export const auditListResponseSchema = z.object({ items: z.array(auditEntrySchema), total: z.number() });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
