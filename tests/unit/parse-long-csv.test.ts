// The long-layout parser (lib/import/parse-long-csv.ts): which series a file is, which rows each
// indicator reads, the account of every filter value (read, not used, new, missing), LAs listed in
// years they did not exist, and refusals that name the file, line and column.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLongCsv, type LongFile } from "@/lib/import/parse-long-csv";
import { ImportError } from "@/lib/import/types";

const dir = path.resolve(import.meta.dirname, "../../prisma/data/published");
const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");

const value = (f: LongFile, indicatorId: string, geo: string, period: number) =>
  f.values.find(
    (v) =>
      v.indicatorId === indicatorId &&
      v.place.period === period &&
      (v.place.level === "NATIONAL"
        ? geo === "E92000001"
        : v.place.level === "REGIONAL"
          ? v.place.regionCode === geo
          : v.place.laNumbers.includes(geo)),
  )?.cell;

// A small file of the children looked after numbers layout (header as published, with its BOM).
const CLA_HEADER =
  "\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,la_name,new_la_code,population_type,population_estimate,children_count,rate_per_10000";
const START = "Children starting to be looked after each year";
const AT31 = "Children looked after on 31 March each year";
const CEASE = "Children ceasing to be looked after each year";
const claRow = (
  type: string,
  count: string,
  rate: string,
  place = "Local authority,E92000001,England,E12000001,North East,393,South Tyneside,E08000023",
) => `2025,Reporting year,${place},${type},27000,${count},${rate}`;
const claFile = (...rows: string[]) => [CLA_HEADER, ...rows].join("\n") + "\n";

