import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

/** 15 s into a minute: a refused attempt may retry in 45 s, when the next window opens. */
let now = new Date('2026-12-01T09:00:15Z');
const clock = () => now;

function attempt(t: TestApp, remoteAddress: string, email: string, password = 'a guess') {
  return t.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { email, password } });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('sign-in throttling per address across accounts (password spraying)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock });
  });
  afterAll(() => t.close());

  it('lets 20 of 60 different emails from one address through (the default budget); the rest get 429 with Retry-After', async () => {
    expect(t.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE).toBe(20);
    // All at once, so the count has to be atomic, not read-then-write.
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(t, '203.0.113.7', `sprayed${i}@contoso.example`)));
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const limited = responses.find((r) => r.statusCode === 429)!;
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', messageCode: 'SIGN_IN_RATE_LIMITED', params: { seconds: 45 }, message: 'Too many sign-in attempts. Try again in 45 seconds.', fieldErrors: [] } });
  });

  it('refuses before hashing the password: a throttled attempt costs a fraction of a checked one', async () => {
    const throttled: number[] = [];
    const hashed: number[] = [];
    for (let i = 0; i < 5; i++) {
      throttled.push(await timed(() => attempt(t, '203.0.113.7', 'sysadmin@contoso.example')));
      hashed.push(await timed(() => attempt(t, `198.51.100.${i + 1}`, 'sysadmin@contoso.example')));
    }
    expect(median(throttled)).toBeLessThan(median(hashed) / 3);
  });

  it('keeps other addresses signing in', async () => {
    expect((await attempt(t, '198.51.100.77', 'support@contoso.example', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('stores only hashes of what it counts, never an email or an address', async () => {
    const keys = (await t.db.prisma.signInAttemptCounter.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(60);
    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
  });

  it('opens a new budget the next minute and prunes the counters of the last one', async () => {
    now = new Date('2026-12-01T09:01:00Z');
    expect((await attempt(t, '203.0.113.7', 'sprayed0@contoso.example')).statusCode).toBe(401);
    const windows = await t.db.prisma.signInAttemptCounter.findMany({ select: { windowStart: true }, distinct: ['windowStart'] });
    expect(windows).toEqual([{ windowStart: now }]);
  });
});

describe('sign-in counters live in the database', () => {
  let first: TestApp;
  beforeAll(async () => {
    now = new Date('2026-12-01T10:00:00Z');
    first = await createTestApp({ clock, env: { LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '4' } });
  });
  afterAll(() => first.close());

  it('are shared by two app instances on one database', async () => {
    const second = await createTestApp({ clock, env: { LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '4' }, db: first.db });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt(i % 2 === 0 ? first : second, '203.0.113.9', `shared${i}@contoso.example`)).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
    } finally {
      await second.close();
    }
  });

  it('survive a restart', async () => {
    const env = { LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1' };
    const before = await createTestApp({ clock, env, db: first.db });
    expect((await attempt(before, '203.0.113.10', 'before.restart@contoso.example')).statusCode).toBe(401);
    await before.close();
    const restarted = await createTestApp({ clock, env, db: first.db });
    try {
      expect((await attempt(restarted, '203.0.113.10', 'after.restart@contoso.example')).statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
  });
});
