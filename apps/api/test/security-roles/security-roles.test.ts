import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, userId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

type Login = 'global.admin' | 'exchange.admin' | 'sysadmin' | 'support' | 'alex';
type RoleName = 'System Administrator' | 'Service Administrator' | 'Delegated Mailbox Approver' | 'Support' | 'Basic User';

const ALL_ORGANIZATION = {
  'emailServerProfile.read': 'organization', 'emailServerProfile.write': 'organization', 'mailbox.read': 'organization', 'mailbox.write': 'organization',
  approveEmailAddresses: 'organization', 'organization.write': 'organization', 'securityRole.read': 'organization', 'securityRole.write': 'organization',
  'auditHistory.read': 'organization',
};
const SUPPORT = { 'emailServerProfile.read': 'organization', 'mailbox.read': 'organization', 'securityRole.read': 'organization', 'auditHistory.read': 'organization' };

/** The built-in roles of Contoso as the seed and the issue describe them, written out by hand. */
const CONTOSO_ROLES: Record<RoleName, { privileges: Record<string, string>; userCount: number }> = {
  'System Administrator': { privileges: ALL_ORGANIZATION, userCount: 4 },
  'Service Administrator': {
    privileges: {
      'emailServerProfile.read': 'organization', 'emailServerProfile.write': 'organization', 'mailbox.read': 'organization', 'mailbox.write': 'organization',
      'securityRole.read': 'organization', 'auditHistory.read': 'organization',
    },
    userCount: 0,
  },
  'Delegated Mailbox Approver': { privileges: { 'mailbox.read': 'organization', approveEmailAddresses: 'organization' }, userCount: 1 },
  // Support holds it directly; the Contoso Helpdesk team holds it too.
  Support: { privileges: SUPPORT, userCount: 1 },
  'Basic User': { privileges: { 'mailbox.read': 'user', 'mailbox.write': 'user' }, userCount: 1 },
};

const DMA_DENIED = 'You must be an Office 365 Global Administrator or an Exchange Administrator to assign the Delegated Mailbox Approver role.';
const DMA_TEAM = 'The Delegated Mailbox Approver role cannot be assigned to a team.';

