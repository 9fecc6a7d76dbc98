import { MAILBOX_SORT_FIELDS, type MailboxSortField, type MailboxView } from '@sync-admin/contract';
import type { Prisma } from '@sync-admin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestApp, serverProfileId, userId, type SignedIn, type TestApp } from '../helpers/test-app.ts';

interface Row {
  id: string;
  name: string;
  emailAddress: string;
  type: string;
  ownerId: string;
  serverProfileId: string | null;
  emailAddressStatus: string;
  [field: string]: unknown;
}

/**
 * What each view of Settings > Email > Mailboxes holds, written as database filters by hand, so the API's
 * totals are checked against counts computed independently of the repository's SQL. Like Dynamics 365's
 * system views, the approval and failed-test views list active mailboxes.
 */
const FAILED_TEST: Prisma.MailboxWhereInput = {
  OR: [{ incomingEmailStatus: 'failure' }, { outgoingEmailStatus: 'failure' }, { appointmentsContactsTasksStatus: 'failure' }],
};
const VIEWS: [MailboxView, Prisma.MailboxWhereInput][] = [
  ['active', { isActive: true }],
  ['inactive', { isActive: false }],
  ['pendingApproval', { isActive: true, emailAddressStatus: 'pendingApproval' }],
  ['failedTests', { isActive: true, ...FAILED_TEST }],
  ['all', {}],
];

