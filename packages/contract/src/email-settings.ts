import { APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS, INCOMING_EMAIL_DELIVERY_METHODS, OUTGOING_EMAIL_DELIVERY_METHODS } from '@sync-admin/domain';
import { z } from 'zod';
import { recordVersion } from './primitives.ts';

export const emailSettingsSchema = z.object({
  defaultServerProfileId: z.uuid('defaultServerProfileId must be a profile id.').nullable(),
  incomingEmailDeliveryMethod: z.enum(INCOMING_EMAIL_DELIVERY_METHODS),
  outgoingEmailDeliveryMethod: z.enum(OUTGOING_EMAIL_DELIVERY_METHODS),
  appointmentsContactsTasksDeliveryMethod: z.enum(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS),
  processEmailsOnlyForApprovedUsers: z.boolean(),
  processEmailsOnlyForApprovedQueues: z.boolean(),
  requirePrivilegeToSelfApproveEmailAddress: z.boolean(),
  alertOnErrors: z.boolean(),
  alertOnWarnings: z.boolean(),
  alertOnInformation: z.boolean(),
  notifyMailboxOwner: z.boolean(),
});

/** `version` 0: nothing saved yet (the defaults). Send it back with a change (optimistic concurrency). */
export const emailSettingsResponseSchema = emailSettingsSchema.extend({ version: z.number() });
export type EmailSettingsResponse = z.infer<typeof emailSettingsResponseSchema>;
/** Only the settings sent change. */
export const updateEmailSettingsRequestSchema = emailSettingsSchema.partial().extend({ version: recordVersion() }).strict();
export type UpdateEmailSettingsRequest = z.infer<typeof updateEmailSettingsRequestSchema>;