describe("parseLongCsv on the published files", () => {
  it("reads the children looked after numbers: England 2025 is 81,770 children, 67 per 10,000", () => {
    const f = parseLongCsv("cla.csv", read("cla_number_and_rate_per_10k_children.csv"));
    expect(f.series).toBe("CLA_NUMBERS");
    expect(f.rows).toBe(2505);
    expect(f.periods).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(value(f, "cla_at31", "E92000001", 2025)).toEqual({ value: 81770, marker: null, raw: "81770" });
    expect(value(f, "cla_at31_rate", "E92000001", 2025)).toEqual({ value: 67, marker: null, raw: "67" });
    // every population type is read by some indicator; none is new or missing
    expect(f.filterValues.map((v) => [v.value, v.known, v.readBy.length > 0])).toEqual([
      [CEASE, true, true],
      [AT31, true, true],
      [START, true, true],
    ]);
    expect(f.missingValues).toEqual([]);
    expect(f.unusedColumns).toEqual([]);
  });

  it("does not store LAs listed in years they did not exist (every figure z or x), and says which", () => {
    const f = parseLongCsv("cla.csv", read("cla_number_and_rate_per_10k_children.csv"));
    // FORMATS.md §8.0: Cumbria 2024–2025, Northamptonshire 2022–2025, 940/941 2021, 942/943 2021–2023; three rows each
    expect(f.nonexistent.rows).toBe(42);
    expect(Object.fromEntries(f.nonexistent.las.map((l) => [l.laNumber, l.periods]))).toEqual({
      "909": [2024, 2025],
      "928": [2022, 2023, 2024, 2025],
      "940": [2021],
      "941": [2021],
      "942": [2021, 2022, 2023],
      "943": [2021, 2022, 2023],
    });
    expect(value(f, "cla_at31", "909", 2025)).toBeUndefined();
    // …but Cumbria's real years are read
    expect(value(f, "cla_at31", "909", 2023)?.marker).toBeNull();
    expect(f.places.some((p) => p.laNumbers.includes("909") && p.period === 2025)).toBe(false);
  });

  it("keys on old_la_code: Barnsley is 370 under the code these files give it (E08000016)", () => {
    const f = parseLongCsv("cla.csv", read("cla_number_and_rate_per_10k_children.csv"));
    const barnsley = f.places.filter((p) => p.laNumbers[0] === "370");
    expect(new Set(barnsley.map((p) => p.onsCodes[0]))).toEqual(new Set(["E08000016"]));
    expect(value(f, "cla_at31", "370", 2025)?.value).toBeGreaterThan(0);
  });

  it("tells the two care leaver files apart by their filter values (their headers are the same)", () => {
    const activity = parseLongCsv("a.csv", read("la_care_leavers_activity.csv"));
    const accommodation = parseLongCsv("b.csv", read("la_care_leavers_accommodation_suitability.csv"));
    expect(activity.series).toBe("CARE_LEAVERS_ACTIVITY");
    expect(accommodation.series).toBe("CARE_LEAVERS_ACCOMMODATION");
    // every breakdown is either read or listed as not used
    const notUsed = activity.filterValues.filter((v) => v.readBy.length === 0).map((v) => v.value);
    expect(notUsed).toContain("In an apprenticeship");
    expect(activity.filterValues.every((v) => v.known)).toBe(true);
    expect(activity.filterValues.find((v) => v.value === "Total in education, employment or training")?.readBy.sort()).toEqual([
      "care_leavers_eet_17_18_percent",
      "care_leavers_eet_19_21_percent",
    ]);
  });

  it("counts the figures no indicator reads beside the ones read, by column and filter values (found by the importer fuzz)", () => {
    // a count beside a read percentage, or a combination of read values no selection names, was neither stored nor named
    const activity = parseLongCsv("a.csv", read("la_care_leavers_activity.csv"));
    const eet = "Total in education, employment or training";
    expect(activity.cellsNotRead).toContainEqual({
      column: "care_leaver_count",
      filters: { care_leaver_age: "17 to 18 years", breakdown: eet },
      rows: 835,
    });
    expect(activity.cellsNotRead).toContainEqual({
      column: "care_leaver_percent",
      filters: { care_leaver_age: "19 to 21 years", breakdown: "Total" },
      rows: 835,
    });
    // (values no indicator reads, e.g. "In an apprenticeship", are named by value, not here)
    expect(activity.cellsNotRead.some((c) => c.filters.breakdown === "In an apprenticeship")).toBe(false);
    expect(activity.cellsNotRead.some((c) => c.column === "care_leaver_percent" && c.filters.breakdown === eet)).toBe(false);
    const cla = parseLongCsv("cla.csv", read("cla_number_and_rate_per_10k_children.csv"));
    expect(cla.cellsNotRead).toEqual([
      { column: "population_estimate", filters: { population_type: CEASE }, rows: 835 },
      { column: "population_estimate", filters: { population_type: START }, rows: 835 },
    ]);
  });

  it("keeps the marker k as a letter (a non-zero share that rounds to 0 %)", () => {
    const f = parseLongCsv("a.csv", read("la_care_leavers_activity.csv"));
    const ks = f.values.filter((v) => v.cell.marker === "k");
    for (const v of ks) expect(v.cell).toEqual({ value: null, marker: "k", raw: "k" });
    expect(f.markers.c).toBeGreaterThan(0);
  });

  it("keys the conviction and health file on both filters ('Total all ages' appears under two characteristics)", () => {
    const f = parseLongCsv("h.csv", read("la_conviction_health_outcome_cla.csv"));
    expect(f.series).toBe("CLA_HEALTH_OFFENDING");
    // the SDQ average is published in the count column: England 2025 is 14.9 (FORMATS.md §8.8)
    expect(value(f, "cla_sdq_average", "E92000001", 2025)?.raw).toBe("14.9");
  });

  it("reads academic years (202425 → 2025) and ignores the descriptive version column", () => {
    const f = parseLongCsv("ks4.csv", read("ks4_la.csv"));
    expect(f.series).toBe("KS4_SOCIAL_CARE");
    expect(f.periods).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(f.unusedColumns).not.toContain("version");
    expect(f.unusedColumns).toContain("p8score_CI_low");
  });
});

