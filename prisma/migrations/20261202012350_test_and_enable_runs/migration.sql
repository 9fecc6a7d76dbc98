-- CreateEnum
CREATE TYPE "RunState" AS ENUM ('scheduled', 'running', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "RunItemState" AS ENUM ('pending', 'running', 'retrying', 'held', 'succeeded', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "RunScopeKind" AS ENUM ('mailboxes', 'serverProfile', 'retestFailed', 'applyDefaultEmailSettings');

-- CreateEnum
CREATE TYPE "AttemptOutcome" AS ENUM ('success', 'permanent', 'transient');

-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "toMailboxOwner" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ServerProfile" ADD COLUMN     "lastTestErrorCode" TEXT,
ADD COLUMN     "lastTestTrace" JSONB,
ADD COLUMN     "testAndEnableHeldAt" TIMESTAMP(3),
ADD COLUMN     "testAndEnableHeldFamily" TEXT;

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "discoveredEwsUrl" TEXT,
ADD COLUMN     "discoveredEwsUrlAt" TIMESTAMP(3),
ADD COLUMN     "lastConnectivityTestAt" TIMESTAMP(3),
ADD COLUMN     "lastConnectivityTrace" JSONB,
ADD COLUMN     "testAndEnableRunId" UUID,
ADD COLUMN     "testNextAttemptAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TestAndEnableRun" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "environmentId" UUID NOT NULL,
    "scopeKind" "RunScopeKind" NOT NULL,
    "scopeDescription" TEXT NOT NULL,
    "scopeServerProfileId" UUID,
    "state" "RunState" NOT NULL DEFAULT 'scheduled',
    "startedById" UUID NOT NULL,
    "startedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "cancelledByName" TEXT,
    "finishedAt" TIMESTAMP(3),
    "total" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TestAndEnableRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestAndEnableRunItem" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "serverProfileId" UUID NOT NULL,
    "state" "RunItemState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "pendingChannels" JSONB NOT NULL,
    "results" JSONB NOT NULL DEFAULT '{}',
    "nextAttemptAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "claimToken" TEXT,
    "claimExpiresAt" TIMESTAMP(3),
    "lastErrorCode" TEXT,
    "lastErrorClass" TEXT,
    "lastErrorMessage" TEXT,

    CONSTRAINT "TestAndEnableRunItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestAndEnableAttempt" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "mailboxId" UUID NOT NULL,
    "serverProfileId" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "outcome" "AttemptOutcome" NOT NULL,
    "errorCode" TEXT,
    "outageFamily" TEXT,

    CONSTRAINT "TestAndEnableAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectionLease" (
    "key" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectionLease_pkey" PRIMARY KEY ("key","slot")
);

-- CreateIndex
CREATE UNIQUE INDEX "TestAndEnableRun_number_key" ON "TestAndEnableRun"("number");

-- CreateIndex
CREATE INDEX "TestAndEnableRun_environmentId_createdAt_idx" ON "TestAndEnableRun"("environmentId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "TestAndEnableRunItem_runId_state_idx" ON "TestAndEnableRunItem"("runId", "state");

-- CreateIndex
CREATE INDEX "TestAndEnableRunItem_serverProfileId_state_idx" ON "TestAndEnableRunItem"("serverProfileId", "state");

-- CreateIndex
CREATE INDEX "TestAndEnableRunItem_runId_finishedAt_idx" ON "TestAndEnableRunItem"("runId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TestAndEnableRunItem_runId_mailboxId_key" ON "TestAndEnableRunItem"("runId", "mailboxId");

-- CreateIndex
CREATE INDEX "TestAndEnableAttempt_serverProfileId_at_idx" ON "TestAndEnableAttempt"("serverProfileId", "at");

-- CreateIndex
CREATE INDEX "TestAndEnableAttempt_environmentId_at_idx" ON "TestAndEnableAttempt"("environmentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "TestAndEnableAttempt_itemId_attempt_key" ON "TestAndEnableAttempt"("itemId", "attempt");

-- CreateIndex
CREATE INDEX "ConnectionLease_holder_idx" ON "ConnectionLease"("holder");

-- AddForeignKey
ALTER TABLE "Mailbox" ADD CONSTRAINT "Mailbox_testAndEnableRunId_fkey" FOREIGN KEY ("testAndEnableRunId") REFERENCES "TestAndEnableRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableRun" ADD CONSTRAINT "TestAndEnableRun_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableRun" ADD CONSTRAINT "TestAndEnableRun_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableRunItem" ADD CONSTRAINT "TestAndEnableRunItem_runId_fkey" FOREIGN KEY ("runId") REFERENCES "TestAndEnableRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableRunItem" ADD CONSTRAINT "TestAndEnableRunItem_mailboxId_fkey" FOREIGN KEY ("mailboxId") REFERENCES "Mailbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableRunItem" ADD CONSTRAINT "TestAndEnableRunItem_serverProfileId_fkey" FOREIGN KEY ("serverProfileId") REFERENCES "ServerProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestAndEnableAttempt" ADD CONSTRAINT "TestAndEnableAttempt_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "TestAndEnableRunItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A mailbox is in at most one active run item: a second run joins the first instead of testing it twice.
CREATE UNIQUE INDEX "TestAndEnableRunItem_active_mailbox_key" ON "TestAndEnableRunItem"("mailboxId")
  WHERE "state" IN ('pending', 'running', 'retrying', 'held');

-- Runs queued before Test & Enable ran as a job never started; they are no longer shown as queued.
UPDATE "Mailbox" SET "testAndEnableRequestedAt" = NULL WHERE "testAndEnableRunId" IS NULL;
