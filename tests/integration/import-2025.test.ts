// Issue 14 part 5, "an importer that never drops data quietly": the 2025 editions of the four DfE
// series (tests/fixtures/published-2025, copies of the published files) imported over the 2024 ones
// (a copy of the database as it was before the 2025 releases became default data, decision 0020),
// against real PostgreSQL. Every published column is loaded or named; a misspelt measure or key column
// fails with the nearest known name; a measure a release stopped publishing is reported, and the CIN
// rates it dropped are calculated from published counts and labelled so.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDashboard, CALCULATED_NOTE } from "@/lib/dashboard/build";
import { INDICATORS, sourceColumns, type CatalogueIndicator } from "@/lib/catalogue";
import { formatSummary, importFolder, rateFigure, type ImportSummary } from "@/lib/import/run-import";
import { providerLevelWorkbook } from "../fixtures/provider-level-ods";
import { useTestDatabase, type TestDatabase, tempFolder, storedValue } from "./helpers";
import { currentSnapshot } from "./snapshot-fixture";

const editions2025 = path.resolve(import.meta.dirname, "../fixtures/published-2025");
const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
const B1 = "b1_children_in_need_2013_to_2025.csv";
const CSWW = "csww_indicators_2017_to_2025.csv";

const read2025 = (name: string) => fs.readFileSync(path.join(editions2025, name), "utf8");

const value = storedValue;

async function tableCounts(t: TestDatabase) {
  const [values, releases] = await Promise.all([t.prisma.indicatorValue.count(), t.prisma.dataRelease.count()]);
  const md5 = await t.prisma.$queryRawUnsafe<{ md5: string }[]>(
    `select md5(string_agg("indicatorId"||'|'||"geoCode"||'|'||period||'|'||raw||'|'||"releaseId", ',' order by "indicatorId","geoCode",period)) from indicator_value`,
  );
  return { values, releases, md5: md5[0]?.md5 };
}