describe("filter accounting on a small file", () => {
  it("reads the selected rows and reports a value never seen before by name (not imported)", () => {
    const f = parseLongCsv(
      "cla_2026.csv",
      claFile(
        claRow(AT31, "500", "185"),
        claRow(START, "120", "44"),
        claRow(CEASE, "90", "33"),
        claRow("Children returning home each year", "30", "11"), // new in this (invented) release
      ),
    );
    expect(value(f, "cla_at31", "393", 2025)?.raw).toBe("500");
    expect(value(f, "cla_started_rate", "393", 2025)?.raw).toBe("44");
    expect(f.filterValues.filter((v) => !v.known)).toEqual([
      { column: "population_type", value: "Children returning home each year", rows: 1, readBy: [], known: false },
    ]);
    expect(f.values.some((v) => v.cell.raw === "30" || v.cell.raw === "11")).toBe(false);
    expect(f.missingValues).toEqual([]);
    expect(f.rowsUsed).toBe(3);
  });

  it("reports an expected value that is missing, and the indicators left without figures", () => {
    const f = parseLongCsv("cla_2026.csv", claFile(claRow(AT31, "500", "185"), claRow(START, "120", "44")));
    expect(f.missingValues).toEqual([{ column: "population_type", value: CEASE, readBy: ["cla_ceased", "cla_ceased_rate"] }]);
    expect(f.indicatorsWithoutRows).toEqual(["cla_ceased", "cla_ceased_rate"]);
    expect(f.rowsUsed).toBe(2);
  });

  it("fails when a value an indicator reads is missing and a new value stands in its column (probably renamed), naming both", () => {
    const body = claFile(
      claRow(AT31, "500", "185"),
      claRow(START, "120", "44"),
      claRow("Children ceasing to be looked after during the year", "90", "33"),
    );
    expect(() => parseLongCsv("cla_2026.csv", body)).toThrow(
      /cla_2026\.csv, line 1, column "population_type": population_type "Children ceasing to be looked after each year", which cla_ceased, cla_ceased_rate read, is not in this file, and population_type "Children ceasing to be looked after during the year" is new/,
    );
  });

  it("refuses a second row for the same place, year and filter values", () => {
    const body = claFile(claRow(AT31, "500", "185"), claRow(START, "120", "44"), claRow(AT31, "501", "185"));
    expect(() => parseLongCsv("cla.csv", body)).toThrow(/cla\.csv, line 4: a second row for the same place, year and population_type/);
  });

  it("refuses an unknown value in a cell an indicator reads, naming line and column", () => {
    const body = claFile(claRow(AT31, "500", "185"), claRow(START, "12O", "44"));
    expect(() => parseLongCsv("cla.csv", body)).toThrow(/cla\.csv, line 3, column "children_count": unknown value "12O"/);
  });

  it("refuses a blank filter value and a negative figure", () => {
    expect(() => parseLongCsv("cla.csv", claFile(claRow("", "500", "185")))).toThrow(
      /line 2, column "population_type": blank population_type/,
    );
    expect(() => parseLongCsv("cla.csv", claFile(claRow(AT31, "-5", "185")))).toThrow(
      /line 2, column "children_count": negative value "-5"/,
    );
  });

  it("checks the place of a row it reads: an ONS code that does not match, a region that is not English", () => {
    const badCode = claRow(AT31, "500", "185", "Local authority,E92000001,England,E12000001,North East,393,South Tyneside,W06000001x");
    expect(() => parseLongCsv("cla.csv", claFile(badCode))).toThrow(/line 2, column "new_la_code"/);
    const badRegion = claRow(AT31, "500", "185", "Regional,E92000001,England,S92000003,Scotland,,,");
    expect(() => parseLongCsv("cla.csv", claFile(badRegion))).toThrow(/line 2, column "region_code": region code "S92000003"/);
  });

  it("is an ImportError carrying the file and line", () => {
    try {
      parseLongCsv("cla.csv", claFile(claRow(AT31, "500", "185"), claRow(AT31, "500", "185")));
      expect.unreachable("a duplicate row must be refused");
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      expect((e as ImportError).line).toBe(3);
    }
  });
});
