-- AlterEnum
ALTER TYPE "ReminderStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "jointUnits" INTEGER,
ADD COLUMN     "setupApprovedOn" DATE,
ADD COLUMN     "setupRequestedOn" DATE,
ADD COLUMN     "temporary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "termExtendedTo" DATE,
ADD COLUMN     "termExtensionBy" VARCHAR(120),
ADD COLUMN     "termStart" DATE,
ADD COLUMN     "termYears" INTEGER;

-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "cancelReason" VARCHAR(500),
ADD COLUMN     "cancelledAt" TIMESTAMPTZ(3);
