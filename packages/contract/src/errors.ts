import { ERROR_CODES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

export const fieldErrorSchema = z.object({ field: text(), message: text() });

/** Every non-2xx response carries this body; the UI parses it with the same schema. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: text(),
    fieldErrors: z.array(fieldErrorSchema),
    /** The code Dynamics 365 shows for the same refusal (e.g. 0x80090904), where the seeds name one. */
    dynamicsErrorCode: z.optional(text()),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