describe("the 2025 editions of the four series, over the 2024 ones", () => {
  const t = useTestDatabase("loaded-2024");
  let summary: ImportSummary;
  beforeAll(async () => {
    summary = await importFolder(t.prisma, editions2025);
  }, 120_000);

  it("imports all four files and leaves no column of them unmapped", () => {
    // (the folder's README.md is reported by name as not recognised, as any other file would be)
    expect(summary.files.filter((f) => f.fileName.endsWith(".csv")).map((f) => [f.fileName, f.status])).toEqual([
      [B1, "imported"],
      [C1, "imported"],
      [CSWW, "imported"],
      ["d3_cpps_subsequent_plan_2013_to_2025.csv", "imported"],
    ]);
    expect(summary.files.find((f) => f.fileName === "README.md")?.status).toBe("not recognised");
    for (const f of summary.files.filter((f) => f.kind === "tidy")) expect(f.unmappedColumns, f.fileName).toEqual([]);
  });

  it("maps the six renamed referral count columns: all 990 cells of 2025 (165 rows × 6) are loaded", async () => {
    const ids = ["referrals", "re_referrals", "referrals_nfa", "referrals_not_in_need", "referrals_child", "re_referrals_child"];
    const n = await t.prisma.indicatorValue.count({ where: { indicatorId: { in: ids }, period: 2025 } });
    expect(n).toBe(990);
    // England 2025, as published (line 2 of the file)
    const england = read2025(C1).split("\n")[1]!.split(",");
    expect((await value(t, "referrals", "E92000001", 2025))?.raw).toBe(england[11]);
    expect((await value(t, "re_referrals_child", "E92000001", 2025))?.raw).toBe(england[19]);
  });

  it("Barnet's 2024 no-further-action count and percent read u (withdrawn by the 2025 release), not 0", async () => {
    for (const id of ["referrals_nfa", "referrals_nfa_percent"]) {
      const v = await value(t, id, "302", 2024);
      expect(v, id).toMatchObject({ marker: "u", value: null, raw: "u", calculated: false });
      expect(v?.release.fileName).toBe(C1);
    }
    // and the summary records the revisions
    const c1 = summary.files.find((f) => f.fileName === C1)!;
    expect(c1.counts?.revised).toBeGreaterThanOrEqual(2);
  });

  it("says, per measure, which measures a release stopped publishing", () => {
    const b1 = summary.files.find((f) => f.fileName === B1)!;
    expect(b1.droppedMeasures?.map((d) => d.column).sort()).toEqual([
      "Anypoint_child_rate",
      "Anypoint_episodes_rate",
      "At31_episodes_rate",
      "Awaiting_assessment_rate",
      "Ended_child_rate",
      "Ended_episodes_rate",
      "Started_child_rate",
      "Started_episodes_rate",
    ]);
    expect(b1.droppedMeasures?.every((d) => d.lastPeriod === 2024 && d.calculated)).toBe(true);
    const c1 = summary.files.find((f) => f.fileName === C1)!;
    expect(c1.droppedMeasures?.map((d) => d.column).sort()).toEqual(["Referrals_child_rate", "Referrals_rate"]);
    const text = formatSummary(summary);
    expect(text).toContain(
      `${B1}: no longer publishes At31_episodes_rate (cin_at31_rate); figures up to 2024 are kept from earlier releases; later years are calculated by this service from published counts`,
    );
    expect(text).toContain(`${C1}: no longer publishes Referrals_rate (referrals_rate)`);
  });

  it("calculates 2025 children in need per 10,000 from the published count and the mid-2024 population, marked calculated", async () => {
    const count = await value(t, "cin_at31", "E92000001", 2025);
    const pop = await value(t, "population_0_17", "E92000001", 2024);
    const rate = await value(t, "cin_at31_rate", "E92000001", 2025);
    expect(rate).toMatchObject({ calculated: true, marker: null });
    expect(rate?.value).toBe(Math.round((100_000 * count!.value!) / pop!.value!) / 10);
    expect(rate?.release.fileName).toBe(B1);
    const las = await t.prisma.indicatorValue.count({
      where: { indicatorId: "cin_at31_rate", period: 2025, geoLevel: "LOCAL_AUTHORITY", calculated: true },
    });
    expect(las).toBe(153);
    // published rates of earlier years stay published
    expect(await value(t, "cin_at31_rate", "E92000001", 2024)).toMatchObject({ calculated: false, raw: "332.9" });
  });

  it("a published rate whose count a newer release withdrew becomes that marker (Herefordshire 2024 episodes started)", async () => {
    expect(await value(t, "cin_started_episodes", "884", 2024)).toMatchObject({ marker: "u", raw: "u" });
    expect(await value(t, "cin_started_episodes_rate", "884", 2024)).toMatchObject({ marker: "u", raw: "u", calculated: true });
    expect(summary.calculated.find((c) => c.indicatorId === "cin_started_episodes_rate")?.replacedWithdrawn).toBe(1);
  });

  it("the dashboard shows the 2025 CIN rate with the label, not 2024 beside 2025 figures", async () => {
    const s = await currentSnapshot(t);
    const d = buildDashboard(s, "330", { indicator: "cin_at31_rate", comparator: "median", year: 2025 });
    const card = d.cards.find((c) => c.meta.id === "cin_at31_rate")!;
    const rereferrals = d.cards.find((c) => c.meta.id === "re_referrals_percent")!;
    expect(card.periodText).toBe(rereferrals.periodText);
    expect(card.latest).toMatchObject({ calculated: true });
    const trendRow = d.trend.table.rows.at(-1)!; // periods ascending: the last is 2025
    expect(trendRow.at(-1)).toContain(CALCULATED_NOTE);
  });

  it("calculated rates equal the published ones to 0.1 for every LA, region and England in 2013–2022; 2023–2024 used an older population vintage", async () => {
    // Every rate the importer can calculate, compared with the published rate wherever both exist.
    const report: string[] = [];
    // (rates no release has ever published, e.g. child protection plans per 10,000, have nothing to compare with)
    for (const def of (INDICATORS as readonly CatalogueIndicator[]).filter((d) => d.perTenThousand && sourceColumns(d).length > 0)) {
      const rows = await t.prisma.$queryRawUnsafe<{ geoCode: string; period: number; published: number; count: number; pop: number }[]>(
        `select r."geoCode", r.period, r.value as published, n.value as count, p.value as pop
           from indicator_value r
           join indicator_value n on n."indicatorId" = $2 and n."geoCode" = r."geoCode" and n.period = r.period
           join indicator_value p on p."indicatorId" = 'population_0_17' and p."geoCode" = r."geoCode" and p.period = r.period - 1
          where r."indicatorId" = $1 and not r.calculated and r.value is not null and n.value is not null and p.value is not null`,
        def.id,
        def.perTenThousand,
      );
      const byYear = new Map<number, { n: number; match: number; worst: string }>();
      for (const r of rows) {
        const calc = rateFigure({ value: r.count, marker: null, hasPop: true, pop: r.pop, popMarker: null })!.value!;
        const y = byYear.get(r.period) ?? { n: 0, match: 0, worst: "" };
        y.n++;
        if (Math.abs(calc - r.published) <= 0.1 + 1e-9) y.match++;
        else if (!y.worst) y.worst = `${r.geoCode}: published ${r.published}, calculated ${calc}`;
        byYear.set(r.period, y);
      }
      const early = [...byYear].filter(([y]) => y <= 2022);
      const late = [...byYear].filter(([y]) => y >= 2023);
      report.push(
        `${def.id}: 2013–2022 ${early.reduce((a, [, v]) => a + v.match, 0)}/${early.reduce((a, [, v]) => a + v.n, 0)} match; ` +
          late.map(([y, v]) => `${y} ${v.match}/${v.n} (e.g. ${v.worst})`).join("; "),
      );
      for (const [year, v] of early) expect(v.match, `${def.id} ${year}: ${v.worst}`).toBe(v.n);
      expect(early.length).toBeGreaterThanOrEqual(9);
    }
    console.log(`calculated vs published rates per 10,000 (tolerance 0.1):\n  ${report.join("\n  ")}`);
  });

  it("a second import of the same files changes nothing", async () => {
    const before = await tableCounts(t);
    const again = await importFolder(t.prisma, editions2025);
    expect(again.totals.unchanged).toBe(4);
    expect(again.totals.imported).toBe(0);
    expect(await tableCounts(t)).toEqual(before);
  });

  it("after a change to the indicator definitions, files imported before are read again (the import key includes the definitions' version)", async () => {
    // As if c1 2025 had been imported under older definitions that did not map its renamed columns.
    const ids = ["referrals", "re_referrals", "referrals_nfa", "referrals_not_in_need", "referrals_child", "re_referrals_child"];
    await t.prisma.indicatorValue.deleteMany({ where: { indicatorId: { in: ids }, period: 2025 } });
    await t.prisma.$executeRawUnsafe(`update data_release set "definitionsVersion" = 'older-definitions' where "fileName" = $1`, C1);
    const again = await importFolder(t.prisma, editions2025);
    expect(again.files.find((f) => f.fileName === C1)?.status).toBe("imported");
    expect(await t.prisma.indicatorValue.count({ where: { indicatorId: { in: ids }, period: 2025 } })).toBe(990);
  });
});

