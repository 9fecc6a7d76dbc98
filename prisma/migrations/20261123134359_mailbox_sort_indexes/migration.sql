-- DropIndex
DROP INDEX "Mailbox_environmentId_emailAddressStatus_idx";

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_emailAddressStatus_id_idx" ON "Mailbox"("environmentId", "emailAddressStatus", "id");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_type_id_idx" ON "Mailbox"("environmentId", "type", "id");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_incomingEmailStatus_id_idx" ON "Mailbox"("environmentId", "incomingEmailStatus", "id");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_outgoingEmailStatus_id_idx" ON "Mailbox"("environmentId", "outgoingEmailStatus", "id");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_appointmentsContactsTasksStatus_id_idx" ON "Mailbox"("environmentId", "appointmentsContactsTasksStatus", "id");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_createdAt_id_idx" ON "Mailbox"("environmentId", "createdAt", "id");


-- "Mailbox Test Completed On" sorts empty dates first ascending (last descending): the index says so.
CREATE INDEX "Mailbox_environmentId_testCompletedOn_id_idx" ON "Mailbox"("environmentId", "testCompletedOn" ASC NULLS FIRST, "id");
