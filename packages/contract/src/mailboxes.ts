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
import { z } from 'zod';
import { isoDateTime, recordVersion, text } from './primitives.ts';
import { approvalDecisionSchema } from './approval.ts';
import { connectivityTraceSchema } from './exchange-connectivity.ts';


/** The grid's view and filters; the same object targets "all that match" in a bulk command. */
export const mailboxFilterSchema = z.object({
  view: z.enum(MAILBOX_VIEWS).default('active'),
  search: text().trim().max(200, 'Search text can be at most 200 characters.').optional(),
  serverProfileId: z.union([z.uuid(), z.literal('none')], { message: 'serverProfileId must be a profile id or "none".' }).optional(),
  type: z.enum(MAILBOX_TYPES).optional(),
  emailAddressStatus: z.enum(EMAIL_ADDRESS_STATUSES).optional(),
  incomingEmailStatus: z.enum(MAILBOX_TEST_STATUSES).optional(),
  outgoingEmailStatus: z.enum(MAILBOX_TEST_STATUSES).optional(),
  appointmentsContactsTasksStatus: z.enum(MAILBOX_TEST_STATUSES).optional(),
  lastErrorCode: text().regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'lastErrorCode must be an error code: up to 100 letters, digits and _ . : -').optional(),
}).strict();
export type MailboxFilterWire = z.infer<typeof mailboxFilterSchema>;

export const mailboxListQuerySchema = mailboxFilterSchema.extend({
  sort: z.enum(MAILBOX_SORT_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_MAILBOX_PAGE_SIZE).default(100),
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
  serverProfileId: text().nullable(),
  serverProfileName: text().nullable(),
  incomingEmailDeliveryMethod: z.enum(INCOMING_EMAIL_DELIVERY_METHODS),
  outgoingEmailDeliveryMethod: z.enum(OUTGOING_EMAIL_DELIVERY_METHODS),
  appointmentsContactsTasksDeliveryMethod: z.enum(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS),
  emailAddressStatus: z.enum(EMAIL_ADDRESS_STATUSES),
  incomingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  outgoingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  appointmentsContactsTasksStatus: z.enum(MAILBOX_TEST_STATUSES),
  testCompletedOn: text().nullable(),
  testAndEnableRequestedAt: text().nullable(),
});
export type MailboxListItemResponse = z.infer<typeof mailboxListItemSchema>;

export const mailboxListResponseSchema = z.object({ items: z.array(mailboxListItemSchema), total: z.number() });
export type MailboxListResponse = z.infer<typeof mailboxListResponseSchema>;

/** The editable fields of one mailbox, as they travel. */
export const mailboxSettingsSchema = z.object({
  name: text().max(200, 'Name can be at most 200 characters.'),
  emailAddress: text().max(320, 'Email Address can be at most 320 characters.'),
  ownerId: z.uuid('ownerId must be a user id.'),
  isActive: z.boolean(),
  serverProfileId: z.uuid('serverProfileId must be a profile id.').nullable(),
  incomingEmailDeliveryMethod: z.enum(INCOMING_EMAIL_DELIVERY_METHODS),
  outgoingEmailDeliveryMethod: z.enum(OUTGOING_EMAIL_DELIVERY_METHODS),
  appointmentsContactsTasksDeliveryMethod: z.enum(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS),
  syncItemsFromThisOrgOnly: z.boolean(),
  allowCredentialsForEmailProcessing: z.boolean(),
  userName: text().max(256, 'User Name can be at most 256 characters.').nullable(),
  processEmailsReceivedAfter: isoDateTime().nullable(),
});
export type MailboxSettingsWire = z.infer<typeof mailboxSettingsSchema>;

const mailboxPassword = text().max(1024, 'Password can be at most 1024 characters.').nullable().optional();

export const createMailboxRequestSchema = mailboxSettingsSchema.partial()
  .extend({ type: z.enum(MAILBOX_TYPES), password: mailboxPassword })
  .required({ name: true, emailAddress: true })
  .strict();
export type CreateMailboxRequest = z.infer<typeof createMailboxRequestSchema>;

