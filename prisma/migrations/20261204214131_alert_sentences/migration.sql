-- AlterTable
ALTER TABLE "Alert" ADD COLUMN     "sentence" JSONB;

