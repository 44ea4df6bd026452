-- AlterTable
ALTER TABLE "PrescribedAction" ADD COLUMN     "projectOnly" BOOLEAN NOT NULL DEFAULT false;
