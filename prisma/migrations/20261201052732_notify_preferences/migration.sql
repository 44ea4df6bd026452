-- AlterTable
ALTER TABLE "ExternalIdentity" ADD COLUMN     "messageTo" VARCHAR(128);

-- CreateTable
CREATE TABLE "NotifyPreference" (
    "userId" UUID NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "kinds" TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotifyPreference_pkey" PRIMARY KEY ("userId","channel")
);

-- AddForeignKey
ALTER TABLE "NotifyPreference" ADD CONSTRAINT "NotifyPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
