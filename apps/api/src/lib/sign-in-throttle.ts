import { createHash } from 'node:crypto';
import type { SignInAttemptRepository } from '@sync-admin/db';
import { DomainError } from '@sync-admin/domain';

const WINDOW_MS = 60_000;

/** Counters are keyed by a hash: the table never holds an address, nor an email (or a password typed into it). */
function counterKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/**
 * Sign-in budgets per fixed one-minute window, counted in the database before any password is hashed:
 * one per address and account (guessing one password), one per address across accounts (spraying, and
 * the hashing CPU). Every attempt counts, so a burst of parallel requests cannot slip under the limit.
 */
export function createSignInThrottle(options: {
  attempts: SignInAttemptRepository;
  clock: () => Date;
  perAccountPerMinute: number;
  perAddressPerMinute: number;
}) {
  let prunedBefore = 0;

  return {
    /** Counts one attempt; throws RATE_LIMITED (with when to retry) once either budget of this minute is spent. */
    async countAttempt(address: string, email: string): Promise<void> {
      const now = options.clock().getTime();
      const windowStart = now - (now % WINDOW_MS);
      // Once per window and process is enough to keep the table at about one minute of attempts.
      if (windowStart > prunedBefore) {
        prunedBefore = windowStart;
        await options.attempts.deleteCountersBefore(new Date(windowStart));
      }
      const addressKey = counterKey('address', address);
      const accountKey = counterKey('account', address, email.toLowerCase());
      const counts = await options.attempts.countAttempt([addressKey, accountKey], new Date(windowStart));
      if ((counts.get(addressKey) ?? 0) > options.perAddressPerMinute || (counts.get(accountKey) ?? 0) > options.perAccountPerMinute) {
        const retryAfterSeconds = Math.ceil((windowStart + WINDOW_MS - now) / 1000);
        throw new DomainError('RATE_LIMITED', {
          code: 'SIGN_IN_RATE_LIMITED', params: { seconds: retryAfterSeconds },
          message: `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
        }, [], { retryAfterSeconds });
      }
    },
  };
}
