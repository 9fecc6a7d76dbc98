import type { AccessRepository, EnvironmentAccess, SessionRecord } from '@sync-admin/db';

/**
 * Every API request needs its session and the user's access in the environment: three queries before the
 * one the request is for. Reads reuse them for a few seconds; every state-changing request through this
 * process clears them all (a sign-out, a role change, a new default profile show at once), and a change made
 * by another process shows within `ttlMs`. Expiry is still checked on each request against the stored time.
 */
/** Past this many entries, expired ones are dropped (and all, if none had expired): memory stays bounded. */
const MAX_ENTRIES = 10_000;

export function createCachedAccess(access: AccessRepository, options: { ttlMs: number; now: () => number }) {
  const entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();

  function prune(now: number) {
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }

  function cached<T>(key: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
    const now = options.now();
    const hit = entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    if (entries.size >= MAX_ENTRIES) prune(now);
    const value = load();
    entries.set(key, { value, expiresAt: now + options.ttlMs });
    // A failed lookup, or one not worth keeping, is not remembered.
    value.then((result) => keep(result) || entries.delete(key), () => entries.delete(key));
    return value;
  }

  return {
    ...access,
    // Unknown session ids are not kept: random cookies must not fill the cache.
    findSession: (id: string): Promise<SessionRecord | null> => cached(`session:${id}`, () => access.findSession(id), (session) => session !== null),
    findEnvironmentAccess: (user: Parameters<AccessRepository['findEnvironmentAccess']>[0], environmentId: string): Promise<EnvironmentAccess | null> =>
      cached(`access:${user.id}:${user.tenantRoles.join(',')}:${environmentId}`, () => access.findEnvironmentAccess(user, environmentId)),
    /** Forgets everything: called after every state-changing request. */
    clear: () => entries.clear(),
  };
}

export type CachedAccess = ReturnType<typeof createCachedAccess>;
