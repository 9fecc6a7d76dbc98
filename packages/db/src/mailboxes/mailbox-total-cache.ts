import type { MailboxFilter } from '@sync-admin/domain';
import { searchText } from './mailbox-query.ts';

/**
 * Totals of the mailbox grid, kept in-process for a short while. The grid asks for the total with every
 * page (and every sort change); counting up to 100,000 rows each time would cost more than the page itself,
 * which an index walk serves in a few milliseconds. So a total is counted once per environment + filter and
 * reused for `ttlMs`; every write through the mailbox repository drops its environment's totals at once, so
 * an admin sees their own changes counted immediately. Writes made elsewhere (another process, a job that
 * records test results) show up within `ttlMs`. Concurrent requests share one count (the promise is cached).
 */
export interface TotalCache {
  get(environmentId: string, filter: MailboxFilter, count: () => Promise<number>): Promise<number>;
  /** Replaces a total the caller knows exactly (a short last page). */
  set(environmentId: string, filter: MailboxFilter, total: number): void;
  clear(environmentIds: Iterable<string>): void;
}

/** Filters that mean the same share a key, whatever their property order or surrounding spaces. */
function filterKey(filter: MailboxFilter): string {
  return JSON.stringify([
    filter.view, searchText(filter), filter.serverProfileId, filter.type, filter.emailAddressStatus, filter.incomingEmailStatus,
    filter.outgoingEmailStatus, filter.appointmentsContactsTasksStatus, filter.lastErrorCode, filter.ownerId,
  ]);
}

const MAX_TOTALS_PER_ENVIRONMENT = 500;

export function createTotalCache(options: { ttlMs: number; now: () => number }): TotalCache {
  const byEnvironment = new Map<string, Map<string, { total: Promise<number>; expiresAt: number }>>();

  function totalsOf(environmentId: string) {
    let totals = byEnvironment.get(environmentId);
    if (!totals) byEnvironment.set(environmentId, (totals = new Map()));
    return totals;
  }

  function store(environmentId: string, key: string, total: Promise<number>) {
    const totals = totalsOf(environmentId);
    totals.delete(key);
    // Searches make keys without end: past the cap the oldest entry goes.
    if (totals.size >= MAX_TOTALS_PER_ENVIRONMENT) totals.delete(totals.keys().next().value!);
    totals.set(key, { total, expiresAt: options.now() + options.ttlMs });
  }

  return {
    get(environmentId, filter, count) {
      const key = filterKey(filter);
      const cached = byEnvironment.get(environmentId)?.get(key);
      if (cached && cached.expiresAt > options.now()) return cached.total;
      const total = count();
      store(environmentId, key, total);
      // A failed count is not remembered.
      total.catch(() => {
        if (byEnvironment.get(environmentId)?.get(key)?.total === total) byEnvironment.get(environmentId)!.delete(key);
      });
      return total;
    },
    set(environmentId, filter, total) {
      store(environmentId, filterKey(filter), Promise.resolve(total));
    },
    clear(environmentIds) {
      for (const environmentId of environmentIds) byEnvironment.delete(environmentId);
    },
  };
}
