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
 * change takes its audit entry and stores it in the same transaction.
 */
export interface ServerProfileRepository {
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
  updateServerProfile(
    id: string,
    settings: ServerProfileSettings,
    secrets: ServerProfileSecretChanges,
    makeDefault: boolean,
    audit: AuditEntryInput,
  ): Promise<ServerProfile>;
  setServerProfileActive(id: string, isActive: boolean, audit: AuditEntryInput): Promise<void>;
  /** The audit entry is null when the caller records the change itself (Email settings). */
  setDefaultServerProfile(environmentId: string, id: string, audit: AuditEntryInput | null): Promise<void>;
  deleteServerProfile(environmentId: string, id: string, audit: AuditEntryInput): Promise<void>;
  /** Decrypted secrets, for the connection probe only. */
  findServerProfileSecrets(id: string): Promise<ServerProfileSecrets>;
  recordServerProfileTest(id: string, test: ServerProfileLastTest): Promise<void>;
}
