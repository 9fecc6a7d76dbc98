import type { Database } from '@sync-admin/db';

interface OutcomeDayRow {
  environmentId: string;
  day: string;
  serverProfileId: string;
  outcome: string;
  items: number;
}

/**
 * The per-day test outcomes twice: as the triggers keep them in TestOutcomeDay, and recounted from the run items
 * here, independently of the triggers' SQL (decision 57). A counter row that fell back to 0 counts nothing.
 */
export async function testOutcomeDays(db: Database): Promise<{ kept: OutcomeDayRow[]; recounted: OutcomeDayRow[] }> {
  const kept = await db.prisma.$queryRawUnsafe<OutcomeDayRow[]>(`
    SELECT "environmentId"::text, to_char("day", 'YYYY-MM-DD') AS "day", "serverProfileId"::text, "outcome"::text, "items"
      FROM "TestOutcomeDay" WHERE "items" <> 0 ORDER BY 1, 2, 3, 4`);
  const recounted = await db.prisma.$queryRawUnsafe<OutcomeDayRow[]>(`
    SELECT r."environmentId"::text, to_char(i."finishedAt", 'YYYY-MM-DD') AS "day", i."serverProfileId"::text, i."state"::text AS "outcome", count(*)::int AS "items"
      FROM "TestAndEnableRunItem" i JOIN "TestAndEnableRun" r ON r."id" = i."runId"
     WHERE i."state" IN ('succeeded', 'failed') AND i."finishedAt" IS NOT NULL
     GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
  return { kept, recounted };
}
