-- CreateEnum
CREATE TYPE "HealthVerdict" AS ENUM ('pass', 'warn', 'fail');

-- CreateTable
CREATE TABLE "EmailDomainHealth" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "verdict" "HealthVerdict" NOT NULL,
    "results" JSONB NOT NULL,

    CONSTRAINT "EmailDomainHealth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailDomainHealth_environmentId_domain_checkedAt_idx" ON "EmailDomainHealth"("environmentId", "domain", "checkedAt" DESC);

-- AddForeignKey
ALTER TABLE "EmailDomainHealth" ADD CONSTRAINT "EmailDomainHealth_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