describe('Settings > Users + permissions: security roles, users and teams', () => {
  let t: TestApp;
  const sessions = new Map<Login, SignedIn>();
  const userIds = new Map<Login, string>();
  const roles = new Map<RoleName, string>();
  const fabrikamRoles = new Map<RoleName, string>();
  let contoso: string;
  let fabrikam: string;
  let helpdesk: string;
  let someMailbox: string;

  const call = async (login: Login, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) => {
    const body = method === 'PATCH' && payload ? await atCurrentVersion(t.db, url, payload) : payload;
    return t.app.inject({ method, url, headers: sessions.get(login)!.headers, ...(body ? { payload: body } : {}) });
  };
  const base = (environment = contoso) => `/api/environments/${environment}`;
  const setPrivilege = (login: Login, role: string, privilege: string, depth: string | null, environment = contoso) =>
    call(login, 'PUT', `${base(environment)}/security-roles/${role}/privileges/${privilege}`, { depth });
  const setUserRoles = (login: Login, userId: string, roleIds: string[], environment = contoso) =>
    call(login, 'PUT', `${base(environment)}/users/${userId}/security-roles`, { roleIds });
  const setTeamRoles = (login: Login, teamId: string, roleIds: string[]) => call(login, 'PUT', `${base()}/teams/${teamId}/security-roles`, { roleIds });
  /** What the signed-in user holds in an environment, as the portal tells them. */
  async function myAccess(login: Login, environment = contoso): Promise<{ securityRoles: string[]; privileges: Record<string, string> } | undefined> {
    const response = await call(login, 'GET', '/api/environments');
    expect(response.statusCode).toBe(200);
    return response.json().items.find((e: { id: string }) => e.id === environment);
  }
  const directRoles = async (login: Login) =>
    (await t.db.prisma.userSecurityRole.findMany({ where: { userId: userIds.get(login), role: { environmentId: contoso } }, select: { roleId: true } })).map((r) => r.roleId).sort();
  const auditOf = async (entityId: string) =>
    (await call('global.admin', 'GET', `${base()}/audit?entityId=${entityId}&limit=500`)).json().items as { entityType: string; actorId: string; action: string; changes: { field: string; before: unknown; after: unknown }[] }[];

  beforeAll(async () => {
    t = await createTestApp();
    for (const login of ['global.admin', 'exchange.admin', 'sysadmin', 'support', 'alex'] as const) {
      sessions.set(login, await signIn(t.app, `${login}@contoso.example`));
      userIds.set(login, await userId(t.db, `${login}@contoso.example`));
    }
    contoso = await environmentId(t.db, 'Contoso');
    fabrikam = await environmentId(t.db, 'Fabrikam');
    for (const role of await t.db.prisma.securityRole.findMany({ where: { environmentId: contoso } })) roles.set(role.name as RoleName, role.id);
    for (const role of await t.db.prisma.securityRole.findMany({ where: { environmentId: fabrikam } })) fabrikamRoles.set(role.name as RoleName, role.id);
    helpdesk = (await t.db.prisma.team.findFirstOrThrow({ where: { environmentId: contoso, name: 'Contoso Helpdesk' } })).id;
    someMailbox = (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, type: 'user', emailAddressStatus: 'pendingApproval', serverProfileId: { not: null } } })).id;
  });
  afterAll(() => t.close());

  describe('roles and privileges', () => {
    it('lists the built-in roles of the environment with their privileges and holders', async () => {
      const response = await call('global.admin', 'GET', `${base()}/security-roles`);
      expect(response.statusCode).toBe(200);
      const items = response.json().items as { id: string; name: RoleName; isBuiltIn: boolean; privileges: Record<string, string>; userCount: number; teamCount: number }[];
      expect(items.map((r) => r.name).sort()).toEqual(Object.keys(CONTOSO_ROLES).sort());
      for (const role of items) {
        expect(role, role.name).toMatchObject({ id: roles.get(role.name), isBuiltIn: true, userCount: CONTOSO_ROLES[role.name].userCount });
        expect(role.privileges, role.name).toEqual(CONTOSO_ROLES[role.name].privileges);
      }
      const fabrikamItems = (await call('global.admin', 'GET', `${base(fabrikam)}/security-roles`)).json().items as { id: string; name: string; userCount: number }[];
      expect(fabrikamItems.find((r) => r.name === 'System Administrator')).toMatchObject({ id: fabrikamRoles.get('System Administrator'), userCount: 2 });
      expect(fabrikamItems.filter((r) => items.some((c) => c.id === r.id))).toEqual([]);
    });

    it('lets Support read roles but not Alex', async () => {
      expect((await call('support', 'GET', `${base()}/security-roles`)).statusCode).toBe(200);
      const denied = await call('alex', 'GET', `${base()}/security-roles`);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('ACCESS_DENIED');
    });

    it('adds "Approve Email Addresses for Users or Queues" to Support: stored, and Support now holds it in Contoso only', async () => {
      expect((await myAccess('support'))!.privileges.approveEmailAddresses).toBeUndefined();
      const response = await setPrivilege('global.admin', roles.get('Support')!, 'approveEmailAddresses', 'organization');
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: roles.get('Support'), name: 'Support', privileges: { ...SUPPORT, approveEmailAddresses: 'organization' } });

      const listed = (await call('global.admin', 'GET', `${base()}/security-roles`)).json().items.find((r: { name: string }) => r.name === 'Support');
      expect(listed.privileges).toEqual({ ...SUPPORT, approveEmailAddresses: 'organization' });
      expect(await t.db.prisma.rolePrivilege.findMany({ where: { roleId: roles.get('Support'), privilege: 'approveEmailAddresses' }, select: { depth: true } })).toEqual([{ depth: 'organization' }]);

      expect((await myAccess('support'))!.privileges).toEqual({ ...SUPPORT, approveEmailAddresses: 'organization' });
      expect((await myAccess('support', fabrikam))!.privileges).toEqual(SUPPORT);

      // The privilege step of approval now passes for Support; the permissions model still decides.
      const approval = (await call('support', 'GET', `${base()}/mailboxes/${someMailbox}/approval`)).json().approveEmail;
      expect(approval.checks.find((c: { rule: string }) => c.rule === 'approvePrivilege').outcome).toBe('passed');
      expect(approval.allowed).toBe(false);
    });

    it('changes the level and removes the privilege with null, auditing each step', async () => {
      const support = roles.get('Support')!;
      expect((await setPrivilege('sysadmin', support, 'approveEmailAddresses', 'user')).json().privileges.approveEmailAddresses).toBe('user');
      const removed = await setPrivilege('sysadmin', support, 'approveEmailAddresses', null);
      expect(removed.statusCode).toBe(200);
      expect(removed.json().privileges).toEqual(SUPPORT);
      expect((await myAccess('support'))!.privileges).toEqual(SUPPORT);

      const entries = await auditOf(support);
      expect(entries.map((e) => [e.entityType, e.action, e.changes])).toEqual(expect.arrayContaining([
        ['securityRole', 'update', [{ field: 'approveEmailAddresses', before: 'None', after: 'Organization' }]],
        ['securityRole', 'update', [{ field: 'approveEmailAddresses', before: 'Organization', after: 'User' }]],
        ['securityRole', 'update', [{ field: 'approveEmailAddresses', before: 'User', after: 'None' }]],
      ]));
      expect(entries).toHaveLength(3);
    });

    it('refuses changing the System Administrator role with 409', async () => {
      const response = await setPrivilege('global.admin', roles.get('System Administrator')!, 'approveEmailAddresses', null);
      expect(response.statusCode).toBe(409);
      expect(response.json().error).toMatchObject({ code: 'CONFLICT', message: 'The System Administrator role cannot be changed.' });
      expect(await t.db.prisma.rolePrivilege.count({ where: { roleId: roles.get('System Administrator'), privilege: 'approveEmailAddresses' } })).toBe(1);
      expect(await auditOf(roles.get('System Administrator')!)).toEqual([]);
    });

    it.each([
      ['an unknown privilege', 'ROLE', 'approveEverything', { depth: 'organization' }, 400, 'privilege'],
      ['an unknown depth', 'ROLE', 'mailbox.read', { depth: 'global' }, 400, 'depth'],
      ['a missing depth', 'ROLE', 'mailbox.read', {}, 400, 'depth'],
      ['a malformed role id', 'support', 'mailbox.read', { depth: 'user' }, 400, 'roleId'],
      ['an unknown role', '5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b', 'mailbox.read', { depth: 'user' }, 404, null],
      ['a role of another environment', 'FABRIKAM', 'mailbox.read', { depth: 'user' }, 404, null],
    ])('refuses %s', async (_case, role, privilege, body, status, field) => {
      const roleId = role === 'ROLE' ? roles.get('Support')! : role === 'FABRIKAM' ? fabrikamRoles.get('Support')! : role;
      const before = await t.db.prisma.rolePrivilege.count();
      const response = await call('global.admin', 'PUT', `${base()}/security-roles/${roleId}/privileges/${privilege}`, body);
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.db.prisma.rolePrivilege.count()).toBe(before);
    });

    it('refuses Support (Read: Security Role only) changing a role', async () => {
      const response = await setPrivilege('support', roles.get('Support')!, 'mailbox.write', 'organization');
      expect(response.statusCode).toBe(403);
      expect((await myAccess('support'))!.privileges['mailbox.write']).toBeUndefined();
    });
  });

  describe('assigning the Delegated Mailbox Approver role', () => {
    it('refuses a System admin who is not a Global or Exchange admin, with 0x80090904', async () => {
      const before = await directRoles('alex');
      const auditBefore = await t.db.prisma.auditEntry.count();
      const response = await setUserRoles('sysadmin', userIds.get('alex')!, [roles.get('Basic User')!, roles.get('Delegated Mailbox Approver')!]);
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toEqual({
        code: 'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED', messageCode: 'DELEGATED_MAILBOX_APPROVER_ASSIGNMENT_DENIED', message: DMA_DENIED, fieldErrors: [], dynamicsErrorCode: '0x80090904',
      });
      expect(await directRoles('alex')).toEqual(before);
      expect(await t.db.prisma.auditEntry.count()).toBe(auditBefore);
      expect((await myAccess('alex'))!.securityRoles).toEqual(['Basic User']);
    });

    it('lets the Global admin assign it: Alex then holds the privilege and may approve his own mailbox', async () => {
      const response = await setUserRoles('global.admin', userIds.get('alex')!, [roles.get('Basic User')!, roles.get('Delegated Mailbox Approver')!]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ id: userIds.get('alex'), email: 'alex@contoso.example', fullName: 'Alex Wilber' });
      expect(response.json().roleIds.sort()).toEqual([roles.get('Basic User'), roles.get('Delegated Mailbox Approver')].sort());
      expect(await directRoles('alex')).toEqual([roles.get('Basic User'), roles.get('Delegated Mailbox Approver')].sort());

      const access = (await myAccess('alex'))!;
      expect(access.securityRoles).toEqual(['Basic User', 'Delegated Mailbox Approver']);
      expect(access.privileges).toEqual({ 'mailbox.read': 'organization', 'mailbox.write': 'user', approveEmailAddresses: 'organization' });

      // Seed 000: with the privilege, the Approve Email command appears for his own mailbox; without System admin, the permissions model still says no.
      const own = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, emailAddress: 'alex@contoso.example' } });
      const approval = (await call('alex', 'GET', `${base()}/mailboxes/${own.id}/approval`)).json().approveEmail;
      expect(approval).toMatchObject({ allowed: true, via: 'selfApproval' });
      expect(approval.checks.find((c: { rule: string }) => c.rule === 'permissionModel').outcome).toBe('failed');

      const [entry, ...others] = await auditOf(userIds.get('alex')!);
      expect(others).toEqual([]);
      expect(entry).toMatchObject({
        entityType: 'user', actorId: userIds.get('global.admin'),
        changes: [{ field: 'securityRoles', before: 'Basic User', after: 'Basic User, Delegated Mailbox Approver' }],
      });
    });

    it('lets the Exchange admin assign it too', async () => {
      expect((await setUserRoles('global.admin', userIds.get('alex')!, [roles.get('Basic User')!])).statusCode).toBe(200);
      expect(await directRoles('alex')).toEqual([roles.get('Basic User')]);
      const response = await setUserRoles('exchange.admin', userIds.get('alex')!, [roles.get('Basic User')!, roles.get('Delegated Mailbox Approver')!]);
      expect(response.statusCode, response.body).toBe(200);
      expect((await myAccess('alex'))!.securityRoles).toContain('Delegated Mailbox Approver');
      expect((await setUserRoles('exchange.admin', userIds.get('alex')!, [roles.get('Basic User')!])).statusCode).toBe(200);
    });

    it.each([['global.admin'], ['sysadmin']] as [Login][])('refuses it for a team even from %s, with 0x80090905', async (login) => {
      const response = await setTeamRoles(login, helpdesk, [roles.get('Support')!, roles.get('Delegated Mailbox Approver')!]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT', messageCode: 'DELEGATED_MAILBOX_APPROVER_TEAM_ASSIGNMENT', message: DMA_TEAM, fieldErrors: [], dynamicsErrorCode: '0x80090905',
      });
      expect((await t.db.prisma.teamSecurityRole.findMany({ where: { teamId: helpdesk } })).map((r) => r.roleId)).toEqual([roles.get('Support')]);
    });

    it('leaves other roles to the ordinary Write: Security Role check', async () => {
      const response = await setUserRoles('sysadmin', userIds.get('alex')!, [roles.get('Basic User')!, roles.get('Support')!]);
      expect(response.statusCode, response.body).toBe(200);
      expect((await myAccess('alex'))!.securityRoles).toEqual(['Basic User', 'Support']);
      expect((await setUserRoles('sysadmin', userIds.get('alex')!, [roles.get('Basic User')!])).statusCode).toBe(200);
    });
  });

  describe('teams', () => {
    it('lists Contoso Helpdesk with Support as a member', async () => {
      const response = await call('global.admin', 'GET', `${base()}/teams`);
      expect(response.statusCode).toBe(200);
      const team = response.json().items.find((t: { id: string }) => t.id === helpdesk);
      expect(team).toMatchObject({ name: 'Contoso Helpdesk', roleIds: [roles.get('Support')] });
      expect(team.members).toContainEqual({ id: userIds.get('support'), fullName: 'Sky Support' });
    });

    it('gives team members the privileges of the team\'s roles', async () => {
      const patchMailbox = () => call('support', 'PATCH', `${base()}/mailboxes/${someMailbox}`, { syncItemsFromThisOrgOnly: true });
      expect((await patchMailbox()).statusCode).toBe(403);

      const response = await setTeamRoles('global.admin', helpdesk, [roles.get('Support')!, roles.get('Service Administrator')!]);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().id).toBe(helpdesk);
      expect(response.json().roleIds.sort()).toEqual([roles.get('Support'), roles.get('Service Administrator')].sort());

      const access = (await myAccess('support'))!;
      expect(access.privileges).toMatchObject({ 'mailbox.write': 'organization', 'emailServerProfile.write': 'organization' });
      expect(access.securityRoles).toContain('Service Administrator');
      expect((await myAccess('support', fabrikam))!.privileges['mailbox.write']).toBeUndefined();
      const patched = await patchMailbox();
      expect(patched.statusCode, patched.body).toBe(200);

      const listed = (await call('global.admin', 'GET', `${base()}/security-roles`)).json().items.find((r: { name: string }) => r.name === 'Service Administrator');
      expect(listed).toMatchObject({ teamCount: 1, userCount: 0 });
      const supportRole = (await call('global.admin', 'GET', `${base()}/security-roles`)).json().items.find((r: { name: string }) => r.name === 'Support');
      expect(supportRole).toMatchObject({ teamCount: 1, userCount: 1 });
      const supportUser = (await call('global.admin', 'GET', `${base()}/users`)).json().items.find((u: { id: string }) => u.id === userIds.get('support'));
      expect(supportUser.teamIds).toEqual([helpdesk]);

      const [entry] = await auditOf(helpdesk);
      expect(entry).toMatchObject({ entityType: 'team', changes: [{ field: 'securityRoles', before: 'Support', after: 'Service Administrator, Support' }] });
    });

    it('takes the privileges away again when the team loses the role', async () => {
      const response = await setTeamRoles('global.admin', helpdesk, [roles.get('Support')!]);
      expect(response.statusCode).toBe(200);
      expect(response.json().roleIds).toEqual([roles.get('Support')]);
      expect((await myAccess('support'))!.privileges).toEqual(SUPPORT);
      expect((await call('support', 'PATCH', `${base()}/mailboxes/${someMailbox}`, { syncItemsFromThisOrgOnly: false })).statusCode).toBe(403);
    });
  });

  describe('role assignment requests', () => {
    it.each([
      ['an unknown role id', ['5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b'], 'roleIds'],
      ['a role of another environment', ['FABRIKAM'], 'roleIds'],
      ['a malformed role id', ['basic-user'], 'roleIds.1'],
    ])('refuses %s with 400', async (_case, roleIds, field) => {
      const ids = roleIds.map((id) => (id === 'FABRIKAM' ? fabrikamRoles.get('Support')! : id));
      const before = await directRoles('alex');
      const response = await setUserRoles('global.admin', userIds.get('alex')!, [roles.get('Basic User')!, ...ids]);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await directRoles('alex')).toEqual(before);
      const team = await setTeamRoles('global.admin', helpdesk, ids);
      expect(team.statusCode).toBe(400);
    });

    it('answers 404 for an unknown user or team', async () => {
      expect((await setUserRoles('global.admin', '5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b', [])).statusCode).toBe(404);
      expect((await setTeamRoles('global.admin', '5d7e3b0a-1f2c-4d3e-8a9b-0c1d2e3f4a5b', [])).statusCode).toBe(404);
    });

    it('refuses Support assigning roles, and Alex listing users', async () => {
      expect((await setUserRoles('support', userIds.get('alex')!, [roles.get('Basic User')!, roles.get('Support')!])).statusCode).toBe(403);
      expect((await call('alex', 'GET', `${base()}/users`)).statusCode).toBe(403);
      expect((await call('alex', 'GET', `${base()}/teams`)).statusCode).toBe(403);
    });

    it('treats the roles sent as the complete set: no roles left means no access to the environment', async () => {
      expect((await setUserRoles('global.admin', userIds.get('alex')!, [])).statusCode).toBe(200);
      expect(await myAccess('alex')).toBeUndefined();
      expect((await call('alex', 'GET', `${base()}/mailboxes`)).statusCode).toBe(404);
      expect((await setUserRoles('global.admin', userIds.get('alex')!, [roles.get('Basic User')!])).statusCode).toBe(200);
      expect((await myAccess('alex'))!.securityRoles).toEqual(['Basic User']);
    });
  });
});
