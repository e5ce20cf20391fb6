// MHCLG revenue outturn workbooks, RO3 (social care and public health) and RSX (service expenditure
// summary), FORMATS.md §12. Read by sheet and header, never by cell position: the data sheet is the one
// whose header row starts "E-code | ONS Code | Local authority"; its name (RO3_LA_Data_202425) says which
// workbook and financial year it is; each figure is found by its exact column header (the catalogue's
// `columns`); numbers are taken from office:value (full precision), in £ thousand as the sheet says.
// Children's services authorities (Class UA, MD, LB, SC) are matched to DfE LA numbers by ONS code;
// England is the national figure; districts and other authorities are counted and left out. Every other
// column is named in the summary. A missing sheet, header, unit statement or column fails, naming the
// sheet and the column.
import { indicatorById, sourceColumns, type IndicatorId } from "@/lib/catalogue";
import { OUTTURN_MEASURES, OUTTURN_WORKBOOK_INDICATORS } from "@/lib/catalogue/indicators-spending";
import type { Marker } from "@/lib/generated/prisma/enums";
import { MAX_ABS_VALUE, shown, type Cell } from "@/lib/core/markers";
import { nearestKnownName } from "../columns";
import type { OdsCell, OdsSheet } from "../ods";
import type { IncomingValue } from "../plan-values";
import { emptyMarkers, type FileOutcome } from "../summary";
import { ImportError } from "../types";
import { onsCodeResolver } from "../write/geography";
import { createRelease } from "../write/release";
import { writeReleaseValues } from "../write/values";
import { parsedFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";
import { sheetsOf } from "./workbook";

export type OutturnKind = keyof typeof OUTTURN_WORKBOOK_INDICATORS;

export type OutturnPlace = {
  /** spreadsheet row (1-based) */
  row: number;
  onsCode: string;
  name: string;
  level: "NATIONAL" | "LOCAL_AUTHORITY";
  cells: Map<IndicatorId, Cell>;
};

export type OutturnWorkbook = {
  kind: OutturnKind;
  sheet: string;
  /** the year the financial year ends: 2025 for 2024-25 */
  period: number;
  /** "2024-25" */
  financialYear: string;
  headerRow: number;
  places: OutturnPlace[];
  /** RSX only: its children's social care gross expenditure by ONS code, to check against RO3's total */
  cscCheck: Map<string, Cell>;
  /** columns read but not imported, grouped by service line */
  unusedColumns: string[];
  /** rows read but not imported, and how bracketed notes were read */
  notes: string[];
  markers: Record<Marker, number>;
};

const IDENTITY = {
  eCode: "E-code",
  onsCode: "ONS Code",
  name: "Local authority",
  notes: "Notes",
  cls: "Class",
  detailed: "Detailed Class",
  cert: "Certification",
} as const;
const LA_CLASSES = new Set(["UA", "MD", "LB", "SC"]);
const OTHER_CLASSES: Record<string, string> = { SD: "shire district", O: "other authority (police, fire, combined, park, waste, GLA)" };
const HEADER_SEARCH_ROWS = 30;
const RSX_CSC_CHECK = `Children Social Care - ${OUTTURN_MEASURES.expenditure}`;

const clean = (s: string) => s.replace(/\s+/g, " ").trim();
/** A column header in a message: quoted, whole up to 160 characters (headers are long; a hostile one is cut). */
const col = (s: string) => JSON.stringify(s.length > 160 ? `${s.slice(0, 160)}…` : s);
const text = (c: OdsCell | undefined) => clean(c?.text ?? "");

/** The row (0-based) whose first three cells are E-code, ONS Code, Local authority; -1 when none. */
function headerRowOf(sheet: OdsSheet): number {
  return sheet.rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => [IDENTITY.eCode, IDENTITY.onsCode, IDENTITY.name].every((h, i) => text(r[i]).toLowerCase() === h.toLowerCase()));
}

const DATA_SHEET = /^(RO3|RSX)_LA_Data_(\d{4})(\d{2})$/;

