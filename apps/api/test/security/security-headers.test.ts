import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.ts';
import { createTestApp, environmentId, type TestApp } from '../helpers/test-app.ts';

/** A stand-in for the built SPA, so the static files and the index.html fallback are served too. */
function fakeWebDist(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sync-admin-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Sync Admin</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

describe('security headers', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = fakeWebDist();
    t = await createTestApp({ env: { WEB_DIST_DIR: webDist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  const responses = {
    'API JSON': '/api/health',
    'API 401': '/api/environments',
    'unknown API route': '/api/nope',
    'Swagger UI': '/api/docs/static/index.html',
    'OpenAPI document': '/api/docs/json',
    'web app page': '/',
    'web app client-side route': '/environments/x/mailboxes',
    'web app script': '/assets/app.js',
  };

  it.each(Object.entries(responses))('sends them on %s (%s)', async (_kind, url) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBeLessThan(500);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    if (url.startsWith('/api/')) expect(response.headers['cache-control']).toBe('no-store');
    else expect(response.headers['cache-control']).not.toBe('no-store');
  });

  it.each(['/api/environments/%FF/mailboxes', `/api/environments/${'x'.repeat(500)}/mailboxes`])(
    'sends the strictest policy on routing errors, which no hook sees (%s)', async (url) => {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
    });

  it('sends no-store on signed-in API answers', async () => {
    const signIn = await t.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'support@contoso.example', password: DEMO_PASSWORD } });
    expect(signIn.headers['cache-control']).toBe('no-store');
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const mailboxes = await t.app.inject({ method: 'GET', url: `/api/environments/${await environmentId(t.db, 'Contoso')}/mailboxes`, headers: { cookie } });
    expect(mailboxes.statusCode).toBe(200);
    expect(mailboxes.headers['cache-control']).toBe('no-store');
  });

  it('ignores X-Forwarded-Proto without TRUST_PROXY: no HSTS, no Secure cookie', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/session', headers: { 'x-forwarded-proto': 'https' }, payload: { email: 'support@contoso.example', password: DEMO_PASSWORD },
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.cookies.find((c) => c.name === 'sync_admin_session')?.secure).toBeFalsy();
  });

  it('keeps the OpenAPI document public (decision 21): signed out it describes the routes and holds no records', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/environments/{environmentId}/mailboxes');
    const contoso = await environmentId(t.db, 'Contoso');
    for (const record of [contoso, 'support@contoso.example', 'Microsoft Exchange Online']) expect(response.body).not.toContain(record);
  });
});

describe('behind a TLS-terminating proxy (TRUST_PROXY=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
  });
  afterAll(() => t.close());

  const signIn = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/session', headers, remoteAddress: '10.0.0.2', payload: { email: 'support@contoso.example', password: DEMO_PASSWORD } });

  it('sends HSTS and a Secure session cookie when the browser came over HTTPS', async () => {
    const response = await signIn({ 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.cookies.find((c) => c.name === 'sync_admin_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('sends neither when the proxy says the browser came over plain HTTP', async () => {
    const response = await signIn({ 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.5' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.cookies.find((c) => c.name === 'sync_admin_session')?.secure).toBeFalsy();
  });
});
