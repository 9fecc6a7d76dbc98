import { apiPaths } from '@sync-admin/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

/**
 * Every error body names its sentence (decision 55): `messageCode` with the `params` its variable parts fill, beside
 * the English `message` API clients have always read. The web says them from `errors:code.<messageCode>`.
 */
describe('error messages carry a stable code and params', () => {
  let t: TestApp;
  let admin: SignedIn;
  let alex: SignedIn;
  let contoso: string;

  const request = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers, remoteAddress: '127.0.0.1', ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    alex = await signIn(t.app, 'alex@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
  });
  afterAll(() => t.close());

  it('a stale record: 409 with the record kind\'s own code', async () => {
    const listed = (await request(admin, 'GET', apiPaths.mailboxes(contoso))).json().items[0];
    const mailbox = (await request(admin, 'GET', apiPaths.mailbox(contoso, listed.id))).json();
    const refused = await request(admin, 'PATCH', apiPaths.mailbox(contoso, mailbox.id), { name: mailbox.name, version: mailbox.version - 1 });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toEqual({
      code: 'STALE_RECORD', messageCode: 'MAILBOX_CHANGED', fieldErrors: [],
      message: 'Someone else changed this mailbox after you opened it, so nothing was saved. Reload to see the current values, then make your change again.',
    });
  });

  it('a missing privilege: 403 naming the privilege and the environment as params', async () => {
    const refused = await request(alex, 'GET', `/api/environments/${contoso}/audit`);
    expect(refused.statusCode, refused.body).toBe(403);
    const { error } = refused.json();
    expect(error.code).toBe('ACCESS_DENIED');
    expect(error.messageCode).toBe('PRIVILEGE_IN_ENVIRONMENT_NEEDED');
    expect(error.message).toBe(`You need the "${error.params.privilege}" privilege in ${error.params.environment}.`);
    expect(error.params.environment).toBe('Contoso');
  });

  it('a record not found, a wrong password and a signed-out request each have their own code', async () => {
    const missing = await request(admin, 'GET', apiPaths.mailbox(contoso, '00000000-0000-4000-8000-000000000000'));
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', messageCode: 'MAILBOX_NOT_FOUND', message: 'The mailbox was not found.' });
    const wrong = await t.app.inject({ method: 'POST', url: apiPaths.session, remoteAddress: '198.51.100.9', payload: { email: 'alex@contoso.example', password: 'not it' } });
    expect(wrong.json().error).toMatchObject({ code: 'NOT_AUTHENTICATED', messageCode: 'SIGN_IN_FAILED', message: 'The email or password is incorrect.' });
    const signedOut = await t.app.inject({ method: 'GET', url: apiPaths.mailboxes(contoso) });
    expect(signedOut.json().error).toMatchObject({ code: 'NOT_AUTHENTICATED', messageCode: 'SIGN_IN_REQUIRED' });
  });

  it('a request-schema refusal: the body\'s code names the part of the request; each field error a code from zod\'s issue', async () => {
    const refused = await request(admin, 'GET', `${apiPaths.mailboxes(contoso)}?view=nonsense&limit=100000&search=${'x'.repeat(201)}&extra=1`);
    expect(refused.statusCode, refused.body).toBe(400);
    const { error } = refused.json();
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', messageCode: 'REQUEST_QUERY_INVALID' });
    expect(error.message).toBe(`The request query string is invalid: ${error.params.details}`);
    const byField = Object.fromEntries(error.fieldErrors.map((fieldError: { field: string }) => [fieldError.field, fieldError]));
    expect(byField.view).toMatchObject({ code: 'FIELD_INVALID_OPTION', params: { label: 'view', values: expect.stringContaining('pendingApproval') } });
    expect(byField.limit).toMatchObject({ code: 'FIELD_TOO_BIG', params: { label: 'limit', max: expect.any(Number) } });
    expect(byField.search).toMatchObject({ code: 'FIELD_TOO_LONG', params: { label: 'search', max: 200 }, message: 'Search text can be at most 200 characters.' });
    expect(byField.extra).toMatchObject({ code: 'FIELD_NOT_IN_REQUEST', params: { key: 'extra' } });
  });

  it('an unknown route: its method and path as params', async () => {
    const unknown = await request(admin, 'GET', '/api/no-such-thing?x=1');
    expect(unknown.json().error).toEqual({
      code: 'NOT_FOUND', messageCode: 'ROUTE_NOT_FOUND', params: { method: 'GET', path: '/api/no-such-thing' }, message: 'No route GET /api/no-such-thing.', fieldErrors: [],
    });
  });
});
