import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ListAlert { id: string; createdAt: string; severity: string; message: string; mailboxName: string | null; serverProfileName: string | null; code: string | null }

describe('Alerts: Export to CSV', () => {
  let t: TestApp;
  let admin: SignedIn;
  let contoso: string;

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const exportCsv = (params: Record<string, string>, session = admin) =>
    t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/alerts/export?${query(params)}`, headers: session.headers });
  const parse = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

  async function listAll(params: Record<string, string>, session = admin): Promise<ListAlert[]> {
    const alerts: ListAlert[] = [];
    for (let offset = 0; ; offset += 100) {
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/alerts?${query({ ...params, offset: String(offset), limit: '100' })}`, headers: session.headers });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: ListAlert[] }>().items;
      alerts.push(...page);
      if (page.length < 100) return alerts;
    }
  }

  beforeAll(async () => {
    // Five alerts a batch, and many alerts sharing one time: a resume point that ignores the id loses or repeats rows.
    t = await createTestApp({ env: { CSV_EXPORT_BATCH_SIZE: '5' } });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    const alexId = await userId(t.db, 'alex@contoso.example');
    const [alexs, other] = await Promise.all([
      t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, ownerId: alexId } }),
      t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, NOT: { ownerId: alexId }, serverProfileId: { not: null } } }),
    ]);
    const tie = new Date('2026-11-02T10:00:00.000Z');
    await t.db.prisma.alert.createMany({
      data: Array.from({ length: 40 }, (_, index) => ({
        environmentId: contoso, mailboxId: index % 5 === 0 ? alexs.id : other.id, serverProfileId: index % 2 === 0 ? other.serverProfileId : null,
        severity: (['error', 'warning', 'information'] as const)[index % 3]!, code: index % 3 === 0 ? 'ErrorAccessDenied' : null,
        message: `Export walk ${String(index).padStart(2, '0')}`, createdAt: index % 3 === 0 ? tie : new Date(tie.getTime() + index * 60_000),
      })).concat([
        { environmentId: contoso, mailboxId: other.id, serverProfileId: null, severity: 'error', code: null, message: '=HYPERLINK("http://evil.example")', createdAt: tie },
      ]),
    });
  });
  afterAll(() => t.close());

  it('holds every alert of the wall in its order (newest first) across batches, under the cards\' labels', async () => {
    const expected = await listAll({});
    expect(expected.length).toBeGreaterThan(40);
    const response = await exportCsv({});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="alerts-contoso-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(response.body);
    expect(header).toEqual(['Created on', 'Severity', 'Message', 'Mailbox', 'Server profile', 'Code']);
    const guard = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    expect(rows.map((row) => row[2])).toEqual(expected.map((alert) => guard(alert.message)));
    const walk = expected.find((alert) => alert.message === 'Export walk 06')!;
    expect(rows.find((row) => row[2] === 'Export walk 06')).toEqual(['2026-11-02T10:00:00.000Z', 'Error', 'Export walk 06', walk.mailboxName, walk.serverProfileName, 'ErrorAccessDenied']);
    expect(rows.find((row) => row[2] === 'Export walk 01')).toEqual(['2026-11-02T10:01:00.000Z', 'Warning', 'Export walk 01', expect.any(String), '', '']);
  });

  it.each<Record<string, string>>([
    { severity: 'warning' },
    { search: 'export walk 1' },
    { since: '2026-11-02T10:05:00.000Z' },
  ])('honours the wall\'s filters %o', async (filter) => {
    const expected = await listAll(filter);
    expect(expected.length).toBeGreaterThan(5);
    const rows = parse((await exportCsv(filter)).body).slice(1);
    expect(rows.map((row) => row[2])).toEqual(expected.map((alert) => alert.message));
  });

  it('follows the wall\'s access: User depth exports only the reader\'s own mailboxes\' alerts; no Read on Mailbox is a 403 before any byte', async () => {
    const alex = await signIn(t.app, 'alex@contoso.example');
    const own = await listAll({ search: 'export walk' }, alex);
    expect(own).toHaveLength(8);
    expect(parse((await exportCsv({ search: 'export walk' }, alex)).body).slice(1).map((row) => row[2])).toEqual(own.map((alert) => alert.message));

    const basicUser = await t.db.prisma.securityRole.findFirstOrThrow({ where: { environmentId: contoso, name: 'Basic User' } });
    const removed = await t.app.inject({ method: 'PUT', url: `/api/environments/${contoso}/security-roles/${basicUser.id}/privileges/mailbox.read`, headers: admin.headers, payload: { depth: null } });
    expect(removed.statusCode, removed.body).toBe(200);
    const refused = await exportCsv({}, await signIn(t.app, 'alex@contoso.example'));
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toMatch(/application\/json/);
    const bad = await exportCsv({ severity: 'explode' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fieldErrors[0].field).toMatch(/^severity/);
  });
});
