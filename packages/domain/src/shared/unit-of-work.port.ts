import type { NewAlert } from '../alerts/alert.repository.port.ts';
import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { EmailSettingsRepository } from '../email-settings/email-settings.repository.port.ts';
import type { MailboxRepository } from '../mailboxes/mailbox.repository.port.ts';
import type { ServerProfileRepository } from '../server-profiles/server-profile.repository.port.ts';
import type { TestAndEnableJobs, TestAndEnableRunRepository } from '../test-and-enable/test-and-enable.ports.ts';

/**
 * Several writes that must happen together or not at all. The adapter opens one database transaction and
 * hands the work ports bound to it; whatever the work throws rolls everything back.
 */
export interface UnitOfWork<Ports> {
  run<T>(work: (ports: Ports) => Promise<T>): Promise<T>;
}

/**
 * The ports bound to one transaction, for every use case with several writes: Test & Enable steps, switching
 * the default profile, activating or deactivating one, Email settings with their Server Profile. Reads made
 * through them after a lock see what the lock holds (see ServerProfileRepository.lockEnvironmentProfiles).
 */
export interface WriteTransaction {
  runs: TestAndEnableRunRepository;
  jobs: TestAndEnableJobs;
  alerts: { createAlerts(alerts: NewAlert[]): Promise<void> };
  audit: { writeAuditEntries(entries: readonly AuditEntryInput[]): Promise<void> };
  profiles: ServerProfileRepository;
  emailSettings: EmailSettingsRepository;
  mailboxes: MailboxRepository;
}

export type WriteUnitOfWork = UnitOfWork<WriteTransaction>;