/** A workbook with a sheet laid out like MHCLG's revenue outturn data sheets, or named like one. */
export function looksLikeOutturn(sheets: readonly OdsSheet[]): boolean {
  return sheets.some((s) => headerRowOf(s) >= 0 || DATA_SHEET.test(s.name));
}

/** Gives "Adult Social Care (C1, C2, C3, C4, C5, C6, C7)" for seven unused columns of one line. */
function groupColumns(headers: readonly string[]): string[] {
  const codes = new Map<string, string>(Object.values(OUTTURN_MEASURES).map((m) => [m, /\((C\d)/.exec(m)![1]!]));
  const groups = new Map<string, string[]>();
  const singles: string[] = [];
  for (const h of headers) {
    const measure = [...codes.keys()].find((m) => h.endsWith(` - ${m}`));
    if (!measure) {
      singles.push(h);
      continue;
    }
    const line = h.slice(0, -(measure.length + 3));
    groups.set(line, [...(groups.get(line) ?? []), codes.get(measure)!]);
  }
  return [...[...groups].map(([line, c]) => `${line} (${c.join(", ")})`), ...singles];
}

/** One value cell: office:value as a number, or a bracketed marker; anything else is an error message. */
function readValue(cell: OdsCell | undefined): { cell: Cell; note?: string } | { error: string } {
  // (£ thousand: negative figures occur; a million million is beyond any authority's accounts)
  const number = (n: number, text: string): { cell: Cell } | { error: string } =>
    Number.isNaN(n)
      ? { error: `value ${shown(text)} is not a number` }
      : !Number.isFinite(n) || Math.abs(n) >= MAX_ABS_VALUE
        ? { error: `value ${shown(text)} is out of range` }
        : { cell: { value: n, marker: null, raw: String(n) } };
  if (cell?.value !== undefined) return number(Number(cell.value), cell.value);
  const t = clean(cell?.text ?? "");
  if (t === "") return { error: "blank cell (expected a number or a bracketed marker such as [x])" };
  const m = /^\[(x|z|c)\]$/i.exec(t);
  if (m) return { cell: { value: null, marker: m[1]!.toLowerCase() as Marker, raw: m[1]!.toLowerCase() } };
  // [n] "no appropriate estimation" and [note N] (e.g. Gateshead could not split a line): no figure
  if (/^\[(n|note \d+)\]$/i.test(t)) return { cell: { value: null, marker: "x", raw: t }, note: t.toLowerCase() };
  if (/^-?\d+(\.\d+)?$/.test(t)) {
    const n = number(Number(t), t);
    return "error" in n ? n : { cell: { ...n.cell, raw: t } };
  }
  return { error: `unknown value ${shown(t)} (expected a number, or [x], [z], [c], [n] or [note N])` };
}

/** "[note 4]" → its text on the Notes sheet, when the workbook has one. */
function noteTexts(sheets: readonly OdsSheet[]): Map<string, string> {
  const out = new Map<string, string>();
  const notes = sheets.find((s) => s.name.toLowerCase() === "notes");
  for (const r of notes?.rows ?? []) {
    const key = text(r[0]).toLowerCase();
    if (/^\[?(note \d+|n|x|z|m|y)\]?$/.test(key)) out.set(key.startsWith("[") ? key : `[${key}]`, text(r[1]));
  }
  return out;
}

export function parseOutturnWorkbook(fileName: string, sheets: readonly OdsSheet[]): OutturnWorkbook {
  const candidates = sheets.filter((s) => headerRowOf(s) >= 0);
  const named = sheets.find((s) => DATA_SHEET.test(s.name));
  if (candidates.length === 0 && named)
    throw new ImportError(
      `sheet "${named.name}": no header row in rows 1–${HEADER_SEARCH_ROWS} starts "E-code | ONS Code | Local authority": the layout has changed. Nothing was imported`,
      fileName,
      undefined,
      IDENTITY.onsCode,
    );
  if (candidates.length === 0)
    throw new ImportError(
      `no sheet has a header row starting "E-code | ONS Code | Local authority" (sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")})`,
      fileName,
    );
  if (candidates.length > 1)
    throw new ImportError(`more than one revenue outturn data sheet: ${candidates.map((s) => `"${s.name}"`).join(", ")}`, fileName);
  const sheet = candidates[0]!;
  const fail = (message: string, row?: number, column?: string) =>
    new ImportError(`sheet "${sheet.name}": ${message}`, fileName, row, column);

  const name = DATA_SHEET.exec(sheet.name);
  if (!name)
    throw fail(
      "a revenue outturn data sheet this importer does not know: it reads RO3_LA_Data_yyyyyy (social care) and RSX_LA_Data_yyyyyy (service expenditure summary)",
    );
  const kind = name[1] as OutturnKind;
  const startYear = Number(name[2]);
  if ((startYear + 1) % 100 !== Number(name[3])) throw fail(`the year in the sheet's name (${name[2]}${name[3]}) is not a financial year`);
  const financialYear = `${startYear}-${name[3]}`;
  const period = startYear + 1;

  const h = headerRowOf(sheet);
  const above = sheet.rows.slice(0, h).flatMap((r) => r.map((c) => clean(c.text)));
  if (!above.some((t) => /£\s*thousands?\b/i.test(t)))
    throw fail(`the rows above the header (1–${h}) do not say the figures are in £ thousand, so their unit is not known`, h);
  const title = above.find((t) => /\b\d{4}-\d{2}\b/.test(t));
  if (title && !title.includes(financialYear)) throw fail(`the title says ${shown(title)}, but the sheet's name says ${financialYear}`, 1);

  const header = (sheet.rows[h] ?? []).map((c) => clean(c.text));
  const headerLine = h + 1;
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") return;
    if (seen.has(name)) throw fail(`column ${col(name)} appears twice in the header`, headerLine, name);
    seen.set(name, i);
  });
  const columnOf = (name: string, what: string) => {
    const i = seen.get(clean(name));
    if (i !== undefined) return i;
    const near = nearestKnownName(name, [...seen.keys()]);
    throw fail(
      `column ${col(name)} (${what}) is not in the header on row ${headerLine}: the layout has changed${near ? `; the nearest column is ${col(near.name)}` : ""}. Nothing was imported`,
      headerLine,
      name,
    );
  };
  const onsCol = columnOf(IDENTITY.onsCode, "the ONS code of each authority");
  const nameCol = columnOf(IDENTITY.name, "the authority's name");
  const classCol = columnOf(IDENTITY.cls, "the class of authority");
  const used = new Map<IndicatorId, number>();
  for (const id of OUTTURN_WORKBOOK_INDICATORS[kind]) used.set(id, columnOf(sourceColumns(indicatorById(id))[0]!, id));
  const checkCol = kind === "RSX" ? columnOf(RSX_CSC_CHECK, "children's social care, checked against RO3") : undefined;
  const descriptive = new Set(Object.values(IDENTITY).map((n) => seen.get(n)));
  const taken = new Set<number | undefined>([...used.values(), checkCol, ...descriptive]);
  const unused = header.filter((name, i) => name !== "" && !taken.has(i));

  const places: OutturnPlace[] = [];
  const cscCheck = new Map<string, Cell>();
  const markers = emptyMarkers();
  const noteCells = new Map<string, number>();
  const skipped = new Map<string, number>();
  const codes = new Map<string, number>();
  let r = h + 1;
  for (; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const row = r + 1;
    if (cells.every((c) => clean(c.text) === "" && c.value === undefined)) break; // end of the table
    if (text(cells[0]).toLowerCase() === IDENTITY.eCode.toLowerCase()) break; // the class table's repeated header
    const cls = text(cells[classCol]);
    const onsCode = text(cells[onsCol]);
    const name = text(cells[nameCol]);
    if (OTHER_CLASSES[cls]) {
      skipped.set(cls, (skipped.get(cls) ?? 0) + 1);
      continue;
    }
    const level = cls === "Eng" ? "NATIONAL" : LA_CLASSES.has(cls) ? "LOCAL_AUTHORITY" : null;
    if (!level)
      throw fail(
        `class ${shown(cls)} of ${shown(name)} is not one of UA, MD, LB, SC (children's services authorities), SD, O or Eng`,
        row,
        IDENTITY.cls,
      );
    if (level === "NATIONAL" && onsCode !== "E92000001")
      throw fail(`the England row has the code ${shown(onsCode)}, not E92000001`, row, IDENTITY.onsCode);
    if (!/^E\d{8}$/.test(onsCode)) throw fail(`${shown(onsCode)} (${shown(name)}) is not a 9-character ONS code`, row, IDENTITY.onsCode);
    const earlier = codes.get(onsCode);
    if (earlier !== undefined) throw fail(`ONS code ${onsCode} is on row ${earlier} too`, row, IDENTITY.onsCode);
    codes.set(onsCode, row);
    const read = (col: number, what: string) => {
      const v = readValue(cells[col]);
      if ("error" in v) throw fail(`${what} for ${shown(name)}: ${v.error}`, row, header[col]);
      return v;
    };
    const figures = new Map<IndicatorId, Cell>();
    for (const [id, col] of used) {
      const v = read(col, id);
      figures.set(id, v.cell);
      if (v.cell.marker) markers[v.cell.marker]++;
      if (v.note) noteCells.set(v.note, (noteCells.get(v.note) ?? 0) + 1);
    }
    if (checkCol !== undefined) cscCheck.set(onsCode, read(checkCol, "children's social care").cell);
    places.push({ row, onsCode, name, level, cells: figures });
  }
  if (!places.some((p) => p.level === "NATIONAL")) throw fail("has no ENGLAND row (class Eng, E92000001)", headerLine, IDENTITY.cls);
  if (!places.some((p) => p.level === "LOCAL_AUTHORITY"))
    throw fail("has no children's services authority (class UA, MD, LB or SC)", headerLine, IDENTITY.cls);

  const noteText = noteTexts(sheets);
  const notes = [
    ...[...skipped].map(
      ([cls, n]) => `${n} rows of class ${cls} (${OTHER_CLASSES[cls]}) not imported: not children's services authorities`,
    ),
    ...(r < sheet.rows.length
      ? [
          `rows ${r + 1}–${sheet.rows.length} below the data (the totals by class of authority, and the hidden row of variable codes) not imported`,
        ]
      : []),
    ...[...noteCells].map(
      ([note, n]) =>
        `${n} cells hold ${note}, stored as x (no figure)${noteText.get(note) ? `: ${noteText.get(note)!.slice(0, 160)}` : ""}`,
    ),
    `descriptive columns not stored: ${[IDENTITY.eCode, IDENTITY.name, IDENTITY.notes, IDENTITY.detailed, IDENTITY.cert].filter((n) => seen.has(n)).join(", ")}`,
  ];
  return {
    kind,
    sheet: sheet.name,
    period,
    financialYear,
    headerRow: headerLine,
    places,
    cscCheck,
    unusedColumns: groupColumns(unused),
    notes,
    markers,
  };
}