describe("a file of a known series with a misspelt column fails, naming it and the nearest known name", () => {
  const t = useTestDatabase("loaded-2024");

  it("a misspelt measure column (caseload_ftee): refused, nothing written, no release recorded", async () => {
    const before = await tableCounts(t);
    const body = read2025(CSWW).replace(",caseload_fte,", ",caseload_ftee,");
    const dir = tempFolder({ [CSWW]: body });
    await expect(importFolder(t.prisma, dir)).rejects.toThrow(
      /column "caseload_ftee".*lacks a measure earlier releases had — "caseload_fte" \(caseload_fte, published up to 2024\).*"caseload_ftee" \(nearest known name: "caseload_fte"\)/,
    );
    expect(await tableCounts(t)).toEqual(before);
  });

  it("a misspelt key column (geographical_levl): refused, not reported as 'not recognised'", async () => {
    const body = read2025(CSWW).replace(",geographic_level,", ",geographical_levl,");
    const dir = tempFolder({ [CSWW]: body });
    await expect(importFolder(t.prisma, dir)).rejects.toThrow(
      /required column geographic_level is missing; column "geographical_levl" is not a name the importer knows — the nearest known name to it is "geographic_level"/,
    );
  });

  it("a column nobody maps, with no measure missing, is imported and named in the summary", async () => {
    const lines = read2025(CSWW).trimEnd().split("\n");
    const body = lines.map((l, i) => `${l},${i === 0 ? "new_measure_2025" : "1"}`).join("\n") + "\n";
    const summary = await importFolder(t.prisma, tempFolder({ [CSWW]: body }));
    expect(summary.files[0]?.unmappedColumns).toEqual(["new_measure_2025"]);
    expect(formatSummary(summary)).toContain(`${CSWW}: columns not mapped to any measure (not imported): new_measure_2025`);
  });
});

describe("a workbook of a layout the importer does not know", () => {
  const t = useTestDatabase("loaded-2024");

  it("is reported by name as not recognised, saying what it looks like and why; the rest of the import goes ahead", async () => {
    const before = await tableCounts(t);
    const dir = tempFolder({ "Childrens_social_care_in_England_2025_provider_level.ods": providerLevelWorkbook(), [C1]: read2025(C1) });
    const summary = await importFolder(t.prisma, dir);
    const ods = summary.files.find((f) => f.fileName.endsWith(".ods"))!;
    expect(ods.status).toBe("not recognised");
    expect(ods.reason).toMatch(/one row per provider or setting \("URN", "Provider type"/);
    expect(ods.reason).toContain("Government Office Region");
    expect(formatSummary(summary)).toContain(
      "not recognised: Childrens_social_care_in_England_2025_provider_level.ods — an .ods workbook of another layout",
    );
    expect(summary.files.find((f) => f.fileName === C1)?.status).toBe("imported");
    expect((await tableCounts(t)).values).toBeGreaterThan(before.values);
  });
});
