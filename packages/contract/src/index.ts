export * from './errors.ts';
export * from './auth.ts';
export * from './environments.ts';
export * from './server-profiles.ts';
export * from './api-paths.ts';
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
  EXCHANGE_ONLINE_CHINA_EWS_URL,
  newServerProfileSettings,
  validateServerProfile,
  normalizeServerProfile,
  type ServerProfileField,
  type ServerProfileFieldRule,
  type ServerProfileSection,
  type ServerType,
  type FieldError,
} from '@sync-admin/domain';
