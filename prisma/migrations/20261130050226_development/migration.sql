-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "approvedOn" DATE,
ADD COLUMN     "politicalReviewOn" DATE,
ADD COLUMN     "probationExtendedMonths" INTEGER,
ADD COLUMN     "talkOn" DATE,
ADD COLUMN     "trainingDays" INTEGER,
ADD COLUMN     "trainingHours" INTEGER;