describe('Settings > Email > Mailboxes: views, Quick Find, filters, sort and paging', () => {
  let t: TestApp;
  let admin: SignedIn;
  let support: SignedIn;
  let alex: SignedIn;
  let contoso: string;
  let fabrikam: string;
  let exchangeOnlineId: string;
  let alexId: string;

  const list = (query: Record<string, string | number> = {}, session = admin, environment = contoso) =>
    t.app.inject({
      method: 'GET',
      url: `/api/environments/${environment}/mailboxes?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`,
      headers: session.headers,
    });
  const count = (where: Prisma.MailboxWhereInput, environment = contoso) => t.db.prisma.mailbox.count({ where: { environmentId: environment, ...where } });

  async function listAll(query: Record<string, string | number>, session = admin): Promise<{ items: Row[]; total: number }> {
    const response = await list({ ...query, limit: 500 }, session);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  beforeAll(async () => {
    ({ t, admin, support, alex, contoso, fabrikam } = await createDemoTestApp());
    exchangeOnlineId = await serverProfileId(t.db, contoso, 'Microsoft Exchange Online');
    alexId = await userId(t.db, 'alex@contoso.example');
    const sysadminId = await userId(t.db, 'sysadmin@contoso.example');
    // Names with LIKE wildcards, and look-alikes a wildcard would wrongly match.
    await t.db.prisma.mailbox.createMany({
      data: [
        { name: '100% Club', emailAddress: 'club100@contoso.example' },
        { name: '1000 Things', emailAddress: 'things1000@contoso.example' },
        { name: 'Under_score', emailAddress: 'under_score@contoso.example' },
        { name: 'UnderXscore', emailAddress: 'underxscore@contoso.example' },
      ].map((m) => ({ ...m, environmentId: contoso, type: 'user' as const, ownerId: sysadminId, serverProfileId: exchangeOnlineId })),
    });
  });
  afterAll(() => t.close());

  it('seeds enough rows in every view for the counts to mean something', async () => {
    for (const [, where] of VIEWS) expect(await count(where)).toBeGreaterThan(4);
    expect(await count({})).toBe(300 + 1 + 5 + 4);
  });

  it.each(VIEWS)('the %s view totals what the database holds, on every page', async (view, where) => {
    const expected = await count(where);
    const first = await list({ view, limit: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json().total).toBe(expected);
    expect(first.json().items).toHaveLength(1);
    const everything = await listAll({ view });
    expect(everything.total).toBe(expected);
    expect(everything.items).toHaveLength(expected);
    // Every row returned belongs to the view: read back the rows and check them against the same filter.
    const ids = everything.items.map((r) => r.id);
    expect(await count({ id: { in: ids }, ...where })).toBe(expected);
  });

  it('defaults to the Active Mailboxes view', async () => {
    expect((await list()).json().total).toBe(await count({ isActive: true }));
  });

  describe('Quick Find', () => {
    const beginsWith = (text: string): Prisma.MailboxWhereInput => ({
      OR: [{ name: { startsWith: text, mode: 'insensitive' } }, { emailAddress: { startsWith: text, mode: 'insensitive' } }],
    });

    it.each(['Adele', 'ADELE', 'adele', 'megan.', 'Patti Cho', '<Sup'])('finds names or addresses beginning with "%s", ignoring case', async (search) => {
      const expected = await count(beginsWith(search));
      expect(expected).toBeGreaterThan(0);
      const page = await listAll({ view: 'all', search });
      expect(page.total).toBe(expected);
      for (const row of page.items) {
        const matches = row.name.toLowerCase().startsWith(search.toLowerCase()) || row.emailAddress.toLowerCase().startsWith(search.toLowerCase());
        expect(matches, `${row.name} <${row.emailAddress}>`).toBe(true);
      }
    });

    it('matches the beginning only, not text inside the name or address', async () => {
      // Every seeded name contains "Vance" or "Pai" in the middle; none begins with it.
      expect(await count({ name: { contains: 'Vance' } })).toBeGreaterThan(0);
      expect((await listAll({ view: 'all', search: 'Vance' })).total).toBe(0);
      expect((await listAll({ view: 'all', search: 'contoso.example' })).total).toBe(0);
    });

    it('trims the search text', async () => {
      expect((await listAll({ view: 'all', search: '  Adele  ' })).total).toBe(await count(beginsWith('Adele')));
    });

    it.each([
      ['100%', ['100% Club']],
      ['%', []],
      ['Under_', ['Under_score']],
      ['_', []],
      ['1000', ['1000 Things']],
    ])('treats "%" and "_" literally: "%s" finds %j', async (search, names) => {
      const page = await listAll({ view: 'all', search });
      expect(page.items.map((r) => r.name).sort()).toEqual(names);
      expect(page.total).toBe(names.length);
    });

    it('refuses search text over 200 characters', async () => {
      const response = await list({ search: 'a'.repeat(201) });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0].field).toBe('search');
    });
  });

  describe('filters', () => {
    it('filters by server profile', async () => {
      const page = await listAll({ view: 'all', serverProfileId: exchangeOnlineId });
      expect(page.total).toBe(await count({ serverProfileId: exchangeOnlineId }));
      expect(page.items.every((r) => r.serverProfileId === exchangeOnlineId)).toBe(true);
    });

    it('filters mailboxes without a server profile with serverProfileId=none', async () => {
      const expected = await count({ serverProfileId: null });
      // Every 17th seeded mailbox has no profile: n = 0, 17, …, 289.
      expect(expected).toBe(18);
      const page = await listAll({ view: 'all', serverProfileId: 'none' });
      expect(page.total).toBe(expected);
      expect(page.items.every((r) => r.serverProfileId === null && r.serverProfileName === null)).toBe(true);
    });

    it('finds nothing for a profile of another environment', async () => {
      const fabrikamProfile = await t.db.prisma.serverProfile.findFirstOrThrow({ where: { environmentId: fabrikam } });
      const response = await list({ view: 'all', serverProfileId: fabrikamProfile.id });
      expect(response.statusCode).toBe(200);
      expect(response.json().total).toBe(0);
    });

    it.each([
      [{ type: 'queue' }, { type: 'queue' }],
      [{ type: 'user' }, { type: 'user' }],
      [{ emailAddressStatus: 'rejected' }, { emailAddressStatus: 'rejected' }],
      [{ emailAddressStatus: 'empty' }, { emailAddressStatus: 'empty' }],
      [{ emailAddressStatus: 'approved', type: 'queue' }, { emailAddressStatus: 'approved', type: 'queue' }],
      [{ incomingEmailStatus: 'failure' }, { incomingEmailStatus: 'failure' }],
      [{ outgoingEmailStatus: 'success' }, { outgoingEmailStatus: 'success' }],
      [{ appointmentsContactsTasksStatus: 'notRun' }, { appointmentsContactsTasksStatus: 'notRun' }],
      [{ incomingEmailStatus: 'failure', type: 'user' }, { incomingEmailStatus: 'failure', type: 'user' }],
    ] as [Record<string, string>, Prisma.MailboxWhereInput][])('filters by %j', async (query, where) => {
      const page = await listAll({ view: 'all', ...query });
      expect(page.total).toBe(await count(where));
      expect(page.total).toBeGreaterThan(0);
      for (const row of page.items) expect(row).toMatchObject(query);
    });

    it('filters by the error code the last test failed with, as written, and finds nothing for a code no mailbox has', async () => {
      const page = await listAll({ view: 'all', lastErrorCode: 'HTTP401' });
      expect(page.total).toBe(await count({ lastErrorCode: 'HTTP401' }));
      expect(page.total).toBeGreaterThan(0);
      expect(await count({ id: { in: page.items.map((r) => r.id) }, lastErrorCode: 'HTTP401' })).toBe(page.total);
      expect((await listAll({ view: 'all', lastErrorCode: 'http401' })).total).toBe(0);
    });

    it('combines a view, Quick Find and filters', async () => {
      const where: Prisma.MailboxWhereInput = {
        isActive: true, emailAddressStatus: 'pendingApproval', serverProfileId: exchangeOnlineId,
        OR: [{ name: { startsWith: 'm', mode: 'insensitive' } }, { emailAddress: { startsWith: 'm', mode: 'insensitive' } }],
      };
      const expected = await count(where);
      expect(expected).toBeGreaterThan(0);
      const page = await listAll({ view: 'active', search: 'm', emailAddressStatus: 'pendingApproval', serverProfileId: exchangeOnlineId });
      expect(page.total).toBe(expected);
    });
  });

  describe('sort', () => {
    const normalize = (value: unknown) => (value instanceof Date ? value.toISOString() : value ?? null);

    /** The database's own order of the values (its collation, its enum order), to compare the API against. */
    async function databaseValues(field: MailboxSortField, order: 'asc' | 'desc') {
      const rows = (await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso }, orderBy: { [field]: order } })) as unknown as Record<string, unknown>[];
      const byId = new Map<unknown, unknown>(rows.map((r) => [r.id, normalize(r[field])]));
      return { ordered: rows.map((r) => normalize(r[field])).filter((v) => v !== null), byId };
    }

    it.each(MAILBOX_SORT_FIELDS.flatMap((field) => (['asc', 'desc'] as const).map((order) => [field, order] as const)))(
      'sorts by %s %s',
      async (field, order) => {
        const page = await listAll({ view: 'all', sort: field, order });
        expect(page.items).toHaveLength(await count({}));
        const database = await databaseValues(field, order);
        // The stored value of each row returned, in the order returned (createdAt is not a grid column).
        const values = page.items.map((r) => database.byId.get(r.id));
        const nulls = values.filter((v) => v === null).length;
        if (nulls > 0) {
          // Empty values (e.g. never tested) sit together at one end.
          const atStart = values.slice(0, nulls).every((v) => v === null);
          const atEnd = values.slice(-nulls).every((v) => v === null);
          expect(atStart || atEnd, `${field} ${order}: empty values are not grouped at one end`).toBe(true);
        }
        if (field === 'name' || field === 'emailAddress') {
          // Case-insensitive, character by character (as Dynamics 365 sorts names), whatever the database's collation.
          const lower = values.map((v) => String(v).toLowerCase());
          const sorted = [...lower].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(lower).toEqual(order === 'asc' ? sorted : sorted.reverse());
        } else {
          // Option sets in their option order, dates in time order: as the database orders them.
          expect(values.filter((v) => v !== null)).toEqual(database.ordered);
        }
        if (field !== 'createdAt') expect(page.items.map((r) => normalize(r[field]))).toEqual(values);
      },
    );

    it('really reorders: name ascending and descending are reverses of each other in their values', async () => {
      const asc = (await listAll({ view: 'all', sort: 'name', order: 'asc' })).items.map((r) => r.name);
      const desc = (await listAll({ view: 'all', sort: 'name', order: 'desc' })).items.map((r) => r.name);
      expect(desc).toEqual([...asc].reverse());
      expect(asc[0]).not.toBe(desc[0]);
    });
  });

  describe('paging', () => {
    it.each([
      ['name', 'asc'], ['name', 'desc'], ['type', 'asc'], ['emailAddressStatus', 'desc'], ['createdAt', 'asc'], ['testCompletedOn', 'desc'],
    ] as const)('pages through %s %s with no duplicates or gaps, in the same order as one big page', async (sort, order) => {
      const whole = (await listAll({ view: 'all', sort, order })).items.map((r) => r.id);
      const paged: string[] = [];
      for (let offset = 0; offset < whole.length; offset += 37) {
        const response = await list({ view: 'all', sort, order, offset, limit: 37 });
        expect(response.statusCode).toBe(200);
        const body = response.json();
        expect(body.total).toBe(whole.length);
        paged.push(...body.items.map((r: Row) => r.id));
      }
      expect(new Set(paged).size).toBe(paged.length);
      expect(paged).toEqual(whole);
      const all = await t.db.prisma.mailbox.findMany({ where: { environmentId: contoso }, select: { id: true } });
      expect(new Set(paged)).toEqual(new Set(all.map((m) => m.id)));
    });

    it.each([
      ['one page past the end', 333],
      ['far past the end', 5000],
    ])('answers an offset %s with no rows and the true total, not the offset', async (_case, offset) => {
      const total = await count({});
      expect(offset).toBeGreaterThan(total);
      const response = await list({ view: 'all', offset, limit: 37 });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [], total });
      // And the next request from the first page still counts right.
      expect((await list({ view: 'all', limit: 1 })).json().total).toBe(total);
    });

    it('returns the default page of 100 rows', async () => {
      expect((await list({ view: 'all' })).json().items).toHaveLength(100);
    });

    it('accepts the largest page, 500', async () => {
      const response = await list({ view: 'all', limit: 500 });
      expect(response.statusCode).toBe(200);
      expect(response.json().items).toHaveLength(await count({}));
    });
  });

  it.each([
    ['limit=0', { limit: 0 }, 'limit'],
    ['limit=501', { limit: 501 }, 'limit'],
    ['limit=ten', { limit: 'ten' }, 'limit'],
    ['offset=-1', { offset: -1 }, 'offset'],
    ['sort=bogus', { sort: 'bogus' }, 'sort'],
    ['order=up', { order: 'up' }, 'order'],
    ['view=bogus', { view: 'bogus' }, 'view'],
    ['serverProfileId=not-a-uuid', { serverProfileId: 'not-a-uuid' }, 'serverProfileId'],
    ['type=room', { type: 'room' }, 'type'],
    ['emailAddressStatus=maybe', { emailAddressStatus: 'maybe' }, 'emailAddressStatus'],
    ['incomingEmailStatus=broken', { incomingEmailStatus: 'broken' }, 'incomingEmailStatus'],
    ['lastErrorCode with a space', { lastErrorCode: 'Error Access' }, 'lastErrorCode'],
    ['an unknown parameter', { colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field', async (_case, query, field) => {
    const response = await list(query);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors.map((e: { field: string }) => e.field)).toContain(field);
  });

  describe('who sees what', () => {
    it('shows Alex (Basic User: Read Mailbox at User level) only his own mailbox, whatever he asks for', async () => {
      for (const view of ['all', 'active', 'pendingApproval'] as const) {
        const page = await listAll({ view }, alex);
        expect(page.total).toBe(1);
        expect(page.items.map((r) => [r.emailAddress, r.ownerId])).toEqual([['alex@contoso.example', alexId]]);
      }
      expect((await listAll({ view: 'all', search: 'Adele' }, alex)).total).toBe(0);
      expect((await listAll({ view: 'all', type: 'queue' }, alex)).total).toBe(0);
    });

    it('hides a mailbox Alex does not own as missing', async () => {
      const other = await t.db.prisma.mailbox.findFirstOrThrow({ where: { environmentId: contoso, ownerId: { not: alexId } } });
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${other.id}`, headers: alex.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      expect(response.body).not.toContain(other.emailAddress);
    });

    it('shows Support (Read Mailbox at Organization level) every mailbox', async () => {
      const page = await listAll({ view: 'all' }, support);
      expect(page.total).toBe(await count({}));
    });

    it('keeps environments apart: Fabrikam mailboxes are neither listed in Contoso nor reachable through it', async () => {
      // One of Fabrikam's mailboxes on its Exchange Server profile, chosen in a fixed order (PostgreSQL returns rows in any order).
      const fabrikamMailbox = await t.db.prisma.mailbox.findFirstOrThrow({
        where: { environmentId: fabrikam, serverProfile: { is: { name: 'Fabrikam Exchange Server' } } },
        orderBy: { name: 'asc' },
      });
      const contosoIds = new Set((await listAll({ view: 'all' })).items.map((r) => r.id));
      expect(contosoIds.has(fabrikamMailbox.id)).toBe(false);
      expect((await listAll({ view: 'all', search: 'fabrikam' })).total).toBe(0);
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/${fabrikamMailbox.id}`, headers: admin.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('NOT_FOUND');
      const inFabrikam = await t.app.inject({ method: 'GET', url: `/api/environments/${fabrikam}/mailboxes/${fabrikamMailbox.id}`, headers: admin.headers });
      expect(inFabrikam.statusCode).toBe(200);
      expect(inFabrikam.json()).toMatchObject({ id: fabrikamMailbox.id, environmentId: fabrikam, serverProfileName: 'Fabrikam Exchange Server', serverType: 'exchangeServer' });
    });

    it('lists Fabrikam\'s own 60 mailboxes there', async () => {
      const response = await list({ view: 'all', limit: 1 }, admin, fabrikam);
      expect(response.json().total).toBe(60);
    });

    it('answers a malformed mailbox id with 400 naming it, not 500', async () => {
      const response = await t.app.inject({ method: 'GET', url: `/api/environments/${contoso}/mailboxes/not-a-uuid`, headers: admin.headers });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fieldErrors[0].field).toBe('mailboxId');
    });
  });
});
