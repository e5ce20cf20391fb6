-- Everything Ofsted judges, the data half (decision 0020): the series of the long-layout ("tidy", long by
-- filter) children looked after, care leaver and outcomes files and of the d5, c3 and c4 children in need
-- tables; the unit SCORE (SDQ, Attainment 8); and indicator_value_revision, where the importer records
-- every published figure a newer release changed (what it was, what it became, both releases).
-- Written by `npm run db:diff` (Prisma 6.19's migrate diff), plus the CHECK at the end by hand.

-- AlterEnum
ALTER TYPE "Unit" ADD VALUE 'SCORE';

-- AlterEnum (PostgreSQL 12+ accepts several ADD VALUEs in one transaction; the values are not used in it)
ALTER TYPE "DataSeries" ADD VALUE 'CPP_DURATION';
ALTER TYPE "DataSeries" ADD VALUE 'S47_ICPC';
ALTER TYPE "DataSeries" ADD VALUE 'ASSESSMENT_FACTORS';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_NUMBERS';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_PLACEMENT_STABILITY';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_NEW_PLACEMENTS';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_SCHOOL_MOVES';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_SOCIAL_WORKERS';
ALTER TYPE "DataSeries" ADD VALUE 'CARE_LEAVERS_ACTIVITY';
ALTER TYPE "DataSeries" ADD VALUE 'CARE_LEAVERS_ACCOMMODATION';
ALTER TYPE "DataSeries" ADD VALUE 'CLA_HEALTH_OFFENDING';
ALTER TYPE "DataSeries" ADD VALUE 'KS2_SOCIAL_CARE';
ALTER TYPE "DataSeries" ADD VALUE 'KS4_SOCIAL_CARE';
ALTER TYPE "DataSeries" ADD VALUE 'ABSENCE_SOCIAL_CARE';

-- CreateTable
CREATE TABLE "indicator_value_revision" (
    "id" BIGSERIAL NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "geoCode" VARCHAR(9) NOT NULL,
    "period" INTEGER NOT NULL,
    "previousRaw" TEXT NOT NULL,
    "raw" TEXT NOT NULL,
    "previousReleaseId" INTEGER NOT NULL,
    "releaseId" INTEGER NOT NULL,

    CONSTRAINT "indicator_value_revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "indicator_value_revision_indicatorId_geoCode_period_idx" ON "indicator_value_revision"("indicatorId", "geoCode", "period");

-- CreateIndex
CREATE INDEX "indicator_value_revision_releaseId_idx" ON "indicator_value_revision"("releaseId");

-- AddForeignKey
ALTER TABLE "indicator_value_revision" ADD CONSTRAINT "indicator_value_revision_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value_revision" ADD CONSTRAINT "indicator_value_revision_previousReleaseId_fkey" FOREIGN KEY ("previousReleaseId") REFERENCES "data_release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value_revision" ADD CONSTRAINT "indicator_value_revision_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "data_release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a revision changes the published text.
ALTER TABLE "indicator_value_revision" ADD CONSTRAINT "indicator_value_revision_changed" CHECK ("raw" <> "previousRaw");
