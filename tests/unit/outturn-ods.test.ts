// MHCLG revenue outturn workbooks (RO3, RSX): read by sheet and header, figures from office:value,
// markers kept, every other column named; a changed layout fails naming the sheet and the column.
// The real workbooks, then a synthetic one changed one thing at a time (tests/fixtures/outturn-ods.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATORS, type CatalogueIndicator } from "@/lib/catalogue";
import { OUTTURN_WORKBOOK_INDICATORS } from "@/lib/catalogue/indicators-spending";
import { calculateFigure } from "@/lib/import/calculated";
import { looksLikeOutturn, parseOutturnWorkbook, type OutturnWorkbook } from "@/lib/import/formats/outturn-ods";
import { readOds } from "@/lib/import/ods";
import { outturnWorkbook, RO3_COLUMNS } from "../fixtures/outturn-ods";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");
const RO3 = "RO3_LA_Data_2024-25_data_by_LA.ods";
const RSX = "RSX_LA_Data_2024-25_data_by_LA.ods";
const read = (name: string) => parseOutturnWorkbook(name, readOds(new Uint8Array(fs.readFileSync(path.join(published, name)))));
const place = (wb: OutturnWorkbook, onsCode: string) => wb.places.find((p) => p.onsCode === onsCode)!;
const synthetic = (f: Parameters<typeof outturnWorkbook>[0] = {}) =>
  parseOutturnWorkbook("ro3.ods", readOds(new Uint8Array(outturnWorkbook(f))));

describe("the published RO3 and RSX 2024-25 workbooks", () => {
  const ro3 = read(RO3);
  const rsx = read(RSX);

  it("finds the data sheet, the financial year and the 153 children's services authorities plus England", () => {
    expect([ro3.kind, ro3.sheet, ro3.period, ro3.financialYear, ro3.headerRow]).toEqual(["RO3", "RO3_LA_Data_202425", 2025, "2024-25", 7]);
    expect([rsx.kind, rsx.sheet, rsx.period]).toEqual(["RSX", "RSX_LA_Data_202425", 2025]);
    for (const wb of [ro3, rsx]) {
      expect(wb.places.filter((p) => p.level === "LOCAL_AUTHORITY")).toHaveLength(153);
      expect(wb.places.filter((p) => p.level === "NATIONAL").map((p) => [p.onsCode, p.name])).toEqual([["E92000001", "ENGLAND"]]);
    }
    expect(ro3.notes).toContain("164 rows of class SD (shire district) not imported: not children's services authorities");
    expect(ro3.notes.some((n) => n.startsWith("93 rows of class O"))).toBe(true);
  });

  it("takes full-precision figures from office:value, in £ thousand, not the rounded text", () => {
    expect(place(ro3, "E92000001").cells.get("csc_spend_sure_start")).toEqual({ value: 593582.17764, marker: null, raw: "593582.17764" });
    expect(place(ro3, "E08000016").cells.get("csc_spend_total")).toEqual({ value: 86661, marker: null, raw: "86661" });
  });

  it("keeps [x] (return not received), [note 4] (Gateshead) and [n] (England's agency line) as markers, never 0", () => {
    for (const code of ["E08000025", "E06000063", "E06000039"]) {
      // Birmingham, Cumberland, Slough: no return in time
      for (const cell of place(ro3, code).cells.values()) expect(cell, code).toEqual({ value: null, marker: "x", raw: "x" });
    }
    const gateshead = place(ro3, "E08000037");
    expect(gateshead.cells.get("csc_spend_cla_residential")).toEqual({ value: null, marker: "x", raw: "[note 4]" });
    expect(gateshead.cells.get("csc_spend_cla")?.marker).toBeNull();
    expect(place(ro3, "E92000001").cells.get("csc_spend_agency_staff")).toEqual({ value: null, marker: "x", raw: "[n]" });
    expect(ro3.notes.some((n) => /^4 cells hold \[note 4\], stored as x \(no figure\): Gateshead/.test(n))).toBe(true);
  });

  it("names every column it does not import, grouped by service line", () => {
    expect(ro3.unusedColumns).toContain("TOTAL CHILDREN SOCIAL CARE (C2, C4, C5)");
    expect(ro3.unusedColumns).toContain("TOTAL ADULT SOCIAL CARE [note 2] (C1, C2, C3, C4, C5, C6, C7)");
    expect(ro3.unusedColumns).toContain("Children's social care - Children Looked After (C1, C2, C4, C5, C6, C7)");
    // 497 columns: 7 identity, 17 read, the rest named (in groups of up to seven)
    const named = ro3.unusedColumns.reduce((n, g) => n + (/\((C\d(, C\d)*)\)$/.exec(g)?.[1]!.split(", ").length ?? 1), 0);
    expect(7 + OUTTURN_WORKBOOK_INDICATORS.RO3.length + named).toBe(497);
    expect(rsx.unusedColumns).toContain("Children Social Care (C1, C2, C4, C5, C6, C7)");
  });

  it("RSX's children's social care line equals RO3's total for every place (FORMATS.md §12)", () => {
    for (const p of rsx.places)
      expect(rsx.cscCheck.get(p.onsCode)?.raw, p.name).toBe(place(ro3, p.onsCode).cells.get("csc_spend_total")?.raw);
  });

  it("claims every published spending line for exactly one workbook", () => {
    const columnSourced = (INDICATORS as readonly CatalogueIndicator[])
      .filter((d) => d.series === "REVENUE_OUTTURN" && d.columns)
      .map((d) => d.id);
    const claimed = [...OUTTURN_WORKBOOK_INDICATORS.RO3, ...OUTTURN_WORKBOOK_INDICATORS.RSX];
    expect([...claimed].sort()).toEqual([...columnSourced].sort());
  });
});

