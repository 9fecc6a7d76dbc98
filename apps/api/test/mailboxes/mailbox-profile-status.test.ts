import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

describe("a mailbox's profile status: active or inactive only for those who may read server profiles", () => {
  let t: TestApp;
  const sessions = new Map<string, SignedIn>();
  let contoso: string;
  let alexMailbox: string;

  const get = (user: string, id: string) =>
    t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${id}`, headers: sessions.get(user)!.headers });

  beforeAll(async () => {
    t = await createTestApp();
    for (const user of ['sysadmin', 'alex']) sessions.set(user, await signIn(t.app, `${user}@contoso.example`));
    contoso = await environmentId(t.db, 'Contoso');
    alexMailbox = (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, emailAddress: 'alex@contoso.example' } })).id;
  });
  afterAll(() => t.close());

  it('tells Alex, who holds no Read on Email Server Profile, only that his profile is not his to read, never "inactive"', async () => {
    const response = await get('alex', alexMailbox);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ serverProfileName: 'Microsoft Exchange Online', serverProfileStatus: 'notReadable' });
  });

  it('tells a profile reader whether the profile is active, and follows it when it is deactivated', async () => {
    expect((await get('sysadmin', alexMailbox)).json().serverProfileStatus).toBe('active');
    const mailbox = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: alexMailbox } });
    await t.db.prisma.serverProfile.update({ where: { id: mailbox.serverProfileId! }, data: { isActive: false } });
    expect((await get('sysadmin', alexMailbox)).json().serverProfileStatus).toBe('inactive');
    expect((await get('alex', alexMailbox)).json().serverProfileStatus).toBe('notReadable');
  });

  it('has no status without a profile', async () => {
    const none = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, serverProfileId: null } });
    expect((await get('sysadmin', none.id)).json()).toMatchObject({ serverProfileId: null, serverProfileStatus: null });
  });
});
