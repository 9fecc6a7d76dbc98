import { ERROR_CODES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

/** A message's variable parts, filled into its code's sentence (decision 51). */
export const messageParamsSchema = z.record(text(), z.union([text(), z.number()]));

/** A sentence of one of the server's tables named beside its English text (decision 58): its code and params. */
export const codedSentenceSchema = z.object({ code: text(), params: z.optional(messageParamsSchema) });
export type CodedSentenceResponse = z.infer<typeof codedSentenceSchema>;

/**
 * A param that is one of the domain's fixed labels (decision 58): its kind, the identifiers it names, and for a list
 * how it is joined; the web says them in the user's language, the param itself keeps the English.
 */
const sentenceLabelSchema = z.object({
  kind: z.enum([
    'privilege', 'privilegeDepth', 'approverRole', 'approverRoleCombination', 'customerEngagement', 'exchangeDeployment', 'permissionFootnote',
    'exchangeChannel', 'exchangeErrorTitle', 'exchangeErrorMeaning', 'outageFamily',
  ]),
  keys: z.array(text()),
  join: z.optional(z.enum(['and', 'or', 'notes'])),
});
export type SentenceLabelResponse = z.infer<typeof sentenceLabelSchema>;

/** A coded sentence whose params may be fixed labels, named in `labels`. */
export const labelledSentenceSchema = z.extend(codedSentenceSchema, { labels: z.optional(z.record(text(), sentenceLabelSchema)) });
export type LabelledSentenceResponse = z.infer<typeof labelledSentenceSchema>;

export const fieldErrorSchema = z.object({
  field: text(),
  /** The English sentence, shown where the UI has no translation of `code`. */
  message: text(),
  /** The sentence's stable name (decision 51): the UI says it in the user's language, filled with `params`. */
  code: z.optional(text()),
  params: z.optional(messageParamsSchema),
});

/** Every non-2xx response carries this body; the UI parses it with the same schema. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: text(),
    /**
     * The sentence's stable name (decision 55), said from the web's `errors:code.<messageCode>`; for a one-field
     * VALIDATION_FAILED it is that field error's code. Optional: a body from an older server has none.
     */
    messageCode: z.optional(text()),
    /** The variable parts of `message`, for saying it in the user's language from `code` (decision 51). */
    params: z.optional(messageParamsSchema),
    fieldErrors: z.array(fieldErrorSchema),
    /** The code Dynamics 365 shows for the same refusal (e.g. 0x80090904), where the seeds name one. */
    dynamicsErrorCode: z.optional(text()),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
