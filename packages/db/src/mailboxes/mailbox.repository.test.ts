import { randomBytes } from 'node:crypto';
import {
  EMAIL_ADDRESS_STATUSES,
  MAILBOX_SORT_FIELDS,
  MAILBOX_TEST_STATUSES,
  MAILBOX_TYPES,
  MAILBOX_VIEWS,
  type MailboxFilter,
  type MailboxListItem,
  type MailboxRepository,
  type MailboxSortField,
  type MailboxView,
} from '@sync-admin/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import type { Mailbox as MailboxRow } from '../generated/prisma/client.ts';
import { createSecretCipher } from '../secret-cipher.ts';
import { auditEntry, createEnvironment, createServerProfile, createUser, openTestDatabase } from '../test-database.test-support.ts';
import { createMailboxRepository } from './mailbox.repository.ts';

const cipher = createSecretCipher(randomBytes(32));

/** Names that exercise case-insensitive order, ties, and the LIKE wildcards a search must take literally. */
const NAMES = ['alpha', 'Beta', 'gamma', 'Delta', '100% Sales', '1000 Sales', 'Sales_Team', 'SalesXTeam', 'Back\\slash', 'Zulu', 'echo', 'Echo'];

describe('mailbox repository on PGlite', () => {
  let db: Database;
  let repository: MailboxRepository;
  let clock = 0;
  let contoso: string;
  let fabrikam: string;
  const users = { olivia: '', zed: '', approver: '' };
  const profiles = { online: '', server: '', fabrikam: '' };
  let rows: MailboxRow[];

  /** Every Contoso row, as the database holds it now. */
  async function reload() {
    rows = await db.prisma.mailbox.findMany({ where: { environmentId: contoso } });
  }

  function inView(row: MailboxRow, view: MailboxView): boolean {
    const failed = [row.incomingEmailStatus, row.outgoingEmailStatus, row.appointmentsContactsTasksStatus].includes('failure');
    return {
      active: row.isActive,
      inactive: !row.isActive,
      pendingApproval: row.isActive && row.emailAddressStatus === 'pendingApproval',
      failedTests: row.isActive && failed,
      all: true,
    }[view];
  }

  /** The filter's meaning written independently of the SQL. */
  function matches(row: MailboxRow, filter: MailboxFilter): boolean {
    const search = filter.search?.trim().toLowerCase();
    return inView(row, filter.view)
      && (!search || row.name.toLowerCase().startsWith(search) || row.emailAddress.toLowerCase().startsWith(search))
      && (filter.serverProfileId === undefined || row.serverProfileId === (filter.serverProfileId === 'none' ? null : filter.serverProfileId))
      && (filter.type === undefined || row.type === filter.type)
      && (filter.emailAddressStatus === undefined || row.emailAddressStatus === filter.emailAddressStatus)
      && (filter.ownerId === undefined || row.ownerId === filter.ownerId);
  }

  async function listIds(filter: MailboxFilter, limit = 500) {
    const page = await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 0, limit });
    return { ids: page.items.map((item) => item.id).sort(), total: page.total };
  }

  function expectedIds(filter: MailboxFilter) {
    return rows.filter((row) => matches(row, filter)).map((row) => row.id).sort();
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    repository = createMailboxRepository(db.prisma, cipher, { now: () => clock });
    contoso = (await createEnvironment(db.prisma, 'Contoso')).id;
    fabrikam = (await createEnvironment(db.prisma, 'Fabrikam')).id;
    users.olivia = (await createUser(db.prisma, 'Olivia Owner')).id;
    users.zed = (await createUser(db.prisma, 'Zed Owner')).id;
    users.approver = (await createUser(db.prisma, 'Avery Approver')).id;
    profiles.online = (await createServerProfile(db.prisma, contoso, users.olivia, 'Microsoft Exchange Online')).id;
    profiles.server = (await createServerProfile(db.prisma, contoso, users.zed, 'Contoso Exchange 2019', 'exchangeServer')).id;
    profiles.fabrikam = (await createServerProfile(db.prisma, fabrikam, users.zed, 'Fabrikam Exchange', 'exchangeServer')).id;

    const mailboxes = Array.from({ length: NAMES.length * 3 }, (_, i) => ({
      environmentId: contoso,
      name: i < NAMES.length ? NAMES[i]! : `${NAMES[i % NAMES.length]} ${i}`,
      emailAddress: `m${i}.${NAMES[i % NAMES.length]!.toLowerCase().replace(/[^a-z0-9]/g, '')}@contoso.example`,
      type: i % 5 === 0 ? ('queue' as const) : ('user' as const),
      ownerId: i % 3 === 0 ? users.zed : users.olivia,
      serverProfileId: [null, profiles.server, profiles.online, profiles.online][i % 4]!,
      isActive: i % 7 !== 3,
      emailAddressStatus: EMAIL_ADDRESS_STATUSES[i % 4]!,
      incomingEmailStatus: i % 6 === 0 ? ('failure' as const) : i % 2 ? ('success' as const) : ('notRun' as const),
      outgoingEmailStatus: i % 9 === 4 ? ('failure' as const) : ('success' as const),
      appointmentsContactsTasksStatus: i % 11 === 5 ? ('failure' as const) : ('notRun' as const),
      testCompletedOn: i % 5 === 2 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 8))),
      // Ten distinct dates for 36 rows: ties that only the id can order.
      createdAt: new Date(Date.UTC(2026, 9, 1 + (i % 10))),
    }));
    await db.prisma.mailbox.createMany({ data: mailboxes });
    // The same names in another environment, which no Contoso query may return.
    await db.prisma.mailbox.createMany({
      data: NAMES.map((name, i) => ({ environmentId: fabrikam, name, emailAddress: `m${i}@fabrikam.example`, type: 'user' as const, ownerId: users.zed, serverProfileId: profiles.fabrikam })),
    });
    await reload();
  });
  afterAll(() => db.close());

  describe('listMailboxes', () => {
    it.each(MAILBOX_VIEWS)('the %s view holds exactly its mailboxes, counted', async (view) => {
      const expected = expectedIds({ view });
      expect(expected.length).toBeGreaterThan(0);
      expect(await listIds({ view })).toEqual({ ids: expected, total: expected.length });
    });

    it('returns only the grid columns, with the owner and profile names joined', async () => {
      const page = await repository.listMailboxes(contoso, { view: 'all' }, { sort: 'name', order: 'asc', offset: 0, limit: 500 });
      const item = page.items.find((i) => i.serverProfileId === profiles.server)!;
      expect(Object.keys(item).sort()).toEqual([
        'appointmentsContactsTasksDeliveryMethod', 'appointmentsContactsTasksStatus', 'emailAddress', 'emailAddressStatus', 'id',
        'incomingEmailDeliveryMethod', 'incomingEmailStatus', 'isActive', 'name', 'outgoingEmailDeliveryMethod', 'outgoingEmailStatus',
        'ownerId', 'ownerName', 'serverProfileId', 'serverProfileName', 'testAndEnableRequestedAt', 'testCompletedOn', 'type',
      ] satisfies (keyof MailboxListItem)[]);
      expect(item.serverProfileName).toBe('Contoso Exchange 2019');
      expect(item.ownerName).toBe(item.ownerId === users.zed ? 'Zed Owner' : 'Olivia Owner');
      expect(page.items.find((i) => i.serverProfileId === null)!.serverProfileName).toBeNull();
      const dated = page.items.find((i) => i.testCompletedOn !== null)!;
      expect(dated.testCompletedOn).toBeInstanceOf(Date);
    });

    it.each([
      ['a name prefix, any case', 'SALES', ['Sales_Team', 'SalesXTeam']],
      ['an email address prefix', 'm1', null],
      ['% as a literal character', '100%', ['100% Sales']],
      ['_ as a literal character', 'sales_', ['Sales_Team']],
      ['a backslash as a literal character', 'back\\', ['Back\\slash']],
      ['surrounding spaces ignored', '  zulu ', ['Zulu']],
    ] as const)('searches by %s', async (_, search, names) => {
      const filter: MailboxFilter = { view: 'all', search };
      const found = await listIds(filter);
      expect(found).toEqual({ ids: expectedIds(filter), total: expectedIds(filter).length });
      if (names) {
        const foundNames = rows.filter((row) => found.ids.includes(row.id)).map((row) => row.name.replace(/ \d+$/, ''));
        expect([...new Set(foundNames)].sort()).toEqual([...names].sort());
      } else {
        expect(found.ids.length).toBeGreaterThan(1);
      }
    });

    it('searches by "begins with", not "contains"', async () => {
      expect((await listIds({ view: 'all', search: 'team' })).ids).toEqual([]);
      expect((await listIds({ view: 'all', search: 'lpha' })).ids).toEqual([]);
    });

    it.each<[string, () => MailboxFilter]>([
      ['a server profile', () => ({ view: 'all', serverProfileId: profiles.online })],
      ['no server profile', () => ({ view: 'all', serverProfileId: 'none' })],
      ['the type', () => ({ view: 'all', type: 'queue' })],
      ['the email address status', () => ({ view: 'all', emailAddressStatus: 'rejected' })],
      ['the owner', () => ({ view: 'all', ownerId: users.zed })],
      ['everything at once', () => ({ view: 'active', search: 'e', serverProfileId: profiles.online, type: 'user', ownerId: users.olivia })],
    ])('filters by %s', async (_, filter) => {
      const expected = expectedIds(filter());
      expect(expected.length).toBeGreaterThan(0);
      expect(await listIds(filter())).toEqual({ ids: expected, total: expected.length });
    });

    describe.each(MAILBOX_SORT_FIELDS)('sorted by %s', (sort: MailboxSortField) => {
      /** The order the grid promises, computed here: enums in declaration order, names case-insensitively. */
      function compare(a: MailboxRow, b: MailboxRow): number {
        const value = (row: MailboxRow): string | number | null => {
          switch (sort) {
            case 'name': return row.name.toLowerCase();
            case 'emailAddress': return row.emailAddress.toLowerCase();
            case 'type': return MAILBOX_TYPES.indexOf(row.type);
            case 'emailAddressStatus': return EMAIL_ADDRESS_STATUSES.indexOf(row.emailAddressStatus);
            case 'testCompletedOn': return row.testCompletedOn?.getTime() ?? null;
            case 'createdAt': return row.createdAt.getTime();
            default: return MAILBOX_TEST_STATUSES.indexOf(row[sort]);
          }
        };
        const [x, y] = [value(a), value(b)];
        if (x !== y) {
          if (x === null) return -1;
          if (y === null) return 1;
          return x < y ? -1 : 1;
        }
        return a.id < b.id ? -1 : 1;
      }

      it('ascending: in order, ties broken by id', async () => {
        const page = await repository.listMailboxes(contoso, { view: 'all' }, { sort, order: 'asc', offset: 0, limit: 500 });
        expect(page.items.map((item) => item.id)).toEqual([...rows].sort(compare).map((row) => row.id));
      });

      it('descending: exactly the reverse', async () => {
        const page = await repository.listMailboxes(contoso, { view: 'all' }, { sort, order: 'desc', offset: 0, limit: 500 });
        expect(page.items.map((item) => item.id)).toEqual([...rows].sort(compare).reverse().map((row) => row.id));
      });

      it.each(['asc', 'desc'] as const)('pages of 5 (%s) neither repeat nor skip a row', async (order) => {
        const whole = await repository.listMailboxes(contoso, { view: 'active' }, { sort, order, offset: 0, limit: 500 });
        const paged: string[] = [];
        for (let offset = 0; offset < whole.total; offset += 5) {
          const page = await repository.listMailboxes(contoso, { view: 'active' }, { sort, order, offset, limit: 5 });
          expect(page.total).toBe(whole.total);
          paged.push(...page.items.map((item) => item.id));
        }
        expect(paged).toEqual(whole.items.map((item) => item.id));
      });
    });

    it('reuses a total for 30 seconds, and a write through the repository drops it at once', async () => {
      const filter: MailboxFilter = { view: 'pendingApproval' };
      const page = { sort: 'name', order: 'asc', offset: 0, limit: 2 } as const;
      const before = (await repository.listMailboxes(contoso, filter, page)).total;

      // A write behind the repository's back (another process) is not counted until the total expires.
      const outside = await db.prisma.mailbox.create({
        data: { environmentId: contoso, type: 'user', name: 'Written elsewhere', emailAddress: 'elsewhere@contoso.example', ownerId: users.olivia },
      });
      expect((await repository.listMailboxes(contoso, filter, page)).total).toBe(before);
      clock += 30_001;
      expect((await repository.listMailboxes(contoso, filter, page)).total).toBe(before + 1);

      // A write through the repository is counted on the next request.
      await repository.approveMailboxes([outside], users.approver, new Date(), []);
      expect((await repository.listMailboxes(contoso, filter, page)).total).toBe(before);
      // The same filter with its properties in another order or padded search shares the total.
      expect((await repository.listMailboxes(contoso, { search: ' ', view: 'pendingApproval' }, page)).total).toBe(before);
      await db.prisma.mailbox.delete({ where: { id: outside.id } });
      clock += 30_001;
    });

    it('corrects a stale total from a short last page', async () => {
      const filter: MailboxFilter = { view: 'all', search: 'zulu' };
      const first = await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 0, limit: 1 });
      const outside = await db.prisma.mailbox.create({
        data: { environmentId: contoso, type: 'user', name: 'Zulu elsewhere', emailAddress: 'zulu.elsewhere@contoso.example', ownerId: users.olivia },
      });
      const all = await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 0, limit: 500 });
      expect(all.total).toBe(first.total + 1);
      expect(all.items).toHaveLength(first.total + 1);
      await db.prisma.mailbox.delete({ where: { id: outside.id } });
    });

    it('counts again when a page contradicts the cached total', async () => {
      const filter: MailboxFilter = { view: 'all', search: 'beta' };
      const first = await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 0, limit: 1 });
      expect(first.total).toBe(3);
      // Two more rows written elsewhere: a full page beyond the cached total proves it stale.
      await db.prisma.mailbox.createMany({
        data: ['Beta elsewhere 1', 'Beta elsewhere 2'].map((name, i) => ({ environmentId: contoso, type: 'user' as const, name, emailAddress: `beta.elsewhere${i}@contoso.example`, ownerId: users.olivia })),
      });
      expect((await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 2, limit: 2 })).total).toBe(5);
      // And rows deleted elsewhere: an empty page before the cached end is counted again too.
      await db.prisma.mailbox.deleteMany({ where: { name: { startsWith: 'Beta elsewhere' } } });
      expect(await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 4, limit: 2 })).toEqual({ items: [], total: 3 });
      // Past the end, an empty page keeps the true total, not the offset.
      expect(await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 50, limit: 2 })).toEqual({ items: [], total: 3 });
    });

    it('ignores other environments', async () => {
      const page = await repository.listMailboxes(fabrikam, { view: 'all' }, { sort: 'name', order: 'asc', offset: 0, limit: 500 });
      expect(page.total).toBe(NAMES.length);
      expect(page.items.every((item) => item.serverProfileId === profiles.fabrikam)).toBe(true);
    });
  });

  describe('findMailboxesForCommand', () => {
    it('finds the given ids of this environment only; other environments and malformed ids are not found', async () => {
      const ours = rows.slice(0, 3).map((row) => row.id);
      const theirs = (await db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: fabrikam } })).id;
      const found = await repository.findMailboxesForCommand(contoso, { ids: [...ours, theirs, 'not-a-uuid', ours[0]!] });
      expect(found.map((row) => row.id).sort()).toEqual([...ours].sort());
    });

    it('returns what a command decides on, with the profile server type', async () => {
      const row = rows.find((r) => r.serverProfileId === profiles.server)!;
      const [found] = await repository.findMailboxesForCommand(contoso, { ids: [row.id] });
      expect(found).toEqual({
        id: row.id, name: row.name, type: row.type, emailAddress: row.emailAddress, ownerId: row.ownerId, isActive: row.isActive,
        serverProfileId: profiles.server, serverType: 'exchangeServer', emailAddressStatus: row.emailAddressStatus,
        incomingEmailDeliveryMethod: row.incomingEmailDeliveryMethod, outgoingEmailDeliveryMethod: row.outgoingEmailDeliveryMethod,
        appointmentsContactsTasksDeliveryMethod: row.appointmentsContactsTasksDeliveryMethod, testAndEnableRequestedAt: null,
      });
      const [withoutProfile] = await repository.findMailboxesForCommand(contoso, { ids: [rows.find((r) => r.serverProfileId === null)!.id] });
      expect(withoutProfile!.serverType).toBeNull();
    });

    it.each<MailboxFilter>([
      { view: 'pendingApproval' },
      { view: 'all', search: 'sales' },
      { view: 'failedTests', type: 'user' },
      { view: 'active', serverProfileId: 'none' },
    ])('finds every mailbox that matches a filter, as the grid shows them: %j', async (filter) => {
      const found = await repository.findMailboxesForCommand(contoso, { filter });
      expect(found.map((row) => row.id).sort()).toEqual(expectedIds(filter));
      const grid = await repository.listMailboxes(contoso, filter, { sort: 'name', order: 'asc', offset: 0, limit: 500 });
      expect(found.map((row) => row.id)).toEqual(grid.items.map((item) => item.id));
    });
  });

  describe('bulk writes', () => {
    it('approves the pending rows in one go, skips rows already approved, and audits only what changed', async () => {
      const pending = rows.filter((r) => r.emailAddressStatus === 'pendingApproval').slice(0, 3);
      const approved = rows.find((r) => r.emailAddressStatus === 'approved')!;
      const at = new Date('2026-11-21T09:30:00.000Z');
      const targets = [...pending, approved];
      const audit = targets.map((row) => auditEntry({
        environmentId: contoso, entityId: row.id, entityName: row.name, action: 'approveEmail', at, actorId: users.approver,
        changes: [{ field: 'emailAddressStatus', before: row.emailAddressStatus, after: 'approved' }],
      }));
      const auditBefore = await db.prisma.auditEntry.count();

      await repository.approveMailboxes(targets, users.approver, at, audit);

      for (const row of pending) {
        const mailbox = (await repository.findMailbox(contoso, row.id))!;
        expect(mailbox).toMatchObject({ emailAddressStatus: 'approved', emailAddressApprovedById: users.approver, emailAddressApprovedByName: 'Avery Approver', emailAddressApprovedAt: at });
      }
      // The row approved before keeps who approved it and when.
      const untouched = await db.prisma.mailbox.findUniqueOrThrow({ where: { id: approved.id } });
      expect(untouched.emailAddressApprovedById).toBe(approved.emailAddressApprovedById);
      expect(untouched.updatedAt).toEqual(approved.updatedAt);

      expect(await db.prisma.auditEntry.count()).toBe(auditBefore + pending.length);
      const written = await db.prisma.auditEntry.findMany({ where: { entityId: { in: targets.map((r) => r.id) }, action: 'approveEmail' } });
      expect(written.map((e) => e.entityId).sort()).toEqual(pending.map((r) => r.id).sort());
      const first = written.find((e) => e.entityId === pending[0]!.id)!;
      expect(first).toMatchObject({
        environmentId: contoso, at, actorId: users.approver, actorName: 'Avery Approver', entityType: 'mailbox', entityName: pending[0]!.name,
        action: 'approveEmail', changes: [{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }],
      });
      await reload();
    });

    it('sets only the synchronization fields given, a cleared profile included', async () => {
      const targets = rows.filter((r) => r.serverProfileId === profiles.online).slice(0, 2);
      await repository.setSynchronizationMethod(targets, { serverProfileId: null, incomingEmailDeliveryMethod: 'forwardMailbox' },
        targets.map((row) => auditEntry({ environmentId: contoso, entityId: row.id, entityName: row.name, changes: [{ field: 'serverProfileId', before: profiles.online, after: null }] })));
      for (const row of targets) {
        const mailbox = (await repository.findMailbox(contoso, row.id))!;
        expect(mailbox).toMatchObject({ serverProfileId: null, serverProfileName: null, incomingEmailDeliveryMethod: 'forwardMailbox', outgoingEmailDeliveryMethod: row.outgoingEmailDeliveryMethod });
      }
      await repository.setSynchronizationMethod(targets, { serverProfileId: profiles.online, incomingEmailDeliveryMethod: 'serverSideSynchronization' }, []);
      expect((await repository.findMailbox(contoso, targets[0]!.id))!.serverProfileName).toBe('Microsoft Exchange Online');
      await reload();
    });

    it('approves 10,000 mailboxes with their 10,000 audit rows', async () => {
      await db.prisma.$executeRawUnsafe(
        `INSERT INTO "Mailbox" ("id", "environmentId", "type", "name", "emailAddress", "ownerId", "updatedAt")
         SELECT gen_random_uuid(), $1::uuid, 'user', 'Bulk ' || n, 'bulk' || n || '@fabrikam.example', $2::uuid, now()
         FROM generate_series(1, 10000) AS n`,
        fabrikam, users.zed,
      );
      const targets = await repository.findMailboxesForCommand(fabrikam, { filter: { view: 'pendingApproval', search: 'bulk' } });
      expect(targets).toHaveLength(10_000);
      const at = new Date();
      await repository.approveMailboxes(targets, users.approver, at, targets.map((row) => auditEntry({
        environmentId: fabrikam, entityId: row.id, entityName: row.name, action: 'approveEmail', at,
        changes: [{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }],
      })));
      expect(await db.prisma.mailbox.count({ where: { environmentId: fabrikam, emailAddressStatus: 'approved', emailAddressApprovedById: users.approver } })).toBe(10_000);
      expect(await db.prisma.auditEntry.count({ where: { environmentId: fabrikam, action: 'approveEmail' } })).toBe(10_000);
      const page = await repository.listMailboxes(fabrikam, { view: 'pendingApproval', search: 'bulk' }, { sort: 'name', order: 'asc', offset: 0, limit: 10 });
      expect(page.total).toBe(0);
    }, 60_000);
  });

  describe('one mailbox', () => {
    const settings = {
      name: 'New Queue', emailAddress: 'new.queue@contoso.example', ownerId: '', isActive: true, serverProfileId: null,
      incomingEmailDeliveryMethod: 'serverSideSynchronization', outgoingEmailDeliveryMethod: 'serverSideSynchronization',
      appointmentsContactsTasksDeliveryMethod: 'none', syncItemsFromThisOrgOnly: false, allowCredentialsForEmailProcessing: true,
      userName: 'svc-queue', processEmailsReceivedAfter: new Date('2026-01-01T00:00:00.000Z'),
    } as const;

    it('creates a mailbox with an encrypted password and its audit entry, in one transaction', async () => {
      const created = await repository.createMailbox(
        { environmentId: contoso, type: 'queue', write: { settings: { ...settings, ownerId: users.olivia, serverProfileId: profiles.online }, password: 'Queue-Passw0rd', emailAddressStatus: 'pendingApproval' } },
        (id) => auditEntry({ environmentId: contoso, entityId: id, entityName: 'New Queue', action: 'create' }),
      );
      expect(created).toMatchObject({
        environmentId: contoso, type: 'queue', name: 'New Queue', ownerName: 'Olivia Owner', serverProfileName: 'Microsoft Exchange Online',
        serverType: 'exchangeOnline', passwordSet: true, emailAddressStatus: 'pendingApproval', lastError: null, userName: 'svc-queue',
        processEmailsReceivedAfter: settings.processEmailsReceivedAfter,
      });
      if (created === 'emailAddressTaken') throw new Error('the address is free');
      expect(JSON.stringify(created)).not.toContain('Queue-Passw0rd');
      const row = await db.prisma.mailbox.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.passwordEncrypted).not.toContain('Queue-Passw0rd');
      expect(cipher.decrypt(row.passwordEncrypted!)).toBe('Queue-Passw0rd');
      expect(await db.prisma.auditEntry.count({ where: { entityId: created.id, action: 'create' } })).toBe(1);
      await reload();
    });

    it('writes nothing when the audit entry cannot be stored', async () => {
      const count = await db.prisma.mailbox.count();
      await expect(repository.createMailbox(
        { environmentId: contoso, type: 'user', write: { settings: { ...settings, name: 'Doomed', emailAddress: 'doomed@contoso.example', ownerId: users.olivia } } },
        (id) => auditEntry({ environmentId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', entityId: id }),
      )).rejects.toThrow();
      expect(await db.prisma.mailbox.count()).toBe(count);
    });

    it('changes nothing at a version no longer current, nor onto an address another mailbox has in any case', async () => {
      await reload();
      const [first, second] = rows;
      const audit = auditEntry({ environmentId: contoso, entityId: first!.id });
      expect(await repository.updateMailbox(contoso, first!.id, first!.version - 1, { settings: { name: 'Stale write' } }, audit)).toBe('stale');
      expect(await repository.updateMailbox(contoso, first!.id, first!.version, { settings: { emailAddress: second!.emailAddress.toUpperCase() } }, audit))
        .toBe('emailAddressTaken');
      expect(await repository.createMailbox(
        { environmentId: contoso, type: 'user', write: { settings: { ...settings, emailAddress: ` ${second!.emailAddress.toUpperCase()}`.trim(), ownerId: users.olivia } } },
        (id) => auditEntry({ environmentId: contoso, entityId: id }),
      )).toBe('emailAddressTaken');
      const row = await db.prisma.mailbox.findUniqueOrThrow({ where: { id: first!.id } });
      expect(row).toMatchObject({ name: first!.name, emailAddress: first!.emailAddress, version: first!.version });
    });

    it('approves only rows whose address, owner and profile are still as read, and says which', async () => {
      await reload();
      const [kept, renamed] = rows.filter((r) => r.emailAddressStatus === 'pendingApproval');
      // Read, then renamed by someone else before the approval lands.
      await db.prisma.mailbox.update({ where: { id: renamed!.id }, data: { emailAddress: `renamed.${renamed!.emailAddress}` } });
      const approved = await repository.approveMailboxes([kept!, renamed!], users.approver, new Date(), [kept!, renamed!].map((row) => auditEntry({
        environmentId: contoso, entityId: row.id, action: 'approveEmail', changes: [{ field: 'emailAddressStatus', before: 'pendingApproval', after: 'approved' }],
      })));
      expect([...approved]).toEqual([kept!.id]);
      expect((await db.prisma.mailbox.findUniqueOrThrow({ where: { id: renamed!.id } })).emailAddressStatus).toBe('pendingApproval');
      expect(await db.prisma.auditEntry.count({ where: { entityId: renamed!.id, action: 'approveEmail' } })).toBe(0);
      await db.prisma.mailbox.update({ where: { id: renamed!.id }, data: { emailAddress: renamed!.emailAddress } });
      await db.prisma.mailbox.update({ where: { id: kept!.id }, data: { emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, emailAddressApprovedAt: null } });
      await reload();
    });

    it('updates what is sent; a status other than Approved clears who approved; null clears the password', async () => {
      const target = rows.find((r) => r.name === 'New Queue')!;
      await repository.approveMailboxes([target], users.approver, new Date(), []);
      const updated = await repository.updateMailbox(contoso, target.id, target.version, {
        settings: { emailAddress: 'renamed.queue@contoso.example' }, password: null, emailAddressStatus: 'pendingApproval',
      }, auditEntry({ environmentId: contoso, entityId: target.id }));
      expect(updated).toMatchObject({
        name: 'New Queue', emailAddress: 'renamed.queue@contoso.example', passwordSet: false,
        emailAddressStatus: 'pendingApproval', emailAddressApprovedById: null, emailAddressApprovedAt: null, emailAddressApprovedByName: null,
      });
      const kept = await repository.updateMailbox(contoso, target.id, target.version + 1, { settings: { userName: null } }, auditEntry({ environmentId: contoso, entityId: target.id }));
      expect(kept).toMatchObject({ userName: null, emailAddress: 'renamed.queue@contoso.example', ownerId: users.olivia });
      expect(await db.prisma.auditEntry.count({ where: { entityId: target.id, action: 'update' } })).toBe(2);
    });

    it('reports the last error only when there is one', async () => {
      const row = rows[1]!;
      await db.prisma.mailbox.update({ where: { id: row.id }, data: { lastErrorCode: 'HTTP401', lastErrorMessage: 'Rejected (401).', lastErrorAt: new Date('2026-11-02T08:00:00.000Z') } });
      expect((await repository.findMailbox(contoso, row.id))!.lastError).toEqual({ code: 'HTTP401', message: 'Rejected (401).', at: new Date('2026-11-02T08:00:00.000Z') });
      expect((await repository.findMailbox(contoso, rows[2]!.id))!.lastError).toBeNull();
    });

    it('finds a mailbox in its own environment only', async () => {
      expect(await repository.findMailbox(fabrikam, rows[0]!.id)).toBeNull();
    });

    it('knows whether an email address is taken, ignoring case, the mailbox itself and other environments', async () => {
      const row = rows.find((r) => r.environmentId === contoso && r.name === 'alpha')!;
      expect(await repository.isEmailAddressTaken(contoso, row.emailAddress.toUpperCase())).toBe(true);
      expect(await repository.isEmailAddressTaken(contoso, row.emailAddress, row.id)).toBe(false);
      expect(await repository.isEmailAddressTaken(fabrikam, row.emailAddress)).toBe(false);
      expect(await repository.isEmailAddressTaken(contoso, 'm0%')).toBe(false);
    });
  });
});
