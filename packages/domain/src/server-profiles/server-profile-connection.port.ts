import type { ServerProfileLastTest, ServerProfileSettings } from './server-profile.ts';

/** Decrypted secrets, handed only to the connection probe. */
export interface ServerProfileSecrets {
  clientSecret: string | null;
  incomingPassword: string | null;
  outgoingPassword: string | null;
}

export interface ServerProfileConnectionTarget {
  settings: ServerProfileSettings;
  secrets: ServerProfileSecrets;
  /** The mailbox to open when the profile's own credentials do not name one (S2S, OAuth, impersonation). */
  mailboxAddress: string | null;
}

/**
 * Checks that a profile can reach its Exchange server for real. The ews package implements it with
 * Exchange Web Services and, for Exchange Online, an OAuth token from Microsoft Entra ID.
 * It never throws for a failed connection: failures are results (status 'failure' and a message an admin can act on).
 */
export interface ServerProfileConnectionProbe {
  testConnection(target: ServerProfileConnectionTarget): Promise<ServerProfileLastTest>;
}
