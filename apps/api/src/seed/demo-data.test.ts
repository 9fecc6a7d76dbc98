import { describe, expect, it } from 'vitest';
import { shouldSeedDemoData } from './demo-data.ts';

describe('shouldSeedDemoData', () => {
  it.each([
    ['auto', 'pglite', 0, true],
    ['auto', 'postgres', 0, false],
    ['true', 'postgres', 0, true],
    ['true', 'pglite', 0, true],
    ['false', 'pglite', 0, false],
    ['auto', 'pglite', 2, false],
    ['true', 'postgres', 1, false],
  ] as const)('SEED_DEMO_DATA=%s on %s with %i environments → %s', (setting, target, count, expected) => {
    expect(shouldSeedDemoData(setting, target, count)).toBe(expected);
  });
});
