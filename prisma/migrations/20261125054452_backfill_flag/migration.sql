-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "backfillFlag" VARCHAR(10);
