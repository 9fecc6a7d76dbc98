import { describe, expect, it } from 'vitest';
import { dashboardDays, everyDay, successRate } from './health-dashboard.ts';

describe('health dashboard figures', () => {
  it('covers the 30 UTC days ending today, oldest first, across a month end', () => {
    const days = dashboardDays(new Date('2026-03-02T23:59:00.000Z'));
    expect(days).toHaveLength(30);
    expect(days[0]).toBe('2026-02-01');
    expect(days.at(-1)).toBe('2026-03-02');
  });

  it('fills the days nothing happened with the empty entry and keeps the counted ones', () => {
    const filled = everyDay(['2026-03-01', '2026-03-02'], [{ day: '2026-03-02', n: 4 }], (day) => ({ day, n: 0 }));
    expect(filled).toEqual([{ day: '2026-03-01', n: 0 }, { day: '2026-03-02', n: 4 }]);
  });

  it('rates success over finished items only, and has no rate before one finished', () => {
    expect(successRate({ succeeded: 3, failed: 1 })).toBe(0.75);
    expect(successRate({ succeeded: 0, failed: 0 })).toBeNull();
  });
});
