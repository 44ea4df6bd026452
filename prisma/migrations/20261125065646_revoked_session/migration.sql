-- CreateTable
CREATE TABLE "RevokedSession" (
    "userId" UUID NOT NULL,
    "loginAt" BIGINT NOT NULL,
    "revokedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RevokedSession_pkey" PRIMARY KEY ("userId","loginAt")
);
