-- Export to CSV walks the Mailboxes grid by keyset, (sort key, id) after the last row read (decision 56): each index
-- below is exactly one sort's ORDER BY, so every batch starts its range scan at the cursor. Expression indexes are not
-- expressible in schema.prisma, so they live here, like the prefix indexes they replace.

-- Name and Email Address: the Quick Find prefix indexes, now ending in id (a prefix search still uses them).
DROP INDEX "Mailbox_environmentId_name_prefix_idx";
CREATE INDEX "Mailbox_environmentId_name_prefix_id_idx" ON "Mailbox"("environmentId", lower("name") text_pattern_ops, "id");
DROP INDEX "Mailbox_environmentId_emailAddress_prefix_idx";
CREATE INDEX "Mailbox_environmentId_emailAddress_prefix_id_idx" ON "Mailbox"("environmentId", lower("emailAddress") text_pattern_ops, "id");

-- Mailbox Test Completed On sorts by COALESCE(date, -infinity): empty dates first ascending and last descending, as
-- before, but on a key that is never null, so the cursor's bound is one range instead of an OR the planner cannot use.
DROP INDEX "Mailbox_environmentId_testCompletedOn_id_idx";
CREATE INDEX "Mailbox_environmentId_testCompletedOn_keyset_idx" ON "Mailbox"("environmentId", COALESCE("testCompletedOn", '-infinity'::timestamp(3)), "id");
