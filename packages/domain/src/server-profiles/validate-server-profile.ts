import { requiredFieldError, tooLongFieldError, type FieldError } from '../shared/domain-error.ts';
import {
  EXCHANGE_ONLINE_EWS_URL,
  INVALID_AUTHENTICATE_USING_OPTIONS,
  newServerProfileSettings,
  SERVER_PROFILE_SECRETS,
  type ServerProfileSecret,
  type ServerProfileSecretChanges,
  type ServerProfileSettings,
} from './server-profile.ts';
import { SERVER_PROFILE_FIELD_RULES, areCredentialsLocked, credentialsInProfile, isFieldRequired, type ServerProfileFieldRule } from './server-profile.field-rules.ts';

export interface ServerProfileValidationContext {
  /** Which secrets the stored profile already holds (all false for a new profile). */
  secretsStored: Record<ServerProfileSecret, boolean>;
  /** True when the admin's request reached the portal over HTTPS (or from this machine). */
  isSecureChannel: boolean;
  /** Deployment setting AllowCredentialsEntryViaNonSecureChannels (seed 003). */
  allowCredentialsEntryViaNonSecureChannels: boolean;
  /** The stored user names: re-sending them unchanged is not entering credentials. */
  storedUserNames?: { incomingUserName: string | null; outgoingUserName: string | null };
}

/** Optional text settings: trimmed, and blank means not set. */
const OPTIONAL_TEXT_FIELDS = ['tenantId', 'applicationId', 'defaultServerLocation', 'incomingServerLocation',
  'outgoingServerLocation', 'incomingUserName', 'outgoingUserName'] as const satisfies (keyof ServerProfileSettings)[];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isSecret(field: string): field is ServerProfileSecret {
  return (SERVER_PROFILE_SECRETS as readonly string[]).includes(field);
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function checkFormat(rule: ServerProfileFieldRule, value: string): FieldError | null {
  const label = rule.label;
  if (rule.format === 'guid' && !GUID.test(value)) {
    return { field: rule.field, code: 'FIELD_NOT_GUID', params: { label }, message: `${label} must be a GUID such as 00000000-0000-0000-0000-000000000000.` };
  }
  if (rule.format === 'url' || rule.format === 'httpsUrl') {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return { field: rule.field, code: 'FIELD_NOT_ABSOLUTE_URL', params: { label }, message: `${label} must be an absolute URL, for example https://mail.contoso.com/EWS/Exchange.asmx.` };
    }
    const allowed = rule.format === 'httpsUrl' ? ['https:'] : ['https:', 'http:'];
    if (!allowed.includes(url.protocol)) {
      return rule.format === 'httpsUrl'
        ? { field: rule.field, code: 'FIELD_NOT_HTTPS_URL', params: { label }, message: `${label} must start with https://.` }
        : { field: rule.field, code: 'FIELD_NOT_HTTP_URL', params: { label }, message: `${label} must start with https:// or http://.` };
    }
  }
  return null;
}

/**
 * Checks a profile against the field rules and the seeds' cross-field rules, as it would be stored
 * (normalized first). Returns every problem at once, each against its field, so the form can show them
 * all beside the fields.
 */
