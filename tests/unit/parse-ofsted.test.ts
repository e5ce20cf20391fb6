import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NO_JUDGEMENTS } from "@/lib/catalogue/judgements";
import { InspectionType, Judgement } from "@/lib/generated/prisma/enums";
import { readOds } from "@/lib/import/ods";
import { parseOfstedWorkbook } from "@/lib/import/parse-ofsted";
import { ImportError, type OfstedEvent, type OfstedWorkbook } from "@/lib/import/types";
import { directoryResolver } from "@/tests/fixtures/la-directory";

const DATA = path.resolve(import.meta.dirname, "../../prisma/data/published");
const FILE_2025 = "LA_Inspection_Outcomes_as_at_31_March_2025.ods";
const FILE_2024 = "LA_Inspection_Outcomes_as_at_March_2024.ods";
const bytes2025 = new Uint8Array(readFileSync(path.join(DATA, FILE_2025)));
const bytes2024 = new Uint8Array(readFileSync(path.join(DATA, FILE_2024)));
const resolve = directoryResolver();

const { OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT: RI, INADEQUATE } = Judgement;

function countBy<T>(items: readonly T[], key: (t: T) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of items) {
    const k = String(key(t));
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const fromSheet = (wb: OfstedWorkbook, sheet: string): OfstedEvent[] => wb.events.filter((e) => e.source.startsWith(`${sheet} row `));

/** Re-zips the workbook with `edit` applied to content.xml (the edit must change something). */
function mutate(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const xml = strFromU8(files["content.xml"] ?? new Uint8Array());
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  const out: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, data] of Object.entries(files))
    out[name] = [name === "content.xml" ? strToU8(changed) : data, { level: name === "mimetype" ? 0 : 6 }];
  return zipSync(out);
}

/** Applies `edit` to one sheet's XML only. */
function inSheet(sheet: string, edit: (sheetXml: string) => string): (xml: string) => string {
  return (xml) => {
    const start = xml.indexOf(`<table:table table:name="${sheet}"`);
    const end = xml.indexOf("</table:table>", start);
    expect(start).toBeGreaterThan(0);
    return xml.slice(0, start) + edit(xml.slice(start, end)) + xml.slice(end);
  };
}