describe("a workbook in the published layout with made-up figures", () => {
  it("is recognised and read: districts left out, the class table below the data not imported", () => {
    const bytes = new Uint8Array(outturnWorkbook());
    expect(looksLikeOutturn(readOds(bytes))).toBe(true);
    const wb = synthetic();
    expect(wb.places.map((p) => p.name)).toEqual(["Barnsley", "Birmingham", "ENGLAND"]);
    expect(place(wb, "E08000016").cells.get("csc_spend_total")?.raw).toBe("1000.25");
    expect(wb.notes).toContain("1 rows of class SD (shire district) not imported: not children's services authorities");
    expect(wb.notes.some((n) => n.startsWith("rows 9–10 below the data"))).toBe(true);
    expect(wb.unusedColumns).toEqual(["Physical support - adults (18–64) (C1, C7)"]);
  });

  it("fails, naming the sheet, row and column, when a column it reads has been renamed", () => {
    const header = ["E-code", "ONS Code", "Local authority", "Notes", "Class", "Detailed Class", "Certification", ...RO3_COLUMNS].map(
      (h) =>
        h === "TOTAL CHILDREN SOCIAL CARE - Total Expenditure (C3 = C1 + C2)" ? "TOTAL CHILDREN'S SOCIAL CARE - Total Expenditure (C3)" : h,
    );
    expect(() => synthetic({ header })).toThrow(
      'ro3.ods, line 4, column "TOTAL CHILDREN SOCIAL CARE - Total Expenditure (C3 = C1 + C2)": sheet "RO3_LA_Data_202425": column "TOTAL CHILDREN SOCIAL CARE - Total Expenditure (C3 = C1 + C2)" (csc_spend_total) is not in the header on row 4: the layout has changed; the nearest column is "TOTAL CHILDREN\'S SOCIAL CARE - Total Expenditure (C3)". Nothing was imported',
    );
  });

  it("fails naming the column when an identifying column is renamed", () => {
    const header = ["E-code", "ONS Code", "Local authority", "Notes", "Authority class", "Detailed Class", "Certification", ...RO3_COLUMNS];
    expect(() => synthetic({ header })).toThrow(
      /sheet "RO3_LA_Data_202425": column "Class" \(the class of authority\) is not in the header on row 4/,
    );
    const noOns = ["E-code", "GSS code", "Local authority", "Notes", "Class", "Detailed Class", "Certification", ...RO3_COLUMNS];
    expect(() => synthetic({ header: noOns })).toThrow(
      /column "ONS Code": sheet "RO3_LA_Data_202425": no header row in rows 1–30 starts "E-code \| ONS Code \| Local authority"/,
    );
  });

  it("fails when the sheet no longer says its figures are in £ thousand, or is a sheet it does not know", () => {
    expect(() => synthetic({ unitLine: "Data are reported in £ million." })).toThrow(
      /sheet "RO3_LA_Data_202425": the rows above the header \(1–3\) do not say the figures are in £ thousand/,
    );
    expect(() => synthetic({ sheetName: "RO4_LA_Data_202425" })).toThrow(
      /sheet "RO4_LA_Data_202425": a revenue outturn data sheet this importer does not know/,
    );
    expect(() => synthetic({ sheetName: "RO3_LA_Data_202526" })).toThrow(
      /line 1: sheet "RO3_LA_Data_202526": the title says "Worksheet 2: Revenue Outturn \(RO\) 2024-2…", but the sheet's name says 2025-26/,
    );
  });

  it("fails on a class or a value it does not know, naming the row and column", () => {
    const values = RO3_COLUMNS.map((_, i) => (i === 0 ? "n/a" : 5));
    expect(() => synthetic({ rows: [{ id: ["E4401", "E08000016", "Barnsley", "", "MD", "MD", "Y"], values }] })).toThrow(
      /line 5, column "TOTAL CHILDREN SOCIAL CARE - Total Expenditure \(C3 = C1 \+ C2\)": sheet "RO3_LA_Data_202425": csc_spend_total for "Barnsley": unknown value "n\/a"/,
    );
    expect(() =>
      synthetic({ rows: [{ id: ["E4401", "E08000016", "Barnsley", "", "XX", "XX", "Y"], values: RO3_COLUMNS.map(() => 1) }] }),
    ).toThrow(/line 5, column "Class": sheet "RO3_LA_Data_202425": class "XX" of "Barnsley" is not one of UA, MD, LB, SC/);
  });

  it("fails on a number too large to be a figure, written as text or as office:value (found by the importer fuzz)", () => {
    const barnsley = (first: number | string) => [
      { id: ["E4401", "E08000016", "Barnsley", "", "MD", "MD", "Y"], values: RO3_COLUMNS.map((_, i) => (i === 0 ? first : 5)) },
      { id: ["Eng", "E92000001", "ENGLAND", "", "Eng", "Eng", "[Y]"], values: RO3_COLUMNS.map(() => 7) },
    ];
    // 400 digits of text were stored as Infinity, and the database refused the row with its own error
    expect(() => synthetic({ rows: barnsley("9".repeat(400)) })).toThrow(
      /line 5, column "TOTAL CHILDREN SOCIAL CARE - Total Expenditure \(C3 = C1 \+ C2\)": .*is out of range/,
    );
    expect(() => synthetic({ rows: barnsley(1e15) })).toThrow(/csc_spend_total for "Barnsley": value "1000000000000000" is out of range/);
    expect(synthetic({ rows: barnsley(-12.5) }).places[0]!.cells.get("csc_spend_total")).toEqual({
      value: -12.5,
      marker: null,
      raw: "-12.5",
    });
  });
});

