import {
  mailboxSettingsSchema,
  type EmailSettingsResponse,
  type EnvironmentResponse,
  type MailboxResponse,
  type MailboxSettingsWire,
  type validateMailbox,
} from '@sync-admin/contract';

// The date and message helpers are the server profile form's: one behaviour for both forms.
export { fromLocalDateTimeInput, toLocalDateTimeInput } from '../../server-profiles/lib/form-model.ts';

/** The domain's settings shape (dates as Date), which the shared validator reads. */
export type MailboxSettings = Parameters<typeof validateMailbox>[1];
export type MailboxType = MailboxResponse['type'];
export type MailboxField = keyof MailboxSettings | 'password';

/** The write-only password: kept as stored, replaced by a typed value, or cleared. */
export type PasswordChange = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'clear' };

export function settingsFromMailbox(mailbox: MailboxResponse): MailboxSettings {
  // The contract schema keeps exactly the settings fields and drops the rest of the response.
  const wire = mailboxSettingsSchema.parse(mailbox);
  return { ...wire, processEmailsReceivedAfter: wire.processEmailsReceivedAfter ? new Date(wire.processEmailsReceivedAfter) : null };
}

export function settingsToWire(settings: MailboxSettings): MailboxSettingsWire {
  const date = settings.processEmailsReceivedAfter;
  return {
    ...settings,
    name: settings.name.trim(),
    emailAddress: settings.emailAddress.trim(),
    userName: settings.userName?.trim() || null,
    processEmailsReceivedAfter: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null,
  };
}

/** Only what differs from what is stored travels: a save never overwrites a field the admin didn't touch. */
export function changedSettings(before: MailboxSettingsWire, after: MailboxSettingsWire): Partial<MailboxSettingsWire> {
  const changed: Partial<MailboxSettingsWire> = {};
  for (const key of Object.keys(after) as (keyof MailboxSettingsWire)[]) {
    if (after[key] !== before[key]) Object.assign(changed, { [key]: after[key] });
  }
  return changed;
}

/** Outlook is not offered for queue mailboxes: a queue has no Outlook client. */
function forType<T extends string>(type: MailboxType, method: T): T | 'none' {
  return type === 'queue' && method === 'outlook' ? 'none' : method;
}

/** A new mailbox starts from the environment's email settings, owned by whoever creates it. */
export function newMailboxSettings(
  type: MailboxType,
  ownerId: string,
  environment: EnvironmentResponse,
  defaults: EmailSettingsResponse | undefined,
): MailboxSettings {
  return {
    name: '',
    emailAddress: '',
    ownerId,
    isActive: true,
    serverProfileId: defaults?.defaultServerProfileId ?? environment.defaultServerProfileId,
    incomingEmailDeliveryMethod: forType(type, defaults?.incomingEmailDeliveryMethod ?? 'serverSideSynchronization'),
    outgoingEmailDeliveryMethod: forType(type, defaults?.outgoingEmailDeliveryMethod ?? 'serverSideSynchronization'),
    appointmentsContactsTasksDeliveryMethod: forType(type, defaults?.appointmentsContactsTasksDeliveryMethod ?? 'serverSideSynchronization'),
    syncItemsFromThisOrgOnly: false,
    allowCredentialsForEmailProcessing: false,
    userName: null,
    processEmailsReceivedAfter: null,
  };
}

/** What the validator and the API take for the password: a value sets, null clears, undefined keeps. */
export function passwordToSend(change: PasswordChange): string | null | undefined {
  if (change.kind === 'clear') return null;
  if (change.kind === 'set' && change.value !== '') return change.value;
  return undefined;
}

/** Record-level Write: User depth reaches only the mailboxes one owns. */
export function canWriteMailbox(environment: EnvironmentResponse, userId: string, ownerId: string): boolean {
  const depth = environment.privileges['mailbox.write'];
  return depth !== undefined && (depth !== 'user' || userId === ownerId);
}
