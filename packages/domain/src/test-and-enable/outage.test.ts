import { describe, expect, it } from 'vitest';
import { detectOutage, type RecentAttemptOutcome } from './outage.ts';

const NOW = new Date('2026-12-02T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

function outcomes(spec: string, minutes = 5): RecentAttemptOutcome[] {
  // One letter per mailbox: s success, p permanent, b busy, u unreachable.
  return [...spec].map((letter, index) => ({
    mailboxId: `m${index}`,
    at: minutesAgo(minutes),
    outcome: letter === 's' ? 'success' : letter === 'p' ? 'permanent' : 'transient',
    outageFamily: letter === 'b' ? 'serverBusy' : letter === 'u' ? 'unreachable' : null,
  }));
}

describe('detectOutage (more than half of the mailboxes tested within an hour fail with the same transient class)', () => {
  it.each<[string, RecentAttemptOutcome[], string | null]>([
    ['6 of 10 unreachable', outcomes('uuuuuussss'), 'unreachable'],
    ['exactly half is not more than half', outcomes('uuuuusssss'), null],
    ['6 of 10 failed, but in two families', outcomes('uuubbbssss'), null],
    ['permanent errors are not an outage', outcomes('ppppppppss'), null],
    ['too few mailboxes tested to tell', outcomes('uuuu'), null],
    ['five of five busy', outcomes('bbbbb'), 'serverBusy'],
    ['failures older than an hour do not count', outcomes('uuuuuuuuuu', 61), null],
  ])('%s', (_name, attempts, family) => {
    expect(detectOutage(attempts, NOW)?.family ?? null).toBe(family);
  });

  it('counts each mailbox once, by its latest attempt', () => {
    const recovered = outcomes('uuuuuussss', 30).concat(outcomes('ssssss', 2));
    expect(detectOutage(recovered, NOW)).toBeNull();
    const failedAgain = outcomes('ssssssssss', 30).concat(outcomes('uuuuuu', 2));
    expect(detectOutage(failedAgain, NOW)).toEqual({ family: 'unreachable', failedMailboxes: 6, testedMailboxes: 10 });
  });
});
