import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  AUTHENTICATE_USING_LABELS,
  AUTHENTICATION_PROTOCOL_LABELS,
  EMAIL_ADDRESS_STATUS_LABELS,
  EMAIL_SETTING_LABELS,
  EXCHANGE_ONLINE_AUTHENTICATION_TYPE_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  MAILBOX_SETTING_LABELS,
  MAILBOX_TEST_STATUS_LABELS,
  MAILBOX_TYPE_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  PRIVILEGE_LABELS,
  SERVER_PROFILE_FIELD_RULES,
  SERVER_TYPE_LABELS,
  type AuditEntryResponse,
} from '@sync-admin/contract';
import { formatDateTime, formatNumber } from '../../../lib/format-time.ts';
import { i18next } from '../../../lib/i18n.ts';
import type { AuditedEntityType } from '../api/get-audit-entries.ts';

type AuditValue = AuditEntryResponse['changes'][number]['before'];

const SECURITY_ROLES_FIELD = { securityRoles: 'Security roles' };

/** The form labels each entity's fields carry on their own pages, so the history reads like the forms. */
const FIELD_LABELS: Record<AuditedEntityType, Record<string, string>> = {
  mailbox: {
    ...MAILBOX_SETTING_LABELS,
    type: 'Type',
    emailAddressStatus: 'Email Address Status',
    incomingEmailStatus: 'Incoming Email Status',
    outgoingEmailStatus: 'Outgoing Email Status',
    appointmentsContactsTasksStatus: 'Appointments, Contacts, and Tasks Status',
  },
  serverProfile: Object.fromEntries(SERVER_PROFILE_FIELD_RULES.map((rule) => [rule.field, rule.label])),
  emailSettings: EMAIL_SETTING_LABELS,
  securityRole: PRIVILEGE_LABELS,
  user: SECURITY_ROLES_FIELD,
  team: SECURITY_ROLES_FIELD,
};

/** Option-set fields store a key; the history shows the option's label. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  incomingEmailDeliveryMethod: INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  outgoingEmailDeliveryMethod: OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  appointmentsContactsTasksDeliveryMethod: APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  emailAddressStatus: EMAIL_ADDRESS_STATUS_LABELS,
  incomingEmailStatus: MAILBOX_TEST_STATUS_LABELS,
  outgoingEmailStatus: MAILBOX_TEST_STATUS_LABELS,
  appointmentsContactsTasksStatus: MAILBOX_TEST_STATUS_LABELS,
  type: MAILBOX_TYPE_LABELS,
  serverType: SERVER_TYPE_LABELS,
  authenticationType: EXCHANGE_ONLINE_AUTHENTICATION_TYPE_LABELS,
  authenticateUsing: AUTHENTICATE_USING_LABELS,
  incomingAuthenticationProtocol: AUTHENTICATION_PROTOCOL_LABELS,
  outgoingAuthenticationProtocol: AUTHENTICATION_PROTOCOL_LABELS,
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** "processEmailsReceivedAfter" → "Process emails received after", for fields no table names. */
function humanize(field: string): string {
  const words = field.replace(/[._]/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditFieldLabel(entityType: AuditedEntityType, field: string): string {
  return FIELD_LABELS[entityType][field] ?? humanize(field);
}

/** A value as the forms show it; null is "(empty)", as Dynamics' audit history leaves such cells blank. */
export function formatAuditValue(field: string, value: AuditValue): string {
  if (value === null || value === '') return i18next.t('audit:value.empty');
  if (typeof value === 'boolean') return value ? i18next.t('audit:value.yes') : i18next.t('audit:value.no');
  if (typeof value === 'number') return formatNumber(value);
  const label = VALUE_LABELS[field]?.[value];
  if (label) return label;
  return ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
}
