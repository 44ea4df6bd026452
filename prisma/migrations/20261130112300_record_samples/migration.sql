-- CreateTable
CREATE TABLE "RecordSample" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "recordKind" "MeetingKind" NOT NULL,
    "perUnit" INTEGER NOT NULL,
    "seed" VARCHAR(64) NOT NULL,
    "algorithm" VARCHAR(60) NOT NULL,
    "windowStart" DATE NOT NULL,
    "windowEnd" DATE NOT NULL,
    "asOf" TIMESTAMPTZ(3) NOT NULL,
    "population" JSONB NOT NULL,
    "sample" JSONB NOT NULL,
    "reviewerId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "conclusion" VARCHAR(1000),
    "signedById" UUID,
    "signedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RecordSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecordSample_planId_idx" ON "RecordSample"("planId");

-- AddForeignKey
ALTER TABLE "RecordSample" ADD CONSTRAINT "RecordSample_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AuditPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
