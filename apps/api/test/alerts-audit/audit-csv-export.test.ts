import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ListEntry { id: string; at: string; actorName: string; action: string; entityType: string; entityName: string }

describe('Audit log: Export to CSV', () => {
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const exportCsv = (params: Record<string, string>, session = admin, environment = contoso) =>
    t.app.inject({ method: 'GET', url: `/api/environments/${environment}/audit/export?${query(params)}`, headers: session.headers });
  const parse = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  async function listAll(params: Record<string, string>): Promise<ListEntry[]> {
    const entries: ListEntry[] = [];
    for (let offset = 0; ; offset += 100) {
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/audit?${query({ ...params, offset: String(offset), limit: '100' })}`, headers: admin.headers });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: ListEntry[] }>().items;
      entries.push(...page);
      if (page.length < 100) return entries;
    }
  }

  beforeAll(async () => {
    // Five entries a batch, and many entries sharing one time: a resume point that ignores the id loses or repeats rows.
    t = await createTestApp({ env: { CSV_EXPORT_BATCH_SIZE: '5' } });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    const actorId = await userId(t.db, 'sysadmin@contoso.example');
    const tie = new Date('2026-11-02T10:00:00.000Z');
    await t.db.prisma.auditEntry.createMany({
      data: Array.from({ length: 40 }, (_, index) => ({
        environmentId: contoso, at: index % 3 === 0 ? tie : new Date(tie.getTime() + index * 60_000), actorId, actorName: 'System Administrator',
        entityType: index % 2 === 0 ? 'mailbox' : 'serverProfile', entityId: '00000000-0000-4000-8000-000000000001',
        entityName: `Export walk ${String(index).padStart(2, '0')}`, action: index % 4 === 0 ? 'create' : 'update', changes: [],
      })).concat([
        { environmentId: contoso, at: tie, actorId, actorName: 'System Administrator', entityType: 'mailbox', entityId: '00000000-0000-4000-8000-000000000002', entityName: '=HYPERLINK("http://evil.example")', action: 'update', changes: [] },
        { environmentId: contoso, at: tie, actorId, actorName: 'System Administrator', entityType: 'mailbox', entityId: '00000000-0000-4000-8000-000000000003', entityName: '@SUM(A1)', action: 'update', changes: [] },
      ]),
    });
  });
  afterAll(() => t.close());

  it('holds every entry of the log in its order (newest first) across batches, under the table\'s labels with labels as shown', async () => {
    const expected = await listAll({});
    expect(expected.length).toBeGreaterThan(40);
    const response = await exportCsv({});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-contoso-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(response.body);
    expect(header).toEqual(['Changed date', 'Changed by', 'Event', 'Record type', 'Record']);
    const actions: Record<string, string> = { create: 'Create', update: 'Update' };
    const types: Record<string, string> = { mailbox: 'Mailbox', serverProfile: 'Email Server Profile' };
    const guard = (name: string) => (/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
    expect(rows.map((row) => row[4])).toEqual(expected.map((entry) => guard(entry.entityName)));
    const walk = rows.filter((row) => row[4]!.startsWith('Export walk 03'));
    expect(walk).toEqual([['2026-11-02T10:00:00.000Z', 'System Administrator', actions.update, types.serverProfile, 'Export walk 03']]);
  });

  it.each<Record<string, string>>([
    { entityType: 'serverProfile' },
    { action: 'create', search: 'export walk' },
    { from: '2026-11-02T10:05:00.000Z', to: '2026-11-02T10:30:00.000Z' },
  ])('honours the log\'s filters %o', async (filter) => {
    const expected = await listAll(filter);
    expect(expected.length).toBeGreaterThan(5);
    const rows = parse((await exportCsv(filter)).body).slice(1);
    expect(rows.map((row) => row[4])).toEqual(expected.map((entry) => entry.entityName));
  });

  it('prefixes cells that would run as formulas with an apostrophe', async () => {
    const names = parse((await exportCsv({ search: '=' })).body).slice(1).map((row) => row[4]);
    expect(names).toEqual(['\'=HYPERLINK("http://evil.example")']);
    expect(parse((await exportCsv({ search: '@' })).body).slice(1).map((row) => row[4])).toEqual(['\'@SUM(A1)']);
  });

  it('follows the log\'s access: a user without View Audit History is refused before any byte, a bad filter is a 400', async () => {
    const alex = await signIn(t.app, 'alex@contoso.example');
    const refused = await exportCsv({}, alex);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/json/);
    const support = await signIn(t.app, 'support@contoso.example');
    expect((await exportCsv({}, support)).statusCode).toBe(200);
    const bad = await exportCsv({ action: 'explode' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fieldErrors[0].field).toMatch(/^action/);
  });
});
