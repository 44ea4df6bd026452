-- CreateEnum
CREATE TYPE "TransferKind" AS ENUM ('INTERNAL', 'OUT', 'IN');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('PROPOSED', 'ISSUED', 'RECEIVED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "leftOn" DATE;

-- CreateTable
CREATE TABLE "Transfer" (
    "id" UUID NOT NULL,
    "kind" "TransferKind" NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'PROPOSED',
    "personId" UUID NOT NULL,
    "fromOrgId" UUID,
    "toOrgId" UUID,
    "externalUnit" VARCHAR(120),
    "reason" VARCHAR(500),
    "letterNo" VARCHAR(40),
    "validUntil" DATE,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "proposedById" UUID,
    "issuedAt" TIMESTAMPTZ(3),
    "issuedById" UUID,
    "receivedAt" TIMESTAMPTZ(3),
    "receivedById" UUID,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelReason" VARCHAR(500),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Transfer_personId_status_idx" ON "Transfer"("personId", "status");

-- CreateIndex
CREATE INDEX "Transfer_status_fromOrgId_idx" ON "Transfer"("status", "fromOrgId");

-- CreateIndex
CREATE INDEX "Transfer_status_toOrgId_idx" ON "Transfer"("status", "toOrgId");

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_fromOrgId_fkey" FOREIGN KEY ("fromOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_toOrgId_fkey" FOREIGN KEY ("toOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
