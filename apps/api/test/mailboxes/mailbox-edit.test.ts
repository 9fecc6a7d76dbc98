import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atCurrentVersion, createDemoTestApp, serverProfileId, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

const PASSWORD = 'Mailb0x-Passw0rd-That-Must-Not-Leak';
const SSS = 'serverSideSynchronization';

interface AuditEntry {
  id: string;
  actorId: string | null;
  actorName: string;
  entityType: string;
  entityId: string;
  entityName: string;
  action: string;
  at: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

describe('create and edit one mailbox', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let fabrikam: string;
  const ids = { admin: '', alex: '', sysadmin: '', exchangeOnline: '', retired: '', fabrikamProfile: '', alexMailbox: '' };
  const bodies: string[] = [];

  async function call(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
    const body = method === 'PATCH' && payload ? await atCurrentVersion(t.db, url, payload) : payload;
    const response = await t.app.inject({ method, url, headers: session.headers, remoteAddress: '127.0.0.1', ...(body ? { payload: body } : {}) });
    bodies.push(response.body);
    return response;
  }
  const mailboxes = () => `/api/environments/${contoso}/mailboxes`;
  const mailbox = (id: string) => `${mailboxes()}/${id}`;
  const emailSettings = () => `/api/environments/${contoso}/email-settings`;
  async function auditOf(entityId: string): Promise<AuditEntry[]> {
    const response = await call(admin, 'GET', `/api/environments/${contoso}/audit?entityId=${entityId}&limit=500`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  }
  /** The n-th active seeded Contoso mailbox on Exchange Online with this address status: each test takes its own. */
  async function seeded(emailAddressStatus: 'approved' | 'pendingApproval' | 'rejected' | 'empty', skip = 0) {
    return t.db.prisma.mailbox.findFirstOrThrow({
      where: { environmentId: contoso, type: 'user', ownerId: ids.sysadmin, isActive: true, serverProfileId: ids.exchangeOnline, emailAddressStatus },
      orderBy: { name: 'asc' },
      skip,
    });
  }
  const writes = async () => ({ mailboxes: await t.db.prisma.mailbox.count(), audit: await t.db.prisma.auditEntry.count() });

  beforeAll(async () => {
    ({ t, admin, support, alex, contoso, fabrikam } = await createDemoTestApp());
    ids.admin = await userId(t.db, 'global.admin@contoso.example');
    ids.alex = await userId(t.db, 'alex@contoso.example');
    ids.sysadmin = await userId(t.db, 'sysadmin@contoso.example');
    ids.exchangeOnline = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    ids.retired = await serverProfileId(t.db, contoso, 'Contoso Exchange 2016 (retired)');
    ids.fabrikamProfile = await serverProfileId(t.db, fabrikam, 'Fabrikam Exchange Server');
    ids.alexMailbox = (await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, emailAddress: 'alex@contoso.example' } })).id;
  });
  afterAll(async () => {
    // The mailbox password is write-only: in no response of this file and nowhere in the log.
    expect(bodies.length).toBeGreaterThan(20);
    for (const body of bodies) expect(body).not.toContain(PASSWORD);
    expect(t.logs()).not.toContain(PASSWORD);
    await t.close();
  });

  describe('new mailboxes take the email settings defaults', () => {
    async function setDefaults(methods: Record<string, string>) {
      const response = await call(admin, 'PATCH', emailSettings(), methods);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject(methods);
    }
    afterAll(() => setDefaults({ incomingEmailDeliveryMethod: SSS, outgoingEmailDeliveryMethod: SSS, appointmentsContactsTasksDeliveryMethod: SSS }));

    it('creates a user mailbox with the default profile and the delivery methods of Email settings', async () => {
      await setDefaults({ incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none', appointmentsContactsTasksDeliveryMethod: 'none' });
      const response = await call(admin, 'POST', mailboxes(), { type: 'user', name: '  Nestor Wilke ', emailAddress: ' Nestor.Wilke@Contoso.example ' });
      expect(response.statusCode, response.body).toBe(201);
      const created = response.json();
      expect(created).toMatchObject({
        type: 'user', name: 'Nestor Wilke', emailAddress: 'nestor.wilke@contoso.example', environmentId: contoso,
        ownerId: ids.admin, ownerName: 'Grace Global', isActive: true,
        serverProfileId: ids.exchangeOnline, serverProfileName: 'Microsoft Exchange Online', serverType: 'exchangeOnline',
        incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none', appointmentsContactsTasksDeliveryMethod: 'none',
        emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, passwordSet: false, allowCredentialsForEmailProcessing: false,
        userName: null, testAndEnableRequestedAt: null, lastError: null,
      });
      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: created.id } });
      expect(row).toMatchObject({ environmentId: contoso, serverProfileId: ids.exchangeOnline, incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none' });
    });

    it('creates a queue mailbox with the same defaults', async () => {
      const response = await call(admin, 'POST', mailboxes(), { type: 'queue', name: '<Returns>', emailAddress: 'returns@contoso.example' });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        type: 'queue', serverProfileId: ids.exchangeOnline,
        incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: 'none', appointmentsContactsTasksDeliveryMethod: 'none',
        emailAddressStatus: 'pendingApproval',
      });
    });

    it('gives a user mailbox Outlook for appointments by default, and a queue (which has no Outlook client) not', async () => {
      await setDefaults({ incomingEmailDeliveryMethod: SSS, outgoingEmailDeliveryMethod: SSS, appointmentsContactsTasksDeliveryMethod: 'outlook' });
      const user = await call(admin, 'POST', mailboxes(), { type: 'user', name: 'Lidia Holloway', emailAddress: 'lidia.holloway@contoso.example' });
      expect(user.statusCode, user.body).toBe(201);
      expect(user.json()).toMatchObject({ incomingEmailDeliveryMethod: SSS, outgoingEmailDeliveryMethod: SSS, appointmentsContactsTasksDeliveryMethod: 'outlook' });
      const queue = await call(admin, 'POST', mailboxes(), { type: 'queue', name: '<Press>', emailAddress: 'press@contoso.example' });
      expect(queue.statusCode, queue.body).toBe(201);
      expect(queue.json().appointmentsContactsTasksDeliveryMethod).not.toBe('outlook');
    });

    it('does not refuse a queue mailbox for Outlook delivery methods it never asked for (defaults of Outlook for email)', async () => {
      await setDefaults({ incomingEmailDeliveryMethod: 'outlook', outgoingEmailDeliveryMethod: 'outlook', appointmentsContactsTasksDeliveryMethod: 'outlook' });
      const user = await call(admin, 'POST', mailboxes(), { type: 'user', name: 'Joni Sherman', emailAddress: 'joni.sherman@contoso.example' });
      expect(user.statusCode, user.body).toBe(201);
      expect(user.json()).toMatchObject({ incomingEmailDeliveryMethod: 'outlook', outgoingEmailDeliveryMethod: 'outlook' });
      const queue = await call(admin, 'POST', mailboxes(), { type: 'queue', name: '<Events>', emailAddress: 'events@contoso.example' });
      expect(queue.statusCode, queue.body).toBe(201);
      const created = queue.json();
      for (const field of ['incomingEmailDeliveryMethod', 'outgoingEmailDeliveryMethod', 'appointmentsContactsTasksDeliveryMethod']) {
        expect(created[field], field).not.toBe('outlook');
      }
    });

    it('lets values sent win over the defaults', async () => {
      const response = await call(admin, 'POST', mailboxes(), {
        type: 'user', name: 'Grady Archie', emailAddress: 'grady.archie@contoso.example',
        incomingEmailDeliveryMethod: 'none', serverProfileId: null, isActive: false, ownerId: ids.sysadmin,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        incomingEmailDeliveryMethod: 'none', outgoingEmailDeliveryMethod: 'outlook', serverProfileId: null, serverType: null,
        isActive: false, ownerId: ids.sysadmin, ownerName: 'Sam Sysadmin',
      });
    });

    it('records the creation in the audit log with the values set', async () => {
      const row = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, emailAddress: 'nestor.wilke@contoso.example' } });
      const entries = await auditOf(row.id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ action: 'create', entityType: 'mailbox', entityId: row.id, entityName: 'Nestor Wilke', actorId: ids.admin, actorName: 'Grace Global' });
      expect(entries[0]!.changes).toEqual(expect.arrayContaining([
        { field: 'name', before: null, after: 'Nestor Wilke' },
        { field: 'emailAddress', before: null, after: 'nestor.wilke@contoso.example' },
        { field: 'serverProfileId', before: null, after: ids.exchangeOnline },
        { field: 'incomingEmailDeliveryMethod', before: null, after: 'forwardMailbox' },
      ]));
      expect(entries[0]!.changes.map((c) => c.field)).not.toContain('password');
    });
  });

  describe('validation: 400 naming the field, and nothing written', () => {
    const valid = { type: 'user', name: 'Valid Name', emailAddress: 'valid.name@contoso.example' };

    it.each([
      ['a missing name', { type: 'user', emailAddress: 'no.name@contoso.example' }, 'name', null],
      ['a blank name', { ...valid, name: '   ' }, 'name', 'Name is required.'],
      ['a name over 200 characters', { ...valid, name: 'n'.repeat(201) }, 'name', null],
      ['a missing email address', { type: 'user', name: 'No Address' }, 'emailAddress', null],
      ['a malformed email address', { ...valid, emailAddress: 'not-an-email' }, 'emailAddress', 'Enter an email address such as someone@contoso.com.'],
      ['an address another mailbox of the environment uses (any case)', { ...valid, emailAddress: 'ADELE.VANCE1@contoso.example' }, 'emailAddress', 'Another mailbox in this environment already uses adele.vance1@contoso.example.'],
      ['a queue with Outlook for incoming email', { ...valid, type: 'queue', incomingEmailDeliveryMethod: 'outlook' }, 'incomingEmailDeliveryMethod', null],
      ['a queue with Outlook for appointments', { ...valid, type: 'queue', appointmentsContactsTasksDeliveryMethod: 'outlook' }, 'appointmentsContactsTasksDeliveryMethod', null],
      ['an inactive server profile', { ...valid, serverProfileId: 'RETIRED' }, 'serverProfileId', '"Contoso Exchange 2016 (retired)" is inactive. Choose an active email server profile.'],
      ['a server profile of another environment', { ...valid, serverProfileId: 'FABRIKAM' }, 'serverProfileId', 'The email server profile was not found in this environment.'],
      ['an unknown owner', { ...valid, ownerId: '6b0f7a0e-8d3c-4e55-9a8b-0c1d2e3f4a5b' }, 'ownerId', 'The owner was not found.'],
      ['a malformed owner id', { ...valid, ownerId: 'sam' }, 'ownerId', null],
      ['a user name without Allow to Use Credentials', { ...valid, userName: 'CONTOSO\\valid' }, 'allowCredentialsForEmailProcessing', null],
      ['a password without Allow to Use Credentials', { ...valid, password: PASSWORD }, 'allowCredentialsForEmailProcessing', null],
      ['an unknown type', { ...valid, type: 'room' }, 'type', null],
      ['an unknown field', { ...valid, colour: 'red' }, 'colour', null],
      ['a bad date', { ...valid, processEmailsReceivedAfter: 'yesterday' }, 'processEmailsReceivedAfter', null],
    ])('refuses %s', async (_case, payload, field, message) => {
      const body = { ...payload } as Record<string, unknown>;
      if (body.serverProfileId === 'RETIRED') body.serverProfileId = ids.retired;
      if (body.serverProfileId === 'FABRIKAM') body.serverProfileId = ids.fabrikamProfile;
      const before = await writes();
      const response = await call(admin, 'POST', mailboxes(), body);
      expect(response.statusCode, response.body).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
      if (message) expect(error.fieldErrors).toContainEqual(expect.objectContaining({ field, message }));
      expect(await writes()).toEqual(before);
    });

    it('names every field at fault at once', async () => {
      const response = await call(admin, 'POST', mailboxes(), {
        type: 'queue', name: ' ', emailAddress: 'nope', serverProfileId: ids.retired, outgoingEmailDeliveryMethod: 'outlook',
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors.map((e: { field: string }) => e.field).sort()).toEqual(
        ['emailAddress', 'name', 'outgoingEmailDeliveryMethod', 'serverProfileId'],
      );
    });

    it('refuses a PATCH to an address another mailbox uses, and writes nothing', async () => {
      const target = await seeded('rejected');
      const before = await writes();
      const response = await call(admin, 'PATCH', mailbox(target.id), { emailAddress: 'Bianca.Vance2@contoso.example', name: 'Renamed' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors).toEqual([{ field: 'emailAddress', code: 'EMAIL_ADDRESS_TAKEN', params: { emailAddress: 'bianca.vance2@contoso.example' }, message: 'Another mailbox in this environment already uses bianca.vance2@contoso.example.' }]);
      expect(await writes()).toEqual(before);
      expect(await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: target.name, emailAddress: target.emailAddress });
    });

    it('refuses a PATCH that makes a queue use Outlook', async () => {
      const queue = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, type: 'queue', name: '<Info>' } });
      const response = await call(admin, 'PATCH', mailbox(queue.id), { outgoingEmailDeliveryMethod: 'outlook' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0].field).toBe('outgoingEmailDeliveryMethod');
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: queue.id } })).outgoingEmailDeliveryMethod).toBe(SSS);
    });
  });

  describe('PATCH', () => {
    it('changes only the fields sent', async () => {
      const target = await seeded('approved');
      const before = (await call(admin, 'GET', mailbox(target.id))).json();
      const rowBefore = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target.id } });
      const response = await call(admin, 'PATCH', mailbox(target.id), { syncItemsFromThisOrgOnly: true, processEmailsReceivedAfter: '2026-12-01T00:00:00+01:00' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        ...before, syncItemsFromThisOrgOnly: true, processEmailsReceivedAfter: '2026-11-30T23:00:00.000Z', updatedAt: expect.any(String), version: before.version + 1,
      });
      const rowAfter = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target.id } });
      expect(rowAfter).toEqual({
        ...rowBefore, syncItemsFromThisOrgOnly: true, processEmailsReceivedAfter: new Date('2026-11-30T23:00:00.000Z'), updatedAt: expect.any(Date), version: rowBefore.version + 1,
      });
      expect(rowAfter.emailAddressStatus).toBe('approved');

      const [entry, ...others] = await auditOf(target.id);
      expect(others).toHaveLength(0);
      expect(entry).toMatchObject({ action: 'update', actorId: ids.admin, entityName: target.name });
      expect(entry!.changes).toEqual([
        { field: 'syncItemsFromThisOrgOnly', before: false, after: true },
        { field: 'processEmailsReceivedAfter', before: null, after: '2026-11-30T23:00:00.000Z' },
      ]);
    });

    it('writes nothing, not even an audit entry, when nothing changes', async () => {
      const target = await seeded('approved', 1);
      const before = await writes();
      for (const payload of [{}, { name: target.name, isActive: target.isActive }]) {
        const response = await call(admin, 'PATCH', mailbox(target.id), payload);
        expect(response.statusCode, response.body).toBe(200);
        expect(response.json().name).toBe(target.name);
      }
      expect(await writes()).toEqual(before);
    });

    it('sends a changed email address back to Pending Approval and forgets who approved the old one', async () => {
      const target = await seeded('pendingApproval');
      const approve = await call(admin, 'POST', `/api/environments/${contoso}/mailbox-actions/approve-email`, { target: { ids: [target.id] } });
      expect(approve.statusCode, approve.body).toBe(200);
      expect(approve.json()).toMatchObject({ done: 1, skipped: 0 });
      const approved = (await call(admin, 'GET', mailbox(target.id))).json();
      expect(approved).toMatchObject({ emailAddressStatus: 'approved', emailAddressApprovedById: ids.admin, emailAddressApprovedByName: 'Grace Global' });
      expect(approved.emailAddressApprovedAt).not.toBeNull();

      const response = await call(admin, 'PATCH', mailbox(target.id), { emailAddress: 'moved.away@contoso.example' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        emailAddress: 'moved.away@contoso.example', emailAddressStatus: 'pendingApproval',
        emailAddressApprovedById: null, emailAddressApprovedByName: null, emailAddressApprovedAt: null,
      });
      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target.id } });
      expect(row).toMatchObject({ emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, emailAddressApprovedAt: null });

      const update = (await auditOf(target.id)).find((e) => e.action === 'update');
      expect(update?.changes).toEqual(expect.arrayContaining([
        { field: 'emailAddress', before: target.emailAddress, after: 'moved.away@contoso.example' },
        { field: 'emailAddressStatus', before: 'approved', after: 'pendingApproval' },
      ]));
    });

    it('keeps the approval when only the case of the address changes', async () => {
      const target = await seeded('approved', 2);
      const response = await call(admin, 'PATCH', mailbox(target.id), { emailAddress: target.emailAddress.toUpperCase() });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ emailAddress: target.emailAddress, emailAddressStatus: 'approved' });
    });
  });

  describe('credentials', () => {
    let target: string;
    beforeAll(async () => {
      target = (await seeded('empty')).id;
    });

    it('refuses a user name or password while Allow to Use Credentials for Email Processing is off', async () => {
      const before = await writes();
      for (const payload of [{ userName: 'CONTOSO\\svc-mailbox' }, { password: PASSWORD }, { userName: 'CONTOSO\\svc-mailbox', password: PASSWORD }]) {
        const response = await call(admin, 'PATCH', mailbox(target), payload);
        expect(response.statusCode).toBe(400);
        expect(response.json().error.fieldErrors).toEqual([{
          field: 'allowCredentialsForEmailProcessing',
          code: 'MAILBOX_CREDENTIALS_NOT_ALLOWED',
          message: 'Turn on Allow to Use Credentials for Email Processing to keep a user name and password on this mailbox, or clear them.',
        }]);
      }
      expect(await writes()).toEqual(before);
      expect(await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ userName: null, passwordEncrypted: null });
    });

    it('stores the password encrypted and answers only that it is set', async () => {
      const response = await call(admin, 'PATCH', mailbox(target), { allowCredentialsForEmailProcessing: true, userName: 'CONTOSO\\svc-mailbox', password: PASSWORD });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({ allowCredentialsForEmailProcessing: true, userName: 'CONTOSO\\svc-mailbox', passwordSet: true });
      expect(body).not.toHaveProperty('password');
      expect(body).not.toHaveProperty('passwordEncrypted');
      expect((await call(admin, 'GET', mailbox(target))).json().passwordSet).toBe(true);
      const row = await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target } });
      expect(row.passwordEncrypted).toMatch(/^v1:/);
      expect(row.passwordEncrypted).not.toContain(PASSWORD);
    });

    it('keeps the stored password when a PATCH leaves it out', async () => {
      const response = await call(admin, 'PATCH', mailbox(target), { userName: 'CONTOSO\\svc-mailbox2' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ userName: 'CONTOSO\\svc-mailbox2', passwordSet: true });
    });

    it('refuses turning Allow to Use Credentials off while credentials are stored', async () => {
      const response = await call(admin, 'PATCH', mailbox(target), { allowCredentialsForEmailProcessing: false });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0].field).toBe('allowCredentialsForEmailProcessing');
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target } })).allowCredentialsForEmailProcessing).toBe(true);
    });

    it('clears the password with null', async () => {
      const response = await call(admin, 'PATCH', mailbox(target), { allowCredentialsForEmailProcessing: false, userName: null, password: null });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ allowCredentialsForEmailProcessing: false, userName: null, passwordSet: false });
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: target } })).passwordEncrypted).toBeNull();
    });

    it('accepts a password when creating a mailbox, answering passwordSet', async () => {
      const response = await call(admin, 'POST', mailboxes(), {
        type: 'queue', name: '<Payroll>', emailAddress: 'payroll@contoso.example', allowCredentialsForEmailProcessing: true, userName: 'payroll', password: PASSWORD,
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ passwordSet: true, userName: 'payroll' });
      const [created] = await auditOf(response.json().id);
      expect(created!.changes).toContainEqual({ field: 'password', before: '(not set)', after: '(set)' });
    });

    it('audits every credential change with the password masked', async () => {
      const entries = await auditOf(target);
      expect(entries).toHaveLength(3);
      const passwordChanges = entries.flatMap((e) => e.changes.filter((c) => c.field === 'password'));
      expect(passwordChanges).toHaveLength(2);
      expect(passwordChanges).toEqual(expect.arrayContaining([
        { field: 'password', before: '(not set)', after: '(set)' },
        { field: 'password', before: '(set)', after: '(not set)' },
      ]));
      expect(entries.flatMap((e) => e.changes)).toEqual(expect.arrayContaining([
        { field: 'allowCredentialsForEmailProcessing', before: false, after: true },
        { field: 'userName', before: null, after: 'CONTOSO\\svc-mailbox' },
        { field: 'userName', before: 'CONTOSO\\svc-mailbox', after: 'CONTOSO\\svc-mailbox2' },
      ]));
      expect(JSON.stringify(entries)).not.toContain(PASSWORD);
    });
  });

  describe('who may change a mailbox', () => {
    it('refuses Support (Read only) with 403 and changes nothing', async () => {
      const target = await seeded('rejected', 1);
      const before = await writes();
      const patch = await call(support, 'PATCH', mailbox(target.id), { name: 'Support was here' });
      expect(patch.statusCode).toBe(403);
      expect(patch.json().error.code).toBe('ACCESS_DENIED');
      const create = await call(support, 'POST', mailboxes(), { type: 'user', name: 'By Support', emailAddress: 'by.support@contoso.example' });
      expect(create.statusCode).toBe(403);
      expect(await writes()).toEqual(before);
      // Support still reads it.
      expect((await call(support, 'GET', mailbox(target.id))).statusCode).toBe(200);
    });

    it('lets Alex (Write Mailbox at User level) change his own mailbox', async () => {
      const response = await call(alex, 'PATCH', mailbox(ids.alexMailbox), { syncItemsFromThisOrgOnly: true });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ syncItemsFromThisOrgOnly: true, ownerId: ids.alex });
      const [entry] = await auditOf(ids.alexMailbox);
      expect(entry).toMatchObject({ actorId: ids.alex, actorName: 'Alex Wilber', action: 'update' });
    });

    it('answers Alex 404 (not 403, not 500) for a mailbox he does not own, and changes nothing', async () => {
      const target = await seeded('rejected', 2);
      const before = await writes();
      const response = await call(alex, 'PATCH', mailbox(target.id), { name: 'Alex was here' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      expect(response.body).not.toContain(target.name);
      expect(await writes()).toEqual(before);
    });

    it('refuses Alex giving his mailbox to someone else', async () => {
      const response = await call(alex, 'PATCH', mailbox(ids.alexMailbox), { ownerId: ids.sysadmin });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('ACCESS_DENIED');
      expect((await t.db.prisma.mailbox.findUniqueOrThrow({ where: { id: ids.alexMailbox } })).ownerId).toBe(ids.alex);
    });

    it('lets Alex create a mailbox for himself only', async () => {
      const own = await call(alex, 'POST', mailboxes(), { type: 'user', name: 'Alex Archive', emailAddress: 'alex.archive@contoso.example' });
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json()).toMatchObject({ ownerId: ids.alex, ownerName: 'Alex Wilber' });
      const forOther = await call(alex, 'POST', mailboxes(), { type: 'user', name: 'Not Alex', emailAddress: 'not.alex@contoso.example', ownerId: ids.sysadmin });
      expect(forOther.statusCode).toBe(403);
      expect(await t.db.prisma.mailbox.count({ where: { emailAddress: 'not.alex@contoso.example' } })).toBe(0);
    });

    it('lets an admin give a mailbox to Alex, who then sees and changes it', async () => {
      const target = await seeded('empty', 3);
      const response = await call(admin, 'PATCH', mailbox(target.id), { ownerId: ids.alex });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ ownerId: ids.alex, ownerName: 'Alex Wilber' });
      const [entry] = await auditOf(target.id);
      expect(entry!.changes).toEqual([{ field: 'ownerId', before: ids.sysadmin, after: ids.alex }]);
      expect((await call(alex, 'PATCH', mailbox(target.id), { name: 'Given to Alex' })).statusCode).toBe(200);
    });
  });
});
