import { EXCHANGE_CHANNELS, RUN_ITEM_STATES, RUN_SCOPE_KINDS, RUN_STATES } from '@sync-admin/domain';
import { z } from 'zod';
import { isoDateTime, text } from './primitives.ts';
import { channelCheckSchema, channelChecksSchema, connectivityTraceSchema, exchangeErrorSchema } from './exchange-connectivity.ts';
import { bulkResultResponseSchema, mailboxFilterSchema, mailboxTargetSchema } from './mailboxes.ts';


/** A mailbox's Test connection: every channel's result and the steps taken. */
export const mailboxConnectionTestResponseSchema = z.object({
  testedAt: text(),
  channels: channelChecksSchema,
  trace: connectivityTraceSchema,
  discoveredEwsUrl: text().nullable(),
});
export type MailboxConnectionTestResponse = z.infer<typeof mailboxConnectionTestResponseSchema>;

const startAt = isoDateTime().nullable().optional();

/** Test & Enable Mailbox on the selection or on "all N that match this view", now or at a start date/time. */
export const startTestAndEnableRequestSchema = z.object({ target: mailboxTargetSchema, startAt }).strict();
export type StartTestAndEnableRequest = z.infer<typeof startTestAndEnableRequestSchema>;

/** Re-test failed mailboxes of the Mailboxes grid's current filter. */
export const retestFailedMailboxesRequestSchema = z.object({ filter: mailboxFilterSchema, startAt }).strict();

/** Server profile → Test & Enable Mailboxes, or Re-test failed mailboxes of the profile. */
export const serverProfileRunRequestSchema = z.object({ startAt }).strict();

export const startRunResponseSchema = bulkResultResponseSchema.extend({
  run: z.object({ id: text(), number: z.number() }).nullable(),
});
export type StartRunResponse = z.infer<typeof startRunResponseSchema>;

const counts = z.object(Object.fromEntries(RUN_ITEM_STATES.map((state) => [state, z.number()])) as Record<(typeof RUN_ITEM_STATES)[number], z.ZodNumber>);

export const runSchema = z.object({
  id: text(),
  number: z.number(),
  environmentId: text(),
  scope: z.object({ kind: z.enum(RUN_SCOPE_KINDS), description: text(), serverProfileId: text().nullable() }),
  state: z.enum(RUN_STATES),
  startedById: text(),
  startedByName: text(),
  createdAt: text(),
  startAt: text(),
  cancelledAt: text().nullable(),
  cancelledByName: text().nullable(),
  finishedAt: text().nullable(),
  total: z.number(),
  counts,
  /** Mailboxes finished per second over the last minute. */
  ratePerSecond: z.number(),
  /** At that rate; null when nothing is left or nothing finishes yet. */
  etaSeconds: z.number().nullable(),
});
export type RunResponse = z.infer<typeof runSchema>;

export const runListQuerySchema = z.object({
  state: z.enum(RUN_STATES).optional(),
  serverProfileId: z.uuid('serverProfileId must be a profile id.').optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export const runListResponseSchema = z.object({ items: z.array(runSchema), total: z.number() });
export type RunListResponse = z.infer<typeof runListResponseSchema>;

export const runParamsSchema = z.object({
  environmentId: z.uuid('environmentId must be a UUID.'),
  jobId: z.uuid('jobId must be a UUID.'),
});

export const runItemListQuerySchema = z.object({
  state: z.enum(RUN_ITEM_STATES).optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

export const runItemSchema = z.object({
  id: text(),
  runId: text(),
  mailboxId: text(),
  mailboxName: text(),
  emailAddress: text(),
  serverProfileId: text(),
  state: z.enum(RUN_ITEM_STATES),
  attempts: z.number(),
  nextAttemptAt: text().nullable(),
  startedAt: text().nullable(),
  finishedAt: text().nullable(),
  channels: z.object(Object.fromEntries(EXCHANGE_CHANNELS.map((channel) => [channel, channelCheckSchema.optional()])) as Record<(typeof EXCHANGE_CHANNELS)[number], z.ZodOptional<typeof channelCheckSchema>>),
  lastError: exchangeErrorSchema.nullable(),
});
export type RunItemResponse = z.infer<typeof runItemSchema>;

export const runItemListResponseSchema = z.object({ items: z.array(runItemSchema), total: z.number() });
export type RunItemListResponse = z.infer<typeof runItemListResponseSchema>;
