import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * Fixed-window sign-in counters in the database, so every API process shares them and a restart keeps them.
 * One row per key: a new window resets the row instead of adding one, and past windows are pruned.
 */
export function createSignInAttemptRepository(prisma: PrismaClient) {
  return {
    /**
     * Counts one attempt against each key in the window starting at `windowStart` and returns each key's
     * attempts so far, in one atomic statement (concurrent attempts from N processes cannot both slip under).
     * Keys are locked in sorted order, so two concurrent statements cannot deadlock.
     */
    async countAttempt(keys: string[], windowStart: Date): Promise<Map<string, number>> {
      const sorted = [...keys].sort();
      const rows = await prisma.$queryRaw<{ key: string; attempts: number }[]>`
        INSERT INTO "SignInAttemptCounter" ("key", "windowStart", "attempts")
        SELECT key, ${windowStart}::timestamp(3), 1 FROM unnest(${sorted}::text[]) AS key
        ON CONFLICT ("key") DO UPDATE SET
          "attempts" = CASE WHEN "SignInAttemptCounter"."windowStart" >= EXCLUDED."windowStart"
            THEN "SignInAttemptCounter"."attempts" + 1 ELSE 1 END,
          "windowStart" = GREATEST("SignInAttemptCounter"."windowStart", EXCLUDED."windowStart")
        RETURNING "key", "attempts"`;
      return new Map(rows.map((row) => [row.key, row.attempts]));
    },

    async deleteCountersBefore(windowStart: Date) {
      await prisma.signInAttemptCounter.deleteMany({ where: { windowStart: { lt: windowStart } } });
    },
  };
}

export type SignInAttemptRepository = ReturnType<typeof createSignInAttemptRepository>;
