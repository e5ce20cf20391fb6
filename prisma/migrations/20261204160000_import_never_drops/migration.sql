-- Issue 14 part 5: an importer that never drops data quietly.
-- * Marker `k` (a non-zero share that rounds to 0 %, used by newer EES files) is kept as a letter.
-- * indicator_value.calculated marks a figure this service calculated from published counts
--   (e.g. children in need per 10,000 after the 2025 release stopped publishing rates).
-- * data_release.definitionsVersion: a file is "unchanged" only when its checksum AND the indicator
--   definitions it was read with are the same, so a newly mapped column loads on the next import.
ALTER TYPE "Marker" ADD VALUE IF NOT EXISTS 'k';

ALTER TABLE "indicator_value" ADD COLUMN "calculated" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "data_release" ADD COLUMN "definitionsVersion" TEXT NOT NULL DEFAULT '';
DROP INDEX "data_release_series_sha256_key";
CREATE UNIQUE INDEX "data_release_series_sha256_definitionsVersion_key" ON "data_release"("series", "sha256", "definitionsVersion");
