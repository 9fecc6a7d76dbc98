import { ALERT_SEVERITIES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { labelledSentenceSchema } from './errors.ts';
import { isoDateTime, text } from './primitives.ts';

const booleanQuery = z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));

export const alertListQuerySchema = z.strictObject({
  mailboxId: z.optional(z.uuid('mailboxId must be a UUID.')),
  serverProfileId: z.optional(z.uuid('serverProfileId must be a UUID.')),
  severity: z.optional(z.enum(ALERT_SEVERITIES)),
  search: z.optional(text().check(z.trim(), z.maxLength(200))),
  since: z.optional(isoDateTime()),
  /** The signed-in user's own wall: alerts of the server profiles they own, and those meant for the owner of their mailboxes. */
  mine: z.optional(booleanQuery),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});
export type AlertListQuery = z.input<typeof alertListQuerySchema>;

/** Export to CSV: the wall's filters without paging (every matching alert, newest first). */
export const alertExportQuerySchema = z.omit(alertListQuerySchema, { offset: true, limit: true });
export type AlertExportQuery = z.input<typeof alertExportQuerySchema>;

export const alertSchema = z.object({
  id: text(),
  mailboxId: z.nullable(text()),
  mailboxName: z.nullable(text()),
  serverProfileId: z.nullable(text()),
  serverProfileName: z.nullable(text()),
  severity: z.enum(ALERT_SEVERITIES),
  code: z.nullable(text()),
  message: text(),
  /** The sentence `message` says (decision 58), for the web to say it in the user's language; null for an alert kept before codes. */
  sentence: z.nullable(labelledSentenceSchema),
  /** Shown to the mailbox owner too (a completed configuration; errors when "Notify mailbox owner" is on). */
  toMailboxOwner: z.boolean(),
  createdAt: text(),
});
export type AlertResponse = z.infer<typeof alertSchema>;
export const alertListResponseSchema = z.object({ items: z.array(alertSchema), total: z.number() });
export type AlertListResponse = z.infer<typeof alertListResponseSchema>;

export const alertGroupSchema = z.object({
  mailboxId: z.nullable(text()),
  mailboxName: z.nullable(text()),
  serverProfileId: z.nullable(text()),
  serverProfileName: z.nullable(text()),
  severity: z.enum(ALERT_SEVERITIES),
  code: z.nullable(text()),
  count: z.number(),
  latestMessage: text(),
  latestSentence: z.nullable(labelledSentenceSchema),
  latestAt: text(),
  /** What happens next, or what to do: retried at a time, being tested, held by an outage, disabled, re-test. */
  nextStep: z.object({ kind: z.enum(['retrying', 'testing', 'held', 'disabled', 'retest', 'none']), at: z.nullable(text()) }),
});
export type AlertGroupResponse = z.infer<typeof alertGroupSchema>;
export const alertGroupListResponseSchema = z.object({ items: z.array(alertGroupSchema), total: z.number() });
export type AlertGroupListResponse = z.infer<typeof alertGroupListResponseSchema>;
