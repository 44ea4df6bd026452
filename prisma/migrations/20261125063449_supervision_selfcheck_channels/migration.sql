-- CreateEnum
CREATE TYPE "Quality" AS ENUM ('EXCELLENT', 'GOOD', 'FAIR', 'POOR');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('RATING', 'RETURN');

-- CreateEnum
CREATE TYPE "SheetStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "RobotKind" AS ENUM ('WECOM', 'DINGTALK', 'FEISHU');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "quality" "Quality",
ADD COLUMN     "returnCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TaskReview" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "quality" "Quality",
    "comment" VARCHAR(500) NOT NULL,
    "reviewerId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "message" VARCHAR(500) NOT NULL,
    "taskIds" UUID[],
    "sentById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfCheckSheet" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "periodKey" VARCHAR(12) NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "standardId" UUID NOT NULL,
    "status" "SheetStatus" NOT NULL DEFAULT 'DRAFT',
    "total" DOUBLE PRECISION,
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "reopenReason" VARCHAR(500),

    CONSTRAINT "SelfCheckSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfCheckItem" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "count" INTEGER,
    "deduction" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "reason" VARCHAR(500) NOT NULL DEFAULT '',
    "taskIds" UUID[],

    CONSTRAINT "SelfCheckItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "targetOrgIds" UUID[],
    "authorId" UUID NOT NULL,
    "orgPath" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnouncementRecipient" (
    "announcementId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "orgId" UUID,
    "readAt" TIMESTAMPTZ(3),
    "chasedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AnnouncementRecipient_pkey" PRIMARY KEY ("announcementId","userId")
);

-- CreateTable
CREATE TABLE "AnnouncementAttachment" (
    "id" UUID NOT NULL,
    "announcementId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,

    CONSTRAINT "AnnouncementAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "titleKey" VARCHAR(80) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(200) NOT NULL,
    "dedupeKey" VARCHAR(120) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RobotHook" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" "RobotKind" NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "secret" VARCHAR(200),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RobotHook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" UUID NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "target" VARCHAR(500) NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskReview_taskId_createdAt_idx" ON "TaskReview"("taskId", "createdAt");

-- CreateIndex
CREATE INDEX "SupervisionNotice_orgId_createdAt_idx" ON "SupervisionNotice"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "SelfCheckSheet_periodKey_status_idx" ON "SelfCheckSheet"("periodKey", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SelfCheckSheet_orgId_periodKey_revision_key" ON "SelfCheckSheet"("orgId", "periodKey", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "SelfCheckItem_sheetId_criterionId_key" ON "SelfCheckItem"("sheetId", "criterionId");

-- CreateIndex
CREATE INDEX "Announcement_createdAt_idx" ON "Announcement"("createdAt");

-- CreateIndex
CREATE INDEX "AnnouncementRecipient_userId_readAt_idx" ON "AnnouncementRecipient"("userId", "readAt");

-- CreateIndex
CREATE INDEX "AnnouncementAttachment_announcementId_idx" ON "AnnouncementAttachment"("announcementId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "RobotHook_orgId_idx" ON "RobotHook"("orgId");

-- CreateIndex
CREATE INDEX "Delivery_status_createdAt_idx" ON "Delivery"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "TaskReview" ADD CONSTRAINT "TaskReview_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ReminderTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskReview" ADD CONSTRAINT "TaskReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfCheckSheet" ADD CONSTRAINT "SelfCheckSheet_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfCheckSheet" ADD CONSTRAINT "SelfCheckSheet_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "ScoringStandard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfCheckItem" ADD CONSTRAINT "SelfCheckItem_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "SelfCheckSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfCheckItem" ADD CONSTRAINT "SelfCheckItem_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Announcement" ADD CONSTRAINT "Announcement_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementRecipient" ADD CONSTRAINT "AnnouncementRecipient_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementRecipient" ADD CONSTRAINT "AnnouncementRecipient_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnouncementAttachment" ADD CONSTRAINT "AnnouncementAttachment_announcementId_fkey" FOREIGN KEY ("announcementId") REFERENCES "Announcement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RobotHook" ADD CONSTRAINT "RobotHook_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one current (unsuperseded) self-check sheet per unit and quarter.
CREATE UNIQUE INDEX "hw_selfcheck_current" ON "SelfCheckSheet" ("orgId", "periodKey") WHERE "supersededAt" IS NULL;