async function writeOutturn(tx: Tx, file: ParsedFile<OutturnWorkbook>, log: (line: string) => void): Promise<FileOutcome> {
  const wb = file.content;
  const laOf = await onsCodeResolver(tx, file.fileName);
  const geoCodeOf = (p: OutturnWorkbook["places"][number]) =>
    laOf({ level: p.level, code: p.onsCode, name: p.name, line: p.row, column: IDENTITY.onsCode, label: `sheet "${wb.sheet}": ONS code` });
  const incoming: IncomingValue[] = [];
  for (const p of wb.places) {
    const geoCode = geoCodeOf(p);
    for (const [indicatorId, cell] of p.cells)
      incoming.push({
        indicatorId,
        geoLevel: p.level,
        geoCode,
        period: wb.period,
        value: cell.value,
        marker: cell.marker,
        raw: cell.raw,
        jointReturnId: null,
      });
  }
  const release = await createRelease(tx, file, {
    series: "REVENUE_OUTTURN",
    editionRank: wb.period,
    edition: `${wb.financialYear} (${wb.kind})`,
    rowCount: wb.places.length,
    valueCount: incoming.length,
    markers: wb.markers,
  });
  const plan = await writeReleaseValues(tx, incoming, OUTTURN_WORKBOOK_INDICATORS[wb.kind], { id: release.id, editionRank: wb.period });
  const notes = [...wb.notes];
  if (wb.kind === "RSX") {
    // RSX's children's social care line is RO3's total (FORMATS.md §12): say whether the stored RO3 agrees.
    const ro3 = new Map(
      (
        await tx.indicatorValue.findMany({
          where: { indicatorId: "csc_spend_total", period: wb.period, calculated: false },
          select: { geoCode: true, raw: true },
        })
      ).map((v) => [v.geoCode, v.raw]),
    );
    let same = 0;
    const differ: string[] = [];
    for (const p of wb.places) {
      const code = geoCodeOf(p);
      const stored = ro3.get(code);
      if (stored === undefined) continue;
      if (stored === wb.cscCheck.get(p.onsCode)?.raw) same++;
      else differ.push(`${p.name} (RSX ${wb.cscCheck.get(p.onsCode)?.raw}, RO3 ${stored})`);
    }
    notes.push(
      same + differ.length === 0
        ? `its "${RSX_CSC_CHECK}" column is read only to check RO3's total, and no RO3 ${wb.financialYear} figures are stored yet`
        : `its "${RSX_CSC_CHECK}" column equals RO3's stored total for ${same} of ${same + differ.length} places` +
            (differ.length ? `; differs for ${differ.slice(0, 5).join(", ")}${differ.length > 5 ? ", …" : ""}` : ""),
    );
  }
  const c = plan.counts;
  log(
    `  imported ${file.fileName}: ${wb.kind} ${wb.financialYear}, ${wb.places.length} places, ${incoming.length} values (${c.inserted} new, ${c.revised} revised, ${c.reaffirmed} reaffirmed, ${c.unchanged} unchanged, ${c.keptNewer} kept from a newer release)`,
  );
  return {
    fileName: file.fileName,
    kind: "outturn",
    series: "REVENUE_OUTTURN",
    status: "imported",
    rows: wb.places.length,
    values: incoming.length,
    markers: wb.markers,
    counts: c,
    unmappedColumns: wb.unusedColumns,
    notes,
    ...(plan.recorded.length ? { revisions: plan.recorded } : {}),
  };
}

