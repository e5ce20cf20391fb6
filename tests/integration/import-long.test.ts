// The long-layout importer against real PostgreSQL (decision 0020): a synthetic newer release of a
// long file (tests/fixtures/long-release) with a filter value never published before and a revised
// cell; the account of every filter value in the summary; idempotence; all or nothing with the file,
// line and column; the two ONS codes of Barnsley and Sheffield.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSummary, importFolder, type ImportSummary } from "@/lib/import/run-import";
import { createTestDatabase, type TestDatabase, tempFolder, storedValue } from "./helpers";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");
const fixture = path.resolve(import.meta.dirname, "../fixtures/long-release");
const SYNTHETIC = "la_cla_swcount_2025_synthetic.csv";
const NEW_VALUE = "4 or more social workers during the year";

const value = storedValue;

/** Every importer table, as md5 of its rows: equal before and after means nothing was written. */
async function fingerprint(t: TestDatabase): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of [
    "indicator_value",
    "indicator_value_revision",
    "data_release",
    "local_authority",
    "la_code",
    "la_name",
    "indicator",
  ]) {
    const rows = await t.prisma.$queryRawUnsafe<{ md5: string | null }[]>(
      `select md5(string_agg(x::text, ',' order by x::text)) as md5 from "${table}" x`,
    );
    out[table] = rows[0]?.md5 ?? "";
  }
  return out;
}

describe("a newer release of a long-layout file: a new filter value and a revised cell", () => {
  let t: TestDatabase;
  let summary: ImportSummary;
  beforeAll(async () => {
    t = await createTestDatabase("loaded");
    summary = await importFolder(t.prisma, fixture);
  });
  afterAll(async () => t.drop());

  it("is read as the social worker series, and the filter value never seen before is reported by name, not imported", async () => {
    const f = summary.files.find((x) => x.fileName === SYNTHETIC)!;
    expect(f).toMatchObject({ kind: "long", series: "CLA_SOCIAL_WORKERS", status: "imported" });
    expect(f.filters?.new).toEqual([{ column: "sw_stability", value: NEW_VALUE, rows: 7 }]);
    expect(f.filters?.missing).toEqual([]);
    expect(f.filters?.notUsed).toEqual([{ column: "sw_stability", value: "Total children", rows: 14 }]);
    const text = formatSummary(summary);
    expect(text).toContain(
      `${SYNTHETIC}: filter values not in the catalogue (new in this release; not imported): sw_stability = "${NEW_VALUE}" (7 rows)`,
    );
    expect(text).toContain(`${SYNTHETIC}: filter values no indicator reads (not imported): sw_stability = "Total children" (14 rows)`);
    // Birmingham's 4-or-more row (183, 8) is nowhere in the database
    const release = await t.prisma.dataRelease.findFirstOrThrow({ where: { fileName: SYNTHETIC } });
    expect(await t.prisma.indicatorValue.count({ where: { releaseId: release.id, raw: { in: ["183", "8"] }, geoCode: "330" } })).toBe(0);
  });

  it("the revised cell wins, and the revision is recorded: the text before and after and both releases", async () => {
    const v = await value(t, "cla_3plus_social_workers_percent", "330", 2024);
    expect(v).toMatchObject({ raw: "25", value: 25, marker: null, calculated: false });
    expect(v?.release.fileName).toBe(SYNTHETIC);
    const revisions = await t.prisma.indicatorValueRevision.findMany({
      where: { indicatorId: "cla_3plus_social_workers_percent", geoCode: "330", period: 2024 },
      include: { release: true, previousRelease: true },
    });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ previousRaw: "24", raw: "25" });
    expect(revisions[0]?.previousRelease.fileName).toBe("la_cla_swcount.csv");
    expect(revisions[0]?.release.fileName).toBe(SYNTHETIC);
    // exactly one cell was revised; the rest of 2024 is reaffirmed (provenance moves), 2025 is new
    const f = summary.files.find((x) => x.fileName === SYNTHETIC)!;
    expect(f.revisions).toEqual([{ indicatorId: "cla_3plus_social_workers_percent", geoCode: "330", period: 2024, from: "24", to: "25" }]);
    expect(f.counts).toMatchObject({ revised: 1, inserted: 14, reaffirmed: 13 });
    expect(formatSummary(summary)).toContain(
      `${SYNTHETIC}: revised 1 published figure (recorded): cla_3plus_social_workers_percent 330 2024: 24 → 25`,
    );
    // an untouched cell keeps its text and moves to the newer release
    expect(await value(t, "cla_3plus_social_workers", "330", 2024)).toMatchObject({ raw: "550", release: { fileName: SYNTHETIC } });
    expect(await value(t, "cla_3plus_social_workers_percent", "302", 2025)).toMatchObject({ marker: "x", raw: "x" });
  });

  it("importing the older published file again cannot undo the revision", async () => {
    const older = tempFolder({ "la_cla_swcount_copy.csv": fs.readFileSync(path.join(published, "la_cla_swcount.csv"), "utf8") + "\n" });
    const again = await importFolder(t.prisma, older);
    expect(again.files[0]).toMatchObject({ status: "imported", counts: { keptNewer: 14 } });
    expect((await value(t, "cla_3plus_social_workers_percent", "330", 2024))?.raw).toBe("25");
  });

  it("the same release again writes nothing", async () => {
    const before = await fingerprint(t);
    const again = await importFolder(t.prisma, fixture);
    expect(again.files.find((x) => x.fileName === SYNTHETIC)?.status).toBe("unchanged");
    expect(await fingerprint(t)).toEqual(before);
  });
});

