-- CreateEnum
CREATE TYPE "DuesCategory" AS ENUM ('EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'LOW_INCOME');

-- CreateTable
CREATE TABLE "DuesBase" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "DuesCategory" NOT NULL,
    "monthlyBase" DECIMAL(10,2) NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "quarterly" BOOLEAN NOT NULL DEFAULT false,
    "setOn" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "setById" UUID,

    CONSTRAINT "DuesBase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DuesPayment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "month" VARCHAR(7) NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "paidOn" DATE NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "DuesPayment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DuesBase_personId_year_key" ON "DuesBase"("personId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "DuesPayment_personId_month_key" ON "DuesPayment"("personId", "month");

-- AddForeignKey
ALTER TABLE "DuesBase" ADD CONSTRAINT "DuesBase_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DuesPayment" ADD CONSTRAINT "DuesPayment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
