import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readOds } from "@/lib/import/ods";

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"';
const MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

function contentXml(tables: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
}

function ods(files: Record<string, string>): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = [strToU8(text), { level: name === "mimetype" ? 0 : 6 }];
  return zipSync(entries);
}

const cell = (inner: string, attrs = "") => `<table:table-cell office:value-type="string"${attrs}>${inner}</table:table-cell>`;
const p = (inner: string) => `<text:p>${inner}</text:p>`;

const SHEET_A = `<table:table table:name="Alpha">
  <table:table-column table:number-columns-repeated="16384"/>
  <table:table-header-rows>
    <table:table-row>${cell(p("Title &amp; more"))}<table:table-cell table:number-columns-repeated="16383"/></table:table-row>
  </table:table-header-rows>
  <table:table-row>${cell(p('a<text:s/>b<text:s text:c="3"/>c'))}${cell(p("line 1<text:line-break/>line 2"))}${cell(p("para 1") + p('para <text:span>two</text:span> <text:a xlink:href="https://x">link</text:a>'))}<table:table-cell table:number-columns-repeated="3"/>${cell(p("after gap"))}<table:table-cell table:number-columns-repeated="16377"/></table:table-row>
  <table:table-row table:number-rows-repeated="2">${cell(p("same"), ' table:number-columns-repeated="2"')}<table:table-cell table:number-columns-repeated="16382"/></table:table-row>
  <table:table-row table:number-rows-repeated="4"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
  <table:table-row><table:table-cell office:value-type="date" office:date-value="2025-03-31T00:00:00">${p("31/03/2025")}</table:table-cell><table:table-cell office:value-type="string" table:formula="of:=HYPERLINK(&quot;https://example.org/44/201&quot;;&quot;Web page&quot;)">${p("Web page")}</table:table-cell><table:covered-table-cell/>${cell(p("caf&#233; &#x2014; &lt;ok&gt;"))}<table:table-cell office:value-type="float" office:value="42"/></table:table-row>
  <table:table-row table:number-rows-repeated="1048565"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
</table:table>`;

const SHEET_B = `<table:table table:name="Empty sheet"><table:table-row table:number-rows-repeated="1048576"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>`;

describe("readOds (synthetic workbook)", () => {
  const sheets = readOds(ods({ mimetype: MIMETYPE, "content.xml": contentXml(SHEET_A + SHEET_B) }));
  const alpha = sheets[0];

  it("reads sheet names in order", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Alpha", "Empty sheet"]);
    expect(sheets[1]?.rows).toEqual([]);
  });

  it("keeps row numbers: header-row wrapper, repeated rows, blank rows up to the last non-empty row only", () => {
    // 1 title + 1 text row + 2 repeated + 4 blank + 1 data row; the 1,048,565 trailing blank rows are dropped.
    expect(alpha?.rows.length).toBe(9);
    expect(alpha?.rows[0]?.map((c) => c.text)).toEqual(["Title & more"]);
    expect(alpha?.rows[2]?.map((c) => c.text)).toEqual(["same", "same"]);
    expect(alpha?.rows[3]?.map((c) => c.text)).toEqual(["same", "same"]);
    expect(alpha?.rows.slice(4, 8)).toEqual([[], [], [], []]);
  });

  it("handles text:s, line breaks, multiple paragraphs, spans and links", () => {
    const row = alpha?.rows[1] ?? [];
    expect(row[0]?.text).toBe("a b   c");
    expect(row[1]?.text).toBe("line 1\nline 2");
    expect(row[2]?.text).toBe("para 1\npara two link");
  });

  it("keeps empty cells between values but strips the trailing repeated ones", () => {
    const row = alpha?.rows[1] ?? [];
    expect(row.length).toBe(7);
    expect(row.slice(3, 6).map((c) => c.text)).toEqual(["", "", ""]);
    expect(row[6]?.text).toBe("after gap");
  });

  it("reads dates, formulas, covered cells, entities and value-only cells", () => {
    const row = alpha?.rows[8] ?? [];
    expect(row[0]).toEqual({ text: "31/03/2025", date: "2025-03-31", formula: null });
    expect(row[1]).toEqual({ text: "Web page", date: null, formula: 'of:=HYPERLINK("https://example.org/44/201";"Web page")' });
    expect(row[2]).toEqual({ text: "", date: null, formula: null }); // covered (merged) cell keeps its column
    expect(row[3]?.text).toBe("café — <ok>");
    expect(row[4]?.text).toBe("42");
  });

  it("accepts a package without a mimetype entry", () => {
    expect(readOds(ods({ "content.xml": contentXml(SHEET_B) })).map((s) => s.name)).toEqual(["Empty sheet"]);
  });
});

