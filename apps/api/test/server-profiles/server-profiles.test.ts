import { EXCHANGE_ONLINE_CHINA_EWS_URL, EXCHANGE_ONLINE_EWS_URL } from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

const CLIENT_SECRET = 'Cl1ent-Secret-Value-That-Must-Not-Leak';
const PASSWORD = 'Exch@nge-Passw0rd-That-Must-Not-Leak';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '0a1b2c3d-4e5f-6789-abcd-ef0123456789';

describe('email server profiles over HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;
  const bodies: string[] = [];

  async function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, session = admin, remoteAddress = '127.0.0.1') {
    const body = method === 'PATCH' && payload ? await atCurrentVersion(t.db, url, payload) : payload;
    const response = await t.app.inject({ method, url, headers: session.headers, remoteAddress, ...(body ? { payload: body } : {}) });
    bodies.push(response.body);
    return response;
  }
  const profiles = () => `/api/environments/${contoso}/server-profiles`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
  });
  afterAll(async () => {
    // Secrets are write-only and never logged: not in any response of this file, not in the log.
    for (const body of bodies) {
      expect(body).not.toContain(CLIENT_SECRET);
      expect(body).not.toContain(PASSWORD);
    }
    expect(t.logs()).not.toContain(CLIENT_SECRET);
    expect(t.logs()).not.toContain(PASSWORD);
    await t.close();
  });

  it('lists the seeded Microsoft Exchange Online profile as the active default', async () => {
    const response = await call('GET', profiles());
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((p: { name: string }) => p.name)).toEqual(['Microsoft Exchange Online']);
    expect(items[0]).toMatchObject({ isDefault: true, isActive: true, serverType: 'exchangeOnline', authenticationType: 's2sSameTenant' });
  });

  it.each([
    ['active', ['Microsoft Exchange Online']],
    ['inactive', ['Contoso Exchange 2016 (retired)']],
    ['all', ['Contoso Exchange 2016 (retired)', 'Microsoft Exchange Online']],
  ])('filters the %s view', async (view, names) => {
    const response = await call('GET', `${profiles()}?view=${view}`);
    expect(response.json().items.map((p: { name: string }) => p.name)).toEqual(names);
  });

  it('refuses an unknown view with 400 naming the query field', async () => {
    const response = await call('GET', `${profiles()}?view=archived`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0].field).toBe('view');
  });

  it('creates an Oauth (Cross Tenant) profile, stores the client secret encrypted and never returns it', async () => {
    const response = await call('POST', profiles(), {
      serverType: 'exchangeOnline', name: 'Fabrikam mail tenant', authenticationType: 'oauthCrossTenant',
      tenantId: TENANT, applicationId: APP, clientSecret: CLIENT_SECRET,
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      name: 'Fabrikam mail tenant', isDefault: false, ownerName: 'Grace Global',
      secretsSet: { clientSecret: true, incomingPassword: false, outgoingPassword: false },
      incomingServerLocation: EXCHANGE_ONLINE_EWS_URL, outgoingServerLocation: EXCHANGE_ONLINE_EWS_URL, incomingPort: 443, incomingUseSsl: true,
    });
    expect(created).not.toHaveProperty('clientSecret');
    expect(created).not.toHaveProperty('clientSecretEncrypted');

    const row = await t.db.prisma.serverProfile.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.clientSecretEncrypted).toMatch(/^v1:/);
    expect(row.clientSecretEncrypted).not.toContain(CLIENT_SECRET);
  });

  it('keeps a stored secret when an update omits it, and refuses clearing a required one', async () => {
    const [profile] = (await call('GET', `${profiles()}?view=all`)).json().items.filter((p: { name: string }) => p.name === 'Fabrikam mail tenant');
    const renamed = await call('PATCH', `${profiles()}/${profile.id}`, { description: 'Cross-tenant mailboxes' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ description: 'Cross-tenant mailboxes', tenantId: TENANT, secretsSet: { clientSecret: true } });

    const cleared = await call('PATCH', `${profiles()}/${profile.id}`, { clientSecret: null });
    expect(cleared.statusCode).toBe(400);
    expect(cleared.json().error.fieldErrors).toEqual([{ field: 'clientSecret', code: 'FIELD_REQUIRED', params: { label: 'Client Secret' }, message: 'Client Secret is required.' }]);
  });

  it('answers a bad profile with 400 and every field error at once', async () => {
    const response = await call('POST', profiles(), {
      serverType: 'exchangeOnline', name: '', authenticationType: 'oauthCrossTenant', tenantId: 'not-a-guid',
      minPollingIntervalInMinutes: 1441, maxConcurrentConnections: 0,
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual(expect.arrayContaining([
      { field: 'name', code: 'FIELD_REQUIRED', params: { label: 'Name' }, message: 'Name is required.' },
      { field: 'tenantId', code: 'FIELD_NOT_GUID', params: { label: 'Tenant ID' }, message: expect.stringMatching(/^Tenant ID must be a GUID/) },
      { field: 'applicationId', code: 'FIELD_REQUIRED', params: { label: 'Application ID' }, message: 'Application ID is required.' },
      { field: 'clientSecret', code: 'FIELD_REQUIRED', params: { label: 'Client Secret' }, message: 'Client Secret is required.' },
      { field: 'minPollingIntervalInMinutes', code: 'FIELD_INTEGER_RANGE', params: { label: 'Minimum Polling Intervals in Minutes', min: 0, max: 1440 }, message: 'Minimum Polling Intervals in Minutes must be a whole number from 0 to 1440.' },
      { field: 'maxConcurrentConnections', code: 'FIELD_INTEGER_RANGE', params: { label: 'Maximum Concurrent Connections', min: 1, max: 300 }, message: 'Maximum Concurrent Connections must be a whole number from 1 to 300.' },
    ]));
  });

  it.each([
    ['a wrong type', { serverType: 'exchangeOnline', name: 'x', maxConcurrentConnections: 'ten' }, 'maxConcurrentConnections'],
    ['an unknown option', { serverType: 'pop3', name: 'x' }, 'serverType'],
    ['an unknown field', { serverType: 'exchangeOnline', name: 'x', password: 'p' }, 'password'],
    ['a bad date', { serverType: 'exchangeOnline', name: 'x', processEmailsReceivedAfter: 'yesterday' }, 'processEmailsReceivedAfter'],
  ])('answers %s with 400 naming the field', async (_case, payload, field) => {
    const response = await call('POST', profiles(), payload);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses a duplicate name in the same environment', async () => {
    const response = await call('POST', profiles(), { serverType: 'exchangeOnline', name: 'microsoft exchange online' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0]).toMatchObject({ field: 'name' });
  });

  it('points an Exchange Online profile at the China (21Vianet) EWS endpoint', async () => {
    const response = await call('POST', profiles(), {
      serverType: 'exchangeOnline', name: 'Contoso China', defaultServerLocation: EXCHANGE_ONLINE_CHINA_EWS_URL,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ incomingServerLocation: EXCHANGE_ONLINE_CHINA_EWS_URL, outgoingServerLocation: EXCHANGE_ONLINE_CHINA_EWS_URL });
  });

  describe('Exchange Server (on-premises)', () => {
    const onPremises = {
      serverType: 'exchangeServer', name: 'Contoso Exchange 2019', useAutoDiscover: false,
      incomingServerLocation: 'https://mail.contoso.example/EWS/Exchange.asmx', outgoingServerLocation: 'https://mail.contoso.example/EWS/Exchange.asmx',
      authenticateUsing: 'credentialsSpecifiedInEmailServerProfile', incomingUserName: 'CONTOSO\\svc-sync', incomingPassword: PASSWORD,
    };

    it('refuses Without Credential (Anonymous) as not a valid setting', async () => {
      const response = await call('POST', profiles(), { ...onPremises, authenticateUsing: 'withoutCredentials' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors).toEqual([
        { field: 'authenticateUsing', code: 'ANONYMOUS_AUTHENTICATION_INVALID', message: expect.stringContaining('not a valid setting') },
      ]);
    });

    it('requires the server locations when Auto Discover Server Location is No', async () => {
      const response = await call('POST', profiles(), { ...onPremises, incomingServerLocation: null, outgoingServerLocation: 'ftp://mail' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors).toEqual([
        { field: 'incomingServerLocation', code: 'FIELD_REQUIRED', params: { label: 'Incoming Server Location' }, message: 'Incoming Server Location is required.' },
        { field: 'outgoingServerLocation', code: 'FIELD_NOT_HTTP_URL', params: { label: 'Outgoing Server Location' }, message: 'Outgoing Server Location must start with https:// or http://.' },
      ]);
    });

    it('refuses User Name and Password sent over plain HTTP from another machine', async () => {
      const response = await call('POST', profiles(), onPremises, admin, '203.0.113.9');
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0]).toMatchObject({ field: 'incomingUserName', message: expect.stringContaining('AllowCredentialsEntryViaNonSecureChannels') });
    });

    it('stores the credentials when they arrive over a secure channel, returning only that a password is set', async () => {
      const response = await call('POST', profiles(), onPremises);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({ incomingUserName: 'CONTOSO\\svc-sync', useSameSettingsForOutgoing: true, secretsSet: { incomingPassword: true } });
    });

    it('refuses changing the Email Server Type of an existing profile', async () => {
      const [profile] = (await call('GET', profiles())).json().items.filter((p: { name: string }) => p.name === 'Contoso Exchange 2019');
      const response = await call('PATCH', `${profiles()}/${profile.id}`, { serverType: 'exchangeOnline' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0].field).toBe('serverType');
    });
  });

  describe('the default profile', () => {
    async function byName(name: string) {
      return (await call('GET', `${profiles()}?view=all`)).json().items.find((p: { name: string }) => p.name === name);
    }

    it('moves the default with Set as default, keeping exactly one', async () => {
      const target = await byName('Contoso China');
      const response = await call('POST', `${profiles()}/${target.id}/set-default`);
      expect(response.statusCode).toBe(200);
      const defaults = (await call('GET', `${profiles()}?view=all`)).json().items.filter((p: { isDefault: boolean }) => p.isDefault);
      expect(defaults.map((p: { name: string }) => p.name)).toEqual(['Contoso China']);
    });

    it('refuses to deactivate or delete the default profile, with the reason', async () => {
      const current = await byName('Contoso China');
      const deactivate = await call('POST', `${profiles()}/${current.id}/deactivate`);
      expect(deactivate.statusCode).toBe(409);
      expect(deactivate.json().error).toMatchObject({ code: 'DEFAULT_PROFILE_REQUIRED', message: expect.stringContaining('Set another profile as default') });
      const remove = await call('DELETE', `${profiles()}/${current.id}`);
      expect(remove.statusCode).toBe(409);
      const unset = await call('PATCH', `${profiles()}/${current.id}`, { isDefault: false });
      expect(unset.statusCode).toBe(400);
      expect(unset.json().error.fieldErrors[0].field).toBe('isDefault');
    });

    it('refuses to make an inactive profile the default', async () => {
      const retired = await byName('Contoso Exchange 2016 (retired)');
      const response = await call('POST', `${profiles()}/${retired.id}/set-default`);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toMatch(/^Activate/);
    });

    it('deactivates and reactivates a profile that is not the default', async () => {
      const profile = await byName('Fabrikam mail tenant');
      expect((await call('POST', `${profiles()}/${profile.id}/deactivate`)).json().isActive).toBe(false);
      expect((await call('POST', `${profiles()}/${profile.id}/activate`)).json().isActive).toBe(true);
    });

    it('refuses to delete a profile that mailboxes use, and deletes an unused one', async () => {
      const used = await byName('Microsoft Exchange Online');
      const refused = await call('DELETE', `${profiles()}/${used.id}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toMatch(/mailboxes use "Microsoft Exchange Online"/);
      const unused = await byName('Contoso Exchange 2016 (retired)');
      expect((await call('DELETE', `${profiles()}/${unused.id}`)).statusCode).toBe(204);
      expect((await call('GET', `${profiles()}/${unused.id}`)).statusCode).toBe(404);
    });
  });

  it('records the last test of a profile: S2S without the portal app registration fails with a clear message', async () => {
    const [profile] = (await call('GET', profiles())).json().items.filter((p: { name: string }) => p.name === 'Microsoft Exchange Online');
    const response = await call('POST', `${profiles()}/${profile.id}/test-connection`);
    expect(response.statusCode).toBe(200);
    expect(response.json().lastTest).toMatchObject({ status: 'failure', message: expect.stringMatching(/S2S/) });
    const again = await call('GET', `${profiles()}/${profile.id}`);
    expect(again.json().lastTest.status).toBe('failure');
  });

  it('does not find a profile of another environment through this one', async () => {
    const fabrikam = await environmentId(t.db, 'Fabrikam');
    const [other] = (await call('GET', `/api/environments/${fabrikam}/server-profiles`)).json().items;
    expect((await call('GET', `${profiles()}/${other.id}`)).statusCode).toBe(404);
  });

  it('answers a malformed id with 400, not 500', async () => {
    const response = await call('GET', `${profiles()}/not-a-uuid`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0].field).toBe('profileId');
  });
});
