import { z } from 'zod/mini';
import { codedSentenceSchema } from './errors.ts';
import { text } from './primitives.ts';

/**
 * A param that is one of the domain's fixed labels (decision 58): its kind, the identifiers it names, and for a list
 * how it is joined; the web says them in the user's language, the param itself keeps the English.
 */
const sentenceLabelSchema = z.object({
  kind: z.enum(['privilege', 'privilegeDepth', 'approverRole', 'approverRoleCombination', 'customerEngagement', 'exchangeDeployment']),
  keys: z.array(text()),
  join: z.optional(z.enum(['and', 'or'])),
});
export type SentenceLabelResponse = z.infer<typeof sentenceLabelSchema>;

const approvalSentenceSchema = z.extend(codedSentenceSchema, { labels: z.optional(z.record(text(), sentenceLabelSchema)) });
export type ApprovalSentenceResponse = z.infer<typeof approvalSentenceSchema>;

const approvalCheckSchema = z.object({
  rule: text(),
  path: z.enum(['permissionModel', 'selfApproval']),
  outcome: z.enum(['passed', 'failed', 'notApplicable']),
  message: text(),
  /** The sentence `message` says (decision 58): the web says it from `mailboxes:approvalSentence.<code>`. */
  sentence: approvalSentenceSchema,
});

/** Why approval is or is not allowed: every rule checked, with its outcome. */
export const approvalDecisionSchema = z.object({
  allowed: z.boolean(),
  via: z.nullable(z.enum(['permissionModel', 'selfApproval'])),
  summary: text(),
  summarySentence: approvalSentenceSchema,
  /** A refusal's reason: the check whose sentence the summary's `reason` param is, said in the user's language too. */
  reasonRule: z.optional(text()),
  checks: z.array(approvalCheckSchema),
});
export type ApprovalDecisionResponse = z.infer<typeof approvalDecisionSchema>;

export const mailboxApprovalResponseSchema = z.object({
  approveEmail: approvalDecisionSchema,
  testAndEnableSelfApproval: approvalDecisionSchema,
});
export type MailboxApprovalResponse = z.infer<typeof mailboxApprovalResponseSchema>;
