-- DropIndex
DROP INDEX "Alert_environmentId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Alert_environmentId_createdAt_id_severity_idx" ON "Alert"("environmentId", "createdAt" DESC, "id" DESC, "severity");

-- CreateIndex
CREATE INDEX "Mailbox_environmentId_isActive_incomingEmailStatus_outgoing_idx" ON "Mailbox"("environmentId", "isActive", "incomingEmailStatus", "outgoingEmailStatus", "appointmentsContactsTasksStatus", "emailAddressStatus", "lastErrorCode");

