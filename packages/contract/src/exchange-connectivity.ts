import {
  CHANNEL_CHECK_OUTCOMES,
  CONNECTIVITY_STEP_KINDS,
  CONNECTIVITY_STEP_OUTCOMES,
  EXCHANGE_CHANNELS,
  EXCHANGE_ERROR_CLASSES,
} from '@sync-admin/domain';
import { z } from 'zod/mini';
import { labelledSentenceSchema, type LabelledSentenceResponse } from './errors.ts';
import { text } from './primitives.ts';

/** What a connectivity check found, as it travels: errors with their catalog code, the trace as a tree of steps. */
export const exchangeErrorSchema = z.object({
  code: text(),
  errorClass: z.enum(EXCHANGE_ERROR_CLASSES),
  message: text(),
  backOffMs: z.nullable(z.number()),
  httpStatus: z.nullable(z.number()),
});
export type ExchangeErrorResponse = z.infer<typeof exchangeErrorSchema>;

export interface ConnectivityStepResponse {
  kind: (typeof CONNECTIVITY_STEP_KINDS)[number];
  title: string;
  /** The title's code and params (decision 62); absent from a trace kept before. */
  titleSentence?: LabelledSentenceResponse;
  outcome: (typeof CONNECTIVITY_STEP_OUTCOMES)[number];
  startedAt: string;
  durationMs: number;
  detail: string | null;
  /** The detail's code and params where it is a sentence (decision 62). */
  detailSentence?: LabelledSentenceResponse;
  error: ExchangeErrorResponse | null;
  exchange: { request: string; response: string | null } | null;
  steps: ConnectivityStepResponse[];
}

export const connectivityStepSchema: z.ZodMiniType<ConnectivityStepResponse> = z.lazy(() => z.object({
  kind: z.enum(CONNECTIVITY_STEP_KINDS),
  title: text(),
  titleSentence: z.optional(labelledSentenceSchema),
  outcome: z.enum(CONNECTIVITY_STEP_OUTCOMES),
  startedAt: text(),
  durationMs: z.number(),
  detail: z.nullable(text()),
  detailSentence: z.optional(labelledSentenceSchema),
  error: z.nullable(exchangeErrorSchema),
  exchange: z.nullable(z.object({ request: text(), response: z.nullable(text()) })),
  steps: z.array(connectivityStepSchema),
}));

export const connectivityTraceSchema = z.object({ startedAt: text(), durationMs: z.number(), steps: z.array(connectivityStepSchema) });
export type ConnectivityTraceResponse = z.infer<typeof connectivityTraceSchema>;

export const channelCheckSchema = z.object({
  outcome: z.enum(CHANNEL_CHECK_OUTCOMES),
  error: z.nullable(exchangeErrorSchema),
  note: z.nullable(text()),
});

export const channelChecksSchema = z.object(Object.fromEntries(EXCHANGE_CHANNELS.map((channel) => [channel, channelCheckSchema])) as Record<(typeof EXCHANGE_CHANNELS)[number], typeof channelCheckSchema>);

