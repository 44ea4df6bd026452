-- CreateEnum
CREATE TYPE "RevisionStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REJECTED', 'MERGED');

-- CreateTable
CREATE TABLE "LearningFocus" (
    "id" UUID NOT NULL,
    "periodKey" VARCHAR(12) NOT NULL,
    "sourceQuarter" VARCHAR(12),
    "title" VARCHAR(120) NOT NULL,
    "body" VARCHAR(5000) NOT NULL,
    "articleKeys" UUID[],
    "examFocus" BOOLEAN NOT NULL DEFAULT false,
    "announcementId" UUID,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningFocus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisionProposal" (
    "id" UUID NOT NULL,
    "articleKey" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "field" VARCHAR(20) NOT NULL,
    "proposedText" VARCHAR(5000) NOT NULL,
    "reason" VARCHAR(1000) NOT NULL,
    "findingId" UUID,
    "kind" VARCHAR(20) NOT NULL,
    "orgId" UUID,
    "proposerId" UUID NOT NULL,
    "status" "RevisionStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" VARCHAR(500),
    "mergedIntoId" UUID,
    "appliedToId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevisionProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LearningFocus_periodKey_idx" ON "LearningFocus"("periodKey");

-- CreateIndex
CREATE INDEX "RevisionProposal_status_createdAt_idx" ON "RevisionProposal"("status", "createdAt");

-- CreateIndex
CREATE INDEX "RevisionProposal_articleKey_idx" ON "RevisionProposal"("articleKey");