type Parsed = ParsedFile<OutturnWorkbook>;

/** RO3 before RSX of the same year: RSX's check reads the RO3 total just stored. */
const WORKBOOK_ORDER: readonly OutturnKind[] = ["RO3", "RSX"];

export const revenueOutturnFormat: ImportFormat<OutturnWorkbook> = {
  kind: "outturn",
  extensions: [".ods"],
  describes: "an MHCLG revenue outturn workbook (RO3 or RSX, .ods)",

  detect(file: SniffedFile) {
    const sheets = sheetsOf(file);
    return sheets && looksLikeOutturn(sheets) ? { verdict: "mine" } : { verdict: "not mine" };
  },

  parse(file: SniffedFile): Parsed {
    const wb = parseOutturnWorkbook(file.fileName, sheetsOf(file)!);
    return parsedFile(file, {
      kind: "outturn",
      series: "REVENUE_OUTTURN",
      editionRank: wb.period,
      description: `revenue outturn ${wb.kind} ${wb.financialYear}, ${wb.places.length} places, ${wb.unusedColumns.length} groups of columns not used`,
      content: wb,
    });
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    const sorted = [...files].sort(
      (a, b) => a.editionRank - b.editionRank || WORKBOOK_ORDER.indexOf(a.content.kind) - WORKBOOK_ORDER.indexOf(b.content.kind),
    );
    const out: FileOutcome[] = [];
    for (const f of sorted) out.push(await writeOutturn(tx, f, ctx.log));
    return out;
  },
};
