-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "GeoLevel" AS ENUM ('NATIONAL', 'REGIONAL', 'LOCAL_AUTHORITY');

-- CreateEnum
CREATE TYPE "Marker" AS ENUM ('c', 'low', 'u', 'x', 'z');

-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('HIGHER_IS_WORSE', 'HIGHER_IS_BETTER', 'NEUTRAL');

-- CreateEnum
CREATE TYPE "Unit" AS ENUM ('PERCENT', 'COUNT', 'FTE', 'RATE_PER_10K', 'CASES_PER_FTE', 'DAYS', 'PERSONS');

-- CreateEnum
CREATE TYPE "DataSeries" AS ENUM ('CSWW', 'CIN', 'REFERRALS', 'CPP_SUBSEQUENT', 'POPULATION', 'STATISTICAL_NEIGHBOURS', 'OFSTED');

-- CreateEnum
CREATE TYPE "LaType" AS ENUM ('COUNTY', 'UNITARY', 'METROPOLITAN_DISTRICT', 'LONDON_BOROUGH');

-- CreateEnum
CREATE TYPE "BoundaryChangeKind" AS ENUM ('MERGER', 'SPLIT', 'RECODE');

-- CreateEnum
CREATE TYPE "Judgement" AS ENUM ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE');

-- CreateEnum
CREATE TYPE "InspectionType" AS ENUM ('ILACS_STANDARD', 'ILACS_SHORT', 'ILACS_FOCUSED_VISIT', 'MONITORING_VISIT');

