import { DOMAIN_HEALTH_CHECKS, HEALTH_VERDICTS, SERVER_TYPES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { environmentParamsSchema } from './environments.ts';
import { codedSentenceSchema } from './errors.ts';
import { text } from './primitives.ts';

export { DOMAIN_HEALTH_CHECKS, DOMAIN_HEALTH_CHECK_LABELS, HEALTH_VERDICTS, HEALTH_VERDICT_LABELS, type DomainHealthCheck, type HealthVerdict } from '@sync-admin/domain';

/** A domain as mailbox addresses carry it: compared in lower case, at most 253 characters (DNS's limit). */
const domainName = z.pipe(text().check(z.trim(), z.minLength(1, 'domain is required.'), z.maxLength(253, 'A domain name has at most 253 characters.')), z.transform((value) => value.toLowerCase()));

export const domainCheckResultSchema = z.object({
  check: z.enum(DOMAIN_HEALTH_CHECKS),
  verdict: z.enum(HEALTH_VERDICTS),
  code: text(),
  found: text(),
  meaning: text(),
  fix: z.nullable(text()),
  /**
   * The sentences `meaning` and `fix` say (decision 58), for the web to say them from `domain-health:sentence.<code>`
   * with `params`. Optional: records checked before the sentences had codes carry only the English.
   */
  meaningMessage: z.optional(codedSentenceSchema),
  fixMessage: z.optional(z.nullable(codedSentenceSchema)),
});
export type DomainCheckResultResponse = z.infer<typeof domainCheckResultSchema>;

export const domainHealthRecordSchema = z.object({
  checkedAt: text(),
  verdict: z.enum(HEALTH_VERDICTS),
  results: z.array(domainCheckResultSchema),
});

export const domainHealthRowSchema = z.object({
  domain: text(),
  /** Mailboxes with an address at the domain (those the signed-in user can read). */
  mailboxes: z.number().check(z.int()),
  serverTypes: z.array(z.enum(SERVER_TYPES)),
  /** The latest checks; null until the domain has been checked. */
  latest: z.nullable(domainHealthRecordSchema),
});
export type DomainHealthRowResponse = z.infer<typeof domainHealthRowSchema>;

export const domainHealthListResponseSchema = z.object({ items: z.array(domainHealthRowSchema) });
export type DomainHealthListResponse = z.infer<typeof domainHealthListResponseSchema>;

/** Run checks: one domain, or every domain of the environment when `domain` is left out. */
export const runDomainHealthRequestSchema = z.strictObject({ domain: z.optional(domainName) });
export type RunDomainHealthRequest = z.input<typeof runDomainHealthRequestSchema>;

export const domainHealthHistoryParamsSchema = z.extend(environmentParamsSchema, { domain: domainName });
export const domainHealthHistoryQuerySchema = z.strictObject({ limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(365)), 30) });
export const domainHealthHistoryResponseSchema = z.object({ items: z.array(domainHealthRecordSchema) });
export type DomainHealthHistoryResponse = z.infer<typeof domainHealthHistoryResponseSchema>;
