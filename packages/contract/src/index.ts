// First: it configures zod before any schema is built (see primitives.ts).
export * from './primitives.ts';
export * from './errors.ts';
export * from './auth.ts';
export * from './environments.ts';
export * from './server-profiles.ts';
export * from './api-paths.ts';
export * from './approval.ts';
export * from './mailboxes.ts';
export * from './mailbox-csv.ts';
export * from './email-settings.ts';
export * from './security-roles.ts';
export * from './alerts.ts';
export * from './audit.ts';
export * from './exchange-connectivity.ts';
export * from './test-and-enable.ts';
// The form lays itself out from the domain's field rules and option labels: one source for both sides.
export {
  SERVER_PROFILE_FIELD_RULES,
  SERVER_TYPE_LABELS,
  EXCHANGE_ONLINE_AUTHENTICATION_TYPE_LABELS,
  AUTHENTICATE_USING_LABELS,
  AUTHENTICATION_PROTOCOL_LABELS,
  TEST_STATUS_LABELS,
  CUSTOMER_ENGAGEMENT_LABELS,
  TENANT_ROLE_LABELS,
  PRIVILEGE_LABELS,
  PRIVILEGE_DEPTH_LABELS,
  EXCHANGE_ONLINE_EWS_URL,
  MAILBOX_TYPE_LABELS,
  MAILBOX_VIEW_LABELS,
  MAILBOX_SETTING_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  EMAIL_ADDRESS_STATUS_LABELS,
  MAILBOX_TEST_STATUS_LABELS,
  EMAIL_SETTING_LABELS,
  ALERT_SEVERITY_LABELS,
  AUDITED_ENTITY_TYPE_LABELS,
  AUDIT_ACTION_LABELS,
  BUILT_IN_ROLE_NAMES,
  PRIVILEGES,
  PRIVILEGE_DEPTHS,
  INCOMING_EMAIL_DELIVERY_METHODS,
  OUTGOING_EMAIL_DELIVERY_METHODS,
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS,
  EMAIL_ADDRESS_STATUSES,
  MAILBOX_TEST_STATUSES,
  MAILBOX_TYPES,
  MAILBOX_COLUMN_LABELS,
  MAILBOX_COLUMN_IDS,
  MAILBOX_IMPORT_MODES,
  NO_SERVER_PROFILE_LABEL,
  type MailboxColumnId,
  MAILBOX_VIEWS,
  MAILBOX_SORT_FIELDS,
  ALERT_SEVERITIES,
  AUDITED_ENTITY_TYPES,
  AUDIT_ACTIONS,
  APPROVAL_PERMISSION_TABLE,
  APPROVAL_PERMISSION_FOOTNOTES,
  APPROVER_ROLE_COMBINATIONS,
  APPROVER_ROLE_COMBINATION_LABELS,
  APPROVAL_RULE_LABELS,
  EXCHANGE_DEPLOYMENTS,
  EXCHANGE_DEPLOYMENT_LABELS,
  validateMailbox,
  type Privilege,
  type PrivilegeDepth,
  type MailboxView,
  type MailboxSortField,
  EXCHANGE_ONLINE_CHINA_EWS_URL,
  newServerProfileSettings,
  validateServerProfile,
  INVALID_AUTHENTICATE_USING_OPTIONS,
  NON_SECURE_CHANNEL_LOCKED_FIELDS,
  areCredentialsLocked,
  isFieldRequired,
  normalizeServerProfile,
  type ServerProfileField,
  type ServerProfileFieldRule,
  type ServerProfileSection,
  type ServerType,
  type FieldError,
  EXCHANGE_ERROR_CATALOG,
  EXCHANGE_ERROR_CLASS_LABELS,
  EXCHANGE_ERROR_SOURCE_LABELS,
  type OutageFamily,
  EXCHANGE_CHANNELS,
  EXCHANGE_CHANNEL_LABELS,
  RUN_STATES,
  RUN_STATE_LABELS,
  RUN_ITEM_STATES,
  RUN_ITEM_STATE_LABELS,
  ACTIVE_RUN_ITEM_STATES,
  RUN_SCOPE_KIND_LABELS,
  exchangeErrorDefinition,
  exchangeErrorDetail,
  type ExchangeErrorDefinition,
  type ExchangeChannel,
  type RunItemState,
  type RunState,
} from '@sync-admin/domain';
export * from './domain-health.ts';
export * from './health-dashboard.ts';