export function validateServerProfile(
  input: ServerProfileSettings,
  secretChanges: ServerProfileSecretChanges,
  context: ServerProfileValidationContext,
): FieldError[] {
  const { settings, secrets } = normalizeServerProfile(input, secretChanges);
  const errors: FieldError[] = [];
  const credentialsLocked = areCredentialsLocked(context);
  for (const rule of SERVER_PROFILE_FIELD_RULES) {
    if (!rule.shownWhen(settings)) continue;
    const value = isSecret(rule.field) ? secrets[rule.field] : rule.field === 'isDefault' ? null : settings[rule.field];

    if (isFieldRequired(rule, settings, credentialsLocked)) {
      const missing = isSecret(rule.field)
        ? secrets[rule.field] === undefined ? !context.secretsStored[rule.field] : isBlank(secrets[rule.field])
        : isBlank(value);
      if (missing) {
        errors.push(requiredFieldError(rule.field, rule.label));
        continue;
      }
    }
    if (typeof value === 'string' && value !== '') {
      if (rule.maxLength !== undefined && value.length > rule.maxLength) {
        errors.push(tooLongFieldError(rule.field, rule.label, rule.maxLength));
        continue;
      }
      const formatError = checkFormat(rule, value);
      if (formatError) errors.push(formatError);
    }
    if (rule.integer && typeof value === 'number') {
      const { min, max } = rule.integer;
      if (!Number.isInteger(value) || value < min || value > max) {
        errors.push({ field: rule.field, code: 'FIELD_INTEGER_RANGE', params: { label: rule.label, min, max }, message: `${rule.label} must be a whole number from ${min} to ${max}.` });
      }
    }
  }

  if (settings.serverType === 'exchangeServer' && settings.authenticateUsing !== null && INVALID_AUTHENTICATE_USING_OPTIONS.has(settings.authenticateUsing)) {
    errors.push({
      field: 'authenticateUsing',
      code: 'ANONYMOUS_AUTHENTICATION_INVALID',
      message: 'Without Credential (Anonymous) is not a valid setting. Choose another way to authenticate.',
    });
  }

  const stored = context.storedUserNames ?? { incomingUserName: null, outgoingUserName: null };
  const entersCredentials =
    credentialsInProfile(settings) &&
    (settings.incomingUserName !== stored.incomingUserName ||
      settings.outgoingUserName !== stored.outgoingUserName ||
      !isBlank(secrets.incomingPassword) ||
      !isBlank(secrets.outgoingPassword));
  if (entersCredentials && credentialsLocked) {
    errors.push({
      field: 'incomingUserName',
      code: 'CREDENTIALS_NEED_HTTPS',
      message:
        'User Name and Password can only be entered over HTTPS. Connect to the portal over HTTPS, or set the deployment setting AllowCredentialsEntryViaNonSecureChannels to 1.',
    });
  }
  return errors;
}

/**
 * What is stored: fields the form hides are reset so stale values never linger, and Exchange Online's
 * locations and ports are filled automatically (seed 000), pointing at the EWS endpoint override if any.
 */
export function normalizeServerProfile(
  settings: ServerProfileSettings,
  secrets: ServerProfileSecretChanges,
): { settings: ServerProfileSettings; secrets: ServerProfileSecretChanges } {
  const next: ServerProfileSettings = {
    ...settings,
    name: settings.name.trim(),
    description: settings.description.trim(),
  };
  for (const field of OPTIONAL_TEXT_FIELDS) next[field] = next[field]?.trim() || null;
  const nextSecrets: ServerProfileSecretChanges = { ...secrets };
  const defaults = newServerProfileSettings(next.serverType);
  for (const rule of SERVER_PROFILE_FIELD_RULES) {
    if (rule.shownWhen(settings) || rule.field === 'isDefault') continue;
    if (isSecret(rule.field)) nextSecrets[rule.field] = null;
    else (next as unknown as Record<string, unknown>)[rule.field] = defaults[rule.field];
  }
  if (next.serverType === 'exchangeOnline') {
    const endpoint = next.defaultServerLocation ?? EXCHANGE_ONLINE_EWS_URL;
    Object.assign(next, {
      useAutoDiscover: false,
      incomingServerLocation: endpoint,
      outgoingServerLocation: endpoint,
      incomingPort: 443,
      outgoingPort: 443,
      incomingUseSsl: true,
      outgoingUseSsl: true,
      incomingAuthenticationProtocol: 'autoDetect',
      outgoingAuthenticationProtocol: 'autoDetect',
    } satisfies Partial<ServerProfileSettings>);
  }
  return { settings: next, secrets: nextSecrets };
}
