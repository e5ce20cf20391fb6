// An import killed halfway (issue 8, part 3), on a private copy of the loaded database: the real
// command (`tsx scripts/import.ts <folder>`) imports a synthetic newer release — every published
// figure revised, plus a 2025 year — and is SIGKILLed (its whole process group) once its one
// transaction has written values (pg_stat_activity shows its second indicator_value insert batch
// running). The database must still hold the previous complete release, byte for byte, with no
// lock left behind; and the same release then imports in full.
// The same check runs against a production-like setup in `npm run bench:faults`.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFolder } from "@/lib/import/run-import";
import { importLockFree, killImportHalfway, releaseFingerprint, writeSyntheticRelease } from "../../scripts/bench-faults";
import { createTestDatabase, type TestDatabase } from "./helpers";

describe("an import killed halfway", () => {
  let t: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    t = await createTestDatabase("loaded-2024"); // the 2024 editions: the synthetic release is newer
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "csc-kill-"));
  });

  afterAll(async () => {
    fs.rmSync(folder, { recursive: true, force: true });
    await t?.drop();
  });

  it("leaves the previous complete release, and the release imports in full afterwards", async () => {
    const written = writeSyntheticRelease(folder);
    expect(written.files).toBe(5);
    const before = await releaseFingerprint(t.url);
    expect(before.releases).toHaveLength(8);

    const kill = await killImportHalfway(t.url, folder, 2);
    expect(kill.insertBatchesSeen).toBeGreaterThanOrEqual(2);
    expect(kill.importerOutput).not.toMatch(/Import summary/); // it never finished

    const after = await releaseFingerprint(t.url);
    expect(after.releases).toEqual(before.releases);
    expect(after.counts).toEqual(before.counts);
    expect(after.checksums).toEqual(before.checksums);
    expect(await importLockFree(t.url)).toBe(true);
    // England's 2024 agency rate is still the published 16.2, not the revised 16.3.
    const agency = await t.prisma.indicatorValue.findUniqueOrThrow({
      where: { indicatorId_geoCode_period: { indicatorId: "agency_rate_fte", geoCode: "E92000001", period: 2024 } },
    });
    expect(agency.raw).toBe("16.2");

    // Nothing is stuck: the same release imports completely.
    const summary = await importFolder(t.prisma, folder);
    expect(summary.totals.imported).toBe(5);
    expect((await releaseFingerprint(t.url)).releases).toHaveLength(13);
    const revised = await t.prisma.indicatorValue.findUniqueOrThrow({
      where: { indicatorId_geoCode_period: { indicatorId: "agency_rate_fte", geoCode: "E92000001", period: 2024 } },
    });
    expect(revised.raw).toBe("16.3");
    expect(await t.prisma.indicatorValue.count({ where: { period: 2025 } })).toBeGreaterThan(5_000);
  });
});
