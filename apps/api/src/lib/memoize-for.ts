/**
 * Reuses an async lookup's answer for `ttlMs` (failed lookups are not kept). Bounded: past `maxEntries` the
 * expired answers go, and all if none had. The worker reads the same users and Email settings for thousands
 * of mailboxes in a row; a change made through another process shows within `ttlMs`, one made through this
 * process at once (its writes clear the caches).
 */
export interface Memoized<Args extends unknown[], T> {
  (...args: Args): Promise<T>;
  /** Forgets every answer (a write through this process may have changed them). */
  clear(): void;
}

export function memoizeFor<Args extends unknown[], T>(
  ttlMs: number, load: (...args: Args) => Promise<T>, keyOf: (...args: Args) => string, options: { now?: () => number; maxEntries?: number } = {},
): Memoized<Args, T> {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: Promise<T>; expiresAt: number }>();
  const memoized = (...args: Args) => {
    const key = keyOf(...args);
    const at = now();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > at) return hit.value;
    if (entries.size >= maxEntries) {
      for (const [k, entry] of entries) if (entry.expiresAt <= at) entries.delete(k);
      if (entries.size >= maxEntries) entries.clear();
    }
    const value = load(...args);
    entries.set(key, { value, expiresAt: at + ttlMs });
    value.catch(() => entries.delete(key));
    return value;
  };
  return Object.assign(memoized, { clear: () => entries.clear() });
}
