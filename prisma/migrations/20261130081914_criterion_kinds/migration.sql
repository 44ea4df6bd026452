-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('DEDUCTION', 'GRADE', 'BONUS', 'VETO', 'COMPUTED');

-- AlterTable
ALTER TABLE "ScoringStandard" ADD COLUMN     "bonusCap" DOUBLE PRECISION NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ScoringCriterion" ADD COLUMN     "annualOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "kind" "CriterionKind" NOT NULL DEFAULT 'DEDUCTION',
ADD COLUMN     "levels" JSONB,
ADD COLUMN     "ruleKey" VARCHAR(40),
ADD COLUMN     "ruleParams" JSONB,
ADD COLUMN     "vetoBand" VARCHAR(20);
