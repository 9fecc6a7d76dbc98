import type { AccessRepository } from '@sync-admin/db';
import { describe, expect, it } from 'vitest';
import { createCachedAccess } from './cached-access.ts';

/** Counts the lookups that reach the repository behind the cache. */
function countingRepository({ known = false } = {}) {
  const calls = { findSession: 0, findEnvironmentAccess: 0 };
  const repository = {
    findSession: async () => {
      calls.findSession++;
      return known ? { csrfToken: 't', expiresAt: new Date(0), user: { id: 'u1', email: 'a@b.c', fullName: 'A', tenantRoles: [] } } : null;
    },
    findEnvironmentAccess: async () => {
      calls.findEnvironmentAccess++;
      if (calls.findEnvironmentAccess === 1) throw new Error('database down');
      return null;
    },
  } as unknown as AccessRepository;
  return { repository, calls };
}

describe('createCachedAccess', () => {
  const user = { id: 'u1', tenantRoles: [] };

  it('reuses a session lookup within the time to live, and looks again after it', async () => {
    let now = 0;
    const { repository, calls } = countingRepository({ known: true });
    const access = createCachedAccess(repository, { ttlMs: 5000, now: () => now });
    await access.findSession('s1');
    await access.findSession('s1');
    expect(calls.findSession).toBe(1);
    now = 5001;
    await access.findSession('s1');
    expect(calls.findSession).toBe(2);
  });

  it('forgets everything on clear, as after every state-changing request', async () => {
    const { repository, calls } = countingRepository({ known: true });
    const access = createCachedAccess(repository, { ttlMs: 5000, now: () => 0 });
    await access.findSession('s1');
    access.clear();
    await access.findSession('s1');
    expect(calls.findSession).toBe(2);
  });

  it('does not remember a failed lookup', async () => {
    const { repository, calls } = countingRepository();
    const access = createCachedAccess(repository, { ttlMs: 5000, now: () => 0 });
    await expect(access.findEnvironmentAccess(user, 'e1')).rejects.toThrow('database down');
    await expect(access.findEnvironmentAccess(user, 'e1')).resolves.toBeNull();
    expect(calls.findEnvironmentAccess).toBe(2);
  });

  it('keeps users and environments apart', async () => {
    const { repository, calls } = countingRepository();
    const access = createCachedAccess(repository, { ttlMs: 5000, now: () => 0 });
    await access.findEnvironmentAccess(user, 'e1').catch(() => null);
    await access.findEnvironmentAccess(user, 'e1');
    await access.findEnvironmentAccess(user, 'e2');
    await access.findEnvironmentAccess({ id: 'u2', tenantRoles: [] }, 'e1');
    expect(calls.findEnvironmentAccess).toBe(4);
  });

  it('does not keep unknown sessions, so random cookies cannot fill it', async () => {
    const { repository, calls } = countingRepository();
    const access = createCachedAccess(repository, { ttlMs: 5000, now: () => 0 });
    await access.findSession('unknown');
    await Promise.resolve();
    await access.findSession('unknown');
    expect(calls.findSession).toBe(2);
  });
});
