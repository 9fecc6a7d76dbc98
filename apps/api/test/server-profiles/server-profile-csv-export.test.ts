import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ListProfile { name: string; serverType: string; isDefault: boolean; ownerName: string; isActive: boolean; lastTest: { status: string; startedAt: string } | null }

describe('Email server profiles: Export to CSV', () => {
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;

  const exportCsv = (view: string | null, session = admin, environment = contoso) =>
    t.app.inject({ method: 'GET', url: `/api/environments/${environment}/server-profiles/export${view ? `?view=${view}` : ''}`, headers: session.headers });
  const list = async (view: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/server-profiles?view=${view}`, headers: admin.headers })).json<{ items: ListProfile[] }>().items;
  const parse = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    const created = await t.app.inject({
      method: 'POST', url: `/api/environments/${contoso}/server-profiles`, headers: admin.headers,
      payload: { serverType: 'exchangeOnline', name: '=HYPERLINK("http://evil.example")' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });
  afterAll(() => t.close());

  it.each(['active', 'inactive', 'all'])('view %s: every profile of the list, its columns under the grid\'s labels, values as shown', async (view) => {
    const expected = await list(view);
    expect(expected.length).toBeGreaterThan(0);
    const response = await exportCsv(view);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="server-profiles-contoso-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(response.body);
    expect(header).toEqual(['Name', 'Email Server Type', 'Default', 'Owner', 'Status', 'Last test', 'Last test started']);
    const types: Record<string, string> = { exchangeOnline: 'Exchange Online', exchangeServer: 'Exchange Server' };
    const tests: Record<string, string> = { success: 'Success', warning: 'Warning', failure: 'Failure' };
    expect(rows.map((row) => row[0]!.replace(/^'/, ''))).toEqual(expected.map((profile) => profile.name));
    const plain = rows.filter((row) => !row[0]!.startsWith("'"));
    expect(plain).toEqual(expected.filter((profile) => !profile.name.startsWith('=')).map((profile) => [
      profile.name, types[profile.serverType], profile.isDefault ? 'Default' : '', profile.ownerName,
      profile.isActive ? 'Active' : 'Inactive', profile.lastTest ? tests[profile.lastTest.status] : 'Not tested', profile.lastTest?.startedAt ?? '',
    ]));
  });

  it('takes the list\'s default view (Active Email Server Profiles) and guards formulas', async () => {
    expect(parse((await exportCsv(null)).body)).toEqual(parse((await exportCsv('active')).body));
    const names = parse((await exportCsv('active')).body).slice(1).map((row) => row[0]);
    expect(names).toContain('\'=HYPERLINK("http://evil.example")');
  });

  it('follows the list\'s access: refused without Read on Email Server Profile, a bad view is a 400', async () => {
    const alex = await signIn(t.app, 'alex@contoso.example');
    const refused = await exportCsv('all', alex);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/json/);
    const support = await signIn(t.app, 'support@contoso.example');
    expect((await exportCsv('all', support)).statusCode).toBe(200);
    const bad = await exportCsv('deleted');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fieldErrors[0].field).toMatch(/^view/);
  });
});
