import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createDemoTestApp, serverProfileId, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

const SSS = 'serverSideSynchronization';

/** Seed 000: approval required for users and queues, self-approval needs no privilege, SSS for everything. */
const DEFAULTS = {
  incomingEmailDeliveryMethod: SSS,
  outgoingEmailDeliveryMethod: SSS,
  appointmentsContactsTasksDeliveryMethod: SSS,
  processEmailsOnlyForApprovedUsers: true,
  processEmailsOnlyForApprovedQueues: true,
  requirePrivilegeToSelfApproveEmailAddress: false,
  alertOnErrors: true,
  alertOnWarnings: true,
  alertOnInformation: true,
  notifyMailboxOwner: false,
};

describe('Settings > Email > Email settings', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let fabrikam: string;
  let adminId: string;
  const profiles = { exchangeOnline: '', retired: '', fabrikam: '', second: '' };

  const settingsUrl = (environment = contoso) => `/api/environments/${environment}/email-settings`;
  const get = (session = admin, environment = contoso) => t.app.inject({ method: 'GET', url: settingsUrl(environment), headers: session.headers });
  const patch = async (payload: object, session = admin, environment = contoso) =>
    t.app.inject({ method: 'PATCH', url: settingsUrl(environment), headers: session.headers, payload: await atCurrentVersion(t.db, settingsUrl(environment), payload) });
  const auditOfSettings = async (environment = contoso) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/environments/${environment}/audit?entityType=emailSettings&limit=500`, headers: admin.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; items: { entityId: string; entityName: string; actorId: string; action: string; at: string; changes: { field: string; before: unknown; after: unknown }[] }[] };
  };

  beforeAll(async () => {
    ({ t, admin, support, alex, contoso, fabrikam } = await createDemoTestApp());
    adminId = await userId(t.db, 'global.admin@contoso.example');
    profiles.exchangeOnline = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    profiles.retired = await serverProfileId(t.db, contoso, 'Contoso Exchange 2016 (retired)');
    profiles.fabrikam = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
  });
  afterAll(() => t.close());

  it('starts every environment with the defaults and its default profile', async () => {
    const response = await get();
    expect(response.statusCode).toBe(200);
    // The demo data stores each environment's row: version 1, the version a first save sends back.
    const mayChange = { approvalRequirement: { canChange: true, reason: null } };
    expect(response.json()).toEqual({ ...DEFAULTS, defaultServerProfileId: profiles.exchangeOnline, version: 1, ...mayChange });
    expect((await get(admin, fabrikam)).json()).toEqual({ ...DEFAULTS, defaultServerProfileId: profiles.fabrikam, version: 1, ...mayChange });
  });

  it.each([['support@contoso.example'], ['alex@contoso.example']])('lets %s read them', async (email) => {
    const session = email.startsWith('support') ? support : alex;
    const response = await get(session);
    expect(response.statusCode).toBe(200);
    expect(response.json().processEmailsOnlyForApprovedUsers).toBe(true);
  });

  it('changes only the settings sent and records exactly that in the audit log', async () => {
    const before = (await get()).json();
    const response = await patch({ processEmailsOnlyForApprovedQueues: false, notifyMailboxOwner: true });
    expect(response.statusCode, response.body).toBe(200);
    const expected = { ...before, processEmailsOnlyForApprovedQueues: false, notifyMailboxOwner: true, version: before.version + 1 };
    expect(response.json()).toEqual(expected);
    expect((await get()).json()).toEqual(expected);
    // Stored, not just echoed.
    expect(await t.db.prisma.emailSettings.findUniqueOrThrow({ where: { environmentId: contoso } })).toMatchObject({
      processEmailsOnlyForApprovedQueues: false, notifyMailboxOwner: true, processEmailsOnlyForApprovedUsers: true,
    });
    // Fabrikam keeps its own.
    expect((await get(admin, fabrikam)).json()).toMatchObject({ processEmailsOnlyForApprovedQueues: true, notifyMailboxOwner: false });

    const audit = await auditOfSettings();
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ entityId: contoso, entityName: 'Email settings of Contoso', actorId: adminId, action: 'update' });
    expect(audit.items[0]!.changes).toEqual([
      { field: 'processEmailsOnlyForApprovedQueues', before: true, after: false },
      { field: 'notifyMailboxOwner', before: false, after: true },
    ]);
  });

  it('writes no audit entry when nothing changes', async () => {
    const before = (await auditOfSettings()).total;
    const current = (await get()).json();
    for (const payload of [{}, { notifyMailboxOwner: current.notifyMailboxOwner, defaultServerProfileId: current.defaultServerProfileId }]) {
      const response = await patch(payload);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual(current);
    }
    expect((await auditOfSettings()).total).toBe(before);
  });

  it.each([
    ['an inactive profile', 'RETIRED', 'defaultServerProfileId', '"Contoso Exchange 2016 (retired)" is inactive. Choose an active email server profile.'],
    ['an unknown profile', '5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b', 'defaultServerProfileId', 'The email server profile was not found in this environment.'],
    ['a profile of another environment', 'FABRIKAM', 'defaultServerProfileId', 'The email server profile was not found in this environment.'],
    ['no profile at all', null, 'defaultServerProfileId', null],
    ['a malformed id', 'exchange-online', 'defaultServerProfileId', null],
  ])('refuses %s as the default Server Profile with 400, changing nothing', async (_case, value, field, message) => {
    const id = value === 'RETIRED' ? profiles.retired : value === 'FABRIKAM' ? profiles.fabrikam : value;
    const before = (await get()).json();
    const auditBefore = await t.db.prisma.auditEntry.count();
    const response = await patch({ defaultServerProfileId: id, notifyMailboxOwner: !before.notifyMailboxOwner });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors.map((e: { field: string }) => e.field)).toEqual([field]);
    if (message) expect(error.fieldErrors[0].message).toBe(message);
    expect((await get()).json()).toEqual(before);
    expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore);
    expect((await t.db.prisma.environment.findUniqueOrThrow({ where: { id: contoso } })).defaultServerProfileId).toBe(profiles.exchangeOnline);
  });

  it.each([
    ['an unknown setting', { colour: 'red' }, 'colour'],
    ['an unknown delivery method', { incomingEmailDeliveryMethod: 'pigeon' }, 'incomingEmailDeliveryMethod'],
    ['a non-boolean switch', { processEmailsOnlyForApprovedUsers: 'no' }, 'processEmailsOnlyForApprovedUsers'],
  ])('refuses %s with 400 naming it', async (_case, payload, field) => {
    const response = await patch(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('makes another active profile the environment\'s default, as the server profiles list and the environment show', async () => {
    const created = await t.app.inject({
      method: 'POST', url: `/api/environments/${contoso}/server-profiles`, headers: admin.headers, remoteAddress: '127.0.0.1',
      payload: { serverType: 'exchangeOnline', name: 'Contoso Exchange Online (China)', defaultServerLocation: 'https://partner.outlook.cn/EWS/Exchange.asmx' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().isDefault).toBe(false);
    profiles.second = created.json().id;

    const response = await patch({ defaultServerProfileId: profiles.second });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().defaultServerProfileId).toBe(profiles.second);
    expect((await get()).json().defaultServerProfileId).toBe(profiles.second);

    const list = (await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/server-profiles?view=all`, headers: admin.headers })).json().items;
    expect(list.filter((p: { isDefault: boolean }) => p.isDefault).map((p: { id: string }) => p.id)).toEqual([profiles.second]);
    const environments = (await t.app.inject({ method: 'GET', url: '/api/environments', headers: admin.headers })).json().items;
    expect(environments.find((e: { id: string }) => e.id === contoso).defaultServerProfileId).toBe(profiles.second);
    expect(environments.find((e: { id: string }) => e.id === fabrikam).defaultServerProfileId).toBe(profiles.fabrikam);

    const audit = await auditOfSettings();
    // The log names the profiles: an id means nothing to its reader.
    expect(audit.items[0]!.changes).toEqual([{ field: 'defaultServerProfileId', before: 'Microsoft Exchange Online', after: created.json().name }]);
  });

  it('gives new mailboxes the new default profile', async () => {
    const response = await t.app.inject({
      method: 'POST', url: `/api/environments/${contoso}/mailboxes`, headers: admin.headers,
      payload: { type: 'user', name: 'Megan Bowen', emailAddress: 'megan.bowen@contoso.example' },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ serverProfileId: profiles.second, serverProfileName: 'Contoso Exchange Online (China)' });
  });

  it('changes the delivery methods new mailboxes take', async () => {
    const response = await patch({ incomingEmailDeliveryMethod: 'forwardMailbox', appointmentsContactsTasksDeliveryMethod: 'none' });
    expect(response.statusCode).toBe(200);
    const created = await t.app.inject({
      method: 'POST', url: `/api/environments/${contoso}/mailboxes`, headers: admin.headers,
      payload: { type: 'user', name: 'Isaiah Langer', emailAddress: 'isaiah.langer@contoso.example' },
    });
    expect(created.json()).toMatchObject({ incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: SSS, appointmentsContactsTasksDeliveryMethod: 'none' });
  });

  it.each([['support@contoso.example'], ['alex@contoso.example']])('refuses %s changing them with 403', async (email) => {
    const session = email.startsWith('support') ? support : alex;
    const before = (await get()).json();
    const response = await patch({ notifyMailboxOwner: !before.notifyMailboxOwner }, session);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ACCESS_DENIED');
    expect((await get()).json()).toEqual(before);
  });

  it('hides Fabrikam\'s settings from a user who cannot open it', async () => {
    const response = await get(alex, fabrikam);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe('The environment was not found.');
  });

  it('keeps every change in the audit log, newest first', async () => {
    const audit = await auditOfSettings();
    expect(audit.total).toBe(3);
    const times = audit.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(audit.items[0]!.changes).toEqual([
      { field: 'incomingEmailDeliveryMethod', before: SSS, after: 'forwardMailbox' },
      { field: 'appointmentsContactsTasksDeliveryMethod', before: SSS, after: 'none' },
    ]);
  });
});
