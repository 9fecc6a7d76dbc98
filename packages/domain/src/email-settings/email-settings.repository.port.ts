import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { EmailSettings } from './email-settings.ts';

export interface EmailSettingsRepository {
  /** An environment without a stored row has the defaults. */
  findEmailSettings(environmentId: string): Promise<EmailSettings>;
  updateEmailSettings(environmentId: string, settings: EmailSettings, audit: AuditEntryInput | null): Promise<EmailSettings>;
}
