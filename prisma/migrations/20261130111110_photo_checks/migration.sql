-- CreateEnum
CREATE TYPE "PhotoSource" AS ENUM ('TASK', 'MEETING');

-- CreateEnum
CREATE TYPE "ExifState" AS ENUM ('OK', 'NONE', 'UNREADABLE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "siteLatitude" DOUBLE PRECISION,
ADD COLUMN     "siteLongitude" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "PhotoCheck" (
    "id" UUID NOT NULL,
    "source" "PhotoSource" NOT NULL,
    "fileId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "recordId" UUID NOT NULL,
    "activityDate" DATE NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "takenAt" TIMESTAMPTZ(3),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "exif" "ExifState" NOT NULL,
    "dhash" BIGINT,
    "sha256" VARCHAR(64) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,

    CONSTRAINT "PhotoCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhotoMatch" (
    "aId" UUID NOT NULL,
    "bId" UUID NOT NULL,
    "bits" INTEGER NOT NULL,
    "same" BOOLEAN NOT NULL,

    CONSTRAINT "PhotoMatch_pkey" PRIMARY KEY ("aId","bId")
);

-- CreateIndex
CREATE UNIQUE INDEX "PhotoCheck_fileId_key" ON "PhotoCheck"("fileId");

-- CreateIndex
CREATE INDEX "PhotoCheck_orgId_activityDate_idx" ON "PhotoCheck"("orgId", "activityDate");

-- CreateIndex
CREATE INDEX "PhotoCheck_recordId_idx" ON "PhotoCheck"("recordId");

-- CreateIndex
CREATE INDEX "PhotoCheck_sha256_idx" ON "PhotoCheck"("sha256");

-- CreateIndex
CREATE INDEX "PhotoMatch_bId_idx" ON "PhotoMatch"("bId");

-- AddForeignKey
ALTER TABLE "PhotoCheck" ADD CONSTRAINT "PhotoCheck_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhotoMatch" ADD CONSTRAINT "PhotoMatch_aId_fkey" FOREIGN KEY ("aId") REFERENCES "PhotoCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhotoMatch" ADD CONSTRAINT "PhotoMatch_bId_fkey" FOREIGN KEY ("bId") REFERENCES "PhotoCheck"("id") ON DELETE CASCADE ON UPDATE CASCADE;
