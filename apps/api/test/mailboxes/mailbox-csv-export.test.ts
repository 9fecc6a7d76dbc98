import { MAILBOX_COLUMN_IDS, MAILBOX_COLUMN_LABELS, MAILBOX_SORT_FIELDS } from '@sync-admin/contract';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, serverProfileId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ListRow { id: string; name: string; emailAddress: string }

describe('Mailboxes: Export to CSV', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let exchangeOnlineId: string;

  const query = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const exportCsv = (params: Record<string, string>, session = admin, environment = contoso) =>
    t.app.inject({ method: 'GET', url: `/api/environments/${environment}/mailboxes/export?${query(params)}`, headers: session.headers });
  const parse = (body: string) => Papa.parse<string[]>(body, { skipEmptyLines: true }).data;

  async function listAll(params: Record<string, string>, session = admin): Promise<ListRow[]> {
    const rows: ListRow[] = [];
    for (let offset = 0; ; offset += 100) {
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes?${query({ ...params, offset: String(offset), limit: '100' })}`, headers: session.headers });
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json<{ items: ListRow[] }>().items;
      rows.push(...page);
      if (page.length < 100) return rows;
    }
  }

  beforeAll(async () => {
    // Seven rows a batch: every export below walks dozens of keyset batches, so a wrong resume point shows.
    t = await createTestApp({ env: { CSV_EXPORT_BATCH_SIZE: '7' } });
    admin = await signIn(t.app, 'global.admin@contoso.example');
    support = await signIn(t.app, 'support@contoso.example');
    alex = await signIn(t.app, 'alex@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    exchangeOnlineId = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    const sysadminId = await userId(t.db, 'sysadmin@contoso.example');
    // Cells a spreadsheet would run as formulas, and ties on the sort keys (same name, other case).
    await t.db.prisma.mailbox.createMany({
      data: [
        { name: '=HYPERLINK("http://evil.example","Click")', emailAddress: 'formula1@contoso.example' },
        { name: '+1 Sales', emailAddress: 'formula2@contoso.example' },
        { name: '-2 Support', emailAddress: 'formula3@contoso.example' },
        { name: '@SUM(A1)', emailAddress: 'formula4@contoso.example' },
        { name: '\tTabbed', emailAddress: 'formula5@contoso.example' },
        { name: '=1+1\nsecond line', emailAddress: 'formula6@contoso.example' },
        { name: 'Twin', emailAddress: 'twin1@contoso.example' },
        { name: 'twin', emailAddress: 'twin2@contoso.example' },
        { name: 'Jürgen Größe, "Ops"', emailAddress: 'juergen@contoso.example' },
      ].map((m) => ({ ...m, environmentId: contoso, type: 'user' as const, ownerId: sysadminId, serverProfileId: exchangeOnlineId })),
    });
  });
  afterAll(() => t.close());

  it.each(MAILBOX_SORT_FIELDS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [sort, order] as const)))(
    'sorted by %s %s, holds every row of the list in the list\'s order', async (sort, order) => {
      const expected = await listAll({ view: 'all', sort, order });
      const response = await exportCsv({ view: 'all', sort, order, columns: 'emailAddress' });
      expect(response.statusCode, response.body).toBe(200);
      const [header, ...rows] = parse(response.body);
      expect(header).toEqual(['Email Address']);
      expect(rows.map((row) => row[0])).toEqual(expected.map((row) => row.emailAddress));
      expect(rows.length).toBeGreaterThan(300);
    },
  );

  it.each<Record<string, string>>([
    { view: 'pendingApproval' },
    { view: 'all', search: 'ad' },
    { view: 'active', type: 'queue' },
    { view: 'all', serverProfileId: 'none' },
    { view: 'failedTests', emailAddressStatus: 'approved', sort: 'testCompletedOn', order: 'desc' },
  ])('honours the list\'s filter %o', async (filter) => {
    const expected = await listAll(filter);
    expect(expected.length).toBeGreaterThan(0);
    const response = await exportCsv({ ...filter, columns: 'name,emailAddress' });
    expect(response.statusCode, response.body).toBe(200);
    const rows = parse(response.body).slice(1);
    expect(rows.map((row) => row[1])).toEqual(expected.map((row) => row.emailAddress));
  });

  it('writes the chosen columns in their order under the grid\'s labels, values as the grid shows them, with a BOM and a file name', async () => {
    const response = await exportCsv({ view: 'all', search: 'adele', columns: 'name,type,emailAddressStatus,serverProfile,incomingEmailStatus,testCompletedOn' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="mailboxes-contoso-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parse(response.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual(['Name', 'Type', 'Email Address Status', 'Server Profile', 'Incoming Email Status', 'Mailbox Test Completed On']);
    const stored = await t.db.prisma.mailbox.findMany({
      where: { environmentId: contoso, name: { startsWith: 'adele', mode: 'insensitive' } }, include: { serverProfile: true }, orderBy: { name: 'asc' },
    });
    expect(rows).toHaveLength(stored.length);
    const labels = { approved: 'Approved', pendingApproval: 'Pending Approval', empty: 'Empty', rejected: 'Rejected' } as const;
    const tests = { notRun: 'Not Run', success: 'Success', failure: 'Failure' } as const;
    expect(rows).toEqual(stored.map((m) => [
      m.name, m.type === 'user' ? 'User' : 'Queue', labels[m.emailAddressStatus], m.serverProfile?.name ?? '(none)', tests[m.incomingEmailStatus],
      m.testCompletedOn ? m.testCompletedOn.toISOString() : '',
    ]));
  });

  it('writes every column by default, and umlauts, commas and quotes survive', async () => {
    const response = await exportCsv({ view: 'all', search: 'Jürgen' });
    const [header, row] = parse(response.body.replace(/^\uFEFF/, ''));
    expect(header).toEqual(MAILBOX_COLUMN_IDS.map((id) => MAILBOX_COLUMN_LABELS[id]));
    expect(row![0]).toBe('Jürgen Größe, "Ops"');
  });

  it('prefixes cells that would run as formulas with an apostrophe, a value with a line break too', async () => {
    const response = await exportCsv({ view: 'all', search: 'formula', sort: 'emailAddress', columns: 'name,emailAddress' });
    expect(parse(response.body).slice(1).map((row) => row[0])).toEqual([
      '\'=HYPERLINK("http://evil.example","Click")', '\'+1 Sales', '\'-2 Support', '\'@SUM(A1)', '\'\tTabbed', '\'=1+1\nsecond line',
    ]);
  });

  it('follows the list\'s access: support reads every mailbox, alex only his own, nobody another tenant\'s environment', async () => {
    const all = parse((await exportCsv({ view: 'all', columns: 'emailAddress' }, support)).body).slice(1);
    expect(all).toHaveLength((await listAll({ view: 'all' }, support)).length);
    const own = parse((await exportCsv({ view: 'all', columns: 'emailAddress' }, alex)).body).slice(1);
    expect(own).toEqual([['alex@contoso.example']]);
    const fabrikam = await environmentId(t.db, 'Fabrikam');
    // An environment he has no role in is not his to know of, as for the list.
    expect((await exportCsv({ view: 'all' }, alex, fabrikam)).statusCode).toBe((await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/mailboxes`, headers: alex.headers })).statusCode);
    expect((await exportCsv({ view: 'all' }, alex, fabrikam)).statusCode).toBe(404);
  });

  it('refuses an unknown column or sort with a 400 naming the parameter and what is allowed', async () => {
    const column = await exportCsv({ columns: 'name,password' });
    expect(column.statusCode).toBe(400);
    expect(column.json().error.fieldErrors[0]).toMatchObject({ field: expect.stringMatching(/^columns/), message: expect.stringContaining('serverProfile') });
    expect((await exportCsv({ sort: 'password' })).statusCode).toBe(400);
    expect((await exportCsv({ columns: '' })).statusCode).toBe(400);
  });
});
