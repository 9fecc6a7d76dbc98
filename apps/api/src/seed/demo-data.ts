import {
  BUILT_IN_ROLES, BUILT_IN_ROLE_NAMES, codedSentence, EXCHANGE_ONLINE_EWS_URL, newServerProfileSettings, tableSentence, type BuiltInRoleKey, type MessageParams, type TenantRole,
} from '@sync-admin/domain';
import type { Prisma, PrismaClient } from '@sync-admin/db';
import { hashPassword } from '../lib/password-hash.ts';

export const DEMO_PASSWORD = 'Demo!Passw0rd';

interface DemoUser {
  email: string;
  fullName: string;
  tenantRoles: TenantRole[];
  roles: { Contoso: BuiltInRoleKey[]; Fabrikam: BuiltInRoleKey[] };
}

/** The demo accounts the README lists; all share DEMO_PASSWORD. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'global.admin@contoso.example', fullName: 'Grace Global', tenantRoles: ['globalAdmin'],
    roles: { Contoso: ['systemAdministrator'], Fabrikam: ['systemAdministrator'] } },
  { email: 'exchange.admin@contoso.example', fullName: 'Eli Exchange', tenantRoles: ['exchangeAdmin'],
    roles: { Contoso: ['systemAdministrator'], Fabrikam: [] } },
  { email: 'approver@contoso.example', fullName: 'Avery Approver', tenantRoles: [],
    roles: { Contoso: ['delegatedMailboxApprover', 'systemAdministrator'], Fabrikam: [] } },
  { email: 'sysadmin@contoso.example', fullName: 'Sam Sysadmin', tenantRoles: [],
    roles: { Contoso: ['systemAdministrator'], Fabrikam: ['systemAdministrator'] } },
  { email: 'support@contoso.example', fullName: 'Sky Support', tenantRoles: [],
    roles: { Contoso: ['support'], Fabrikam: ['support'] } },
  { email: 'alex@contoso.example', fullName: 'Alex Wilber', tenantRoles: [],
    roles: { Contoso: ['basicUser'], Fabrikam: [] } },
];

const FIRST_NAMES = ['Adele', 'Bianca', 'Cameron', 'Diego', 'Emily', 'Francis', 'Gina', 'Henrietta', 'Isaiah', 'Johanna', 'Lee', 'Lidia', 'Lynne', 'Megan', 'Miriam', 'Nestor', 'Patti', 'Pradeep'];
const LAST_NAMES = ['Vance', 'Pai', 'Mueller', 'Nilsson', 'Braun', 'Gomez', 'Holt', 'Cho', 'Okafor', 'Lindqvist', 'Rossi', 'Tanaka'];
const ADDRESS_STATUSES = ['approved', 'approved', 'pendingApproval', 'pendingApproval', 'rejected', 'empty'] as const;
const TEST_STATUSES = ['success', 'success', 'notRun', 'failure'] as const;

/** Deterministic mailboxes in mixed states, so every view and filter has something to show. */
export function demoMailboxes(environmentId: string, domain: string, count: number, ownerId: string, serverProfileId: string | null, offset = 0) {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const first = FIRST_NAMES[n % FIRST_NAMES.length]!;
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length]!;
    const status = TEST_STATUSES[n % TEST_STATUSES.length]!;
    const addressStatus = ADDRESS_STATUSES[n % ADDRESS_STATUSES.length]!;
    const failed = status === 'failure';
    return {
      environmentId,
      type: 'user' as const,
      name: `${first} ${last} ${n + 1}`,
      emailAddress: `${first}.${last}${n + 1}@${domain}`.toLowerCase(),
      ownerId,
      serverProfileId: n % 17 === 0 ? null : serverProfileId,
      isActive: n % 23 !== 0,
      emailAddressStatus: addressStatus,
      incomingEmailStatus: status,
      outgoingEmailStatus: status,
      appointmentsContactsTasksStatus: status,
      isEnabledForIncomingEmail: status === 'success',
      isEnabledForOutgoingEmail: status === 'success',
      isEnabledForAppointmentsContactsTasks: status === 'success',
      testCompletedOn: status === 'notRun' ? null : new Date(Date.UTC(2026, 10, 1 + (n % 20), 8, n % 60)),
      lastErrorCode: failed ? 'HTTP401' : null,
      lastErrorMessage: failed ? 'The email server rejected the credentials (HTTP 401).' : null,
      lastErrorAt: failed ? new Date(Date.UTC(2026, 10, 1 + (n % 20), 8, n % 60)) : null,
      consecutiveErrorCount: failed ? 1 + (n % 5) : 0,
      emailAddressApprovedAt: addressStatus === 'approved' ? new Date(Date.UTC(2026, 9, 1 + (n % 28))) : null,
    };
  });
}

