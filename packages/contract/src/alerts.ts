import { ALERT_SEVERITIES } from '@sync-admin/domain';
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const alertListQuerySchema = z.object({
  mailboxId: z.uuid('mailboxId must be a UUID.').optional(),
  serverProfileId: z.uuid('serverProfileId must be a UUID.').optional(),
  severity: z.enum(ALERT_SEVERITIES).optional(),
  search: text().trim().max(200).optional(),
  since: isoDateTime().optional(),
  /** The signed-in user's own wall: alerts of the server profiles they own, and those meant for the owner of their mailboxes. */
  mine: booleanQuery.optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();
export type AlertListQuery = z.input<typeof alertListQuerySchema>;

export const alertSchema = z.object({
  id: text(),
  mailboxId: text().nullable(),
  mailboxName: text().nullable(),
  serverProfileId: text().nullable(),
  serverProfileName: text().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  code: text().nullable(),
  message: text(),
  /** Shown to the mailbox owner too (a completed configuration; errors when "Notify mailbox owner" is on). */
  toMailboxOwner: z.boolean(),
  createdAt: text(),
});
export type AlertResponse = z.infer<typeof alertSchema>;
export const alertListResponseSchema = z.object({ items: z.array(alertSchema), total: z.number() });
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;

export const alertGroupSchema = z.object({
  mailboxId: text().nullable(),
  mailboxName: text().nullable(),
  serverProfileId: text().nullable(),
  serverProfileName: text().nullable(),
  severity: z.enum(ALERT_SEVERITIES),
  code: text().nullable(),
  count: z.number(),
  latestMessage: text(),
  latestAt: text(),
  /** What happens next, or what to do: retried at a time, being tested, held by an outage, disabled, re-test. */
  nextStep: z.object({ kind: z.enum(['retrying', 'testing', 'held', 'disabled', 'retest', 'none']), at: text().nullable() }),
});
export type AlertGroupResponse = z.infer<typeof alertGroupSchema>;
export const alertGroupListResponseSchema = z.object({ items: z.array(alertGroupSchema), total: z.number() });
