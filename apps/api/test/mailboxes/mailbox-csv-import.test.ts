import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, environmentId, serverProfileId, signIn, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface ImportRow { line: number; emailAddress: string; outcome: string; expectedVersion: number | null; changedFields: string[]; errors: { field: string; message: string }[] }
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
    expect(result.rows[2]!.errors).toEqual([{ field: 'Incoming Email', message: expect.stringContaining('"Carrier pigeon" is not one of: None, Microsoft Dynamics 365 for Outlook') }]);
    expect(result.rows[3]!.errors).toEqual([{ field: 'Incoming Email', message: expect.stringContaining('not available for queue mailboxes') }]);
    expect(result.rows[4]!.errors).toEqual([{ field: 'Email Address', message: 'Enter an email address such as someone@contoso.com.' }]);
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
    expect(result.rows.map((row) => [row.outcome, row.errors[0]?.message])).toEqual([
      ['error', expect.stringContaining('changed by someone else after the preview')],
      ['error', expect.stringContaining('created after the preview')],
    ]);
    expect((await t.db.prisma.mailbox.findUnique({ where: { id: two.id } }))!.name).toBe('Two Edited Meanwhile');
  });

  it.each([
    ['an unknown column', csv([['Name', 'Email Address', 'Password'], ['A', 'a@contoso.example', 'x']]), 'Unknown column: "Password"'],
    ['no Email Address column', csv([['Name'], ['A']]), 'The column "Email Address" is required'],
    ['a repeated address', csv([['Email Address'], ['a@contoso.example'], ['A@contoso.example ']]), 'Lines 2 and 3 both have a@contoso.example'],
    ['no rows', csv([['Name', 'Email Address']]), 'The file has no rows'],
    ['too many rows', csv([['Email Address'], ...Array.from({ length: 5001 }, (_, i) => [`r${i}@contoso.example`])]), 'import at most 5000'],
  ])('refuses a file with %s: 400 saying why', async (_, file, message) => {
    const response = await post('import/preview', { file: base64(file) });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fieldErrors[0].message).toContain(message);
  });

  it('refuses a file that is not UTF-8 (Windows-1252 umlauts) and one that is not base64', async () => {
    const latin1 = Buffer.concat([Buffer.from('Name,Email Address\r\nJ'), Buffer.from([0xfc]), Buffer.from('rgen,j@contoso.example\r\n')]);
    const response = await post('import/preview', { file: base64(latin1) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fieldErrors[0]).toEqual({ field: 'file', message: expect.stringContaining('not UTF-8') });
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
