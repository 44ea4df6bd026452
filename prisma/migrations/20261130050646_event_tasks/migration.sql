-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "eventNote" VARCHAR(200);
