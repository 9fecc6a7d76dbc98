import type { DomainDnsObservation, DomainHealthRecord, EmailDomain } from './domain-health.ts';

/** Asks DNS (and the autodiscover host's TLS endpoint) about one domain. Never throws for what it finds: failures are data. */
export interface DnsHealthProbe {
  observeDomain(domain: string): Promise<DomainDnsObservation>;
}

export interface DomainHealthRepository {
  /** The distinct domains of the environment's mailbox addresses, with counts and profile types; `ownerId` narrows to one owner's mailboxes. */
  findEmailDomains(environmentId: string, scope: { ownerId?: string }): Promise<EmailDomain[]>;
  /** The latest record of each of these domains. */
  findLatestHealth(environmentId: string, domains: readonly string[]): Promise<DomainHealthRecord[]>;
  /** Older records of one domain, newest first. */
  findHealthHistory(environmentId: string, domain: string, limit: number): Promise<DomainHealthRecord[]>;
  saveHealth(environmentId: string, records: readonly DomainHealthRecord[]): Promise<void>;
  /** Every environment that has mailboxes, for the daily run. */
  findEnvironmentsWithMailboxes(): Promise<string[]>;
}
