-- AlterTable
ALTER TABLE "ServerProfile" ADD COLUMN     "lastTestSentence" JSONB;

