-- CreateTable
CREATE TABLE "AnnualComputation" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "orgPath" TEXT NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "computedById" UUID NOT NULL,

    CONSTRAINT "AnnualComputation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualResult" (
    "id" UUID NOT NULL,
    "computationId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "peerGroup" VARCHAR(40) NOT NULL,
    "inputs" JSONB NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "grade" VARCHAR(20) NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "AnnualResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnualComputation_year_computedAt_idx" ON "AnnualComputation"("year", "computedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualResult_computationId_orgId_key" ON "AnnualResult"("computationId", "orgId");

-- AddForeignKey
ALTER TABLE "AnnualResult" ADD CONSTRAINT "AnnualResult_computationId_fkey" FOREIGN KEY ("computationId") REFERENCES "AnnualComputation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualResult" ADD CONSTRAINT "AnnualResult_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
