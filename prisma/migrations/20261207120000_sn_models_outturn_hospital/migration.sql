-- Decision 0021: statistical-neighbour groupings side by side, revenue outturn and hospital admissions.
-- * neighbour_model: one row per DfE grouping (April 2021, May 2025, …); statistical_neighbour rows
--   belong to one grouping (`model`) and carry the closeness band (`band`) beside the label as published.
-- * DataSeries gains REVENUE_OUTTURN and HOSPITAL_ADMISSIONS; Unit gains POUNDS and POUNDS_THOUSANDS.
--   (New enum values are not used in this migration: PostgreSQL allows that within one transaction.)
-- Rows already stored came from a grouping whose data_release.editionRank is its year and month
-- (202104 for April 2021): they are kept, under that grouping. An undated grouping (editionRank < 190001)
-- cannot be placed in time: its rows are removed. Grouping releases that end with no stored lists (undated,
-- or an older grouping that the previous importer recorded but did not store) are forgotten, so the next
-- import reads those files again under the new rules (and refuses an undated one).

CREATE TYPE "ClosenessBand" AS ENUM ('EXTREMELY_CLOSE', 'VERY_CLOSE', 'CLOSE', 'SOMEWHAT_CLOSE', 'NOT_CLOSE');

ALTER TYPE "Unit" ADD VALUE 'POUNDS';
ALTER TYPE "Unit" ADD VALUE 'POUNDS_THOUSANDS';

ALTER TYPE "DataSeries" ADD VALUE 'REVENUE_OUTTURN';
ALTER TYPE "DataSeries" ADD VALUE 'HOSPITAL_ADMISSIONS';

CREATE TABLE "neighbour_model" (
    "id" VARCHAR(7) NOT NULL,
    "label" TEXT NOT NULL,
    "publishedOn" DATE NOT NULL,
    "releaseId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,

    CONSTRAINT "neighbour_model_pkey" PRIMARY KEY ("id")
);

-- The grouping of each stored release, from its edition (yyyymm).
INSERT INTO "neighbour_model" ("id", "label", "publishedOn", "releaseId", "fileName")
SELECT DISTINCT ON (m.id) m.id, m.label, m."publishedOn", r.id, r."fileName"
  FROM "data_release" r
  JOIN (SELECT DISTINCT "releaseId" FROM "statistical_neighbour") s ON s."releaseId" = r.id
  CROSS JOIN LATERAL (
    SELECT to_char(make_date(r."editionRank" / 100, r."editionRank" % 100, 1), 'YYYY-MM') AS id,
           trim(to_char(make_date(r."editionRank" / 100, r."editionRank" % 100, 1), 'FMMonth YYYY')) AS label,
           make_date(r."editionRank" / 100, r."editionRank" % 100, 1) AS "publishedOn"
  ) m
 WHERE r."editionRank" >= 190001 AND r."editionRank" % 100 BETWEEN 1 AND 12
 ORDER BY m.id, r.id DESC;

ALTER TABLE "statistical_neighbour" DROP CONSTRAINT "statistical_neighbour_pkey",
ADD COLUMN "band" "ClosenessBand",
ADD COLUMN "model" VARCHAR(7);

UPDATE "statistical_neighbour" s
   SET "model" = m.id,
       "band" = (CASE lower(btrim(s."closeness"))
                   WHEN 'extremely close' THEN 'EXTREMELY_CLOSE'
                   WHEN 'very close' THEN 'VERY_CLOSE'
                   WHEN 'close' THEN 'CLOSE'
                   WHEN 'somewhat close' THEN 'SOMEWHAT_CLOSE'
                   WHEN 'not close' THEN 'NOT_CLOSE'
                 END)::"ClosenessBand"
  FROM "neighbour_model" m
 WHERE m."releaseId" = s."releaseId";

DELETE FROM "statistical_neighbour" WHERE "model" IS NULL OR "band" IS NULL;
DELETE FROM "data_release" r
 WHERE r."series" = 'STATISTICAL_NEIGHBOURS'
   AND NOT EXISTS (SELECT 1 FROM "neighbour_model" m WHERE m."releaseId" = r.id);

-- The rows changed above queued the page cache's deferred epoch trigger (migration 20261126183500);
-- PostgreSQL will not alter a table with trigger events pending, so fire them now.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE "statistical_neighbour" ALTER COLUMN "band" SET NOT NULL,
ALTER COLUMN "model" SET NOT NULL,
ADD CONSTRAINT "statistical_neighbour_pkey" PRIMARY KEY ("model", "laNumber", "rank");

CREATE INDEX "statistical_neighbour_laNumber_idx" ON "statistical_neighbour"("laNumber");

ALTER TABLE "statistical_neighbour" ADD CONSTRAINT "statistical_neighbour_model_fkey" FOREIGN KEY ("model") REFERENCES "neighbour_model"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Pages show the groupings: raise the page cache's epoch when they change, as for the other data tables.
CREATE CONSTRAINT TRIGGER "neighbour_model_bump_cache_epoch" AFTER INSERT OR UPDATE OR DELETE ON "neighbour_model" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_cache_epoch();
CREATE TRIGGER "neighbour_model_truncate_bump_cache_epoch" AFTER TRUNCATE ON "neighbour_model" FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_epoch();
