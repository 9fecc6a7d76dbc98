import { requiredFieldError, tooLongFieldError, type FieldError } from '../shared/domain-error.ts';
import type { MailboxSettings, MailboxType } from './mailbox.ts';

export const MAILBOX_NAME_MAX_LENGTH = 200;
export const EMAIL_ADDRESS_MAX_LENGTH = 320;
const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const OUTLOOK_FOR_QUEUE = 'Microsoft Dynamics 365 for Outlook is not available for queue mailboxes: a queue has no Outlook client.';

/** Delivery-method rules that depend on the kind of mailbox; bulk commands skip rows that break them. */
export function synchronizationMethodErrors(
  type: MailboxType,
  method: Partial<Pick<MailboxSettings, 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'>>,
): (FieldError & { code: string })[] {
  if (type !== 'queue') return [];
  return (['incomingEmailDeliveryMethod', 'outgoingEmailDeliveryMethod', 'appointmentsContactsTasksDeliveryMethod'] as const)
    .filter((field) => method[field] === 'outlook')
    .map((field) => ({ field, code: 'OUTLOOK_NOT_FOR_QUEUE', message: OUTLOOK_FOR_QUEUE }));
}

/** Field rules of one mailbox; checks needing the database (unique address, profile, owner) live in the use cases. */
export function validateMailbox(type: MailboxType, settings: MailboxSettings, password: string | null | undefined, passwordStored: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const name = settings.name.trim();
  if (name === '') errors.push(requiredFieldError('name', 'Name'));
  else if (name.length > MAILBOX_NAME_MAX_LENGTH) errors.push(tooLongFieldError('name', 'Name', MAILBOX_NAME_MAX_LENGTH));

  const address = settings.emailAddress.trim();
  if (address === '') errors.push(requiredFieldError('emailAddress', 'Email Address'));
  else if (address.length > EMAIL_ADDRESS_MAX_LENGTH || !EMAIL_ADDRESS.test(address)) {
    errors.push({ field: 'emailAddress', code: 'EMAIL_ADDRESS_INVALID', message: 'Enter an email address such as someone@contoso.com.' });
  }

  errors.push(...synchronizationMethodErrors(type, settings));

  const hasCredentials = (settings.userName ?? '') !== '' || (password ?? '') !== '' || (password === undefined && passwordStored);
  if (!settings.allowCredentialsForEmailProcessing && hasCredentials) {
    errors.push({
      field: 'allowCredentialsForEmailProcessing',
      code: 'MAILBOX_CREDENTIALS_NOT_ALLOWED',
      message: 'Turn on Allow to Use Credentials for Email Processing to keep a user name and password on this mailbox, or clear them.',
    });
  }
  if (settings.userName !== null && settings.userName.length > 256) errors.push(tooLongFieldError('userName', 'User Name', 256));
  if (typeof password === 'string' && password.length > 1024) errors.push(tooLongFieldError('password', 'Password', 1024));
  return errors;
}

/** Addresses compare without case or surrounding spaces, as Exchange does. */
export function normalizeEmailAddress(address: string): string {
  return address.trim().toLowerCase();
}