/** Only the fields sent change; the password is write-only (a value sets, null clears, absent keeps). */
export const updateMailboxRequestSchema = mailboxSettingsSchema.partial().extend({ password: mailboxPassword, version: recordVersion() }).strict();
export type UpdateMailboxRequest = z.infer<typeof updateMailboxRequestSchema>;

export const mailboxResponseSchema = mailboxSettingsSchema.extend({
  id: text(),
  environmentId: text(),
  type: z.enum(MAILBOX_TYPES),
  ownerName: text(),
  serverProfileName: text().nullable(),
  /** "notReadable": the user may not read server profiles, so whether it is active is not theirs to know. */
  serverProfileStatus: z.enum(['active', 'inactive', 'notReadable']).nullable(),
  serverType: z.enum(SERVER_TYPES).nullable(),
  emailAddressStatus: z.enum(EMAIL_ADDRESS_STATUSES),
  emailAddressApprovedById: text().nullable(),
  emailAddressApprovedByName: text().nullable(),
  emailAddressApprovedAt: text().nullable(),
  incomingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  outgoingEmailStatus: z.enum(MAILBOX_TEST_STATUSES),
  appointmentsContactsTasksStatus: z.enum(MAILBOX_TEST_STATUSES),
  isEnabledForIncomingEmail: z.boolean(),
  isEnabledForOutgoingEmail: z.boolean(),
  isEnabledForAppointmentsContactsTasks: z.boolean(),
  passwordSet: z.boolean(),
  testCompletedOn: text().nullable(),
  testAndEnableLastAttemptedById: text().nullable(),
  testAndEnableLastAttemptedByName: text().nullable(),
  testAndEnableRequestedAt: text().nullable(),
  lastError: z.object({ code: text(), message: text(), at: text() }).nullable(),
  consecutiveErrorCount: z.number(),
  /** The run testing the mailbox now, or the last one: its job, who started it, where its retries stand. */
  testAndEnable: z.object({
    runId: text(), runNumber: z.number(), startedByName: text(), itemState: z.enum(RUN_ITEM_STATES), attempts: z.number(), nextAttemptAt: text().nullable(),
  }).nullable(),
  discoveredEwsUrl: text().nullable(),
  discoveredEwsUrlAt: text().nullable(),
  lastConnectivityTest: z.object({ at: text(), trace: connectivityTraceSchema }).nullable(),
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
  z.object({ ids: z.array(z.uuid('Each id must be a mailbox id.')).min(1, 'Select at least one mailbox.').max(100_000) }).strict(),
  z.object({ filter: mailboxFilterSchema }).strict(),
], { message: 'target must be { ids: [...] } or { filter: {...} }.' });
export type MailboxTargetWire = z.infer<typeof mailboxTargetSchema>;

export const MAILBOX_ACTIONS = ['apply-default-email-settings', 'change-multiple', 'approve-email', 'test-and-enable', 'retest-failed'] as const;
export type MailboxAction = (typeof MAILBOX_ACTIONS)[number];

export const applyDefaultEmailSettingsRequestSchema = z.object({
  target: mailboxTargetSchema,
  /** Seed 000: by default the mailboxes are tested and enabled after the settings are applied. */
  testAndEnable: z.boolean().default(true),
}).strict();

export const changeMultipleMailboxesRequestSchema = z.object({
  target: mailboxTargetSchema,
  changes: mailboxSettingsSchema.pick({
    serverProfileId: true, incomingEmailDeliveryMethod: true, outgoingEmailDeliveryMethod: true, appointmentsContactsTasksDeliveryMethod: true,
  }).partial().strict(),
}).strict();

export const mailboxTargetRequestSchema = z.object({ target: mailboxTargetSchema }).strict();

export const bulkResultResponseSchema = z.object({
  done: z.number(),
  skipped: z.number(),
  results: z.array(z.object({
    mailboxId: text(),
    name: text(),
    outcome: z.enum(['done', 'skipped']),
    message: text(),
    decisionIndex: z.number().optional(),
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
  /** The mailboxes Approve Email would skip and why (the first 100; the counts cover all). */
  refusals: z.array(z.object({ mailboxId: text(), name: text(), reason: text(), decisionIndex: z.number().optional() })),
  decisions: z.array(approvalDecisionSchema),
});
export type ApproveEmailAvailabilityResponse = z.infer<typeof approveEmailAvailabilityResponseSchema>;
