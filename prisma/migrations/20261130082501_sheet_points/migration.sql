-- AlterTable
ALTER TABLE "SelfCheckSheet" ADD COLUMN     "applicableMax" DOUBLE PRECISION,
ADD COLUMN     "rawPoints" DOUBLE PRECISION,
ADD COLUMN     "vetoBand" VARCHAR(20);

-- AlterTable
ALTER TABLE "Audit" ADD COLUMN     "applicableMax" DOUBLE PRECISION,
ADD COLUMN     "rawPoints" DOUBLE PRECISION,
ADD COLUMN     "vetoBand" VARCHAR(20);