describe("readOds: cells cut from a row's text, and what is left to the XML parser", () => {
  // Rows are read as text and most cells built without the parser (lib/import/ods.ts): these are the
  // shapes that must come out exactly as the parser gives them.
  const row = (cells: string) =>
    readOds(
      ods({
        mimetype: MIMETYPE,
        "content.xml": contentXml(`<table:table table:name="S"><table:table-row>${cells}</table:table-row></table:table>`),
      }),
    )[0]!.rows[0]!;

  it("reads a start tag whose attribute holds > or single quotes, and a paragraph with attributes", () => {
    expect(
      row(
        `<table:table-cell table:formula="of:=IF([.A1]>0;1;0)" office:value-type='float' office:value='1'><text:p text:style-name="P1">1</text:p></table:table-cell>` +
          `<table:table-cell office:value-type="string" ><text:p>a &gt; b</text:p></table:table-cell>`,
      ),
    ).toEqual([
      { text: "1", date: null, formula: "of:=IF([.A1]>0;1;0)", value: "1" },
      { text: "a > b", date: null, formula: null },
    ]);
  });

  it("counts self-closing, repeated and covered cells, and an empty paragraph, as columns", () => {
    const cells = row(
      `<table:table-cell/><table:table-cell table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell>` +
        `<table:covered-table-cell/><table:table-cell><text:p></text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2.5"><text:p>2.5</text:p></table:table-cell>`,
    );
    expect(cells.map((c) => c.text)).toEqual(["", "x", "x", "", "", "2.5"]);
    expect(cells[5]?.value).toBe("2.5");
  });

  it("leaves a row with a comment or a sub-table to the parser", () => {
    expect(
      row(`<table:table-cell><!-- </table:table-cell> --><text:p>real</text:p></table:table-cell>${cell(p("next"))}`).map((c) => c.text),
    ).toEqual(["real", "next"]);
    const nested = row(
      `<table:table-cell><table:table table:is-sub-table="true"><table:table-row>${cell(p("inner"))}</table:table-row></table:table><text:p>outer</text:p></table:table-cell>${cell(p("next"))}`,
    );
    expect(nested.map((c) => c.text)).toEqual(["outer", "next"]);
  });
});

describe("readOds errors", () => {
  it("rejects bytes that are not a zip", () => {
    expect(() => readOds(strToU8("time_period,la_name\n2024,Barnet\n"))).toThrow(/not a zip archive/);
    expect(() => readOds(new Uint8Array())).toThrow(/not a zip archive/);
  });

  it("rejects a corrupt zip", () => {
    const bytes = ods({ mimetype: MIMETYPE, "content.xml": contentXml(SHEET_B) }).slice(0, 60);
    expect(() => readOds(bytes)).toThrow(/zip archive cannot be read/);
  });

  it("rejects a zip without content.xml", () => {
    expect(() => readOds(ods({ mimetype: MIMETYPE, "styles.xml": "<x/>" }))).toThrow(/no content\.xml/);
  });

  it("rejects another OpenDocument type", () => {
    expect(() => readOds(ods({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": contentXml("") }))).toThrow(
      /mimetype is "application\/vnd\.oasis\.opendocument\.text"/,
    );
  });

  it("rejects content.xml without a spreadsheet body", () => {
    expect(() =>
      readOds(ods({ mimetype: MIMETYPE, "content.xml": `<office:document-content ${NS}><office:body/></office:document-content>` })),
    ).toThrow(/no office:spreadsheet/);
  });
});

describe("readOds (real Ofsted 2025 workbook)", () => {
  const file = path.resolve(import.meta.dirname, "../../prisma/data/published/LA_Inspection_Outcomes_as_at_31_March_2025.ods");
  const sheets = readOds(readFileSync(file));

  it("lists the sheets", () => {
    expect(sheets.map((s) => s.name)).toEqual([
      "Cover",
      "Contents",
      "Notes",
      "Inspections_as_at_31_March",
      "In-year_inspections",
      "ILACS_inspection_history",
    ]);
  });

  it("has the documented row counts (title + prose + header + data) and no repeated tails", () => {
    const rows = Object.fromEntries(sheets.map((s) => [s.name, s.rows.length]));
    expect(rows["Inspections_as_at_31_March"]).toBe(3 + 153);
    expect(rows["In-year_inspections"]).toBe(3 + 112);
    expect(rows["ILACS_inspection_history"]).toBe(3 + 271);
    expect(Math.max(...sheets.flatMap((s) => s.rows.map((r) => r.length)))).toBe(13);
  });

  it("reads a data row with its dates and the HYPERLINK formula", () => {
    const row = sheets.find((s) => s.name === "Inspections_as_at_31_March")?.rows[3] ?? [];
    expect(row.map((c) => c.text)).toEqual([
      "Ofsted Local Authority Webpage",
      "E09000002",
      "Barking and Dagenham",
      "London",
      "10/07/2023",
      "04/09/2023",
      "Requires improvement to be good",
      "Requires improvement to be good",
      "Requires improvement to be good",
      "Requires improvement to be good",
      "Good",
    ]);
    expect(row[4]?.date).toBe("2023-07-10");
    expect(row[5]?.date).toBe("2023-09-04");
    expect(row[0]?.formula).toBe('of:=HYPERLINK("https://reports.ofsted.gov.uk/provider/44/301";"Ofsted Local Authority Webpage")');
  });

  it("keeps the Cover sheet's blank row 17 in place", () => {
    const cover = sheets.find((s) => s.name === "Cover");
    expect(cover?.rows[16]).toEqual([]);
    expect(cover?.rows[17]?.[0]?.text).toBe("© Crown copyright 2025");
    expect(cover?.rows[4]?.[1]?.date).toBe("2025-09-25");
  });
});
