import {
  serverProfileSettingsSchema,
  type ServerProfileField,
  type ServerProfileResponse,
  type ServerProfileSettingsWire,
  type validateServerProfile,
} from '@sync-admin/contract';

/** The domain's settings shape (dates as Date), which the shared rules and validator read. */
export type Settings = Parameters<typeof validateServerProfile>[0];
export type SecretChanges = Parameters<typeof validateServerProfile>[1];
export type SecretsSet = ServerProfileResponse['secretsSet'];
export type Secret = keyof SecretsSet;

/** What a new profile holds; typed against the contract so a new secret can't be forgotten here. */
export const NO_SECRETS_STORED: SecretsSet = { clientSecret: false, incomingPassword: false, outgoingPassword: false };

export function isSecret(field: ServerProfileField): field is Secret {
  return field in NO_SECRETS_STORED;
}

export function settingsFromProfile(profile: ServerProfileResponse): Settings {
  // The contract schema keeps exactly the settings fields and drops the rest of the response.
  const wire = serverProfileSettingsSchema.parse(profile);
  return {
    ...wire,
    processEmailsReceivedAfter: wire.processEmailsReceivedAfter ? new Date(wire.processEmailsReceivedAfter) : null,
  };
}

export function settingsToWire(settings: Settings): ServerProfileSettingsWire {
  const date = settings.processEmailsReceivedAfter;
  return { ...settings, processEmailsReceivedAfter: date && !Number.isNaN(date.getTime()) ? date.toISOString() : null };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** datetime-local speaks the browser's local time without a zone; the API speaks ISO 8601. */
export function toLocalDateTimeInput(date: Date | null): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalDateTimeInput(value: string): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
