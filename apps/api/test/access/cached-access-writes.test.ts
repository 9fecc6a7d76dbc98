import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * Which writes clear the cached sessions and access (decision 17): a sign-out elsewhere (the session row gone,
 * as another API process would leave it) shows at once after a write that may change access, and is not
 * waited for after a mailbox write, which changes nothing the cache holds.
 */
describe('cached access after a write', () => {
  let t: TestApp;
  let contoso = '';
  let mailboxId = '';
  let profileId = '';
  let admin: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    contoso = await environmentId(t.db, 'Contoso');
    mailboxId = (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso } })).id;
    profileId = (await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: contoso } })).id;
  });
  afterAll(async () => t.close());

  async function signedOutElsewhere(): Promise<SignedIn> {
    const session = await signIn(t.app, 'global.admin@contoso.example');
    expect((await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${mailboxId}`, headers: session.headers })).statusCode).toBe(200);
    await t.db.prisma.session.deleteMany({ where: { userId: await userId(t.db, 'global.admin@contoso.example') } });
    return session;
  }

  it('a mailbox write keeps them: the next read is answered from the cache', async () => {
    admin = await signedOutElsewhere();
    const url = `/api/environments/${contoso}/mailboxes/${mailboxId}`;
    const patched = await t.app.inject({ method: 'PATCH', url, headers: admin.headers, payload: await atCurrentVersion(t.db, url, { syncItemsFromThisOrgOnly: true }) });
    expect(patched.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${mailboxId}`, headers: admin.headers })).statusCode).toBe(200);
  });

  it('a server profile write clears them: the sign-out elsewhere applies to the next request', async () => {
    admin = await signedOutElsewhere();
    const url = `/api/environments/${contoso}/server-profiles/${profileId}`;
    const patched = await t.app.inject({ method: 'PATCH', url, headers: admin.headers, payload: await atCurrentVersion(t.db, url, { description: 'cleared' }) });
    expect(patched.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${mailboxId}`, headers: admin.headers })).statusCode).toBe(401);
  });
});
