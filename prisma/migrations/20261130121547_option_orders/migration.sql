-- AlterTable
ALTER TABLE "ExamAttempt" ADD COLUMN     "optionOrders" JSONB NOT NULL DEFAULT '{}';
