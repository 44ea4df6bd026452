-- AlterTable
ALTER TABLE "SelfCheckItem" ADD COLUMN     "suggested" INTEGER,
ADD COLUMN     "suggestedRefs" JSONB;

-- AlterTable
ALTER TABLE "AuditScore" ADD COLUMN     "suggested" INTEGER,
ADD COLUMN     "suggestedRefs" JSONB;
