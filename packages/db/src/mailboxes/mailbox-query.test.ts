import { describe, expect, it } from 'vitest';
import { buildMailboxCommandQuery, buildMailboxListQuery } from './mailbox-query.ts';

const ENVIRONMENT = '00000000-0000-4000-8000-000000000001';
const HOSTILE = `x'); DROP TABLE "Mailbox"; --`;

describe('mailbox queries', () => {
  it('carries user input as parameters only, never in the statement text', () => {
    const { page, count } = buildMailboxListQuery(ENVIRONMENT, { view: 'all', search: HOSTILE, ownerId: HOSTILE }, { sort: 'name', order: 'asc', offset: 0, limit: 10 });
    for (const query of [page, count]) {
      expect(query.sql).not.toContain('DROP');
      expect(query.params).toContain(HOSTILE);
    }
  });

  it('escapes the LIKE wildcards of a search', () => {
    const { page } = buildMailboxListQuery(ENVIRONMENT, { view: 'all', search: '50%_off\\' }, { sort: 'name', order: 'asc', offset: 0, limit: 10 });
    expect(page.params).toContain('50\\%\\_off\\\\');
  });

  it('counts with the same conditions as the page, without joins, order or paging', () => {
    const { page, count } = buildMailboxListQuery(ENVIRONMENT, { view: 'pendingApproval', type: 'queue' }, { sort: 'createdAt', order: 'desc', offset: 200, limit: 100 });
    expect(count.sql).toMatch(/^SELECT count\(\*\)::int AS "total" FROM "Mailbox" m WHERE /);
    expect(count.sql).not.toMatch(/JOIN|ORDER|LIMIT/);
    expect(count.params).toEqual([ENVIRONMENT, 'queue']);
    expect(page.params).toEqual([ENVIRONMENT, 'queue', 100, 200]);
  });

  it('finds nothing without a database round trip when no id is a uuid', () => {
    expect(buildMailboxCommandQuery(ENVIRONMENT, { ids: ['1', 'abc'] })).toBeNull();
    expect(buildMailboxCommandQuery(ENVIRONMENT, { ids: [ENVIRONMENT, ENVIRONMENT] })!.params).toEqual([ENVIRONMENT, [ENVIRONMENT]]);
  });
});
