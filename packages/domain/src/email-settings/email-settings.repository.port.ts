import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { EmailSettings } from './email-settings.ts';

/** The settings with the version a write must name (optimistic concurrency, decision 35). */
export type VersionedEmailSettings = EmailSettings & { version: number };

export interface EmailSettingsRepository {
  /** An environment without a stored row has the defaults, at version 0. */
  findEmailSettings(environmentId: string): Promise<VersionedEmailSettings>;
  /**
   * Writes only the settings given, while the row is at `expectedVersion` (0: none stored yet); null when it
   * is not (someone else saved meanwhile), and then nothing is written.
   */
  updateEmailSettings(environmentId: string, expectedVersion: number, changes: Partial<EmailSettings>, audit: AuditEntryInput | null): Promise<VersionedEmailSettings | null>;
}
