import type { Database } from '@sync-admin/db';
import { changedServerProfileSettings, pickServerProfileSettings, type ServerProfileSettings } from '@sync-admin/domain';
import type { Services } from '../composition/services.ts';

/**
 * DEMO_EWS_SERVER=true: a local Exchange look-alike (the EWS test peer) for trying Test & Enable without an
 * Exchange of one's own. Fabrikam's profile is pointed at it on every start; a few mailboxes fail the way
 * real ones do. Never on unless asked: a real deployment keeps its own server locations.
 */
export const DEMO_SERVICE_ACCOUNT = { userName: 'FABRIKAM\\svc-sync', password: 'Demo-Exchange-Passw0rd' };
const DEMO_PROFILE = 'Fabrikam Exchange Server';

export interface DemoExchange {
  url: string;
  /** The test CA the adapter must trust to reach it over https. */
  ca: string;
  close(): Promise<void>;
}

/** Starts the look-alike before the adapters exist (they need to trust its CA). */
export async function startDemoExchange(db: Database): Promise<DemoExchange> {
  // The peers are dev tooling (installed by the usual `pnpm install`): loaded only when the demo is asked for.
  const { startEwsTestServer, testCertificates } = await import('@sync-admin/ews/test-peers');
  const mailboxes = await db.prisma.mailbox.findMany({ where: { environment: { name: 'Fabrikam' } }, select: { emailAddress: true }, orderBy: { name: 'asc' } });
  const addresses = mailboxes.map((m) => m.emailAddress);
  const server = await startEwsTestServer({
    accounts: [{ ...DEMO_SERVICE_ACCOUNT, mailbox: 'svc-sync@fabrikam.example', canImpersonate: '*' }],
    mailboxes: addresses,
    latencyMs: 40,
  });
  // Failures to show: an account without send rights, a mailbox Exchange no longer has, a database that
  // is briefly unavailable (retried, then fine).
  const [denied, gone, flaky] = [addresses[1], addresses[4], addresses[7]];
  if (denied) server.inject({ match: { operation: 'CreateItem', mailbox: denied }, fault: { kind: 'errorResponse', responseCode: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });
  if (gone) server.inject({ match: { mailbox: gone }, fault: { kind: 'errorResponse', responseCode: 'ErrorNonExistentMailbox', message: `The SMTP address has no mailbox associated with it.` } });
  if (flaky) server.inject({ match: { mailbox: flaky, folder: 'inbox' }, times: 1, fault: { kind: 'errorResponse', responseCode: 'ErrorMailboxStoreUnavailable', message: 'The mailbox database is temporarily unavailable.' } });
  return { url: server.url, ca: testCertificates().ca, close: () => server.close() };
}

/** Points the demo's on-premises profile at the look-alike, with its service account (NTLM, impersonation). */
export async function pointDemoProfileAt(services: Services, db: Database, url: string): Promise<void> {
  const row = await db.prisma.serverProfile.findFirst({ where: { name: DEMO_PROFILE, environment: { name: 'Fabrikam' } }, select: { id: true, environmentId: true } });
  if (!row) return;
  const profile = await services.profiles.findServerProfile(row.environmentId, row.id);
  if (!profile) return;
  const settings: ServerProfileSettings = {
    ...pickServerProfileSettings(profile), useAutoDiscover: false, incomingServerLocation: url, outgoingServerLocation: url,
    authenticateUsing: 'credentialsSpecifiedInEmailServerProfile', incomingUserName: DEMO_SERVICE_ACCOUNT.userName,
    incomingAuthenticationProtocol: 'ntlm', outgoingAuthenticationProtocol: 'ntlm', incomingUseImpersonation: true, outgoingUseImpersonation: true,
  };
  await services.profiles.updateServerProfile(row.id, profile.version, {
    settings: changedServerProfileSettings(profile, settings), secrets: { incomingPassword: DEMO_SERVICE_ACCOUNT.password }, makeDefault: false,
  }, {
    environmentId: row.environmentId, at: new Date(), actorId: profile.ownerId, actorName: 'Demo setup (DEMO_EWS_SERVER)',
    entityType: 'serverProfile', entityId: row.id, entityName: profile.name, action: 'update',
    changes: [{ field: 'incomingServerLocation', before: profile.incomingServerLocation, after: url }],
  });
}
