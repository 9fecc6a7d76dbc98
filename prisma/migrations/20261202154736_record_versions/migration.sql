-- AlterTable
ALTER TABLE "EmailSettings" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "ServerProfile" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Mailbox" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;


-- One mailbox per email address in an environment, as the lookup reads it (case-insensitive): concurrent
-- creates or renames cannot both pass the lookup and commit (decision 37). Prisma's schema cannot express it.
CREATE UNIQUE INDEX "Mailbox_environmentId_lower_emailAddress_key" ON "Mailbox" ("environmentId", lower("emailAddress"));
