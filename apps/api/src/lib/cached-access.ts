import type { AccessRepository, EnvironmentAccess, SessionRecord } from '@sync-admin/db';

/**
 * Every API request needs its session and the user's access in the environment: three queries before the
 * one the request is for. Reads reuse them for a few seconds; every state-changing request through this
 * process clears them all (a sign-out, a role change, a new default profile show at once), and a change made
 * by another process shows within `ttlMs`. Expiry is still checked on each request against the stored time.
 */
export function createCachedAccess(access: AccessRepository, options: { ttlMs: number; now: () => number }) {
  const entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = entries.get(key);
    if (hit && hit.expiresAt > options.now()) return hit.value as Promise<T>;
    const value = load();
    entries.set(key, { value, expiresAt: options.now() + options.ttlMs });
    // A failed lookup is not remembered.
    value.catch(() => entries.delete(key));
    return value;
  }

  return {
    ...access,
    findSession: (id: string): Promise<SessionRecord | null> => cached(`session:${id}`, () => access.findSession(id)),
    findEnvironmentAccess: (user: Parameters<AccessRepository['findEnvironmentAccess']>[0], environmentId: string): Promise<EnvironmentAccess | null> =>
      cached(`access:${user.id}:${user.tenantRoles.join(',')}:${environmentId}`, () => access.findEnvironmentAccess(user, environmentId)),
    /** Forgets everything: called after every state-changing request. */
    clear: () => entries.clear(),
  };
}

export type CachedAccess = ReturnType<typeof createCachedAccess>;
