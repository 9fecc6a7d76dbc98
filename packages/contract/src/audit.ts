import { AUDIT_ACTIONS, AUDITED_ENTITY_TYPES } from '@sync-admin/domain';
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';


export const auditListQuerySchema = z.object({
  entityType: z.enum(AUDITED_ENTITY_TYPES).optional(),
  entityId: z.uuid('entityId must be a UUID.').optional(),
  actorId: z.uuid('actorId must be a UUID.').optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  search: text().trim().max(200).optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

const auditValue = z.union([text(), z.number(), z.boolean(), z.null()]);
export const auditEntrySchema = z.object({
  id: text(),
  at: text(),
  actorId: text().nullable(),
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
