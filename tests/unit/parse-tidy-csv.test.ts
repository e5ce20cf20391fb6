import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTidyCsv } from "@/lib/import/parse-tidy-csv";
import { ImportError } from "@/lib/import/types";

const dir = path.resolve(import.meta.dirname, "../../prisma/data/published");
const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");

const HEADER =
  "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,agency_rate_fte,caseload_fte";
const row = (cells: string) => `2024,Reporting year,${cells}`;

/** What `fn` throws; fails the test when it does not throw. */
function thrownBy(fn: () => unknown): Error {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an error").toBeInstanceOf(Error);
  return thrown as Error;
}

describe("parseTidyCsv on the published files", () => {
  it("reads the workforce file: 1,300 rows, 22 measures, joint returns split", () => {
    const f = parseTidyCsv("csww.csv", read("csww_indicators_2017_to_2024.csv"));
    expect(f.series).toBe("CSWW");
    expect(f.rows).toHaveLength(1300);
    expect(f.mapping.measures).toHaveLength(22);
    const england2024 = f.rows.find((r) => r.level === "NATIONAL" && r.period === 2024)!;
    expect(england2024.cells.get("agency_rate_fte")).toEqual({ value: 16.2, marker: null, raw: "16.2" });
    const joint = f.rows.find((r) => r.period === 2024 && r.laNumbers.includes("314"))!;
    expect(joint.laNumbers).toEqual(["314", "318"]);
    expect(joint.onsCodes).toEqual(["E09000021", "E09000027"]);
    expect(joint.laNames).toEqual(["Kingston upon Thames", "Richmond upon Thames"]);
    const birmingham = f.rows.find((r) => r.period === 2024 && r.laNumbers[0] === "330")!;
    expect(birmingham.cells.get("agency_rate_fte")).toEqual({ value: null, marker: "u", raw: "u" });
  });

  it("counts every marker FORMATS.md lists for the workforce file", () => {
    const f = parseTidyCsv("csww.csv", read("csww_indicators_2017_to_2024.csv"));
    const counts: Record<string, number> = {};
    for (const r of f.rows) for (const c of r.cells.values()) if (c.marker) counts[c.marker] = (counts[c.marker] ?? 0) + 1;
    expect(counts).toEqual({ c: 8, low: 9, u: 45, x: 50, z: 76 });
  });

  it("reads the children in need, referrals, repeat plan and population files", () => {
    for (const [file, series, rows] of [
      ["b1_children_in_need_2013_to_2024.csv", "CIN", 1967],
      ["c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv", "REFERRALS", 1967],
      ["d3_cpps_subsequent_plan_2013_to_2024.csv", "CPP_SUBSEQUENT", 1967],
      ["ons_mid-year_population_estimates_2012_to_2024.csv", "POPULATION", 2132],
    ] as const) {
      const f = parseTidyCsv(file, read(file));
      expect(f.series).toBe(series);
      expect(f.rows).toHaveLength(rows);
    }
  });
});

describe("parseTidyCsv errors name the file, line and column", () => {
  const parse = (body: string) => () => parseTidyCsv("bad.csv", `${HEADER}\n${body}\n`);

  it("unknown marker", () => {
    expect(parse(row("National,E92000001,England,,,,,,q,15.4"))).toThrow('bad.csv, line 2, column "agency_rate_fte": unknown value "q"');
  });

  it("truncated row", () => {
    expect(parse(row("National,E92000001,England,,,,,,16.2"))).toThrow(/bad\.csv, line 2: cannot read this row as CSV/);
  });

  it("bad geographic level and bad LA number", () => {
    expect(parse(row("County,E92000001,England,,,,,,16.2,15.4"))).toThrow(
      /line 2, column "geographic_level": unknown geographic level "County"/,
    );
    expect(parse(row("Local authority,E92000001,England,E12000001,North East,84,E06000047,County Durham,16.2,15.4"))).toThrow(
      /column "old_la_code"/,
    );
  });

  it("a second row for the same place and year", () => {
    const r = row("National,E92000001,England,,,,,,16.2,15.4");
    expect(parse(`${r}\n${r}`)).toThrow(/line 3: a second row for the same place and year/);
  });

  // Found by the importer fuzz (tests/integration/fuzz-import.test.ts): each of these was accepted before.
  it("refuses negative values, impossible years, bad region codes and unusable LA names", () => {
    expect(parse(row("National,E92000001,England,,,,,,-16.2,15.4"))).toThrow(/line 2, column "agency_rate_fte": negative value "-16.2"/);
    expect(parse(`9999,Reporting year,National,E92000001,England,,,,,,16.2,15.4`)).toThrow(
      /line 2, column "time_period": time period "9999" is outside 1990–\d{4}/,
    );
    expect(parse(`1066,Reporting year,National,E92000001,England,,,,,,16.2,15.4`)).toThrow(/is outside/);
    expect(parse(row("National,E92000001,England,c,Suppressed,,,,16.2,15.4"))).toThrow(
      /column "region_code": region code "c" is not an English region code/,
    );
    expect(parse(row("National,E92000001,England,E120000011,Nowhere,,,,16.2,15.4"))).toThrow(/region code "E120000011"/);
    expect(parse(row("Local authority,E92000001,England,E12000001,North East,840,E06000047,,16.2,15.4"))).toThrow(
      /column "la_name": LA name "" is blank/,
    );
    expect(parse(row(`Local authority,E92000001,England,E12000001,North East,840,E06000047,"=HYPERLINK(""x"")",16.2,15.4`))).toThrow(
      /formula/,
    );
  });

  it("quotes at most 40 characters of a hostile cell in its message", () => {
    const error = thrownBy(
      parse(row(`Local authority,E92000001,England,E12000001,North East,840,E${"9".repeat(1_000_000)},County Durham,16.2,15.4`)),
    );
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toMatch(/ONS code "E9{39}…"/);
  });

  it("is an ImportError carrying line and column", () => {
    const error = thrownBy(parse(row("National,E92000001,England,,,,,,16.2,abc")));
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ line: 2, column: "caseload_fte" });
  });
});
