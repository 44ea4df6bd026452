-- CreateEnum
CREATE TYPE "AuditKind" AS ENUM ('KEY_QUARTERLY', 'SPOT_CHECK', 'YEAR_END');

-- CreateEnum
CREATE TYPE "AuditStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'SCORED', 'FEEDBACK_ISSUED');

-- CreateEnum
CREATE TYPE "AuditMethod" AS ENUM ('WRITTEN_TEST', 'DOCUMENT_CHECK', 'SITE_VISIT', 'WORK_REPORT', 'INTERVIEW');

-- CreateEnum
CREATE TYPE "FindingKind" AS ENUM ('PROBLEM', 'DIFFICULTY', 'GOOD_PRACTICE', 'IMPRACTICAL_STANDARD');

-- CreateTable
CREATE TABLE "AuditPlan" (
    "id" UUID NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "kind" "AuditKind" NOT NULL,
    "periodKey" VARCHAR(12) NOT NULL,
    "orgPath" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "drawSeed" VARCHAR(64),
    "drawAlgorithm" VARCHAR(60),
    "drawCriteria" JSONB,
    "drawPopulation" JSONB,
    "drawSample" UUID[],

    CONSTRAINT "AuditPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditMember" (
    "planId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "leader" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AuditMember_pkey" PRIMARY KEY ("planId","userId")
);

-- CreateTable
CREATE TABLE "Audit" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "standardId" UUID NOT NULL,
    "status" "AuditStatus" NOT NULL DEFAULT 'PLANNED',
    "assignedIds" UUID[],
    "auditDate" DATE,
    "total" DOUBLE PRECISION,
    "startedAt" TIMESTAMPTZ(3),
    "scoredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditScore" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "count" INTEGER NOT NULL,
    "deduction" DOUBLE PRECISION NOT NULL,
    "reason" VARCHAR(500) NOT NULL DEFAULT '',
    "taskIds" UUID[],
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditNote" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "method" "AuditMethod" NOT NULL,
    "text" VARCHAR(2000) NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "kind" "FindingKind" NOT NULL,
    "text" VARCHAR(1000) NOT NULL,
    "criterionId" UUID,
    "articleId" UUID,
    "clientKey" VARCHAR(64) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvidence" (
    "id" UUID NOT NULL,
    "auditId" UUID NOT NULL,
    "criterionId" UUID,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "clientKey" VARCHAR(64) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditPlan_periodKey_idx" ON "AuditPlan"("periodKey");

-- CreateIndex
CREATE INDEX "AuditMember_userId_idx" ON "AuditMember"("userId");

-- CreateIndex
CREATE INDEX "Audit_orgId_status_idx" ON "Audit"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Audit_planId_orgId_key" ON "Audit"("planId", "orgId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditScore_auditId_criterionId_key" ON "AuditScore"("auditId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditNote_auditId_method_key" ON "AuditNote"("auditId", "method");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_clientKey_key" ON "Finding"("clientKey");

-- CreateIndex
CREATE INDEX "Finding_auditId_idx" ON "Finding"("auditId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvidence_clientKey_key" ON "AuditEvidence"("clientKey");

-- CreateIndex
CREATE INDEX "AuditEvidence_auditId_idx" ON "AuditEvidence"("auditId");

-- AddForeignKey
ALTER TABLE "AuditMember" ADD CONSTRAINT "AuditMember_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AuditPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditMember" ADD CONSTRAINT "AuditMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Audit" ADD CONSTRAINT "Audit_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AuditPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Audit" ADD CONSTRAINT "Audit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Audit" ADD CONSTRAINT "Audit_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "ScoringStandard"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditScore" ADD CONSTRAINT "AuditScore_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "Audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditScore" ADD CONSTRAINT "AuditScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditNote" ADD CONSTRAINT "AuditNote_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "Audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "Audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvidence" ADD CONSTRAINT "AuditEvidence_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "Audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