function parseError(bytes: Uint8Array): ImportError {
  try {
    parseOfstedWorkbook("test.ods", bytes, resolve);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error("expected an ImportError");
}

describe("parseOfstedWorkbook: 2025 layout", () => {
  const wb = parseOfstedWorkbook(FILE_2025, bytes2025, resolve);
  const history = fromSheet(wb, "ILACS_inspection_history");
  const inYear = fromSheet(wb, "In-year_inspections");

  it("reads the as-at date", () => {
    expect(wb.asAt).toBe("2025-03-31");
  });

  it("has 153 positions, one per current LA, with the published overall counts", () => {
    expect(wb.positions.length).toBe(153);
    expect(new Set(wb.positions.map((p) => p.laNumber)).size).toBe(153);
    expect(countBy(wb.positions, (p) => p.overall)).toEqual({ OUTSTANDING: 36, GOOD: 67, REQUIRES_IMPROVEMENT: 31, INADEQUATE: 19 });
    expect(wb.positions.filter((p) => p.careLeavers === null).length).toBe(50);
    expect(wb.positions.every((p) => p.inspectionDate !== null && p.publicationDate !== null)).toBe(true);
    const dates = wb.positions.map((p) => p.inspectionDate ?? "").sort();
    expect([dates[0], dates.at(-1)]).toEqual(["2021-10-04", "2025-03-24"]);
  });

  it("has 271 graded history events with both dates, 3 of them for former LAs", () => {
    expect(history.length).toBe(271);
    expect(countBy(history, (e) => e.type)).toEqual({ ILACS_STANDARD: 171, ILACS_SHORT: 100 });
    expect(history.every((e) => e.inspectionDate !== null && e.publicationDate !== null && e.overall !== null)).toBe(true);
    expect(new Set(history.map((e) => e.laNumber)).size).toBe(156);
    expect(countBy(Object.values(countBy(history, (e) => e.laNumber)), (n) => String(n))).toEqual({ "1": 42, "2": 113, "3": 1 });
    const former = history.filter((e) => ["835", "836", "837", "909", "928"].includes(e.laNumber));
    expect(former.map((e) => [e.laNumber, e.inspectionDate, e.publicationDate])).toEqual([
      ["837", "2018-07-16", "2018-08-24"],
      ["909", "2022-09-20", "2022-11-15"],
      ["928", "2019-06-17", "2019-07-29"],
    ]);
  });

  it("has 112 in-year rows: graded inspections and visits with themes", () => {
    expect(inYear.length).toBe(112);
    expect(countBy(inYear, (e) => e.type)).toEqual({ ILACS_STANDARD: 22, ILACS_SHORT: 30, ILACS_FOCUSED_VISIT: 36, MONITORING_VISIT: 24 });
    expect(new Set(inYear.map((e) => e.laNumber)).size).toBe(99);
    for (const e of inYear) {
      const graded = e.type === InspectionType.ILACS_STANDARD || e.type === InspectionType.ILACS_SHORT;
      expect(e.overall !== null).toBe(graded);
      expect(e.visitTheme !== null).toBe(!graded);
    }
    expect(inYear[0]).toEqual({
      laNumber: "301",
      type: InspectionType.ILACS_FOCUSED_VISIT,
      inspectionDate: "2025-03-26",
      publicationDate: "2025-04-29",
      ...NO_JUDGEMENTS,
      visitTheme: "Children in need/subject to a plan",
      source: "In-year_inspections row 4",
    });
  });

  it("reads exact values (Barnet, York)", () => {
    expect(wb.positions.find((p) => p.laNumber === "302")).toEqual({
      laNumber: "302",
      type: InspectionType.ILACS_SHORT, // filled from the matching in-year/history rows
      inspectionDate: "2024-06-10",
      publicationDate: "2024-07-23",
      overall: GOOD,
      leadership: GOOD,
      helpAndProtection: GOOD,
      childrenInCare: OUTSTANDING,
      careLeavers: GOOD,
      source: "Inspections_as_at_31_March row 5",
    });
    const york = history.filter((e) => e.laNumber === "816");
    expect(york.map((e) => [e.type, e.inspectionDate, e.publicationDate, e.overall, e.careLeavers, e.source])).toEqual([
      [InspectionType.ILACS_STANDARD, "2022-03-07", "2022-05-04", RI, null, "ILACS_inspection_history row 273"],
      [InspectionType.ILACS_STANDARD, "2025-02-24", "2025-04-15", OUTSTANDING, OUTSTANDING, "ILACS_inspection_history row 274"],
    ]);
  });

  it("the last history row per current LA equals its position row", () => {
    const latest = new Map<string, OfstedEvent>();
    for (const e of history) if ((latest.get(e.laNumber)?.inspectionDate ?? "") < (e.inspectionDate ?? "")) latest.set(e.laNumber, e);
    for (const p of wb.positions) {
      const e = latest.get(p.laNumber);
      expect([
        e?.inspectionDate,
        e?.publicationDate,
        e?.overall,
        e?.leadership,
        e?.helpAndProtection,
        e?.childrenInCare,
        e?.careLeavers,
      ]).toEqual([p.inspectionDate, p.publicationDate, p.overall, p.leadership, p.helpAndProtection, p.childrenInCare, p.careLeavers]);
    }
  });
});

describe("parseOfstedWorkbook: 2024 layout", () => {
  const wb = parseOfstedWorkbook(FILE_2024, bytes2024, resolve);
  const wide = fromSheet(wb, "ILACS_inspections_2018-2024");
  const inYear = fromSheet(wb, "Inspections_in_year_2023-24");

  it("reads the as-at date", () => {
    expect(wb.asAt).toBe("2024-03-31");
  });

  it("has 153 positions resolved by name, with 2 LAs not yet inspected", () => {
    expect(wb.positions.length).toBe(153);
    expect(new Set(wb.positions.map((p) => p.laNumber)).size).toBe(153);
    expect(countBy(wb.positions, (p) => p.overall)).toEqual({
      OUTSTANDING: 30,
      GOOD: 61,
      REQUIRES_IMPROVEMENT: 43,
      INADEQUATE: 17,
      null: 2,
    });
    expect(wb.positions.filter((p) => p.careLeavers === null).length).toBe(102);
    for (const laNumber of ["942", "943"]) {
      // Cumberland, Westmorland and Furness: "Not yet inspected" in the date column
      expect(wb.positions.find((p) => p.laNumber === laNumber)).toMatchObject({
        type: null,
        inspectionDate: null,
        publicationDate: null,
        ...NO_JUDGEMENTS,
      });
    }
  });

  it("has 107 in-year rows without publication dates", () => {
    expect(inYear.length).toBe(107);
    expect(countBy(inYear, (e) => e.type)).toEqual({ ILACS_STANDARD: 23, ILACS_SHORT: 19, ILACS_FOCUSED_VISIT: 37, MONITORING_VISIT: 28 });
    expect(inYear.every((e) => e.publicationDate === null && e.inspectionDate !== null)).toBe(true);
    expect(new Set(inYear.map((e) => e.laNumber)).size).toBe(86);
  });

  it("reads both tables of the wide history sheet", () => {
    expect(wide.length).toBe(216 + 3);
    expect(countBy(wide, (e) => e.type)).toEqual({ ILACS_STANDARD: 150, ILACS_SHORT: 69 });
    expect(wide.every((e) => e.publicationDate !== null && e.overall !== null)).toBe(true);
    expect(wide.filter((e) => e.source.includes("(first ILACS)")).length).toBe(151);
    expect(wide.filter((e) => e.source.includes("(second ILACS)")).length).toBe(65);
    // the second table (LAs that no longer exist): the combined children-in-care-and-care-leavers judgement
    expect(
      wide.slice(-3).map((e) => [e.laNumber, e.publicationDate, e.type, e.overall, e.childrenInCare, e.careLeavers, e.source]),
    ).toEqual([
      ["837", "2018-08-24", InspectionType.ILACS_STANDARD, RI, RI, null, "ILACS_inspections_2018-2024 row 160"],
      ["928", "2019-07-29", InspectionType.ILACS_STANDARD, INADEQUATE, INADEQUATE, null, "ILACS_inspections_2018-2024 row 161"],
      ["909", "2022-11-15", InspectionType.ILACS_STANDARD, RI, GOOD, null, "ILACS_inspections_2018-2024 row 162"],
    ]);
  });

  it("links each LA's latest wide-sheet entry to its position row (same judgements) to get both dates", () => {
    const linked = wide.filter((e) => e.inspectionDate !== null);
    expect(linked.length).toBe(151); // every inspected current LA; former LAs and earlier entries stay publication-only
    for (const e of linked) {
      const p = wb.positions.find((x) => x.laNumber === e.laNumber);
      expect(p?.inspectionDate).toBe(e.inspectionDate);
      expect(p?.publicationDate).toBe(e.publicationDate);
    }
    // Barnet: position 2019-05-13, only one ILACS inspection (published 2019-07-01)
    expect(wide.filter((e) => e.laNumber === "302").map((e) => [e.inspectionDate, e.publicationDate, e.overall, e.source])).toEqual([
      ["2019-05-13", "2019-07-01", GOOD, "ILACS_inspections_2018-2024 row 6 (first ILACS)"],
    ]);
    // Isles of Scilly: first entry publication-only, second linked (2025 later revises the date to 2023-07-11)
    expect(wide.filter((e) => e.laNumber === "420").map((e) => [e.inspectionDate, e.publicationDate, e.overall])).toEqual([
      [null, "2019-12-19", GOOD],
      ["2023-07-10", "2023-08-25", INADEQUATE],
    ]);
    // Nottingham: 2024 says published 2022-11-05 (a Saturday; 2025 says 2022-09-05)
    expect(wide.filter((e) => e.laNumber === "892").at(-1)).toMatchObject({
      inspectionDate: "2022-07-11",
      publicationDate: "2022-11-05",
      overall: INADEQUATE,
    });
  });

  it("fills the position rows' type and publication date from the linked entry", () => {
    expect(wb.positions.filter((p) => p.type !== null && p.publicationDate !== null).length).toBe(151);
    expect(wb.positions.find((p) => p.laNumber === "302")).toEqual({
      laNumber: "302",
      type: InspectionType.ILACS_STANDARD,
      inspectionDate: "2019-05-13",
      publicationDate: "2019-07-01",
      overall: GOOD,
      leadership: GOOD,
      helpAndProtection: GOOD,
      childrenInCare: GOOD,
      careLeavers: null,
      source: "Inspections_31_March_2024 row 5",
    });
  });
});

describe("parseOfstedWorkbook: layouts it cannot understand", () => {
  it("names sheet, row and column for an unknown judgement", () => {
    // Where the first "Outstanding" of the history sheet is, read independently of the parser.
    const sheet = readOds(bytes2025).find((s) => s.name === "ILACS_inspection_history");
    const rowIndex = sheet?.rows.findIndex((r) => r.some((c) => c.text === "Outstanding")) ?? -1;
    const colIndex = sheet?.rows[rowIndex]?.findIndex((c) => c.text === "Outstanding") ?? -1;
    const header = sheet?.rows[2]?.[colIndex]?.text;
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("ILACS_inspection_history", (x) => x.replace("<text:p>Outstanding</text:p>", "<text:p>Very good</text:p>")),
      ),
    );
    expect(err.file).toBe("test.ods");
    expect(err.line).toBe(rowIndex + 1);
    expect(err.column).toBe(header);
    expect(err.message).toContain('sheet "ILACS_inspection_history"');
    expect(err.message).toContain('unknown judgement "Very good"');
  });

  it("fails clearly when the header row is gone", () => {
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("Inspections_as_at_31_March", (x) =>
          x.replace(
            /<table:table-row[^>]*>(?:(?!<\/table:table-row>).)*>Web link<.*?<\/table:table-row>/s,
            "<table:table-row><table:table-cell/></table:table-row>",
          ),
        ),
      ),
    );
    expect(err.message).toMatch(/sheet "Inspections_as_at_31_March": no header row found/);
  });

  it("fails clearly when a required column is missing", () => {
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("Inspections_as_at_31_March", (x) => x.replace(">Overall effectiveness<", ">Score<")),
      ),
    );
    expect(err.line).toBe(3);
    expect(err.column).toBe("Overall effectiveness");
    expect(err.message).toMatch(/sheet "Inspections_as_at_31_March": required column "Overall effectiveness" not found/);
  });

  it("rejects an unknown inspection type", () => {
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("In-year_inspections", (x) => x.replace(">ILACS Focused Visit<", ">ILACS Joint Visit<")),
      ),
    );
    expect([err.line, err.column]).toEqual([4, "Inspection/Visit type"]);
    expect(err.message).toMatch(/sheet "In-year_inspections": unknown inspection type "ILACS Joint Visit"/);
  });

  it("rejects an unparseable date", () => {
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("In-year_inspections", (x) =>
          x.replace(
            /<table:table-cell office:value-type="date"[^>]*>.*?<\/table:table-cell>/,
            '<table:table-cell office:value-type="string"><text:p>spring 2025</text:p></table:table-cell>',
          ),
        ),
      ),
    );
    expect([err.line, err.column]).toEqual([4, "Inspection/Visit date"]);
    expect(err.message).toMatch(/sheet "In-year_inspections": unparseable date "spring 2025"/);
  });

  it("rejects a workbook without a recognisable position sheet", () => {
    const renamed = mutate(bytes2025, (xml) =>
      inSheet("Inspections_as_at_31_March", (x) =>
        x
          .replace(/>Overall effectiveness</g, "><")
          .replace(/>Local authority name</g, "><")
          .replace(/>Local authority area code</g, "><"),
      )(xml).replace('table:name="Inspections_as_at_31_March"', 'table:name="Sheet4"'),
    );
    expect(parseError(renamed).message).toMatch(/no recognisable position .* sheet/);
  });

  it("rejects conflicting as-at dates", () => {
    const err = parseError(
      mutate(
        bytes2025,
        inSheet("Inspections_as_at_31_March", (x) => x.replace("as at 31 March 2025", "as at 31 March 2026")),
      ),
    );
    expect(err.message).toMatch(/conflicting "as at" dates: 2026-03-31 .* and 2025-03-31/);
  });

  it("rejects a file that is not a spreadsheet", () => {
    expect(parseError(strToU8("not a zip")).message).toMatch(/cannot read the workbook: not an OpenDocument spreadsheet/);
  });

  it("still reads a release with renamed sheets and columns", () => {
    const renamed = mutate(bytes2025, (xml) =>
      xml
        .replace('table:name="Inspections_as_at_31_March"', 'table:name="Sheet4"')
        .replace('table:name="ILACS_inspection_history"', 'table:name="Inspection history"')
        .replaceAll(">The impact of leaders on social work practice with children and families<", ">Impact of leaders<")
        .replaceAll(">Inspection date<", ">Date of inspection<")
        .replaceAll(">Local authority name<", ">LA name<"),
    );
    const wb = parseOfstedWorkbook("renamed.ods", renamed, resolve);
    expect(wb.asAt).toBe("2025-03-31");
    expect(wb.positions.length).toBe(153);
    expect(fromSheet(wb, "Inspection history").length).toBe(271);
  });
});
