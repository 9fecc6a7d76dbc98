import { EXCHANGE_CHANNELS, RUN_ITEM_STATES, RUN_SCOPE_KINDS, RUN_STATES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { isoDateTime, text } from './primitives.ts';
import { channelCheckSchema, channelChecksSchema, connectivityTraceSchema, exchangeErrorSchema } from './exchange-connectivity.ts';
import { bulkResultResponseSchema, mailboxFilterSchema, mailboxTargetSchema } from './mailboxes.ts';


/** A mailbox's Test connection: every channel's result and the steps taken. */
export const mailboxConnectionTestResponseSchema = z.object({
  testedAt: text(),
  channels: channelChecksSchema,
  trace: connectivityTraceSchema,
  discoveredEwsUrl: z.nullable(text()),
});
export type MailboxConnectionTestResponse = z.infer<typeof mailboxConnectionTestResponseSchema>;

const startAt = z.optional(z.nullable(isoDateTime()));

/** Test & Enable Mailbox on the selection or on "all N that match this view", now or at a start date/time. */
export const startTestAndEnableRequestSchema = z.strictObject({ target: mailboxTargetSchema, startAt });
export type StartTestAndEnableRequest = z.infer<typeof startTestAndEnableRequestSchema>;

/** Re-test failed mailboxes of the Mailboxes grid's current filter. */
export const retestFailedMailboxesRequestSchema = z.strictObject({ filter: mailboxFilterSchema, startAt });

/** Server profile → Test & Enable Mailboxes, or Re-test failed mailboxes of the profile. */
export const serverProfileRunRequestSchema = z.strictObject({ startAt });

export const startRunResponseSchema = z.extend(bulkResultResponseSchema, {
  run: z.nullable(z.object({ id: text(), number: z.number() })),
});
export type StartRunResponse = z.infer<typeof startRunResponseSchema>;

/** A mailbox command's answer: per mailbox, done or skipped and why; Apply Default Email Settings also names the Test & Enable job it started. */
export const mailboxActionResponseSchema = z.partial(startRunResponseSchema, { run: true });
export type MailboxActionResponse = z.infer<typeof mailboxActionResponseSchema>;

const counts = z.object(Object.fromEntries(RUN_ITEM_STATES.map((state) => [state, z.number()])) as Record<(typeof RUN_ITEM_STATES)[number], z.ZodMiniNumber>);

export const runSchema = z.object({
  id: text(),
  number: z.number(),
  environmentId: text(),
  scope: z.object({ kind: z.enum(RUN_SCOPE_KINDS), description: text(), serverProfileId: z.nullable(text()) }),
  state: z.enum(RUN_STATES),
  startedById: text(),
  startedByName: text(),
  createdAt: text(),
  startAt: text(),
  cancelledAt: z.nullable(text()),
  cancelledByName: z.nullable(text()),
  finishedAt: z.nullable(text()),
  total: z.number(),
  counts,
  /** Mailboxes finished per second over the last minute. */
  ratePerSecond: z.number(),
  /** At that rate; null when nothing is left or nothing finishes yet. */
  etaSeconds: z.nullable(z.number()),
});
export type RunResponse = z.infer<typeof runSchema>;

export const runListQuerySchema = z.strictObject({
  state: z.optional(z.enum(RUN_STATES)),
  serverProfileId: z.optional(z.uuid('serverProfileId must be a profile id.')),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});

export const runListResponseSchema = z.object({ items: z.array(runSchema), total: z.number() });
export type RunListResponse = z.infer<typeof runListResponseSchema>;

export const runParamsSchema = z.object({
  environmentId: z.uuid('environmentId must be a UUID.'),
  jobId: z.uuid('jobId must be a UUID.'),
});

export const runItemListQuerySchema = z.strictObject({
  state: z.optional(z.enum(RUN_ITEM_STATES)),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(10_000_000)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
});

export const runItemSchema = z.object({
  id: text(),
  runId: text(),
  mailboxId: text(),
  mailboxName: text(),
  emailAddress: text(),
  serverProfileId: text(),
  state: z.enum(RUN_ITEM_STATES),
  attempts: z.number(),
  nextAttemptAt: z.nullable(text()),
  startedAt: z.nullable(text()),
  finishedAt: z.nullable(text()),
  channels: z.object(Object.fromEntries(EXCHANGE_CHANNELS.map((channel) => [channel, z.optional(channelCheckSchema)])) as Record<(typeof EXCHANGE_CHANNELS)[number], z.ZodMiniOptional<typeof channelCheckSchema>>),
  lastError: z.nullable(exchangeErrorSchema),
});
export type RunItemResponse = z.infer<typeof runItemSchema>;

export const runItemListResponseSchema = z.object({ items: z.array(runItemSchema), total: z.number() });
export type RunItemListResponse = z.infer<typeof runItemListResponseSchema>;
