import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS,
  EMAIL_ADDRESS_STATUSES,
  INCOMING_EMAIL_DELIVERY_METHODS,
  MAILBOX_SORT_FIELDS,
  MAILBOX_TEST_STATUSES,
  MAILBOX_TYPES,
  MAILBOX_VIEWS,
  MAX_MAILBOX_PAGE_SIZE,
  OUTGOING_EMAIL_DELIVERY_METHODS,
  RUN_ITEM_STATES,
  SERVER_TYPES,
} from '@sync-admin/domain';
import { z } from 'zod/mini';
import { isoDateTime, recordVersion, text } from './primitives.ts';
import { approvalDecisionSchema } from './approval.ts';
import { codedSentenceSchema } from './errors.ts';
import { connectivityTraceSchema } from './exchange-connectivity.ts';


/** The grid's view and filters; the same object targets "all that match" in a bulk command. */
export const mailboxFilterSchema = z.strictObject({
  view: z._default(z.enum(MAILBOX_VIEWS), 'active'),
  search: z.optional(text().check(z.trim(), z.maxLength(200, 'Search text can be at most 200 characters.'))),
  serverProfileId: z.optional(z.union([z.uuid(), z.literal('none')], { message: 'serverProfileId must be a profile id or "none".' })),
  type: z.optional(z.enum(MAILBOX_TYPES)),
  emailAddressStatus: z.optional(z.enum(EMAIL_ADDRESS_STATUSES)),
  incomingEmailStatus: z.optional(z.enum(MAILBOX_TEST_STATUSES)),
  outgoingEmailStatus: z.optional(z.enum(MAILBOX_TEST_STATUSES)),
  appointmentsContactsTasksStatus: z.optional(z.enum(MAILBOX_TEST_STATUSES)),
  lastErrorCode: z.optional(text().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'lastErrorCode must be an error code: up to 100 letters, digits and _ . : -'))),
});
export type MailboxFilterWire = z.infer<typeof mailboxFilterSchema>;

export const mailboxListQuerySchema = z.extend(mailboxFilterSchema, {
  sort: z._default(z.enum(MAILBOX_SORT_FIELDS), 'name'),
  order: z._default(z.enum(['asc', 'desc']), 'asc'),
  offset: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(10_000_000)), 0),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_MAILBOX_PAGE_SIZE)), 100),
});
export type MailboxListQuery = z.infer<typeof mailboxListQuerySchema>;

export const mailboxListItemSchema = z.object({
  id: text(),
  name: text(),
  emailAddress: text(),
  type: z.enum(MAILBOX_TYPES),
  isActive: z.boolean(),
  ownerId: text(),
  ownerName: text(),
  serverProfileId: z.nullable(text()),
  serverProfileName: z.nullable(text()),
  incomingEmailDeliveryMethod: z.enum(INCOMING_EMAIL_DELIVERY_METHODS),
  outgoingEmailDeliveryMethod: z.enum(OUTGOING_EMAIL_DELIVERY_METHODS),
  appointmentsContactsTasksDeliveryMethod: z.enum(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS),
  emailAddressStatus: z.enum(EMAIL_ADDRESS_STATUSES),
  incomingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  outgoingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  appointmentsContactsTasksStatus: z.enum(MAILBOX_TEST_STATUSES),
  testCompletedOn: z.nullable(text()),
  testAndEnableRequestedAt: z.nullable(text()),
});
export type MailboxListItemResponse = z.infer<typeof mailboxListItemSchema>;

export const mailboxListResponseSchema = z.object({ items: z.array(mailboxListItemSchema), total: z.number() });
export type MailboxListResponse = z.infer<typeof mailboxListResponseSchema>;

/** The editable fields of one mailbox, as they travel. */
export const mailboxSettingsSchema = z.object({
  name: text().check(z.maxLength(200, 'Name can be at most 200 characters.')),
  emailAddress: text().check(z.maxLength(320, 'Email Address can be at most 320 characters.')),
  ownerId: z.uuid('ownerId must be a user id.'),
  isActive: z.boolean(),
  serverProfileId: z.nullable(z.uuid('serverProfileId must be a profile id.')),
  incomingEmailDeliveryMethod: z.enum(INCOMING_EMAIL_DELIVERY_METHODS),
  outgoingEmailDeliveryMethod: z.enum(OUTGOING_EMAIL_DELIVERY_METHODS),
  appointmentsContactsTasksDeliveryMethod: z.enum(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS),
  syncItemsFromThisOrgOnly: z.boolean(),
  allowCredentialsForEmailProcessing: z.boolean(),
  userName: z.nullable(text().check(z.maxLength(256, 'User Name can be at most 256 characters.'))),
  processEmailsReceivedAfter: z.nullable(isoDateTime()),
});
export type MailboxSettingsWire = z.infer<typeof mailboxSettingsSchema>;

const mailboxPassword = z.optional(z.nullable(text().check(z.maxLength(1024, 'Password can be at most 1024 characters.'))));

export const createMailboxRequestSchema = z.strictObject({
  ...z.partial(mailboxSettingsSchema).shape,
  ...z.pick(mailboxSettingsSchema, { name: true, emailAddress: true }).shape,
  type: z.enum(MAILBOX_TYPES),
  password: mailboxPassword,
});
export type CreateMailboxRequest = z.infer<typeof createMailboxRequestSchema>;

/** Only the fields sent change; the password is write-only (a value sets, null clears, absent keeps). */
export const updateMailboxRequestSchema = z.strictObject({ ...z.partial(mailboxSettingsSchema).shape, password: mailboxPassword, version: recordVersion() });
export type UpdateMailboxRequest = z.infer<typeof updateMailboxRequestSchema>;

