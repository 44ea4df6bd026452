-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('GENERAL_ASSEMBLY', 'COMMITTEE', 'GROUP', 'PARTY_LECTURE', 'THEME_DAY', 'ORG_LIFE', 'DEMOCRATIC_REVIEW', 'HEART_TALK');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT', 'LEAVE', 'IN_TRANSIT');

-- CreateEnum
CREATE TYPE "ReviewRating" AS ENUM ('EXCELLENT', 'QUALIFIED', 'BASIC', 'UNQUALIFIED');

-- AlterTable
ALTER TABLE "PrescribedAction" ADD COLUMN     "bySecretary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "meetingKind" "MeetingKind";

-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "meetingId" UUID;

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'DRAFT',
    "heldOn" DATE NOT NULL,
    "startTime" VARCHAR(5),
    "place" VARCHAR(120) NOT NULL DEFAULT '',
    "hostId" UUID,
    "lecturerId" UUID,
    "lecturerName" VARCHAR(60),
    "topic" VARCHAR(200) NOT NULL DEFAULT '',
    "agenda" TEXT NOT NULL DEFAULT '',
    "minutes" TEXT NOT NULL DEFAULT '',
    "isElection" BOOLEAN NOT NULL DEFAULT false,
    "studyHours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "valid" BOOLEAN,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "backfillReason" VARCHAR(500),
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "orgPath" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "meetingId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "reason" VARCHAR(200),
    "voting" BOOLEAN NOT NULL DEFAULT false,
    "rating" "ReviewRating",

    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("meetingId","personId")
);

-- CreateTable
CREATE TABLE "MeetingResolution" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "text" VARCHAR(500) NOT NULL,
    "votesFor" INTEGER NOT NULL,
    "votesAgainst" INTEGER NOT NULL,
    "votesAbstain" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "MeetingResolution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingFile" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MakeupStudy" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "studiedOn" DATE NOT NULL,
    "method" VARCHAR(200) NOT NULL,
    "hours" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MakeupStudy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Meeting_orgId_kind_heldOn_idx" ON "Meeting"("orgId", "kind", "heldOn");

-- CreateIndex
CREATE INDEX "Meeting_heldOn_idx" ON "Meeting"("heldOn");

-- CreateIndex
CREATE INDEX "MeetingAttendee_personId_status_idx" ON "MeetingAttendee"("personId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingResolution_meetingId_seq_key" ON "MeetingResolution"("meetingId", "seq");

-- CreateIndex
CREATE INDEX "MeetingFile_meetingId_idx" ON "MeetingFile"("meetingId");

-- CreateIndex
CREATE INDEX "MeetingFile_sha256_idx" ON "MeetingFile"("sha256");

-- CreateIndex
CREATE INDEX "MakeupStudy_personId_idx" ON "MakeupStudy"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MakeupStudy_meetingId_personId_key" ON "MakeupStudy"("meetingId", "personId");

-- AddForeignKey
ALTER TABLE "ReminderTask" ADD CONSTRAINT "ReminderTask_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_lecturerId_fkey" FOREIGN KEY ("lecturerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingResolution" ADD CONSTRAINT "MeetingResolution_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingFile" ADD CONSTRAINT "MeetingFile_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MakeupStudy" ADD CONSTRAINT "MakeupStudy_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MakeupStudy" ADD CONSTRAINT "MakeupStudy_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
