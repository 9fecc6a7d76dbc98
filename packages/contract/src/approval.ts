import { z } from 'zod/mini';
import { labelledSentenceSchema } from './errors.ts';
import { text } from './primitives.ts';

const approvalCheckSchema = z.object({
  rule: text(),
  path: z.enum(['permissionModel', 'selfApproval']),
  outcome: z.enum(['passed', 'failed', 'notApplicable']),
  message: text(),
  /** The sentence `message` says (decision 58): the web says it from `mailboxes:approvalSentence.<code>`. */
  sentence: labelledSentenceSchema,
});

/** Why approval is or is not allowed: every rule checked, with its outcome. */
export const approvalDecisionSchema = z.object({
  allowed: z.boolean(),
  via: z.nullable(z.enum(['permissionModel', 'selfApproval'])),
  summary: text(),
  summarySentence: labelledSentenceSchema,
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
