-- CreateEnum
CREATE TYPE "HandbookStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('DAY', 'WEEK', 'MONTH', 'QUARTER', 'HALF_YEAR', 'YEAR', 'EVENT');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('TEMPLATE', 'EXAMPLE');

-- CreateTable
CREATE TABLE "HandbookVersion" (
    "id" UUID NOT NULL,
    "label" VARCHAR(40) NOT NULL,
    "status" "HandbookStatus" NOT NULL DEFAULT 'DRAFT',
    "effectiveDate" DATE,
    "changeSummary" TEXT,
    "basedOnId" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HandbookVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandbookPart" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(100) NOT NULL,

    CONSTRAINT "HandbookPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Article" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "partId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "what" TEXT NOT NULL DEFAULT '',
    "who" TEXT NOT NULL DEFAULT '',
    "how" TEXT NOT NULL DEFAULT '',
    "when" TEXT NOT NULL DEFAULT '',
    "standard" TEXT NOT NULL DEFAULT '',
    "orgTypes" "OrgType"[],
    "tags" TEXT[],
    "lockVersion" INTEGER NOT NULL DEFAULT 0,
    "searchTitle" TEXT NOT NULL DEFAULT '',
    "searchBody" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleAttachment" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "kind" "AttachmentKind" NOT NULL DEFAULT 'TEMPLATE',
    "title" VARCHAR(100) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "sourceOrgName" VARCHAR(100),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PrescribedAction" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "title" VARCHAR(120) NOT NULL,
    "frequency" "Frequency" NOT NULL,
    "dueRule" JSONB NOT NULL,
    "responsibleRole" "Role" NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "orgTypes" "OrgType"[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PrescribedAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringStandard" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "totalPoints" DOUBLE PRECISION NOT NULL DEFAULT 100,

    CONSTRAINT "ScoringStandard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringCategory" (
    "id" UUID NOT NULL,
    "standardId" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "title" VARCHAR(100) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScoringCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringCriterion" (
    "id" UUID NOT NULL,
    "categoryId" UUID NOT NULL,
    "key" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "maxPoints" DOUBLE PRECISION NOT NULL,
    "unitDeduction" DOUBLE PRECISION NOT NULL,
    "cap" DOUBLE PRECISION,
    "deductionRule" VARCHAR(200) NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScoringCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CriterionArticle" (
    "criterionId" UUID NOT NULL,
    "articleId" UUID NOT NULL,

    CONSTRAINT "CriterionArticle_pkey" PRIMARY KEY ("criterionId","articleId")
);

-- CreateTable
CREATE TABLE "GradeBand" (
    "id" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "minScore" DOUBLE PRECISION NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GradeBand_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandbookVersion_status_idx" ON "HandbookVersion"("status");

-- CreateIndex
CREATE UNIQUE INDEX "HandbookPart_versionId_number_key" ON "HandbookPart"("versionId", "number");

-- CreateIndex
CREATE INDEX "Article_partId_idx" ON "Article"("partId");

-- CreateIndex
CREATE UNIQUE INDEX "Article_versionId_number_key" ON "Article"("versionId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Article_versionId_key_key" ON "Article"("versionId", "key");

-- CreateIndex
CREATE INDEX "ArticleAttachment_articleId_idx" ON "ArticleAttachment"("articleId");

-- CreateIndex
CREATE INDEX "PrescribedAction_articleId_idx" ON "PrescribedAction"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "PrescribedAction_versionId_code_key" ON "PrescribedAction"("versionId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PrescribedAction_versionId_key_key" ON "PrescribedAction"("versionId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringStandard_versionId_key" ON "ScoringStandard"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringCategory_standardId_code_key" ON "ScoringCategory"("standardId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringCriterion_categoryId_code_key" ON "ScoringCriterion"("categoryId", "code");

-- CreateIndex
CREATE INDEX "CriterionArticle_articleId_idx" ON "CriterionArticle"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "GradeBand_code_key" ON "GradeBand"("code");

-- AddForeignKey
ALTER TABLE "HandbookVersion" ADD CONSTRAINT "HandbookVersion_basedOnId_fkey" FOREIGN KEY ("basedOnId") REFERENCES "HandbookVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandbookPart" ADD CONSTRAINT "HandbookPart_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "HandbookVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "HandbookVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_partId_fkey" FOREIGN KEY ("partId") REFERENCES "HandbookPart"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleAttachment" ADD CONSTRAINT "ArticleAttachment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrescribedAction" ADD CONSTRAINT "PrescribedAction_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "HandbookVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PrescribedAction" ADD CONSTRAINT "PrescribedAction_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringStandard" ADD CONSTRAINT "ScoringStandard_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "HandbookVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringCategory" ADD CONSTRAINT "ScoringCategory_standardId_fkey" FOREIGN KEY ("standardId") REFERENCES "ScoringStandard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoringCriterion" ADD CONSTRAINT "ScoringCriterion_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "ScoringCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionArticle" ADD CONSTRAINT "CriterionArticle_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ScoringCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionArticle" ADD CONSTRAINT "CriterionArticle_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (objects named hw_*; schema.prisma cannot express them, the agreement test lists them).
-- Exactly one published version and at most one draft at a time.
CREATE UNIQUE INDEX "hw_handbook_one_published" ON "HandbookVersion" ("status") WHERE "status" = 'PUBLISHED';
CREATE UNIQUE INDEX "hw_handbook_one_draft" ON "HandbookVersion" ("status") WHERE "status" = 'DRAFT';

-- Chinese full-text search: title and body words (segmented by Intl.Segmenter in the app), weighted A and B.
CREATE INDEX "hw_article_search" ON "Article" USING gin (
  (setweight(to_tsvector('simple', "searchTitle"), 'A') || setweight(to_tsvector('simple', "searchBody"), 'B'))
);