-- CreateTable
CREATE TABLE "data_release" (
    "id" SERIAL NOT NULL,
    "series" "DataSeries" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "editionRank" INTEGER NOT NULL,
    "edition" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "valueCount" INTEGER NOT NULL,
    "markerCount" INTEGER NOT NULL,
    "importedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_release_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "region" (
    "code" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "parentCode" VARCHAR(9),

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "local_authority" (
    "laNumber" VARCHAR(3) NOT NULL,
    "onsCode" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" VARCHAR(9) NOT NULL,
    "subRegionCode" VARCHAR(9),
    "laType" "LaType",
    "existsFrom" DATE,
    "existsTo" DATE,

    CONSTRAINT "local_authority_pkey" PRIMARY KEY ("laNumber")
);

-- CreateTable
CREATE TABLE "la_code" (
    "onsCode" VARCHAR(9) NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,

    CONSTRAINT "la_code_pkey" PRIMARY KEY ("onsCode")
);

-- CreateTable
CREATE TABLE "la_name" (
    "source" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,

    CONSTRAINT "la_name_pkey" PRIMARY KEY ("source","normalized","laNumber")
);

-- CreateTable
CREATE TABLE "boundary_change" (
    "id" TEXT NOT NULL,
    "kind" "BoundaryChangeKind" NOT NULL,
    "effective" DATE NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "boundary_change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "boundary_change_link" (
    "changeId" TEXT NOT NULL,
    "fromLaNumber" VARCHAR(3) NOT NULL,
    "toLaNumber" VARCHAR(3) NOT NULL,

    CONSTRAINT "boundary_change_link_pkey" PRIMARY KEY ("changeId","fromLaNumber","toLaNumber")
);

-- CreateTable
CREATE TABLE "joint_return" (
    "id" TEXT NOT NULL,
    "series" "DataSeries" NOT NULL,
    "label" TEXT NOT NULL,
    "fromPeriod" INTEGER NOT NULL,
    "toPeriod" INTEGER NOT NULL,

    CONSTRAINT "joint_return_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "joint_return_member" (
    "jointReturnId" TEXT NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,

    CONSTRAINT "joint_return_member_pkey" PRIMARY KEY ("jointReturnId","laNumber")
);

-- CreateTable
CREATE TABLE "statistical_neighbour" (
    "laNumber" VARCHAR(3) NOT NULL,
    "rank" INTEGER NOT NULL,
    "neighbourLaNumber" VARCHAR(3) NOT NULL,
    "closeness" TEXT NOT NULL,
    "inheritedFrom" VARCHAR(3),
    "releaseId" INTEGER NOT NULL,

    CONSTRAINT "statistical_neighbour_pkey" PRIMARY KEY ("laNumber","rank")
);

-- CreateTable
CREATE TABLE "indicator" (
    "id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "shortLabel" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit" "Unit" NOT NULL,
    "polarity" "Polarity" NOT NULL,
    "series" "DataSeries" NOT NULL,
    "sourceColumn" TEXT NOT NULL,
    "referenceDate" TEXT NOT NULL,
    "decimals" INTEGER NOT NULL,
    "isHeadline" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_value" (
    "id" BIGSERIAL NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "geoLevel" "GeoLevel" NOT NULL,
    "geoCode" VARCHAR(9) NOT NULL,
    "value" DOUBLE PRECISION,
    "marker" "Marker",
    "raw" TEXT NOT NULL,
    "jointReturnId" TEXT,
    "releaseId" INTEGER NOT NULL,

    CONSTRAINT "indicator_value_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspection" (
    "id" SERIAL NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,
    "type" "InspectionType" NOT NULL,
    "inspectionDate" DATE,
    "publicationDate" DATE,
    "overall" "Judgement",
    "leadership" "Judgement",
    "helpAndProtection" "Judgement",
    "childrenInCare" "Judgement",
    "careLeavers" "Judgement",
    "visitTheme" TEXT,
    "releaseId" INTEGER NOT NULL,

    CONSTRAINT "inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ofsted_position" (
    "asAt" DATE NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,
    "inspectionDate" DATE,
    "publicationDate" DATE,
    "overall" "Judgement",
    "leadership" "Judgement",
    "helpAndProtection" "Judgement",
    "childrenInCare" "Judgement",
    "careLeavers" "Judgement",
    "releaseId" INTEGER NOT NULL,

    CONSTRAINT "ofsted_position_pkey" PRIMARY KEY ("asAt","laNumber")
);

-- CreateIndex
CREATE UNIQUE INDEX "data_release_series_sha256_key" ON "data_release"("series", "sha256");

-- CreateIndex
CREATE UNIQUE INDEX "local_authority_onsCode_key" ON "local_authority"("onsCode");

-- CreateIndex
CREATE INDEX "local_authority_regionCode_idx" ON "local_authority"("regionCode");

-- CreateIndex
CREATE INDEX "la_code_laNumber_idx" ON "la_code"("laNumber");

-- CreateIndex
CREATE INDEX "la_name_normalized_idx" ON "la_name"("normalized");

-- CreateIndex
CREATE INDEX "indicator_value_geoCode_indicatorId_period_idx" ON "indicator_value"("geoCode", "indicatorId", "period");

-- CreateIndex
CREATE INDEX "indicator_value_indicatorId_period_geoLevel_idx" ON "indicator_value"("indicatorId", "period", "geoLevel");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_value_indicatorId_geoCode_period_key" ON "indicator_value"("indicatorId", "geoCode", "period");

-- CreateIndex
CREATE INDEX "inspection_laNumber_inspectionDate_idx" ON "inspection"("laNumber", "inspectionDate");

-- AddForeignKey
ALTER TABLE "region" ADD CONSTRAINT "region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_authority" ADD CONSTRAINT "local_authority_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "local_authority" ADD CONSTRAINT "local_authority_subRegionCode_fkey" FOREIGN KEY ("subRegionCode") REFERENCES "region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "la_code" ADD CONSTRAINT "la_code_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "la_name" ADD CONSTRAINT "la_name_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boundary_change_link" ADD CONSTRAINT "boundary_change_link_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "boundary_change"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boundary_change_link" ADD CONSTRAINT "boundary_change_link_fromLaNumber_fkey" FOREIGN KEY ("fromLaNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "boundary_change_link" ADD CONSTRAINT "boundary_change_link_toLaNumber_fkey" FOREIGN KEY ("toLaNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "joint_return_member" ADD CONSTRAINT "joint_return_member_jointReturnId_fkey" FOREIGN KEY ("jointReturnId") REFERENCES "joint_return"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "joint_return_member" ADD CONSTRAINT "joint_return_member_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statistical_neighbour" ADD CONSTRAINT "statistical_neighbour_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statistical_neighbour" ADD CONSTRAINT "statistical_neighbour_neighbourLaNumber_fkey" FOREIGN KEY ("neighbourLaNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_jointReturnId_fkey" FOREIGN KEY ("jointReturnId") REFERENCES "joint_return"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "data_release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspection" ADD CONSTRAINT "inspection_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "data_release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ofsted_position" ADD CONSTRAINT "ofsted_position_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ofsted_position" ADD CONSTRAINT "ofsted_position_releaseId_fkey" FOREIGN KEY ("releaseId") REFERENCES "data_release"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: a published figure is a number or a marker, never both, never neither.
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_value_xor_marker" CHECK (("value" IS NULL) <> ("marker" IS NULL));
