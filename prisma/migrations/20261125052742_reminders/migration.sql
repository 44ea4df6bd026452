-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- CreateEnum
CREATE TYPE "ReminderStatus" AS ENUM ('OPEN', 'DONE');

-- CreateTable
CREATE TABLE "CalendarDay" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" VARCHAR(40) NOT NULL,

    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "ReminderTask" (
    "id" UUID NOT NULL,
    "actionKey" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "periodKey" VARCHAR(12) NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ReminderStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderTask_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReminderTask_orgId_periodKey_idx" ON "ReminderTask"("orgId", "periodKey");

-- CreateIndex
CREATE INDEX "ReminderTask_periodKey_idx" ON "ReminderTask"("periodKey");

-- CreateIndex
CREATE INDEX "ReminderTask_dueDate_status_idx" ON "ReminderTask"("dueDate", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderTask_actionKey_orgId_periodKey_key" ON "ReminderTask"("actionKey", "orgId", "periodKey");

-- AddForeignKey
ALTER TABLE "ReminderTask" ADD CONSTRAINT "ReminderTask_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "PrescribedAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderTask" ADD CONSTRAINT "ReminderTask_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
