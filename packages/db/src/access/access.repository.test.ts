import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { createEnvironment, createUser, openTestDatabase } from '../test-database.test-support.ts';
import { createAccessRepository, toActor } from './access.repository.ts';

describe('access repository: roles held directly and through teams', () => {
  let db: Database;
  let access: ReturnType<typeof createAccessRepository>;
  const environments = { contoso: '', fabrikam: '', northwind: '' };
  const users = { direct: '', teamOnly: '', both: '', nobody: '' };

  beforeAll(async () => {
    db = await openTestDatabase();
    access = createAccessRepository(db.prisma);
    environments.contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
    environments.fabrikam = (await createEnvironment(db.prisma, 'Fabrikam')).id;
    environments.northwind = (await createEnvironment(db.prisma, 'Northwind')).id;
    for (const key of Object.keys(users) as (keyof typeof users)[]) users[key] = (await createUser(db.prisma, `User ${key}`)).id;

    const role = (environmentId: string, name: string, privileges: Record<string, 'user' | 'businessUnit' | 'organization'>) =>
      db.prisma.securityRole.create({ data: { environmentId, name, privileges: { create: Object.entries(privileges).map(([privilege, depth]) => ({ privilege, depth })) } } });
    const readers = await role(environments.contoso, 'Mailbox Reader', { 'mailbox.read': 'user' });
    const support = await role(environments.contoso, 'Support', { 'mailbox.read': 'organization', 'auditHistory.read': 'organization', 'retired.privilege': 'organization' });
    const fabrikamSupport = await role(environments.fabrikam, 'Support', { 'emailServerProfile.read': 'organization' });

    await db.prisma.userSecurityRole.createMany({ data: [{ userId: users.direct, roleId: readers.id }, { userId: users.both, roleId: readers.id }] });
    await db.prisma.team.create({
      data: {
        environmentId: environments.contoso, name: 'Helpdesk',
        members: { create: [{ userId: users.teamOnly }, { userId: users.both }] },
        securityRoles: { create: [{ roleId: support.id }, { roleId: readers.id }] },
      },
    });
    await db.prisma.team.create({
      data: { environmentId: environments.fabrikam, name: 'Fabrikam Helpdesk', members: { create: [{ userId: users.teamOnly }] }, securityRoles: { create: [{ roleId: fabrikamSupport.id }] } },
    });
    // A team with no roles gives nothing.
    await db.prisma.team.create({ data: { environmentId: environments.northwind, name: 'Empty', members: { create: [{ userId: users.nobody }] } } });
  });
  afterAll(() => db.close());

  const userOf = (id: string) => ({ id, tenantRoles: [] });

  it('lets a user who holds roles only through a team open the environment, with the team roles\' privileges', async () => {
    const found = await access.findEnvironmentAccess(userOf(users.teamOnly), environments.contoso);
    expect(found).toMatchObject({
      securityRoles: ['Mailbox Reader', 'Support'],
      privileges: { 'mailbox.read': 'organization', 'auditHistory.read': 'organization' },
    });
    expect(found!.privileges).not.toHaveProperty('retired.privilege');
  });

  it('merges direct and team roles, each role once, the deepest depth winning', async () => {
    const found = await access.findEnvironmentAccess(userOf(users.both), environments.contoso);
    expect(found!.securityRoles).toEqual(['Mailbox Reader', 'Support']);
    expect(found!.privileges['mailbox.read']).toBe('organization');
    const direct = await access.findEnvironmentAccess(userOf(users.direct), environments.contoso);
    expect(direct).toMatchObject({ securityRoles: ['Mailbox Reader'], privileges: { 'mailbox.read': 'user' } });
  });

  it('keeps each environment\'s roles to itself', async () => {
    const listed = await access.listEnvironmentsForUser(userOf(users.teamOnly));
    expect(listed.map((e) => [e.name, e.securityRoles, e.privileges])).toEqual([
      ['Contoso', ['Mailbox Reader', 'Support'], { 'mailbox.read': 'organization', 'auditHistory.read': 'organization' }],
      ['Fabrikam', ['Support'], { 'emailServerProfile.read': 'organization' }],
    ]);
  });

  it('refuses an environment where neither the user nor their teams hold a role', async () => {
    expect(await access.findEnvironmentAccess(userOf(users.nobody), environments.northwind)).toBeNull();
    expect(await access.listEnvironmentsForUser(userOf(users.nobody))).toEqual([]);
    expect(await access.findEnvironmentAccess(userOf(users.direct), environments.fabrikam)).toBeNull();
  });

  it('puts the full name on the actor, for the audit log', async () => {
    const found = (await access.findEnvironmentAccess(userOf(users.direct), environments.contoso))!;
    const actor = toActor({ id: users.direct, email: 'direct@contoso.example', fullName: 'User direct', tenantRoles: [] }, found);
    expect(actor).toMatchObject({ userId: users.direct, fullName: 'User direct', securityRoles: ['Mailbox Reader'] });
  });
});