/**
 * Demo data goes into an empty database only: automatically into a new embedded one, and into PostgreSQL
 * only when asked for explicitly (SEED_DEMO_DATA=true), never silently into a real deployment.
 */
export function shouldSeedDemoData(setting: 'auto' | 'true' | 'false', target: 'pglite' | 'postgres', environmentCount: number): boolean {
  if (environmentCount > 0) return false;
  return setting === 'true' || (setting === 'auto' && target === 'pglite');
}

/** Seeds the demo environments, roles, users, profiles and mailboxes into an empty database. */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Every environment starts with the default email settings (the row's column defaults).
  const environments = {
    Contoso: await prisma.environment.create({ data: { name: 'Contoso', customerEngagement: 'online', emailSettings: { create: {} } } }),
    Fabrikam: await prisma.environment.create({ data: { name: 'Fabrikam', customerEngagement: 'onPremises', emailSettings: { create: {} } } }),
  };

  const roleIds = new Map<string, string>();
  for (const environment of Object.values(environments)) {
    for (const [key, privileges] of Object.entries(BUILT_IN_ROLES) as [BuiltInRoleKey, typeof BUILT_IN_ROLES[BuiltInRoleKey]][]) {
      const role = await prisma.securityRole.create({
        data: {
          environmentId: environment.id,
          name: BUILT_IN_ROLE_NAMES[key],
          isBuiltIn: true,
          privileges: { create: Object.entries(privileges).map(([privilege, depth]) => ({ privilege, depth })) },
        },
      });
      roleIds.set(`${environment.name}:${key}`, role.id);
    }
  }

  const users = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const user = await prisma.user.create({
      data: {
        email: demo.email,
        fullName: demo.fullName,
        passwordHash,
        tenantRoles: demo.tenantRoles,
        securityRoles: {
          create: (['Contoso', 'Fabrikam'] as const).flatMap((env) => demo.roles[env].map((key) => ({ roleId: roleIds.get(`${env}:${key}`)! }))),
        },
      },
    });
    users.set(demo.email, user.id);
  }
  const globalAdminId = users.get('global.admin@contoso.example')!;
  const sysadminId = users.get('sysadmin@contoso.example')!;

  // A team holding a role, and an empty one to assign roles and members to.
  await prisma.team.create({
    data: {
      environmentId: environments.Contoso.id,
      name: 'Contoso Helpdesk',
      members: { create: [{ userId: users.get('support@contoso.example')! }] },
      securityRoles: { create: [{ roleId: roleIds.get('Contoso:support')! }] },
    },
  });
  await prisma.team.create({ data: { environmentId: environments.Contoso.id, name: 'Mail Approvers' } });

  // Created automatically for an Exchange Online subscription in the same tenant (seed 000).
  const exchangeOnline = await prisma.serverProfile.create({
    data: {
      ...newServerProfileSettings('exchangeOnline'),
      environmentId: environments.Contoso.id,
      ownerId: globalAdminId,
      name: 'Microsoft Exchange Online',
      description: 'Created automatically for the Exchange Online subscription in the same tenant.',
      incomingServerLocation: EXCHANGE_ONLINE_EWS_URL,
      outgoingServerLocation: EXCHANGE_ONLINE_EWS_URL,
    },
  });
  await prisma.environment.update({ where: { id: environments.Contoso.id }, data: { defaultServerProfileId: exchangeOnline.id } });
  const retiredServer = await prisma.serverProfile.create({
    data: {
      ...newServerProfileSettings('exchangeServer'),
      environmentId: environments.Contoso.id,
      ownerId: sysadminId,
      name: 'Contoso Exchange 2016 (retired)',
      description: 'On-premises server used before the move to Exchange Online.',
      isActive: false,
    },
  });
  const fabrikamServer = await prisma.serverProfile.create({
    data: {
      ...newServerProfileSettings('exchangeServer'),
      environmentId: environments.Fabrikam.id,
      ownerId: sysadminId,
      name: 'Fabrikam Exchange Server',
      useAutoDiscover: false,
      incomingServerLocation: 'https://mail.fabrikam.example/EWS/Exchange.asmx',
      outgoingServerLocation: 'https://mail.fabrikam.example/EWS/Exchange.asmx',
    },
  });
  await prisma.environment.update({ where: { id: environments.Fabrikam.id }, data: { defaultServerProfileId: fabrikamServer.id } });

  await prisma.mailbox.createMany({ data: demoMailboxes(environments.Contoso.id, 'contoso.example', 300, sysadminId, exchangeOnline.id) });
  await prisma.mailbox.createMany({ data: demoMailboxes(environments.Fabrikam.id, 'fabrikam.example', 60, sysadminId, fabrikamServer.id) });
  await prisma.mailbox.create({
    data: {
      environmentId: environments.Contoso.id, type: 'user', name: 'Alex Wilber', emailAddress: 'alex@contoso.example',
      ownerId: users.get('alex@contoso.example')!, serverProfileId: exchangeOnline.id, emailAddressStatus: 'pendingApproval',
    },
  });
  const queues = ['Support', 'Sales', 'Billing', 'Info', 'Careers'];
  await prisma.mailbox.createMany({
    data: queues.map((queue, i) => ({
      environmentId: environments.Contoso.id, type: 'queue' as const, name: `<${queue}>`, emailAddress: `${queue.toLowerCase()}@contoso.example`,
      ownerId: sysadminId, serverProfileId: exchangeOnline.id, emailAddressStatus: i % 2 === 0 ? 'pendingApproval' as const : 'approved' as const,
    })),
  });

  await prisma.alert.createMany({ data: await demoAlerts(prisma, retiredServer) });
}

