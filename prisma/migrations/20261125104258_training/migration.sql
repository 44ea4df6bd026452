-- CreateEnum
CREATE TYPE "AttendanceMethod" AS ENUM ('SELF', 'ORGANIZER');

-- AlterTable
ALTER TABLE "Exam" ADD COLUMN     "trainingId" UUID;

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "place" VARCHAR(200),
    "onlineUrl" VARCHAR(500),
    "lecturer" VARCHAR(60) NOT NULL,
    "articleKeys" UUID[],
    "materialKeys" TEXT[],
    "materialNames" TEXT[],
    "materialTypes" TEXT[],
    "invitedOrgIds" UUID[],
    "invitedUserIds" UUID[],
    "signInToken" VARCHAR(64) NOT NULL,
    "orgPath" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "orgId" UUID,
    "method" "AttendanceMethod" NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TrainingSession_startsAt_idx" ON "TrainingSession"("startsAt");

-- CreateIndex
CREATE INDEX "TrainingAttendance_userId_idx" ON "TrainingAttendance"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_sessionId_userId_key" ON "TrainingAttendance"("sessionId", "userId");

-- CreateIndex
CREATE INDEX "Exam_auditId_idx" ON "Exam"("auditId");

-- CreateIndex
CREATE INDEX "Exam_trainingId_idx" ON "Exam"("trainingId");

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
