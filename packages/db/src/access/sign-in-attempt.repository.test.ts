import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../test-database.test-support.ts';
import { createSignInAttemptRepository } from './sign-in-attempt.repository.ts';

describe('sign-in attempt counters', () => {
  let db: Database;
  let attempts: ReturnType<typeof createSignInAttemptRepository>;
  const minute = (n: number) => new Date(Date.UTC(2026, 11, 1, 9, n));

  beforeAll(async () => {
    db = await openTestDatabase();
    attempts = createSignInAttemptRepository(db.prisma);
  });
  afterAll(() => db.close());

  it('counts each key within a window and returns every key asked for', async () => {
    expect(await attempts.countAttempt(['ip', 'ip+a'], minute(0))).toEqual(new Map([['ip', 1], ['ip+a', 1]]));
    expect(await attempts.countAttempt(['ip', 'ip+b'], minute(0))).toEqual(new Map([['ip', 2], ['ip+b', 1]]));
    expect((await attempts.countAttempt(['ip+a', 'ip'], minute(0))).get('ip')).toBe(3);
  });

  it('starts again in a new window, and a late attempt stamped with an older window still counts in the newer one', async () => {
    expect((await attempts.countAttempt(['ip'], minute(1))).get('ip')).toBe(1);
    expect((await attempts.countAttempt(['ip'], minute(0))).get('ip')).toBe(2);
    expect(await db.prisma.signInAttemptCounter.findUnique({ where: { key: 'ip' } })).toMatchObject({ windowStart: minute(1), attempts: 2 });
  });

  it('prunes the counters of past windows', async () => {
    await attempts.deleteCountersBefore(minute(1));
    expect((await db.prisma.signInAttemptCounter.findMany({ select: { key: true }, orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['ip']);
  });
});
