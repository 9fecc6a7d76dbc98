import { ALERT_SEVERITIES } from '@sync-admin/domain';
import { z } from 'zod';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const alertListQuerySchema = z.object({
  mailboxId: z.uuid('mailboxId must be a UUID.').optional(),
  serverProfileId: z.uuid('serverProfileId must be a UUID.').optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  search: z.string().trim().max(200).optional(),
  since: z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date and time.' }).optional(),
  /** The signed-in user's own wall: alerts of the server profiles they own, and those meant for the owner of their mailboxes. */
  mine: booleanQuery.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();
export type AlertListQuery = z.input<typeof alertListQuerySchema>;

export const alertSchema = z.object({
  id: z.string(),
  mailboxId: z.string().nullable(),
  mailboxName: z.string().nullable(),
  serverProfileId: z.string().nullable(),
  serverProfileName: z.string().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  code: z.string().nullable(),
  message: z.string(),
  /** Shown to the mailbox owner too (a completed configuration; errors when "Notify mailbox owner" is on). */
  toMailboxOwner: z.boolean(),
  createdAt: z.string(),
});
export type AlertResponse = z.infer<typeof alertSchema>;
export const alertListResponseSchema = z.object({ items: z.array(alertSchema), total: z.number() });
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;
