import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { auditEntry, createEnvironment, createUser, openTestDatabase } from '../test-database.test-support.ts';
import { createSecurityRoleRepository } from './security-role.repository.ts';

describe('security role repository', () => {
  let db: Database;
  let repository: ReturnType<typeof createSecurityRoleRepository>;
  let contoso: string;
  let fabrikam: string;
  const users = { zoe: '', adam: '', mia: '' };
  const roles = { admin: '', support: '', fabrikamSupport: '' };
  let helpdesk: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    repository = createSecurityRoleRepository(db.prisma);
    contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
    fabrikam = (await createEnvironment(db.prisma, 'Fabrikam')).id;
    users.zoe = (await createUser(db.prisma, 'Zoe Zimmer')).id;
    users.adam = (await createUser(db.prisma, 'Adam Ames')).id;
    users.mia = (await createUser(db.prisma, 'Mia Moss')).id;
    roles.admin = (await db.prisma.securityRole.create({
      data: { environmentId: contoso, name: 'System Administrator', isBuiltIn: true, privileges: { create: [{ privilege: 'mailbox.write', depth: 'organization' }] } },
    })).id;
    roles.support = (await db.prisma.securityRole.create({ data: { environmentId: contoso, name: 'Support' } })).id;
    roles.fabrikamSupport = (await db.prisma.securityRole.create({ data: { environmentId: fabrikam, name: 'Support' } })).id;
    await db.prisma.userSecurityRole.createMany({ data: [{ userId: users.zoe, roleId: roles.admin }, { userId: users.zoe, roleId: roles.fabrikamSupport }] });
    helpdesk = (await db.prisma.team.create({
      data: { environmentId: contoso, name: 'Helpdesk', members: { create: [{ userId: users.zoe }, { userId: users.adam }] }, securityRoles: { create: [{ roleId: roles.support }] } },
    })).id;
    await db.prisma.team.create({ data: { environmentId: contoso, name: 'Approvers' } });
    await db.prisma.team.create({ data: { environmentId: fabrikam, name: 'Fabrikam team', members: { create: [{ userId: users.mia }] } } });
  });
  afterAll(() => db.close());

  it('lists the environment\'s roles with their privileges and how many users and teams hold them', async () => {
    expect(await repository.listSecurityRoles(contoso)).toEqual([
      { id: roles.support, name: 'Support', isBuiltIn: false, privileges: {}, userCount: 0, teamCount: 1 },
      { id: roles.admin, name: 'System Administrator', isBuiltIn: true, privileges: { 'mailbox.write': 'organization' }, userCount: 1, teamCount: 0 },
    ]);
    expect(await repository.findSecurityRole(fabrikam, roles.admin)).toBeNull();
  });

  it('lists every user of the tenant by name, with their direct roles and teams in this environment only', async () => {
    const listed = await repository.listUsers(contoso);
    expect(listed.map((u) => [u.fullName, u.roleIds, u.teamIds])).toEqual([
      ['Adam Ames', [], [helpdesk]],
      ['Mia Moss', [], []],
      ['Zoe Zimmer', [roles.admin], [helpdesk]],
    ]);
    expect(await repository.findUser(fabrikam, users.zoe)).toMatchObject({ roleIds: [roles.fabrikamSupport], teamIds: [] });
    expect(await repository.findUser(contoso, users.mia)).toMatchObject({ fullName: 'Mia Moss', roleIds: [], teamIds: [] });
  });

  it('lists the environment\'s teams with members by name and their roles', async () => {
    expect(await repository.listTeams(contoso)).toEqual([
      { id: expect.any(String), name: 'Approvers', members: [], roleIds: [] },
      { id: helpdesk, name: 'Helpdesk', members: [{ id: users.adam, fullName: 'Adam Ames' }, { id: users.zoe, fullName: 'Zoe Zimmer' }], roleIds: [roles.support] },
    ]);
    expect(await repository.findTeam(fabrikam, helpdesk)).toBeNull();
  });

  it('replaces a user\'s direct roles in one environment only, with the audit entry', async () => {
    await repository.setUserRoles(contoso, users.zoe, [roles.support, roles.fabrikamSupport], auditEntry({ environmentId: contoso, entityId: users.zoe, entityType: 'user' }));
    // A role of another environment is not assigned here; the Fabrikam role held before stays.
    expect((await repository.findUser(contoso, users.zoe))!.roleIds).toEqual([roles.support]);
    expect((await repository.findUser(fabrikam, users.zoe))!.roleIds).toEqual([roles.fabrikamSupport]);
    expect(await db.prisma.auditEntry.count({ where: { entityId: users.zoe, entityType: 'user' } })).toBe(1);
    await repository.setUserRoles(contoso, users.zoe, [], auditEntry({ environmentId: contoso, entityId: users.zoe, entityType: 'user' }));
    expect((await repository.findUser(contoso, users.zoe))!.roleIds).toEqual([]);
  });

  it('replaces a team\'s roles, and refuses a team of another environment', async () => {
    await repository.setTeamRoles(contoso, helpdesk, [roles.admin, roles.support], auditEntry({ environmentId: contoso, entityId: helpdesk, entityType: 'team' }));
    expect((await repository.findTeam(contoso, helpdesk))!.roleIds).toEqual([roles.admin, roles.support].sort());
    await expect(repository.setTeamRoles(fabrikam, helpdesk, [], auditEntry({ environmentId: fabrikam, entityId: helpdesk, entityType: 'team' }))).rejects.toThrow();
    expect((await repository.findTeam(contoso, helpdesk))!.roleIds).toHaveLength(2);
    expect(await db.prisma.auditEntry.count({ where: { entityId: helpdesk } })).toBe(1);
  });

  it('sets, changes and removes a privilege on a role, with an audit entry each time', async () => {
    const audit = auditEntry({ environmentId: contoso, entityId: roles.support, entityType: 'securityRole' });
    await repository.setRolePrivilege(roles.support, 'approveEmailAddresses', 'businessUnit', audit);
    expect((await repository.findSecurityRole(contoso, roles.support))!.privileges).toEqual({ approveEmailAddresses: 'businessUnit' });
    await repository.setRolePrivilege(roles.support, 'approveEmailAddresses', 'organization', audit);
    expect((await repository.findSecurityRole(contoso, roles.support))!.privileges).toEqual({ approveEmailAddresses: 'organization' });
    await repository.setRolePrivilege(roles.support, 'approveEmailAddresses', null, audit);
    expect((await repository.findSecurityRole(contoso, roles.support))!.privileges).toEqual({});
    expect(await db.prisma.auditEntry.count({ where: { entityId: roles.support } })).toBe(3);
  });
});
