-- CreateTable
CREATE TABLE "TestOutcomeDay" (
    "environmentId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "serverProfileId" UUID NOT NULL,
    "outcome" "RunItemState" NOT NULL,
    "items" INTEGER NOT NULL,

    CONSTRAINT "TestOutcomeDay_pkey" PRIMARY KEY ("environmentId","day","serverProfileId","outcome")
);

-- AddForeignKey
ALTER TABLE "TestOutcomeDay" ADD CONSTRAINT "TestOutcomeDay_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestOutcomeDay" ADD CONSTRAINT "TestOutcomeDay_serverProfileId_fkey" FOREIGN KEY ("serverProfileId") REFERENCES "ServerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The counts are kept by the database itself (decision 57): every writer of run items (worker, API, seed, a bench's
-- INSERT … SELECT, a cascade from a deleted job) changes them in its own statement, with no app code path to forget.
-- Statement-level triggers see all rows a statement changed (transition tables), so a bulk write costs one grouped
-- upsert, not one per item. An item counts once it is succeeded or failed with a finishedAt, under its UTC day; each
-- statement adds its new rows and takes away its old ones, so an update that changes nothing counted writes nothing.
-- The environment comes from the item's profile (an item belongs to its mailbox's profile, of the job's environment):
-- when a job is deleted its profile is still there to name the counter row.
-- Decreases are plain UPDATEs, never inserts: while an environment or profile is being deleted its counter rows may be
-- gone already (cascade), and nothing may be re-created under it. Increases go in key order, so concurrent
-- statements take the counter rows' locks in the same order (no deadlock between them).
-- Transition tables allow one event per trigger, hence three triggers on one function; the function picks its rows
-- by TG_OP in dynamic SQL because a statement naming a transition table the event lacks does not plan.
CREATE FUNCTION "TestOutcomeDay_count"() RETURNS trigger LANGUAGE plpgsql AS $function$
BEGIN
  EXECUTE format($sql$
    WITH changed AS (%s),
    deltas AS (
      SELECT p."environmentId", c."finishedAt"::date AS "day", c."serverProfileId", c."state" AS "outcome", sum(c."delta")::int AS "items"
        FROM changed c
        JOIN "ServerProfile" p ON p."id" = c."serverProfileId"
       WHERE c."state" IN ('succeeded', 'failed') AND c."finishedAt" IS NOT NULL
       GROUP BY 1, 2, 3, 4
      HAVING sum(c."delta") <> 0
    ), increased AS (
      INSERT INTO "TestOutcomeDay" AS t ("environmentId", "day", "serverProfileId", "outcome", "items")
      SELECT * FROM deltas WHERE "items" > 0 ORDER BY 1, 2, 3, 4
          ON CONFLICT ("environmentId", "day", "serverProfileId", "outcome") DO UPDATE SET "items" = t."items" + excluded."items"
    )
    UPDATE "TestOutcomeDay" t SET "items" = t."items" + d."items"
      FROM deltas d
     WHERE d."items" < 0
       AND t."environmentId" = d."environmentId" AND t."day" = d."day" AND t."serverProfileId" = d."serverProfileId" AND t."outcome" = d."outcome"
  $sql$, CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT "serverProfileId", "state", "finishedAt", 1 AS "delta" FROM new_items'
    WHEN 'DELETE' THEN 'SELECT "serverProfileId", "state", "finishedAt", -1 AS "delta" FROM old_items'
    ELSE 'SELECT "serverProfileId", "state", "finishedAt", 1 AS "delta" FROM new_items
          UNION ALL SELECT "serverProfileId", "state", "finishedAt", -1 FROM old_items'
  END);
  RETURN NULL;
END
$function$;

CREATE TRIGGER "TestOutcomeDay_on_insert" AFTER INSERT ON "TestAndEnableRunItem"
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION "TestOutcomeDay_count"();
CREATE TRIGGER "TestOutcomeDay_on_update" AFTER UPDATE ON "TestAndEnableRunItem"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION "TestOutcomeDay_count"();
CREATE TRIGGER "TestOutcomeDay_on_delete" AFTER DELETE ON "TestAndEnableRunItem"
  REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION "TestOutcomeDay_count"();

-- Backfill the items finished before this migration. CREATE TRIGGER above locked the run items against writes until
-- this migration commits, so no item changes between the count and the triggers taking over.
INSERT INTO "TestOutcomeDay" ("environmentId", "day", "serverProfileId", "outcome", "items")
SELECT p."environmentId", i."finishedAt"::date, i."serverProfileId", i."state", count(*)::int
  FROM "TestAndEnableRunItem" i
  JOIN "ServerProfile" p ON p."id" = i."serverProfileId"
 WHERE i."state" IN ('succeeded', 'failed') AND i."finishedAt" IS NOT NULL
 GROUP BY 1, 2, 3, 4;
