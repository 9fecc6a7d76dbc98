import { AUDIT_ACTIONS, AUDITED_ENTITY_TYPES } from '@sync-admin/domain';
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time.' });

export const auditListQuerySchema = z.object({
  entityType: z.enum(AUDITED_ENTITY_TYPES).optional(),
  entityId: z.uuid('entityId must be a UUID.').optional(),
  actorId: z.uuid('actorId must be a UUID.').optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  search: z.string().trim().max(200).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();
export type AuditListQuery = z.input<typeof auditListQuerySchema>;

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  entityType: z.enum(AUDITED_ENTITY_TYPES),
  entityId: z.string(),
  entityName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.array(z.object({ field: z.string(), before: auditValue, after: auditValue })),
});
export type AuditEntryResponse = z.infer<typeof auditEntrySchema>;
export const auditListResponseSchema = z.object({ items: z.array(auditEntrySchema), total: z.number() });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;
