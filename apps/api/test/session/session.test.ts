import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.ts';
import { createTestApp, environmentId, signIn, type TestApp } from '../helpers/test-app.ts';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_ATTEMPTS_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('signs in with a demo account and sets an HTTP-only, SameSite=Strict session cookie', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'global.admin@contoso.example', password: DEMO_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'sync_admin_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    const body = response.json();
    expect(body.user).toMatchObject({ email: 'global.admin@contoso.example', tenantRoles: ['globalAdmin'] });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('stores only a hash of the session token', async () => {
    const { cookie } = await signIn(t.app, 'support@contoso.example');
    const token = cookie.split('=')[1]!;
    const stored = await t.db.prisma.session.findMany({ select: { id: true } });
    expect(stored.some((s) => s.id === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id))).toBe(true);
  });

  it.each([
    ['an unknown email', 'nobody@contoso.example', DEMO_PASSWORD],
    ['a wrong password', 'sysadmin@contoso.example', 'wrong-password'],
  ])('refuses %s with 401 and the same message', async (_case, email, password) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toMatchObject({ code: 'NOT_AUTHENTICATED', message: 'The email or password is incorrect.' });
  });

  it('answers a malformed sign-in with 400 naming the field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: '' } });
    expect(response.statusCode).toBe(400);
    const fields = response.json().error.fieldErrors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('rate-limits repeated sign-in attempts for one account from one address', async () => {
    const attempt = (remoteAddress = '127.0.0.1') =>
      t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { email: 'alex@contoso.example', password: 'guess' } });
    // Budgets are per clock minute (sign-in-throttle.test.ts moves a clock of its own): start well inside one,
    // so these attempts share a window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 100));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.json().error.message).toMatch(/Too many sign-in attempts/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // Counted per address too, so nobody can lock an account out from elsewhere.
    expect((await attempt('198.51.100.4')).statusCode).toBe(401);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const session = await signIn(t.app, 'sysadmin@contoso.example');
    const contoso = await environmentId(t.db, 'Contoso');
    const url = `/api/environments/${contoso}/server-profiles`;
    const payload = { serverType: 'exchangeOnline', name: 'CSRF probe' };
    const withoutToken = await t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrongToken = await t.app.inject({ method: 'POST', url, headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload });
    expect(wrongToken.statusCode).toBe(403);
    const withToken = await t.app.inject({ method: 'POST', url, headers: session.headers, payload });
    expect(withToken.statusCode).toBe(201);
  });

  it('signs out: the session stops working', async () => {
    const session = await signIn(t.app, 'support@contoso.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('NOT_AUTHENTICATED');
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/environments/{environmentId}/server-profiles']));
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('session expiry', () => {
  it('refuses an expired session and prunes it at the next sign-in', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    const t = await createTestApp({ clock: () => now });
    try {
      const session = await signIn(t.app, 'support@contoso.example');
      now = new Date(now.getTime() + 13 * 3_600_000);
      const expired = await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
      expect(expired.statusCode).toBe(401);
      await signIn(t.app, 'sysadmin@contoso.example');
      expect(await t.db.prisma.session.count()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
