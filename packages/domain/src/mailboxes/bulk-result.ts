import type { ApprovalDecision } from '../approval/explain-approval.ts';
import { codedSentence, type CodedSentence, type FieldError, type MessageParams, type ServerMessage } from '../shared/domain-error.ts';
import { tableSentence } from '../shared/sentence.ts';

/**
 * The bulk commands' own sentences for one mailbox (decision 58: one code per sentence, never reused); the web says
 * them from `mailboxes:bulkSentence.<code>`. A row may instead say an access or field error (their codes are the
 * `errors` namespace's, decision 55) or an approval decision's summary.
 */
export const BULK_RESULT_SENTENCES = {
  CHANGED: 'Changed.',
  DEFAULT_EMAIL_SETTINGS_APPLIED: 'Default email settings applied.',
  ALREADY_HAD_SETTINGS: 'Already had these settings.',
  NOT_CHANGED_MEANWHILE: 'Not changed: the mailbox was changed by someone else while this command ran. Open it to see its current values and try again.',
  NOT_APPROVED_MEANWHILE: 'Not approved: the mailbox was changed by someone else while this command ran. Open it to see its current values and try again.',
  EMAIL_ADDRESS_APPROVED: 'Email address approved.',
  EMAIL_ADDRESS_ALREADY_APPROVED: 'The email address is already approved.',
  MAILBOX_INACTIVE: 'The mailbox is inactive. Activate it before testing and enabling it.',
  MAILBOX_WITHOUT_SERVER_PROFILE: 'The mailbox has no email server profile. Apply Default Email Settings or choose a Server Profile first.',
  SERVER_PROFILE_INACTIVE: 'The email server profile is inactive. Activate it or choose another Server Profile.',
  NAMED_SERVER_PROFILE_INACTIVE: 'The email server profile "{{name}}" is inactive. Activate it or choose another Server Profile.',
  NOTHING_TO_TEST: 'Nothing to test: none of Incoming Email, Outgoing Email or Appointments, Contacts, and Tasks uses server-side synchronization.',
  TEST_AND_ENABLE_STARTED: 'Test & Enable started as job #{{number}}.',
  TEST_AND_ENABLE_SCHEDULED: 'Test & Enable started as job #{{number}}. It starts at {{time}} UTC.',
  TEST_AND_ENABLE_STARTED_SELF_APPROVAL: 'Test & Enable started as job #{{number}}; your email address will be approved as part of it (self-approval).',
  TEST_AND_ENABLE_SCHEDULED_SELF_APPROVAL: 'Test & Enable started as job #{{number}}; your email address will be approved as part of it (self-approval). It starts at {{time}} UTC.',
  TEST_AND_ENABLE_JOINED: 'Already being tested by job #{{number}} (started by {{name}}); joined it.',
  RUN_CHANGED_MEANWHILE: 'The mailbox changed while the run was being created. Try again.',
} as const;
export type BulkResultSentenceCode = keyof typeof BULK_RESULT_SENTENCES;

export const bulkSentence = (code: BulkResultSentenceCode, params?: MessageParams): ServerMessage => tableSentence(code, BULK_RESULT_SENTENCES[code], params);

/** An approval decision's summary as a row's sentence (the web says it with the decision's reason). */
export const decisionSummary = (decision: ApprovalDecision): ServerMessage => ({ ...decision.summarySentence, message: decision.summary });

/** A field error as a row's sentence, said from the `errors` namespace's `field.<code>` like any field error. */
export const fieldErrorSentence = (error: FieldError & { code: string }): ServerMessage =>
  ({ code: error.code, ...(error.params ? { params: error.params } : {}), message: error.message });

/** One mailbox's outcome in a bulk command: never silently all-or-nothing. */
export interface BulkRowResult {
  mailboxId: string;
  name: string;
  outcome: 'done' | 'skipped';
  message: string;
  /** The sentences `message` says, in order (Apply Default Email Settings adds its Test & Enable outcome's). */
  sentences: CodedSentence[];
  /** For approval outcomes: index into BulkResult.decisions, the rules checked for this row. */
  decisionIndex?: number;
}

export interface BulkResult {
  done: number;
  skipped: number;
  results: BulkRowResult[];
  /** Distinct approval explanations; rows point at them so 10,000 rows don't repeat the same one. */
  decisions: ApprovalDecision[];
}

export function createBulkResult() {
  const results: BulkRowResult[] = [];
  const decisions: ApprovalDecision[] = [];
  const decisionIndexes = new Map<string, number>();
  return {
    done(row: { id: string; name: string }, message: ServerMessage, decision?: ApprovalDecision) {
      results.push({ mailboxId: row.id, name: row.name, outcome: 'done', message: message.message, sentences: [codedSentence(message)], ...indexOf(decision) });
    },
    skip(row: { id: string; name: string }, message: ServerMessage, decision?: ApprovalDecision) {
      results.push({ mailboxId: row.id, name: row.name, outcome: 'skipped', message: message.message, sentences: [codedSentence(message)], ...indexOf(decision) });
    },
    result(): BulkResult {
      const done = results.filter((r) => r.outcome === 'done').length;
      return { done, skipped: results.length - done, results, decisions };
    },
  };

  function indexOf(decision: ApprovalDecision | undefined): { decisionIndex?: number } {
    if (!decision) return {};
    const key = JSON.stringify(decision);
    let index = decisionIndexes.get(key);
    if (index === undefined) {
      index = decisions.push(decision) - 1;
      decisionIndexes.set(key, index);
    }
    return { decisionIndex: index };
  }
}
