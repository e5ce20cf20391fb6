-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'ACTIVE', 'CLOSED');

-- CreateEnum
CREATE TYPE "PlanActionStatus" AS ENUM ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'COMPLETE');

-- CreateTable
CREATE TABLE "improvement_plan" (
    "id" UUID NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "PlanStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "improvement_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_priority" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "plan_priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_action" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "priorityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "theme" TEXT NOT NULL,
    "ofstedRecommendation" TEXT,
    "owner" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "PlanActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "successMeasure" TEXT NOT NULL,
    "indicatorId" TEXT,
    "target" DOUBLE PRECISION,
    "targetDate" DATE,
    "evidenceLinks" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "plan_action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "action_update" (
    "id" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "narrative" TEXT NOT NULL,
    "statusBefore" "PlanActionStatus" NOT NULL,
    "statusAfter" "PlanActionStatus" NOT NULL,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "action_update_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "improvement_plan_laNumber_deletedAt_idx" ON "improvement_plan"("laNumber", "deletedAt");

-- CreateIndex
CREATE INDEX "plan_priority_planId_order_idx" ON "plan_priority"("planId", "order");

-- CreateIndex
CREATE INDEX "plan_action_planId_deletedAt_idx" ON "plan_action"("planId", "deletedAt");

-- CreateIndex
CREATE INDEX "plan_action_indicatorId_idx" ON "plan_action"("indicatorId");

-- CreateIndex
CREATE INDEX "action_update_actionId_at_idx" ON "action_update"("actionId", "at");

-- CreateIndex
CREATE INDEX "action_update_at_idx" ON "action_update"("at");

-- AddForeignKey
ALTER TABLE "improvement_plan" ADD CONSTRAINT "improvement_plan_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_priority" ADD CONSTRAINT "plan_priority_planId_fkey" FOREIGN KEY ("planId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "improvement_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_priorityId_fkey" FOREIGN KEY ("priorityId") REFERENCES "plan_priority"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_update" ADD CONSTRAINT "action_update_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "plan_action"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express CHECK constraints)
ALTER TABLE "improvement_plan" ADD CONSTRAINT "improvement_plan_period_check" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "improvement_plan" ADD CONSTRAINT "improvement_plan_version_check" CHECK ("version" >= 1);
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_dates_check" CHECK ("dueDate" >= "startDate");
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_version_check" CHECK ("version" >= 1);
ALTER TABLE "plan_action" ADD CONSTRAINT "plan_action_target_check" CHECK (("indicatorId" IS NULL) OR ("target" IS NOT NULL AND "targetDate" IS NOT NULL));