const HOUR = 3_600_000;

/**
 * The Alerts wall as server-side synchronization would have filled it: an error for each mailbox whose
 * last run failed, an information alert for each one enabled, and a few warnings; dated when they happened.
 */
/**
 * The demo's own alert sentences (the Alerts wall of seed 000), coded as the run's are (decision 58) so a German
 * demo reads them in German: the web says them from `alerts:sentence.<code>` too.
 */
export const DEMO_ALERT_SENTENCES = {
  DEMO_MAILBOX_ENABLED: 'The mailbox {{mailbox}} has been enabled for email processing.',
  DEMO_EMAIL_ADDRESS_NOT_APPROVED: 'Email can\'t be received for the mailbox {{mailbox}} because the email address of the mailbox {{emailAddress}} isn\'t approved. The owner of the associated email server profile {{profile}} has been notified.',
  DEMO_SERVER_PROFILE_INACTIVE: 'The email server profile {{profile}} is inactive. Mailboxes that use it won\'t synchronize until another profile is chosen.',
} as const;

function demoSentence(code: keyof typeof DEMO_ALERT_SENTENCES, params: MessageParams) {
  const said = tableSentence(code, DEMO_ALERT_SENTENCES[code], params);
  return { message: said.message, sentence: codedSentence(said) };
}

async function demoAlerts(prisma: PrismaClient, retiredServer: { id: string; environmentId: string; name: string }): Promise<Prisma.AlertCreateManyInput[]> {
  const mailboxes = await prisma.mailbox.findMany({
    select: {
      id: true, environmentId: true, name: true, emailAddress: true, serverProfileId: true, isActive: true, emailAddressStatus: true,
      incomingEmailStatus: true, testCompletedOn: true, lastErrorCode: true, lastErrorMessage: true, lastErrorAt: true,
      serverProfile: { select: { name: true } },
    },
    orderBy: { name: 'asc' },
  });
  const about = (mailbox: (typeof mailboxes)[number]) => ({ environmentId: mailbox.environmentId, mailboxId: mailbox.id, serverProfileId: mailbox.serverProfileId });

  const errors = mailboxes.flatMap((mailbox) => (mailbox.lastErrorCode && mailbox.lastErrorAt
    ? [{ ...about(mailbox), severity: 'error' as const, code: mailbox.lastErrorCode, message: mailbox.lastErrorMessage ?? mailbox.lastErrorCode, createdAt: mailbox.lastErrorAt }]
    : []));
  const enabled = mailboxes.flatMap((mailbox) => (mailbox.incomingEmailStatus === 'success' && mailbox.testCompletedOn
    ? [{ ...about(mailbox), severity: 'information' as const, ...demoSentence('DEMO_MAILBOX_ENABLED', { mailbox: mailbox.name }), toMailboxOwner: true, createdAt: mailbox.testCompletedOn }]
    : []));
  // A few active mailboxes that their profile tries to synchronize while the address awaits approval.
  const unapproved = mailboxes
    .filter((mailbox) => mailbox.isActive && mailbox.emailAddressStatus === 'pendingApproval' && mailbox.serverProfile)
    .filter((_, i) => i % 20 === 0)
    .map((mailbox, i) => ({
      ...about(mailbox), severity: 'warning' as const, code: 'EmailAddressNotApproved',
      ...demoSentence('DEMO_EMAIL_ADDRESS_NOT_APPROVED', { mailbox: mailbox.name, emailAddress: mailbox.emailAddress, profile: mailbox.serverProfile!.name }),
      createdAt: new Date(Date.UTC(2026, 10, 2, 6) + i * 31 * HOUR),
    }));
  const inactiveProfile = {
    environmentId: retiredServer.environmentId, serverProfileId: retiredServer.id, severity: 'warning' as const, code: null,
    ...demoSentence('DEMO_SERVER_PROFILE_INACTIVE', { profile: retiredServer.name }),
    createdAt: new Date(Date.UTC(2026, 9, 28, 9, 30)),
  };
  return [...errors, ...enabled, ...unapproved, inactiveProfile];
}
