-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('error', 'warning', 'information');

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "testAndEnableRequestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "EmailSettings" (
    "environmentId" UUID NOT NULL,
    "incomingEmailDeliveryMethod" "IncomingEmailDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "outgoingEmailDeliveryMethod" "OutgoingEmailDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "appointmentsContactsTasksDeliveryMethod" "AppointmentsContactsTasksDeliveryMethod" NOT NULL DEFAULT 'serverSideSynchronization',
    "processEmailsOnlyForApprovedUsers" BOOLEAN NOT NULL DEFAULT true,
    "processEmailsOnlyForApprovedQueues" BOOLEAN NOT NULL DEFAULT true,
    "requirePrivilegeToSelfApproveEmailAddress" BOOLEAN NOT NULL DEFAULT false,
    "alertOnErrors" BOOLEAN NOT NULL DEFAULT true,
    "alertOnWarnings" BOOLEAN NOT NULL DEFAULT true,
    "alertOnInformation" BOOLEAN NOT NULL DEFAULT true,
    "notifyMailboxOwner" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSettings_pkey" PRIMARY KEY ("environmentId")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("teamId","userId")
);

-- CreateTable
CREATE TABLE "TeamSecurityRole" (
    "teamId" UUID NOT NULL,
    "roleId" UUID NOT NULL,

    CONSTRAINT "TeamSecurityRole_pkey" PRIMARY KEY ("teamId","roleId")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "mailboxId" UUID,
    "serverProfileId" UUID,
    "severity" "AlertSeverity" NOT NULL,
    "code" TEXT,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "entityName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_environmentId_name_key" ON "Team"("environmentId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

-- CreateIndex
CREATE INDEX "TeamSecurityRole_roleId_idx" ON "TeamSecurityRole"("roleId");

-- CreateIndex
CREATE INDEX "Alert_environmentId_createdAt_idx" ON "Alert"("environmentId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_mailboxId_createdAt_idx" ON "Alert"("mailboxId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Alert_serverProfileId_createdAt_idx" ON "Alert"("serverProfileId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_environmentId_at_idx" ON "AuditEntry"("environmentId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_environmentId_entityType_entityId_at_idx" ON "AuditEntry"("environmentId", "entityType", "entityId", "at" DESC);

-- AddForeignKey
ALTER TABLE "EmailSettings" ADD CONSTRAINT "EmailSettings_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSecurityRole" ADD CONSTRAINT "TeamSecurityRole_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSecurityRole" ADD CONSTRAINT "TeamSecurityRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "SecurityRole"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_serverProfileId_fkey" FOREIGN KEY ("serverProfileId") REFERENCES "ServerProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_emailAddressApprovedById_fkey" FOREIGN KEY ("emailAddressApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_testAndEnableLastAttemptedById_fkey" FOREIGN KEY ("testAndEnableLastAttemptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Quick Find on mailboxes is "begins with" on name or email address (as in Dynamics 365): prefix indexes.
CREATE INDEX "Mailbox_environmentId_name_prefix_idx" ON "Mailbox"("environmentId", lower("name") text_pattern_ops);
CREATE INDEX "Mailbox_environmentId_emailAddress_prefix_idx" ON "Mailbox"("environmentId", lower("emailAddress") text_pattern_ops);

-- Existing environments get the default email settings.
INSERT INTO "EmailSettings" ("environmentId", "updatedAt") SELECT "id", CURRENT_TIMESTAMP FROM "Environment" ON CONFLICT DO NOTHING;

-- Built-in roles get the privileges this release adds (email settings, security roles, audit history).
INSERT INTO "RolePrivilege" ("roleId", "privilege", "depth")
SELECT r."id", p.privilege, 'organization'::"PrivilegeDepth"
FROM "SecurityRole" r
JOIN (VALUES
  ('System Administrator', 'organization.write'),
  ('System Administrator', 'securityRole.read'),
  ('System Administrator', 'securityRole.write'),
  ('System Administrator', 'auditHistory.read'),
  ('Service Administrator', 'securityRole.read'),
  ('Service Administrator', 'auditHistory.read'),
  ('Support', 'securityRole.read'),
  ('Support', 'auditHistory.read')
) AS p(role, privilege) ON p.role = r."name"
WHERE r."isBuiltIn"
ON CONFLICT DO NOTHING;
