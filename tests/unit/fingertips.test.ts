// The Fingertips export of hospital admissions caused by injuries to children aged 0 to 14
// (FORMATS.md §10): rows picked by the catalogue's selection, periods "2023/24" → 2024, England's
// duplicate rows kept once, blank figures read from their notes, combined areas shared.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingertipsPeriod, looksLikeFingertips, parseFingertips } from "@/lib/import/formats/fingertips";

const FILE = "la_hospital_admissions_2324.csv";
const text = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/data/published", FILE), "utf8");
const lines = text.split("\n");
const header = lines[0]!;

describe("the published export", () => {
  const f = parseFingertips(FILE, text);
  const fig = (code: string, period: number) => f.figures.find((x) => x.areaCode === code && x.period === period)!;

  it("is recognised by its header, and is the catalogue's HOSPITAL_ADMISSIONS series", () => {
    expect(looksLikeFingertips(header.split(","))).toBe(true);
    expect(looksLikeFingertips(["time_period", "geographic_level", "Value"])).toBe(false);
    expect(f.series).toBe("HOSPITAL_ADMISSIONS");
  });

  it("reads persons of all ages, no category: England once a year and 153 areas from 2012/13", () => {
    expect(fingertipsPeriod("2023/24")).toBe(2024);
    expect(fingertipsPeriod("2010/11")).toBe(2011);
    expect(fingertipsPeriod("2023/25")).toBeNull();
    const england = f.figures.filter((x) => x.level === "NATIONAL");
    expect(england.map((x) => x.period)).toEqual(Array.from({ length: 14 }, (_, i) => 2011 + i));
    expect(f.figures.filter((x) => x.level === "LOCAL_AUTHORITY" && x.period === 2024)).toHaveLength(153);
    expect(f.figures.filter((x) => x.level === "LOCAL_AUTHORITY" && x.period === 2011)).toHaveLength(147);
    expect(fig("E92000001", 2011).cells.get("injury_admissions_0_14_rate")).toEqual({
      value: 115.2166797,
      marker: null,
      raw: "115.2166797",
    });
    expect(fig("E92000001", 2011).cells.get("injury_admissions_0_14")).toEqual({ value: 107429, marker: null, raw: "107429" });
  });

  it("gives the Isles of Scilly and the City of London the combined figure Cornwall's and Hackney's rows hold", () => {
    expect(fig("E06000053", 2024).cells).toEqual(fig("E06000052", 2024).cells);
    expect(fig("E06000053", 2024).combinedWith).toEqual(["E06000052"]);
    expect(fig("E06000052", 2024).combinedWith).toEqual(["E06000053"]);
    expect(fig("E09000001", 2024).cells.get("injury_admissions_0_14_rate")?.raw).toBe("65.4065");
    expect(f.notes).toContain(
      '28 area-years have no figure of their own ("Value for … combined"): they share the combined figure, stored as a joint return',
    );
  });

  it("reads 'Not presented due to …' as u, and names the rows and columns it leaves out", () => {
    const notPresented = f.figures.filter((x) => x.cells.get("injury_admissions_0_14_rate")?.marker === "u");
    expect(notPresented).toHaveLength(8);
    expect(fig("E06000039", 2023).cells.get("injury_admissions_0_14_rate")).toEqual({ value: null, marker: "u", raw: "u" }); // Slough 2022/23
    expect(f.markers.u).toBe(16);
    expect(f.unusedColumns).toEqual([
      "Lower CI 95.0 limit",
      "Upper CI 95.0 limit",
      "Lower CI 99.8 limit",
      "Upper CI 99.8 limit",
      "Denominator",
      "Recent Trend",
      "Compared to England value or percentiles",
      "Compared to percentiles",
      "New data",
      "Compared to goal",
    ]);
    expect(f.notes).toContain('2180 rows not imported: Sex "Male"');
    expect(f.notes).toContain("14 rows not imported: England's duplicate rows (the same figures, Parent Code blank)");
  });
});

describe("a changed or unexpected export", () => {
  const withLine = (i: number, change: (fields: string) => string) => lines.map((l, j) => (j === i ? change(l) : l)).join("\n");

  it("fails naming the column when a column it reads is missing", () => {
    const noCount = text.replace(",Count,Denominator,", ",Number,Denominator,");
    expect(() => parseFingertips("h.csv", noCount)).toThrow(
      'h.csv, line 1, column "Count": column "Count" is missing: not the Fingertips layout this importer reads',
    );
  });

  it("fails on a blank figure with no note, or one it does not know, naming the line and column", () => {
    // line 3 of the file is England persons 2010/11 with a value: blank it, with an unknown note
    const i = lines.findIndex((l) => l.includes(",England,England,Persons,<15 yrs,,,2011/12,"));
    const blanked = withLine(i, (l) =>
      l.replace(/,2011\/12,[\d.]+,/, ",2011/12,,").replace(/,,,,,(\d+),(\d+),,/, ",,,,,$1,$2,Data not yet validated,"),
    );
    expect(() => parseFingertips("h.csv", blanked)).toThrow(new RegExp(`h\\.csv, line ${i + 1}, column "Value": Value is blank`));
  });

  it("fails on a negative, out-of-range or infinite figure, or a year after next, naming the line and column (found by the importer fuzz)", () => {
    const i = lines.findIndex((l) => l.includes(",E06000023,") && l.includes(",Persons,<15 yrs,,,2023/24,"));
    const value = (v: string) => withLine(i, (l) => l.replace(/,2023\/24,[\d.]+,/, `,2023/24,${v},`));
    const where = new RegExp(`h\\.csv, line ${i + 1}, column "Value": Value`);
    expect(() => parseFingertips("h.csv", value("-95.2"))).toThrow(/line \d+, column "Value": Value "-95.2" is negative/);
    expect(() => parseFingertips("h.csv", value("123456789012345678901234567890"))).toThrow(where);
    expect(() => parseFingertips("h.csv", value("123456789012345678901234567890"))).toThrow(/is out of range/);
    expect(() => parseFingertips("h.csv", value("9".repeat(400)))).toThrow(/is out of range/);
    expect(() =>
      parseFingertips(
        "h.csv",
        withLine(i, (l) => l.replace(",2023/24,", ",2999/00,")),
      ),
    ).toThrow(new RegExp(`line ${i + 1}, column "Time period": time period "2999/00" is not a year such as 2023/24`));
    expect(fingertipsPeriod("2999/00")).toBeNull();
  });

  it("fails when England's two copies disagree, or the file holds another indicator", () => {
    const i = lines.findIndex((l) => l.startsWith("90284,") && l.includes(",,,E92000001,England,England,Persons,<15 yrs,,,2012/13,"));
    const j = lines.findIndex((l, k) => k > i && l.includes(",E92000001,England,E92000001,England,England,Persons,<15 yrs,,,2012/13,"));
    const changed = withLine(Math.max(i, j), (l) => l.replace(/,2012\/13,(\d+)\./, ",2012/13,1$1."));
    expect(() => parseFingertips("h.csv", changed)).toThrow(/England 2012\/13 is also on line \d+ with other figures/);
    const other = withLine(2, (l) => l.replace(/^90284,/, "90285,"));
    expect(() => parseFingertips("h.csv", other)).toThrow(/h\.csv, line 2, column "Indicator ID": holds 2 indicators/);
  });
});
