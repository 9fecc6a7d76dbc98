import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { applyMigrations, MIGRATIONS_DIR, type Database } from '@sync-admin/db';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../src/seed/demo-data.ts';
import { createTestApp, environmentId, openTestDatabase, TEST_DATABASE } from '../helpers/test-app.ts';
import { testOutcomeDays } from '../helpers/test-outcome-days.ts';

/**
 * The TestOutcomeDay counters (decision 57) where the Test & Enable worker cannot show them: items finished before
 * the migration that adds them, and many items finishing at once in their own transactions on PostgreSQL.
 * The items are written with SQL, as any writer may; the dashboard tests cover the worker's own writes.
 */
const COUNTERS_MIGRATION = '20261204182809_test_outcome_days';

/** A job of Contoso with one item per mailbox, in `state`, finished `i % 3` days ago when finished. */
async function insertJob(db: Database, state: 'pending' | 'finished'): Promise<{ runId: string; items: number }> {
  const contoso = await environmentId(db, 'Contoso');
  const [run] = await db.prisma.$queryRawUnsafe<{ id: string }[]>(`
    INSERT INTO "TestAndEnableRun" ("id", "environmentId", "scopeKind", "scopeDescription", "startedById", "startedByName", "startAt")
    SELECT gen_random_uuid(), $1::uuid, 'mailboxes', 'Counter test', u."id", 'Counter test', now()
      FROM "User" u WHERE u."email" = 'global.admin@contoso.example' RETURNING "id"`, contoso);
  // Items alternate between Contoso's profiles; finished ones are succeeded, failed or cancelled (not counted).
  const items = await db.prisma.$executeRawUnsafe(`
    WITH profiles AS (SELECT array_agg("id" ORDER BY "name") AS ids FROM "ServerProfile" WHERE "environmentId" = $2::uuid),
         mailboxes AS (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "Mailbox" WHERE "environmentId" = $2::uuid)
    INSERT INTO "TestAndEnableRunItem" ("id", "runId", "mailboxId", "serverProfileId", "state", "pendingChannels", "finishedAt")
    SELECT gen_random_uuid(), $1::uuid, m."id", profiles.ids[1 + m.n % array_length(profiles.ids, 1)],
           (CASE WHEN $3 = 'pending' THEN 'pending' ELSE (ARRAY['succeeded', 'succeeded', 'failed', 'cancelled'])[1 + m.n % 4] END)::"RunItemState",
           '[]', CASE WHEN $3 = 'finished' THEN now() - (m.n % 3) * interval '1 day' END
      FROM mailboxes m, profiles`, run!.id, contoso, state);
  return { runId: run!.id, items };
}

describe('TestOutcomeDay counters', () => {
  const opened: Database[] = [];
  afterAll(async () => {
    for (const db of opened) await db.close();
  });

  it('are backfilled from the items finished before the migration that adds them', async () => {
    const { db } = await openTestDatabase();
    opened.push(db);
    // Every migration but the counters' own: the demo data is written by today's client, so the schema must be
    // today's too (the later migrations touch other tables); then the counters' migration alone, over those items.
    const others = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    for (const name of readdirSync(MIGRATIONS_DIR).filter((entry) => entry !== COUNTERS_MIGRATION)) cpSync(path.join(MIGRATIONS_DIR, name), path.join(others, name), { recursive: true });
    await applyMigrations(db, others);
    await seedDemoData(db.prisma);
    const { items } = await insertJob(db, 'finished');
    expect(items).toBeGreaterThan(300);

    expect(await applyMigrations(db)).toEqual([COUNTERS_MIGRATION]);
    const { kept, recounted } = await testOutcomeDays(db);
    expect(kept).toEqual(recounted);
    expect(new Set(kept.map((row) => row.day)).size).toBe(3);
    expect(kept.reduce((sum, row) => sum + row.items, 0)).toBe(await db.prisma.testAndEnableRunItem.count({ where: { state: { in: ['succeeded', 'failed'] } } }));
  });

  it.runIf(TEST_DATABASE === 'postgres')('stay exact when many items finish at once in their own transactions, some rolled back', async () => {
    const t = await createTestApp();
    const pool = new pg.Pool({ connectionString: t.databaseUrl!, max: 20 });
    try {
      const { runId, items } = await insertJob(t.db, 'pending');
      const ids = (await pool.query<{ id: string }>('SELECT "id" FROM "TestAndEnableRunItem" WHERE "runId" = $1 ORDER BY random()', [runId])).rows.map((row) => row.id);
      expect(ids).toHaveLength(items);
      // Every item finishes in a transaction of its own, 20 at a time, on 3 days × 2 outcomes × 2 profiles: the
      // same few counter rows taken by many writers. Every tenth transaction rolls back and must count nothing.
      const finish = async (id: string, i: number, commit = i % 10 !== 0) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(`UPDATE "TestAndEnableRunItem" SET "state" = $2::"RunItemState", "finishedAt" = now() - $3 * interval '1 day' WHERE "id" = $1`,
            [id, i % 3 === 0 ? 'failed' : 'succeeded', i % 3]);
          await client.query('SELECT pg_sleep(0.002)');
          await client.query(commit ? 'COMMIT' : 'ROLLBACK');
        } finally {
          client.release();
        }
      };
      await Promise.all(ids.map((id, i) => finish(id, i)));
      const rolledBack = ids.filter((_, i) => i % 10 === 0);
      const contoso = await environmentId(t.db, 'Contoso');
      const counted = (rows: { environmentId: string; items: number }[]) => rows.filter((row) => row.environmentId === contoso).reduce((sum, row) => sum + row.items, 0);
      const first = await testOutcomeDays(t.db);
      expect(first.kept).toEqual(first.recounted);
      expect(counted(first.kept)).toBe(items - rolledBack.length);
      // And a second wave at once: a tenth of the finished items deleted while the rolled-back ones finish after all.
      const finished = (await pool.query<{ id: string }>(`SELECT "id" FROM "TestAndEnableRunItem" WHERE "runId" = $1 AND "state" <> 'pending'`, [runId])).rows;
      const deleted = finished.filter((_, i) => i % 10 === 0);
      await Promise.all([
        ...deleted.map(({ id }) => pool.query('DELETE FROM "TestAndEnableRunItem" WHERE "id" = $1', [id])),
        ...rolledBack.map((id, i) => finish(id, i, true)),
      ]);

      const { kept, recounted } = await testOutcomeDays(t.db);
      expect(kept).toEqual(recounted);
      expect(counted(kept)).toBe(items - deleted.length);
    } finally {
      await pool.end();
      await t.close();
    }
  });
});