describe("the published long-layout files, as imported by default", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("loaded");
  });
  afterAll(async () => t.drop());

  it("a second import of every published file writes nothing", async () => {
    const before = await fingerprint(t);
    const again = await importFolder(t.prisma, published);
    expect(again.totals.imported).toBe(0);
    expect(again.files.filter((f) => f.kind === "long").map((f) => f.status)).toEqual(Array(11).fill("unchanged"));
    expect(await fingerprint(t)).toEqual(before);
  });

  it("Barnsley and Sheffield: the 2025 workforce file's new ONS codes and everyone else's old ones are the same LAs", async () => {
    const codes = await t.prisma.laCode.findMany({ where: { laNumber: { in: ["370", "373"] } }, orderBy: { onsCode: "asc" } });
    expect(codes.map((c) => [c.laNumber, c.onsCode])).toEqual([
      ["370", "E08000016"],
      ["373", "E08000019"],
      ["370", "E08000038"],
      ["373", "E08000039"],
    ]);
    // figures from files using either code are under the DfE number
    expect((await value(t, "agency_rate_fte", "370", 2025))?.release.fileName).toBe("csww_indicators_2017_to_2025.csv");
    expect((await value(t, "cla_at31", "370", 2025))?.release.fileName).toBe("cla_number_and_rate_per_10k_children.csv");
    expect((await value(t, "cla_at31", "373", 2025))?.value).toBeGreaterThan(0);
  });

  it("a broken long file fails naming file, line and column, and nothing of the folder is written", async () => {
    const before = await fingerprint(t);
    const lines = fs.readFileSync(path.join(published, "la_care_leavers_activity.csv"), "utf8").split("\n");
    // line 40 of the copy: a row an indicator reads, its percentage replaced by text
    const at = lines.findIndex((l, i) => i > 30 && l.includes("Total in education, employment or training"));
    lines[at] = lines[at]!.replace(/,[^,]*$/, ",twelve");
    const dir = tempFolder({
      "care_leavers_2026.csv": lines.join("\n"),
      // a good file of another series beside it: not half-imported either
      "swcount_copy.csv": fs.readFileSync(path.join(fixture, SYNTHETIC), "utf8") + "\n",
    });
    await expect(importFolder(t.prisma, dir)).rejects.toThrow(
      new RegExp(`care_leavers_2026\\.csv, line ${at + 1}, column "care_leaver_percent": unknown value "twelve"`),
    );
    expect(await fingerprint(t)).toEqual(before);
  });

  it("a release that lacks a filter value the catalogue expects says so by name, and which indicators get no figures", async () => {
    const text = fs
      .readFileSync(path.join(published, "cla_number_and_rate_per_10k_children.csv"), "utf8")
      .split("\n")
      .filter((l) => !l.includes("Children ceasing to be looked after each year"))
      .join("\n");
    const summary = await importFolder(t.prisma, tempFolder({ "cla_without_ceased.csv": text }));
    expect(summary.files[0]?.filters?.missing).toEqual([
      { column: "population_type", value: "Children ceasing to be looked after each year", readBy: ["cla_ceased", "cla_ceased_rate"] },
    ]);
    expect(formatSummary(summary)).toContain(
      `cla_without_ceased.csv: filter values the catalogue expects that this file does not have: population_type = "Children ceasing to be looked after each year" (read by cla_ceased, cla_ceased_rate: no figures from this file)`,
    );
  });

  it("names every filter value no indicator reads, and the LAs listed in years they did not exist", async () => {
    const summary = await importFolder(
      t.prisma,
      tempFolder({ "placements.csv": fs.readFileSync(path.join(published, "la_cla_during_year_new_placements.csv"), "utf8") + "\n" }),
    );
    const f = summary.files[0]!;
    expect(f.filters?.notUsed).toContainEqual({ column: "breakdown", value: "Allegation (s47)", rows: 835 });
    expect(f.filters?.notUsed).toContainEqual({
      column: "characteristic",
      value: "Reason for placement change during the year",
      rows: 10855,
    });
    expect(f.filters?.new).toEqual([]);
    expect(f.filters?.nonexistent.las.map((l) => l.laNumber).sort()).toEqual(["909", "928", "940", "941", "942", "943"]);
    const text = formatSummary(summary);
    expect(text).toContain(`placements.csv: filter values no indicator reads (not imported): `);
    expect(text).toMatch(
      /placements\.csv: \d+ rows for local authorities in years they did not exist, every figure z or x, not stored: 909 \(2024, 2025\)/,
    );
  });
});

