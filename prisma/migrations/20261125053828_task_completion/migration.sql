-- AlterTable
ALTER TABLE "ReminderTask" ADD COLUMN     "activityDate" DATE,
ADD COLUMN     "completedAt" TIMESTAMPTZ(3),
ADD COLUMN     "completedById" UUID,
ADD COLUMN     "note" VARCHAR(500),
ADD COLUMN     "onTime" BOOLEAN;

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "taskId" UUID NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" VARCHAR(200) NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_taskId_idx" ON "Evidence"("taskId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ReminderTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;
