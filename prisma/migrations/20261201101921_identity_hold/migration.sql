-- CreateTable
CREATE TABLE "IdentityHold" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "reason" VARCHAR(16) NOT NULL,
    "field" VARCHAR(16),
    "provider" VARCHAR(16),
    "subject" VARCHAR(128),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" UUID,
    "clearedAt" TIMESTAMPTZ(3),
    "clearedById" UUID,

    CONSTRAINT "IdentityHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdentityHold_userId_clearedAt_idx" ON "IdentityHold"("userId", "clearedAt");

-- AddForeignKey
ALTER TABLE "IdentityHold" ADD CONSTRAINT "IdentityHold_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