describe("two editions of a series in one import end exactly as two imports one after the other", () => {
  let oneRun: TestDatabase;
  let twoRuns: TestDatabase;
  const EDITIONS = {
    2024: ["csww_indicators_2017_to_2024.csv", "c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv"],
    2025: ["csww_indicators_2017_to_2025.csv", "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"],
  };
  const folderOf = (names: string[]) => tempFolder(Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(published, n))])));
  beforeAll(async () => {
    [oneRun, twoRuns] = await Promise.all([createTestDatabase("empty"), createTestDatabase("empty")]);
    await importFolder(oneRun.prisma, folderOf([...EDITIONS[2024], ...EDITIONS[2025]]));
    await importFolder(twoRuns.prisma, folderOf(EDITIONS[2024]));
    await importFolder(twoRuns.prisma, folderOf(EDITIONS[2025]));
  });
  afterAll(async () => Promise.all([oneRun.drop(), twoRuns.drop()]));

  /** every value with the file it came from, and every revision with both files: ids left out */
  const state = async (t: TestDatabase) => ({
    values: await t.prisma.$queryRawUnsafe<{ md5: string; n: bigint }[]>(
      `select md5(string_agg(v."indicatorId"||'|'||v."geoCode"||'|'||v.period||'|'||v.raw||'|'||coalesce(v."jointReturnId",'')||'|'||v.calculated||'|'||r."fileName", ',' order by v."indicatorId", v."geoCode", v.period)) as md5, count(*) as n
         from indicator_value v join data_release r on r.id = v."releaseId"`,
    ),
    revisions: await t.prisma.$queryRawUnsafe<{ row: string }[]>(
      `select v."indicatorId"||' '||v."geoCode"||' '||v.period||': '||v."previousRaw"||' ('||p."fileName"||') → '||v.raw||' ('||r."fileName"||')' as row
         from indicator_value_revision v join data_release r on r.id = v."releaseId" join data_release p on p.id = v."previousReleaseId"
        order by 1`,
    ),
  });

  it("same values, same provenance, same revisions recorded", async () => {
    const [a, b] = await Promise.all([state(oneRun), state(twoRuns)]);
    expect(Number(a.values[0]?.n)).toBeGreaterThan(50_000);
    expect(a).toEqual(b);
    // the 19 workforce and 2 referral revisions of FORMATS.md §6.1, each recorded once
    expect(a.revisions).toHaveLength(21);
    expect(a.revisions).toContainEqual({
      row: "turnover_rate_fte E92000001 2024: 13.8 (csww_indicators_2017_to_2024.csv) → 13.9 (csww_indicators_2017_to_2025.csv)",
    });
  });

  it("also when the newer file is the same edition and leaves most figures as they are", async () => {
    const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
    const original = fs.readFileSync(path.join(published, C1), "utf8");
    const lines = original.split("\n");
    const at = lines.findIndex((l) => l.startsWith("2025,") && l.includes(",330,"));
    lines[at] = lines[at]!.replace(/,[^,]*$/, ",99.9"); // Birmingham 2025 rereferral_child_percent, republished
    const republished = { [C1.replace(".csv", "_republished.csv")]: lines.join("\n") };
    const [a, b] = await Promise.all([createTestDatabase("empty"), createTestDatabase("empty")]);
    try {
      await importFolder(a.prisma, tempFolder({ [C1]: original, ...republished }));
      await importFolder(b.prisma, tempFolder({ [C1]: original }));
      await importFolder(b.prisma, tempFolder(republished));
      const [sa, sb] = await Promise.all([state(a), state(b)]);
      expect(sa).toEqual(sb);
      expect(sa.revisions.map((r) => r.row)).toEqual([
        expect.stringMatching(/^re_referrals_child_percent 330 2025: [\d.]+ \(c1_.*_2025\.csv\) → 99\.9 /),
      ]);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
