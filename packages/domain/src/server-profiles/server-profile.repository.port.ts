import type { AuditEntryInput } from '../audit/audit-entry.ts';
import type { ServerProfileSecrets } from './server-profile-connection.port.ts';
import type {
  ServerProfile,
  ServerProfileLastTest,
  ServerProfileSecretChanges,
  ServerProfileSettings,
} from './server-profile.ts';

export interface ServerProfileListFilter {
  isActive?: boolean;
  /** Set when the actor reads at User depth: only profiles they own. */
  ownerId?: string;
}

/**
 * Persistence the server-profile use cases need; the db package implements it, encrypting secrets. Every
 * change takes its audit entry and stores it in the same transaction, and adds 1 to the profile's version
 * (recording a Test connection or an outage hold does not: nobody edits those).
 */
export interface ServerProfileRepository {
  /**
   * Inside a unit of work: holds the environment's default profile and its profiles' active state until the
   * transaction ends. Every use case that reads either to decide a write takes it first, so "exactly one
   * default, and it is active" holds however many admins act at once (decision 36).
   */
  lockEnvironmentProfiles(environmentId: string): Promise<void>;
  listServerProfiles(environmentId: string, filter: ServerProfileListFilter): Promise<ServerProfile[]>;
  findServerProfile(environmentId: string, id: string): Promise<ServerProfile | null>;
  isServerProfileNameTaken(environmentId: string, name: string, exceptId?: string): Promise<boolean>;
  countServerProfiles(environmentId: string): Promise<number>;
  countMailboxesUsingServerProfile(id: string): Promise<number>;
  createServerProfile(input: {
    environmentId: string;
    ownerId: string;
    settings: ServerProfileSettings;
    secrets: ServerProfileSecretChanges;
    makeDefault: boolean;
  }, audit: (id: string) => AuditEntryInput): Promise<ServerProfile>;
  /**
   * Writes only the settings and secrets given, when the profile is still at `expectedVersion`; null when it
   * is not (someone else changed it since it was read), and then nothing is written.
   */
  updateServerProfile(
    id: string,
    expectedVersion: number,
    changes: { settings: Partial<ServerProfileSettings>; secrets: ServerProfileSecretChanges; makeDefault: boolean },
    audit: AuditEntryInput,
  ): Promise<ServerProfile | null>;
  setServerProfileActive(id: string, isActive: boolean, audit: AuditEntryInput): Promise<void>;
  /** The audit entry is null when the caller records the change itself (Email settings). */
  setDefaultServerProfile(environmentId: string, id: string, audit: AuditEntryInput | null): Promise<void>;
  deleteServerProfile(environmentId: string, id: string, audit: AuditEntryInput): Promise<void>;
  /** Decrypted secrets, for the connection probe only. */
  findServerProfileSecrets(id: string): Promise<ServerProfileSecrets>;
  recordServerProfileTest(id: string, test: ServerProfileLastTest): Promise<void>;
}
