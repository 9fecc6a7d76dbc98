import { describe, expect, it } from 'vitest';
import { memoizeFor } from './memoize-for.ts';

describe('memoizeFor', () => {
  it('reuses an answer until it expires, per key, and forgets failures', async () => {
    let clock = 0;
    const calls: string[] = [];
    const lookup = memoizeFor(1_000, async (key: string) => {
      calls.push(key);
      if (key === 'bad') throw new Error('no');
      return `${key}@${clock}`;
    }, (key) => key, { now: () => clock });
    expect(await lookup('a')).toBe('a@0');
    clock = 999;
    expect(await lookup('a')).toBe('a@0');
    expect(await lookup('b')).toBe('b@999');
    clock = 1_000;
    expect(await lookup('a')).toBe('a@1000');
    await expect(lookup('bad')).rejects.toThrow('no');
    await expect(lookup('bad')).rejects.toThrow('no');
    expect(calls).toEqual(['a', 'b', 'a', 'bad', 'bad']);
  });

  it('forgets everything when cleared', async () => {
    let loads = 0;
    const lookup = memoizeFor(60_000, async (key: string) => { loads++; return key; }, (key) => key);
    await lookup('a');
    await lookup('a');
    lookup.clear();
    await lookup('a');
    expect(loads).toBe(2);
  });

  it('stays bounded', async () => {
    let clock = 0;
    const lookup = memoizeFor(10, async (key: number) => key, (key) => String(key), { now: () => clock, maxEntries: 3 });
    for (const key of [1, 2, 3]) await lookup(key);
    clock = 20;
    let loads = 0;
    const counting = memoizeFor(10, async (key: number) => { loads++; return key; }, (key) => String(key), { now: () => clock, maxEntries: 2 });
    await counting(1); await counting(2); await counting(3); await counting(1);
    expect(loads).toBe(4);
    expect(await lookup(4)).toBe(4);
  });
});