describe("figures calculated from published ones", () => {
  const perChild = { kind: "per-child", numerator: "csc_spend_total", scale: 1000 } as const;
  const share = { kind: "share", part: "csc_spend_cla", whole: "csc_spend_total" } as const;
  it("spend per child: £ thousand × 1,000 / children aged 0 to 17, to the pound", () => {
    expect(calculateFigure(perChild, { value: 86661, marker: null }, { value: 51810, marker: null }, 0)).toEqual({
      value: 1673,
      marker: null,
      raw: "1673",
    });
  });
  it("a share to 1 dp, half away from zero", () => {
    expect(calculateFigure(share, { value: 1, marker: null }, { value: 8, marker: null }, 1)).toEqual({
      value: 12.5,
      marker: null,
      raw: "12.5",
    });
    expect(calculateFigure(share, { value: 1, marker: null }, { value: 16, marker: null }, 1)?.raw).toBe("6.3");
  });
  it("keeps a marker, never makes 0 of one, and says when there is nothing to divide by", () => {
    expect(calculateFigure(perChild, { value: null, marker: "x" }, { value: 51810, marker: null }, 0)).toEqual({
      value: null,
      marker: "x",
      raw: "x",
    });
    expect(calculateFigure(perChild, { value: 5, marker: null }, { value: null, marker: "x" }, 0)).toEqual({
      value: null,
      marker: "x",
      raw: "x",
    });
    expect(calculateFigure(share, { value: 5, marker: null }, { value: 0, marker: null }, 1)).toEqual({
      value: null,
      marker: "z",
      raw: "z",
    });
    expect(calculateFigure(perChild, { value: 5, marker: null }, null, 0)).toBeNull();
  });
});
