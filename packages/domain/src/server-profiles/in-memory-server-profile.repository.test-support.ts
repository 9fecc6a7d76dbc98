import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { ServerProfileSecrets } from './server-profile-connection.port.ts';
import type { ServerProfileListFilter, ServerProfileRepository } from './server-profile.repository.port.ts';
import {
  SERVER_PROFILE_SECRETS,
  type ServerProfile,
  type ServerProfileLastTest,
  type ServerProfileSecret,
  type ServerProfileSecretChanges,
  type ServerProfileSettings,
} from './server-profile.ts';

type StoredSecrets = Record<ServerProfileSecret, string | null>;

interface StoredProfile {
  id: string;
  environmentId: string;
  ownerId: string;
  settings: ServerProfileSettings;
  secrets: StoredSecrets;
  isActive: boolean;
  lastTest: ServerProfileLastTest | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A small in-memory stand-in for the db package's repository, with the same semantics: the default profile
 * is held per environment (like Environment.defaultServerProfileId), names compare case-insensitively,
 * and a secret change of a value sets it, null clears it, absent keeps it. Secrets are kept in clear so
 * tests can see what would be stored.
 */
export class InMemoryServerProfileRepository implements ServerProfileRepository {
  private readonly rows = new Map<string, StoredProfile>();
  private readonly defaultByEnvironment = new Map<string, string>();
  private readonly mailboxCounts = new Map<string, number>();
  private nextId = 1;
  /** What the use cases asked to audit, in order. */
  readonly auditEntries: AuditEntryInput[] = [];

  /** Pretend this many mailboxes use the profile. */
  setMailboxCount(profileId: string, count: number): void {
    this.mailboxCounts.set(profileId, count);
  }

  /** The secrets as stored, in clear. */
  storedSecrets(profileId: string): StoredSecrets {
    return { ...this.row(profileId).secrets };
  }

  has(profileId: string): boolean {
    return this.rows.has(profileId);
  }

  private row(id: string): StoredProfile {
    const row = this.rows.get(id);
    if (!row) throw new Error(`No stored profile ${id}`);
    return row;
  }

  private toProfile(row: StoredProfile): ServerProfile {
    const secretsSet = Object.fromEntries(
      SERVER_PROFILE_SECRETS.map((s) => [s, row.secrets[s] !== null]),
    ) as Record<ServerProfileSecret, boolean>;
    return {
      ...structuredClone(row.settings),
      id: row.id,
      environmentId: row.environmentId,
      ownerId: row.ownerId,
      ownerName: `Owner ${row.ownerId}`,
      isActive: row.isActive,
      isDefault: this.defaultByEnvironment.get(row.environmentId) === row.id,
      secretsSet,
      lastTest: row.lastTest,
      testAndEnableHold: null,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  private applySecrets(stored: StoredSecrets, changes: ServerProfileSecretChanges): void {
    for (const secret of SERVER_PROFILE_SECRETS) {
      const change = changes[secret];
      if (change !== undefined) stored[secret] = change;
    }
  }

  async listServerProfiles(environmentId: string, filter: ServerProfileListFilter): Promise<ServerProfile[]> {
    return [...this.rows.values()]
      .filter((r) => r.environmentId === environmentId)
      .filter((r) => filter.isActive === undefined || r.isActive === filter.isActive)
      .filter((r) => filter.ownerId === undefined || r.ownerId === filter.ownerId)
      .sort((a, b) => a.settings.name.localeCompare(b.settings.name))
      .map((r) => this.toProfile(r));
  }

  async findServerProfile(environmentId: string, id: string): Promise<ServerProfile | null> {
    const row = this.rows.get(id);
    return row && row.environmentId === environmentId ? this.toProfile(row) : null;
  }

  async isServerProfileNameTaken(environmentId: string, name: string, exceptId?: string): Promise<boolean> {
    const wanted = name.toLowerCase();
    return [...this.rows.values()].some(
      (r) => r.environmentId === environmentId && r.id !== exceptId && r.settings.name.toLowerCase() === wanted,
    );
  }

  async countServerProfiles(environmentId: string): Promise<number> {
    return [...this.rows.values()].filter((r) => r.environmentId === environmentId).length;
  }

  async countMailboxesUsingServerProfile(id: string): Promise<number> {
    return this.mailboxCounts.get(id) ?? 0;
  }

  async createServerProfile(input: {
    environmentId: string;
    ownerId: string;
    settings: ServerProfileSettings;
    secrets: ServerProfileSecretChanges;
    makeDefault: boolean;
  }, audit: (id: string) => AuditEntryInput): Promise<ServerProfile> {
    const id = `profile-${this.nextId++}`;
    this.auditEntries.push(audit(id));
    const now = new Date();
    const secrets: StoredSecrets = { clientSecret: null, incomingPassword: null, outgoingPassword: null };
    this.applySecrets(secrets, input.secrets);
    const row: StoredProfile = {
      id,
      environmentId: input.environmentId,
      ownerId: input.ownerId,
      settings: structuredClone(input.settings),
      secrets,
      isActive: true,
      lastTest: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.rows.set(id, row);
    if (input.makeDefault) this.defaultByEnvironment.set(input.environmentId, id);
    return this.toProfile(row);
  }

  /** One call at a time here: nothing to lock. */
  async lockEnvironmentProfiles(): Promise<void> {}

  async updateServerProfile(
    id: string,
    expectedVersion: number,
    changes: { settings: Partial<ServerProfileSettings>; secrets: ServerProfileSecretChanges; makeDefault: boolean },
    audit: AuditEntryInput,
  ): Promise<ServerProfile | null> {
    const row = this.row(id);
    if (row.version !== expectedVersion) return null;
    this.auditEntries.push(audit);
    row.settings = { ...row.settings, ...structuredClone(changes.settings) };
    this.applySecrets(row.secrets, changes.secrets);
    row.version += 1;
    row.updatedAt = new Date();
    if (changes.makeDefault) this.setDefault(row.environmentId, id);
    return this.toProfile(row);
  }

  async setServerProfileActive(id: string, isActive: boolean, audit: AuditEntryInput): Promise<void> {
    this.auditEntries.push(audit);
    const row = this.row(id);
    row.isActive = isActive;
    row.version += 1;
  }

  async setDefaultServerProfile(environmentId: string, id: string, audit: AuditEntryInput | null): Promise<void> {
    if (audit) this.auditEntries.push(audit);
    this.setDefault(environmentId, id);
  }

  private setDefault(environmentId: string, id: string): void {
    const previous = this.defaultByEnvironment.get(environmentId);
    if (previous === id) return;
    if (previous) this.row(previous).version += 1;
    this.row(id).version += 1;
    this.defaultByEnvironment.set(environmentId, id);
  }

  async deleteServerProfile(environmentId: string, id: string, audit: AuditEntryInput): Promise<void> {
    this.auditEntries.push(audit);
    if (this.defaultByEnvironment.get(environmentId) === id) this.defaultByEnvironment.delete(environmentId);
    this.rows.delete(id);
  }

  async findServerProfileSecrets(id: string): Promise<ServerProfileSecrets> {
    return { ...this.row(id).secrets };
  }

  async recordServerProfileTest(id: string, test: ServerProfileLastTest): Promise<void> {
    this.row(id).lastTest = test;
  }
}
