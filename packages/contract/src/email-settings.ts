import { APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS, INCOMING_EMAIL_DELIVERY_METHODS, OUTGOING_EMAIL_DELIVERY_METHODS } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { recordVersion, text } from './primitives.ts';

export const emailSettingsSchema = z.object({
  defaultServerProfileId: z.nullable(z.uuid('defaultServerProfileId must be a profile id.')),
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
export type EmailSettingsWire = z.infer<typeof emailSettingsSchema>;

export const emailSettingsResponseSchema = z.extend(emailSettingsSchema, {
  /** `version` 0: nothing saved yet (the defaults). Send it back with a change (optimistic concurrency). */
  version: z.number(),
  /** Whether the signed-in user may turn the approval switches on or off (seed 000's permissions model), and why not. */
  approvalRequirement: z.object({ canChange: z.boolean(), reason: z.nullable(text()) }),
});
export type EmailSettingsResponse = z.infer<typeof emailSettingsResponseSchema>;
/** Only the settings sent change. */
export const updateEmailSettingsRequestSchema = z.strictObject({ ...z.partial(emailSettingsSchema).shape, version: recordVersion() });
export type UpdateEmailSettingsRequest = z.infer<typeof updateEmailSettingsRequestSchema>;