export const mailboxResponseSchema = z.extend(mailboxSettingsSchema, {
  id: text(),
  environmentId: text(),
  type: z.enum(MAILBOX_TYPES),
  ownerName: text(),
  serverProfileName: z.nullable(text()),
  /** "notReadable": the user may not read server profiles, so whether it is active is not theirs to know. */
  serverProfileStatus: z.nullable(z.enum(['active', 'inactive', 'notReadable'])),
  serverType: z.nullable(z.enum(SERVER_TYPES)),
  emailAddressStatus: z.enum(EMAIL_ADDRESS_STATUSES),
  emailAddressApprovedById: z.nullable(text()),
  emailAddressApprovedByName: z.nullable(text()),
  emailAddressApprovedAt: z.nullable(text()),
  incomingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  outgoingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  appointmentsContactsTasksStatus: z.enum(MAILBOX_TEST_STATUSES),
  isEnabledForIncomingEmail: z.boolean(),
  isEnabledForOutgoingEmail: z.boolean(),
  isEnabledForAppointmentsContactsTasks: z.boolean(),
  passwordSet: z.boolean(),
  testCompletedOn: z.nullable(text()),
  testAndEnableLastAttemptedById: z.nullable(text()),
  testAndEnableLastAttemptedByName: z.nullable(text()),
  testAndEnableRequestedAt: z.nullable(text()),
  lastError: z.nullable(z.object({ code: text(), message: text(), at: text() })),
  consecutiveErrorCount: z.number(),
  /** The run testing the mailbox now, or the last one: its job, who started it, where its retries stand. */
  testAndEnable: z.nullable(z.object({
    runId: text(), runNumber: z.number(), startedByName: text(), itemState: z.enum(RUN_ITEM_STATES), attempts: z.number(), nextAttemptAt: z.nullable(text()),
  })),
  discoveredEwsUrl: z.nullable(text()),
  discoveredEwsUrlAt: z.nullable(text()),
  lastConnectivityTest: z.nullable(z.object({ at: text(), trace: connectivityTraceSchema })),
  /** Send it back with a change (optimistic concurrency). */
  version: z.number(),
  createdAt: text(),
  updatedAt: text(),
});
export type MailboxResponse = z.infer<typeof mailboxResponseSchema>;

export const mailboxParamsSchema = z.object({
  environmentId: z.uuid('environmentId must be a UUID.'),
  mailboxId: z.uuid('mailboxId must be a UUID.'),
});

/** The selected rows, or every mailbox matching the grid's filter. */
export const mailboxTargetSchema = z.union([
  z.strictObject({ ids: z.array(z.uuid('Each id must be a mailbox id.')).check(z.minLength(1, 'Select at least one mailbox.'), z.maxLength(100_000)) }),
  z.strictObject({ filter: mailboxFilterSchema }),
], { message: 'target must be { ids: [...] } or { filter: {...} }.' });
export type MailboxTargetWire = z.infer<typeof mailboxTargetSchema>;

export const MAILBOX_ACTIONS = ['apply-default-email-settings', 'change-multiple', 'approve-email', 'test-and-enable', 'retest-failed'] as const;
export type MailboxAction = (typeof MAILBOX_ACTIONS)[number];

export const applyDefaultEmailSettingsRequestSchema = z.strictObject({
  target: mailboxTargetSchema,
  /** Seed 000: by default the mailboxes are tested and enabled after the settings are applied. */
  testAndEnable: z._default(z.boolean(), true),
});

export const changeMultipleMailboxesRequestSchema = z.strictObject({
  target: mailboxTargetSchema,
  changes: z.strictObject(z.partial(z.pick(mailboxSettingsSchema, {
    serverProfileId: true, incomingEmailDeliveryMethod: true, outgoingEmailDeliveryMethod: true, appointmentsContactsTasksDeliveryMethod: true,
  })).shape),
});

export const mailboxTargetRequestSchema = z.strictObject({ target: mailboxTargetSchema });

export const bulkResultResponseSchema = z.object({
  done: z.number(),
  skipped: z.number(),
  results: z.array(z.object({
    mailboxId: text(),
    name: text(),
    outcome: z.enum(['done', 'skipped']),
    message: text(),
    /**
     * The sentences `message` says, in order (decision 58): a bulk command's own (`mailboxes:bulkSentence.<code>`),
     * an access or field error's (the `errors` namespace), or the summary of the row's approval decision.
     */
    sentences: z.array(codedSentenceSchema),
    decisionIndex: z.optional(z.number()),
  })),
  decisions: z.array(approvalDecisionSchema),
});
export type BulkResultResponse = z.infer<typeof bulkResultResponseSchema>;

/** What Approve Email would do for a selection, decided by the server's approval rules. */
export const approveEmailAvailabilityResponseSchema = z.object({
  /** Seed 000: without the Approve Email Addresses for Users or Queues privilege the command does not appear. */
  commandShown: z.boolean(),
  approvable: z.number(),
  notApprovable: z.number(),
  summary: text(),
  /** The sentence `summary` says (decision 58): an availability sentence, or the single refusal's `reasonSentence`. */
  summarySentence: codedSentenceSchema,
  /** The mailboxes Approve Email would skip and why (the first 100; the counts cover all). */
  refusals: z.array(z.object({ mailboxId: text(), name: text(), reason: text(), reasonSentence: codedSentenceSchema, decisionIndex: z.optional(z.number()) })),
  decisions: z.array(approvalDecisionSchema),
});
export type ApproveEmailAvailabilityResponse = z.infer<typeof approveEmailAvailabilityResponseSchema>;
