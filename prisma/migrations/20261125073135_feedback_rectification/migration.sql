-- CreateEnum
CREATE TYPE "RectificationStatus" AS ENUM ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED');

-- CreateEnum
CREATE TYPE "CoordinationStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "FeedbackSheet" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "number" VARCHAR(40) NOT NULL,
    "summary" VARCHAR(2000) NOT NULL,
    "deductions" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "grade" VARCHAR(20) NOT NULL,
    "deadline" DATE NOT NULL,
    "issuedById" UUID NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,

    CONSTRAINT "FeedbackSheet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackItem" (
    "id" UUID NOT NULL,
    "sheetId" UUID NOT NULL,
    "findingId" UUID,
    "criterionId" UUID,
    "problem" VARCHAR(1000) NOT NULL,
    "suggestion" VARCHAR(1000) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FeedbackItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationItem" (
    "id" UUID NOT NULL,
    "feedbackItemId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "criterionId" UUID,
    "problem" VARCHAR(1000) NOT NULL,
    "suggestion" VARCHAR(1000) NOT NULL,
    "deadline" DATE NOT NULL,
    "plan" VARCHAR(2000) NOT NULL DEFAULT '',
    "status" "RectificationStatus" NOT NULL DEFAULT 'OPEN',
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "verifiedAt" TIMESTAMPTZ(3),
    "verifiedById" UUID,
    "returnReason" VARCHAR(500),
    "closedOnTime" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationNote" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "text" VARCHAR(1000) NOT NULL,
    "authorId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RectificationEvidence" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RectificationEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoordinationTask" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "findingId" UUID,
    "unitId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "text" VARCHAR(1000) NOT NULL,
    "status" "CoordinationStatus" NOT NULL DEFAULT 'OPEN',
    "answer" VARCHAR(2000),
    "answeredById" UUID,
    "answeredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoordinationTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSheet_auditId_key" ON "FeedbackSheet"("auditId");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSheet_number_key" ON "FeedbackSheet"("number");

-- CreateIndex
CREATE UNIQUE INDEX "RectificationItem_feedbackItemId_key" ON "RectificationItem"("feedbackItemId");

-- CreateIndex
CREATE INDEX "RectificationItem_orgId_status_idx" ON "RectificationItem"("orgId", "status");

-- CreateIndex
CREATE INDEX "RectificationItem_status_deadline_idx" ON "RectificationItem"("status", "deadline");

-- CreateIndex
CREATE INDEX "RectificationNote_itemId_idx" ON "RectificationNote"("itemId");

-- CreateIndex
CREATE INDEX "RectificationEvidence_itemId_idx" ON "RectificationEvidence"("itemId");

-- CreateIndex
CREATE INDEX "CoordinationTask_departmentId_status_idx" ON "CoordinationTask"("departmentId", "status");

-- CreateIndex
CREATE INDEX "CoordinationTask_unitId_idx" ON "CoordinationTask"("unitId");

-- AddForeignKey
ALTER TABLE "FeedbackSheet" ADD CONSTRAINT "FeedbackSheet_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "Audit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeedbackItem" ADD CONSTRAINT "FeedbackItem_sheetId_fkey" FOREIGN KEY ("sheetId") REFERENCES "FeedbackSheet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationItem" ADD CONSTRAINT "RectificationItem_feedbackItemId_fkey" FOREIGN KEY ("feedbackItemId") REFERENCES "FeedbackItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationItem" ADD CONSTRAINT "RectificationItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationNote" ADD CONSTRAINT "RectificationNote_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RectificationEvidence" ADD CONSTRAINT "RectificationEvidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RectificationItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinationTask" ADD CONSTRAINT "CoordinationTask_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoordinationTask" ADD CONSTRAINT "CoordinationTask_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
