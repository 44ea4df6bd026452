-- CreateTable
CREATE TABLE "DemoSite" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "articleKeys" UUID[],
    "description" VARCHAR(1000) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteVisit" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "visitingOrgIds" UUID[],
    "notes" VARCHAR(2000) NOT NULL,
    "photoKeys" TEXT[],
    "photoNames" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DemoSite_orgId_idx" ON "DemoSite"("orgId");

-- CreateIndex
CREATE INDEX "SiteVisit_siteId_idx" ON "SiteVisit"("siteId");

-- AddForeignKey
ALTER TABLE "SiteVisit" ADD CONSTRAINT "SiteVisit_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "DemoSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;
