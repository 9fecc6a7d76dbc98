import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, serverProfileId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ImportError { field: string; requestField?: string; message: string; code?: string; params?: Record<string, string | number> }
interface ImportRow { line: number; emailAddress: string; outcome: string; expectedVersion: number | null; changedFields: string[]; errors: ImportError[] }
interface ImportResult { written: boolean; created: number; updated: number; unchanged: number; failed: number; rows: ImportRow[] }

const csv = (lines: string[][]) => `\uFEFF${Papa.unparse(lines, { newline: '\r\n' })}\r\n`;
const base64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

describe('Mailboxes: Import from CSV', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let contoso: string;
  let sysadminId: string;
  let exchangeOnlineId: string;

  const post = (path: 'import' | 'import/preview', payload: object, session = admin) =>
    t.app.inject({ method: 'POST', url: `/api/environments/${contoso}/mailboxes/${path}`, headers: session.headers, payload });
  async function preview(file: string): Promise<ImportResult> {
    const response = await post('import/preview', { file: base64(file) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  async function importFile(file: string, mode: 'allOrNothing' | 'validRows', seen: ImportResult): Promise<ImportResult> {
    const response = await post('import', { file: base64(file), mode, expected: seen.rows.map((row) => ({ line: row.line, version: row.expectedVersion })) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }
  const exportCsv = async (search: string, columns: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/export?view=all&search=${search}&sort=emailAddress&columns=${columns}`, headers: admin.headers });
    expect(response.statusCode).toBe(200);
    return response.body;
  };
  const mailboxCount = () => t.db.prisma.mailbox.count({ where: { environmentId: contoso } });
  const auditCount = () => t.db.prisma.auditEntry.count({ where: { environmentId: contoso, entityType: 'mailbox' } });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signIn(t.app, 'global.admin@contoso.example');
    support = await signIn(t.app, 'support@contoso.example');
    contoso = await environmentId(t.db, 'Contoso');
    sysadminId = await userId(t.db, 'sysadmin@contoso.example');
    exchangeOnlineId = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    await t.db.prisma.mailbox.createMany({
      data: [{ name: 'Existing One', emailAddress: 'existing1@contoso.example' }, { name: 'Existing Two', emailAddress: 'existing2@contoso.example' }]
        .map((m) => ({ ...m, environmentId: contoso, type: 'user' as const, ownerId: sysadminId, serverProfileId: exchangeOnlineId })),
    });
  });
  afterAll(() => t.close());

  const MIXED = csv([
    ['Name', 'Email Address', 'Type', 'Incoming Email', 'Server Profile', 'Incoming Email Status'],
    ['New Person', 'new.person@contoso.example', 'User', 'Server-Side Synchronization or Email Router', 'Microsoft Exchange Online', 'Success'],
    ['Existing One Renamed', 'EXISTING1@contoso.example', '', 'None', 'Microsoft Exchange Online', 'Not Run'],
    ['Bad Method', 'bad.method@contoso.example', 'User', 'Carrier pigeon', '', ''],
    ['Outlook Queue', 'outlook.queue@contoso.example', 'Queue', 'Microsoft Dynamics 365 for Outlook', '', ''],
    ['No Address', 'not-an-address', 'User', 'None', '', ''],
    ['Existing Two', 'existing2@contoso.example', 'User', '', 'Microsoft Exchange Online', ''],
  ]);

  it('previews each row, create, update with the fields that change, unchanged or the field and reason, and writes nothing', async () => {
    const [mailboxes, audits] = [await mailboxCount(), await auditCount()];
    const result = await preview(MIXED);
    expect(result).toMatchObject({ written: false, created: 1, updated: 1, unchanged: 1, failed: 3 });
    expect(result.rows.map((row) => [row.line, row.outcome])).toEqual([[2, 'create'], [3, 'update'], [4, 'error'], [5, 'error'], [6, 'error'], [7, 'unchanged']]);
    expect(result.rows[1]!.changedFields).toEqual(['Name', 'Incoming Email']);
    // Each error under the file's column, with the form's field and the code and params its sentence is said from.
    expect(result.rows[2]!.errors).toEqual([{
      field: 'Incoming Email', requestField: 'incomingEmailDeliveryMethod', code: 'IMPORT_CHOICE_UNKNOWN',
      params: { value: 'Carrier pigeon', choices: expect.stringContaining('None, Microsoft Dynamics 365 for Outlook') },
      message: expect.stringContaining('"Carrier pigeon" is not one of: None, Microsoft Dynamics 365 for Outlook'),
    }]);
    expect(result.rows[3]!.errors).toEqual([{
      field: 'Incoming Email', requestField: 'incomingEmailDeliveryMethod', code: 'OUTLOOK_NOT_FOR_QUEUE', message: expect.stringContaining('not available for queue mailboxes'),
    }]);
    expect(result.rows[4]!.errors).toEqual([{ field: 'Email Address', requestField: 'emailAddress', code: 'EMAIL_ADDRESS_INVALID', message: 'Enter an email address such as someone@contoso.com.' }]);
    expect(await mailboxCount()).toBe(mailboxes);
    expect(await auditCount()).toBe(audits);
    expect((await t.db.prisma.mailbox.findFirst({ where: { emailAddress: 'existing1@contoso.example' } }))!.name).toBe('Existing One');
  });

  it('all or nothing: one bad row and nothing is written', async () => {
    const mailboxes = await mailboxCount();
    const result = await importFile(MIXED, 'allOrNothing', await preview(MIXED));
    expect(result).toMatchObject({ written: false, failed: 3 });
    expect(await mailboxCount()).toBe(mailboxes);
  });

  it('only the valid rows: writes them through the form\'s services, audited as the form audits', async () => {
    const mailboxes = await mailboxCount();
    const audits = await auditCount();
    const seen = await preview(MIXED);
    const result = await importFile(MIXED, 'validRows', seen);
    expect(result).toMatchObject({ written: true, created: 1, updated: 1, unchanged: 1, failed: 3 });
    expect(result.rows.map((row) => row.outcome)).toEqual(seen.rows.map((row) => row.outcome));
    expect(await mailboxCount()).toBe(mailboxes + 1);
    const created = await t.db.prisma.mailbox.findFirst({ where: { emailAddress: 'new.person@contoso.example' } });
    expect(created).toMatchObject({ name: 'New Person', incomingEmailDeliveryMethod: 'serverSideSynchronization', emailAddressStatus: 'pendingApproval', serverProfileId: exchangeOnlineId });
    const renamed = await t.db.prisma.mailbox.findFirst({ where: { emailAddress: 'existing1@contoso.example' } });
    expect(renamed).toMatchObject({ name: 'Existing One Renamed', incomingEmailDeliveryMethod: 'none', version: seen.rows[1]!.expectedVersion! + 1 });
    const entries = await t.db.prisma.auditEntry.findMany({ where: { environmentId: contoso, entityType: 'mailbox' }, orderBy: { at: 'asc' }, skip: audits });
    expect(entries.map((entry) => [entry.entityName, entry.action])).toEqual([['New Person', 'create'], ['Existing One Renamed', 'update']]);
  });

  it('reports a row whose mailbox changed after the preview instead of overwriting it', async () => {
    const file = csv([['Name', 'Email Address'], ['Two From File', 'existing2@contoso.example'], ['Late Arrival', 'late@contoso.example']]);
    const seen = await preview(file);
    expect(seen.rows.map((row) => row.outcome)).toEqual(['update', 'create']);
    const two = (await t.db.prisma.mailbox.findFirst({ where: { emailAddress: 'existing2@contoso.example' } }))!;
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/environments/${contoso}/mailboxes/${two.id}`, headers: admin.headers, payload: { name: 'Two Edited Meanwhile', version: two.version } });
    expect(patch.statusCode).toBe(200);
    await t.db.prisma.mailbox.create({ data: { name: 'Late', emailAddress: 'late@contoso.example', environmentId: contoso, type: 'user', ownerId: sysadminId } });
    const result = await importFile(file, 'validRows', seen);
    expect(result.rows.map((row) => [row.outcome, row.errors[0]?.code, row.errors[0]?.message])).toEqual([
      ['error', 'IMPORT_CHANGED_SINCE_PREVIEW', expect.stringContaining('changed by someone else after the preview')],
      ['error', 'IMPORT_CREATED_SINCE_PREVIEW', expect.stringContaining('created after the preview')],
    ]);
    expect((await t.db.prisma.mailbox.findUnique({ where: { id: two.id } }))!.name).toBe('Two Edited Meanwhile');
  });

  it.each([
    ['an unknown column', csv([['Name', 'Email Address', 'Password'], ['A', 'a@contoso.example', 'x']]),
      { field: 'file', code: 'IMPORT_COLUMNS_UNKNOWN', params: { columns: '"Password"', allowed: expect.stringContaining('Name, Email Address, Owner') } }, 'do not import: "Password"'],
    ['no Email Address column', csv([['Name'], ['A']]),
      { field: 'file', code: 'IMPORT_EMAIL_COLUMN_MISSING', params: { column: 'Email Address' } }, 'The column "Email Address" is required'],
    ['a repeated address', csv([['Email Address'], ['a@contoso.example'], ['A@contoso.example ']]),
      { field: 'emailAddress', code: 'IMPORT_ADDRESS_REPEATED', params: { first: 2, line: 3, address: 'a@contoso.example' } }, 'Lines 2 and 3 both have a@contoso.example'],
    ['no rows', csv([['Name', 'Email Address']]), { field: 'file', code: 'IMPORT_FILE_EMPTY' }, 'The file has no rows'],
    ['too many rows', csv([['Email Address'], ...Array.from({ length: 5001 }, (_, i) => [`r${i}@contoso.example`])]),
      { field: 'file', code: 'IMPORT_FILE_TOO_MANY_ROWS', params: { rows: 5001, max: 5000 } }, 'The file has 5,001 rows; import at most 5,000 at a time.'],
  ])('refuses a file with %s: 400 saying why, by code', async (_, file, coded, message) => {
    const response = await post('import/preview', { file: base64(file) });
    expect(response.statusCode, response.body).toBe(400);
    const { error } = response.json();
    expect(error.fieldErrors[0]).toEqual({ ...coded, message: expect.stringContaining(message) });
    expect(error.messageCode).toBe(coded.code);
  });

  it('says a cell that names no profile or owner, a row of the wrong width and a changed type by code', async () => {
    const file = csv([
      ['Email Address', 'Type', 'Owner', 'Server Profile'],
      ['existing1@contoso.example', 'Queue', '', ''],
      ['nobody1@contoso.example', 'User', 'Nobody Here', ''],
      ['nobody2@contoso.example', 'Robot', '', 'No Such Profile'],
    ]).replace('nobody2@contoso.example,Robot,,No Such Profile', 'nobody2@contoso.example,Robot,,No Such Profile,extra');
    const result = await preview(file);
    expect(result.rows.map((row) => row.errors.map(({ field, requestField, code, params }) => ({ field, requestField, code, params })))).toEqual([
      [{ field: 'Type', requestField: 'type', code: 'IMPORT_TYPE_CANNOT_CHANGE', params: undefined }],
      [{ field: 'Owner', requestField: 'ownerId', code: 'IMPORT_OWNER_NAME_UNKNOWN', params: { name: 'Nobody Here' } }],
      [
        { field: 'row', requestField: undefined, code: 'IMPORT_ROW_CELL_COUNT', params: { cells: 5, header: 4 } },
        { field: 'Type', requestField: 'type', code: 'IMPORT_CHOICE_UNKNOWN', params: { value: 'Robot', choices: 'User, Queue' } },
        { field: 'Server Profile', requestField: 'serverProfileId', code: 'IMPORT_PROFILE_NAME_UNKNOWN', params: { name: 'No Such Profile' } },
      ],
    ]);
  });

  it('says a cell the contract refuses by the request-schema code, with the column as its label', async () => {
    const result = await preview(csv([['Name', 'Email Address'], ['x'.repeat(201), 'long.name@contoso.example']]));
    expect(result.rows[0]!.errors).toEqual([{
      field: 'Name', requestField: 'name', code: 'FIELD_TOO_LONG', params: { label: 'Name', max: 200 }, message: 'Name can be at most 200 characters.',
    }]);
  });

  it('refuses a file that is not UTF-8 (Windows-1252 umlauts) and one that is not base64', async () => {
    const latin1 = Buffer.concat([Buffer.from('Name,Email Address\r\nJ'), Buffer.from([0xfc]), Buffer.from('rgen,j@contoso.example\r\n')]);
    const response = await post('import/preview', { file: base64(latin1) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0]).toEqual({ field: 'file', code: 'IMPORT_FILE_NOT_UTF8', message: expect.stringContaining('not UTF-8') });
    expect((await post('import/preview', { file: 'not base64!' })).statusCode).toBe(400);
  });

  it('is for writers of mailboxes only: support, who reads them, gets a 403', async () => {
    const response = await post('import/preview', { file: base64(csv([['Email Address'], ['s@contoso.example']])) }, support);
    expect(response.statusCode).toBe(403);
  });

  it('round trip of 1,000 mailboxes: export, edit some, import, export again equals the expectation', async () => {
    await t.db.prisma.mailbox.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({
        name: `Round Trip ${String(i).padStart(4, '0')}`, emailAddress: `roundtrip${String(i).padStart(4, '0')}@contoso.example`,
        environmentId: contoso, type: i % 10 === 0 ? 'queue' as const : 'user' as const, ownerId: sysadminId, serverProfileId: i % 3 === 0 ? null : exchangeOnlineId,
      })),
    });
    const columns = 'name,emailAddress,type,owner,serverProfile,incomingEmailStatus,emailAddressStatus';
    const exported = await exportCsv('roundtrip', columns);
    const [header, ...rows] = Papa.parse<string[]>(exported.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1000);
    // Rename every 7th mailbox, take every 11th off its profile; the rest goes back as it came.
    const edited = rows.map((row, i) => [
      i % 7 === 0 ? `${row[0]} (renamed)` : row[0]!, row[1]!, row[2]!, row[3]!, i % 11 === 0 ? '(none)' : row[4]!, row[5]!, row[6]!,
    ]);
    const file = csv([header!, ...edited]);
    const seen = await preview(file);
    const changed = edited.filter((row, i) => row.some((cell, c) => cell !== rows[i]![c])).length;
    expect(seen).toMatchObject({ created: 0, failed: 0, updated: changed, unchanged: 1000 - changed });
    const result = await importFile(file, 'allOrNothing', seen);
    expect(result).toMatchObject({ written: true, updated: changed, failed: 0 });
    const again = Papa.parse<string[]>((await exportCsv('roundtrip', columns)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    // A renamed address keeps its approval state: only a changed address goes back to Pending Approval.
    expect(again).toEqual(edited);
  }, 120_000);
});
