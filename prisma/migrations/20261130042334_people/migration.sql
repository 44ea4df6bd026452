-- CreateEnum
CREATE TYPE "PartyStatus" AS ENUM ('APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL', 'MASSES');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('MALE', 'FEMALE');

-- CreateEnum
CREATE TYPE "PartyPost" AS ENUM ('SECRETARY', 'DEPUTY_SECRETARY', 'ORGANIZATION', 'PROPAGANDA', 'DISCIPLINE', 'YOUTH', 'GROUP_LEADER');

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "employeeNo" VARCHAR(32) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "gender" "Gender",
    "birthDate" DATE,
    "phone" VARCHAR(32),
    "education" VARCHAR(32),
    "status" "PartyStatus",
    "appliedOn" DATE,
    "activistOn" DATE,
    "candidateOn" DATE,
    "admittedOn" DATE,
    "fullOn" DATE,
    "introducers" VARCHAR(120),
    "contacts" VARCHAR(120),
    "posts" "PartyPost"[],
    "orgId" UUID NOT NULL,
    "workOrgId" UUID,
    "partyGroupId" UUID,
    "userId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_employeeNo_key" ON "Person"("employeeNo");

-- CreateIndex
CREATE UNIQUE INDEX "Person_userId_key" ON "Person"("userId");

-- CreateIndex
CREATE INDEX "Person_orgId_status_idx" ON "Person"("orgId", "status");

-- CreateIndex
CREATE INDEX "Person_workOrgId_idx" ON "Person"("workOrgId");

-- CreateIndex
CREATE INDEX "Person_partyGroupId_idx" ON "Person"("partyGroupId");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_workOrgId_fkey" FOREIGN KEY ("workOrgId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partyGroupId_fkey" FOREIGN KEY ("partyGroupId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Today's accounts become people: every user who belongs to a unit gets a person with the username as 工号,
-- linked to the account (sign-in is unchanged). 党内身份 stays empty (待登记) until the committee records it.
-- Accounts without a unit (the administrator) are system accounts and get no person.
INSERT INTO "Person" ("id", "employeeNo", "name", "phone", "orgId", "userId", "posts", "updatedAt")
SELECT gen_random_uuid(), u."username", u."name", u."phone", u."orgId", u."id", '{}', CURRENT_TIMESTAMP
FROM "User" u
WHERE u."orgId" IS NOT NULL;

-- Searching the roster by part of a name or 工号 over 100,000 people.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "hw_person_name_trgm" ON "Person" USING gin ("name" gin_trgm_ops);
CREATE INDEX "hw_person_employee_no_trgm" ON "Person" USING gin ("employeeNo" gin_trgm_ops);
