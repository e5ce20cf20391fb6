// Parser for Ofsted's "LA inspection outcomes as at 31 March YYYY" workbooks (FORMATS.md §3).
//
// Two layouts are known:
//  * 2025: `Inspections_as_at_31_March` (position per LA, ONS code + both dates), `In-year_inspections`
//    (graded inspections and visits) and `ILACS_inspection_history` (long: one row per graded inspection).
//  * 2024: no code column (LAs by name), `Inspections_31_March_2024` (position, inspection date only),
//    `Inspections_in_year_2023-24` (no publication date) and the WIDE `ILACS_inspections_2018-2024`
//    (First/Second ILACS column groups with publication dates only, plus a second stacked table for LAs
//    that no longer exist).
// Sheets are recognised by name and header content, header rows are located by content, and columns are
// matched by meaning, so a release with slightly renamed sheets or columns still works when the mapping is
// unambiguous. Anything we cannot understand throws an ImportError naming the sheet, row and column.
import { InspectionType, Judgement } from "@/lib/generated/prisma/enums";
import { readOds, type OdsCell, type OdsSheet } from "@/lib/import/ods";
import { shown } from "@/lib/core/markers";
import { ImportError, type OfstedEvent, type OfstedPositionRow, type OfstedWorkbook } from "@/lib/import/types";

/**
 * Maps an LA reference to its DfE 3-digit number, or throws an ImportError. `where` is e.g.
 * "ILACS_inspection_history row 17", for the error message. The 2024 layout passes `onsCode: null`.
 */
export type LaResolver = (ref: { onsCode: string | null; name: string }, where: string) => string;

// ---------------------------------------------------------------------------------------------------------
// Column vocabulary

type Field =
  | "webLink"
  | "code"
  | "name"
  | "status"
  | "region"
  | "inspectionDate"
  | "publicationDate"
  | "type"
  | "overall"
  | "leadership"
  | "helpAndProtection"
  | "childrenInCare"
  | "careLeavers"
  | "visitTheme";

type JudgementField = "overall" | "leadership" | "helpAndProtection" | "childrenInCare" | "careLeavers";
const JUDGEMENT_FIELDS: readonly JudgementField[] = ["overall", "leadership", "helpAndProtection", "childrenInCare", "careLeavers"];

/** Fields that carry data; a row with none of them filled is a title/sub-title, not a data row. */
const CONTENT_FIELDS: readonly Field[] = ["code", "name", "inspectionDate", "publicationDate", "type", ...JUDGEMENT_FIELDS, "visitTheme"];

/** Human names for error messages about missing columns. */
const FIELD_LABEL: Record<Field, string> = {
  webLink: "Web link",
  code: "Local authority area code",
  name: "Local authority name",
  status: "Local authority status",
  region: "Region",
  inspectionDate: "Inspection date",
  publicationDate: "Publication date",
  type: "Inspection type",
  overall: "Overall effectiveness",
  leadership: "Impact of leaders",
  helpAndProtection: "Experiences and progress of children who need help and protection",
  childrenInCare: "Experiences and progress of children in care",
  careLeavers: "Experiences and progress of care leavers",
  visitTheme: "Visit Theme",
};

/** Ordinal column-group prefixes of the wide history sheet ("First ILACS …", "Second ILACS …"). */
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth"] as const;

/**
 * What a header cell means. The wide sheet prefixes judgement columns with "First ILACS", "Second ILACS"
 * (a column group per inspection) or "ILACS framework" (no group); those prefixes are split off as `group`.
 */
function classifyHeader(raw: string): { group: string; field: Field } | null {
  let h = raw.toLowerCase().replace(/\s+/g, " ").trim();
  if (h === "") return null;
  let group = "";
  const ordinal = /^([a-z]+) (.*)$/.exec(h);
  if (ordinal && (ORDINALS as readonly string[]).includes(ordinal[1] ?? "")) {
    group = ordinal[1] ?? "";
    h = ordinal[2] ?? "";
  }
  h = h.replace(/^ilacs (framework )?/, "").replace(/^the /, "");

  let field: Field | null = null;
  if (/\bpublication\b/.test(h) && /\bdate\b/.test(h)) field = "publicationDate";
  else if (/\bdate\b/.test(h) && /\b(inspection|visit)/.test(h))
    field = "inspectionDate"; // "Inspection/Visit date"
  else if (/\btype\b/.test(h)) field = "type";
  else if (/\boverall effectiveness\b/.test(h)) field = "overall";
  else if (/\bimpact of leaders\b|\bleadership\b/.test(h)) field = "leadership";
  else if (/\bhelp and protection\b/.test(h)) field = "helpAndProtection";
  // "children in care" and the pre-2023 combined "children in care and care leavers" both go here.
  else if (/\bchildren in care\b|\blooked after\b/.test(h)) field = "childrenInCare";
  else if (/\bcare leavers\b/.test(h)) field = "careLeavers";
  else if (/\btheme\b/.test(h)) field = "visitTheme";
  else if (/\bcode\b/.test(h)) field = "code";
  else if (/\bname\b/.test(h) || h === "local authority" || h === "la") field = "name";
  else if (/\bstatus\b/.test(h)) field = "status";
  else if (/\bregion\b/.test(h)) field = "region";
  else if (/\blink\b/.test(h)) field = "webLink";
  return field === null ? null : { group, field };
}

type Column = { index: number; header: string };

/** One table: its header row and the columns it maps, per column group ("" = ungrouped). */
type Table = {
  sheet: string;
  /** 0-based index of the header row in the sheet */
  headerIndex: number;
  /** 0-based index one past the last row belonging to this table */
  endIndex: number;
  keys: Map<Field, Column>;
  /** judgement/date/type columns per group, groups in order (["first", "second"] or [""]) */
  groups: { name: string; columns: Map<Field, Column> }[];
  wide: boolean;
};

type SheetKind = "position" | "inYear" | "history";
const KIND_LABEL: Record<SheetKind, string> = {
  position: 'position ("inspections as at 31 March")',
  inYear: "in-year inspections",
  history: "ILACS inspection history",
};

// ---------------------------------------------------------------------------------------------------------
// Entry point

/** `sheets`: the workbook already read (readOds of these bytes), when the caller has it. */
export function parseOfstedWorkbook(fileName: string, bytes: Uint8Array, resolveLa: LaResolver, sheets?: OdsSheet[]): OfstedWorkbook {
  if (!sheets) {
    try {
      sheets = readOds(bytes);
    } catch (e) {
      throw new ImportError(`cannot read the workbook: ${(e as Error).message.slice(0, 200)}`, fileName);
    }
  }
  const p = new WorkbookParser(fileName, resolveLa);

  // Classify every sheet that has a recognisable table (Cover/Contents/Notes have none).
  const found = new Map<SheetKind, { sheet: OdsSheet; tables: Table[] }[]>();
  for (const sheet of sheets) {
    const nameKind = kindFromSheetName(sheet.name);
    const tables = p.findTables(sheet, nameKind !== null);
    const first = tables[0];
    if (first === undefined) continue;
    const kind = nameKind ?? kindFromContent(first);
    found.set(kind, [...(found.get(kind) ?? []), { sheet, tables }]);
  }
  const only = (kind: SheetKind) => {
    const list = found.get(kind) ?? [];
    const names = sheets.map((s) => `"${s.name}"`).join(", ");
    if (list.length === 0) throw new ImportError(`no recognisable ${KIND_LABEL[kind]} sheet (sheets: ${names})`, fileName);
    if (list.length > 1) {
      throw new ImportError(`more than one ${KIND_LABEL[kind]} sheet: ${list.map((x) => `"${x.sheet.name}"`).join(", ")}`, fileName);
    }
    return list[0] as { sheet: OdsSheet; tables: Table[] };
  };
  const positionSheet = only("position");
  const inYearSheet = only("inYear");
  const historySheet = only("history");

  const asAt = p.findAsAt(positionSheet.sheet, positionSheet.tables, sheets);
  const positions = positionSheet.tables.flatMap((t) => p.positionRows(positionSheet.sheet, t));
  const history = historySheet.tables.flatMap((t) => p.historyEvents(historySheet.sheet, t));
  const inYear = inYearSheet.tables.flatMap((t) => p.inYearEvents(inYearSheet.sheet, t));

  linkHistoryToPositions(history, positions);
  // Events in workbook sheet order (the order the caller merges them in).
  const bySheet = [
    { index: sheets.indexOf(historySheet.sheet), events: history },
    { index: sheets.indexOf(inYearSheet.sheet), events: inYear },
  ].sort((a, b) => a.index - b.index);
  const events = bySheet.flatMap((x) => x.events);
  fillPositionsFromEvents(positions, events);
  return { asAt, positions, events };
}

function kindFromSheetName(name: string): SheetKind | null {
  const n = name.toLowerCase().replace(/[_\-\s]+/g, " ");
  if (/\bin ?year\b/.test(n)) return "inYear";
  if (/\bhistory\b|\bilacs\b/.test(n)) return "history";
  if (/\bas at\b|\bmarch\b|\bposition\b|\blatest\b/.test(n)) return "position";
  return null;
}

/** For a sheet whose name says nothing we know: decide by its columns. */
function kindFromContent(t: Table): SheetKind {
  if (t.wide) return "history";
  const cols = t.groups[0]?.columns ?? new Map<Field, Column>();
  if (cols.has("visitTheme")) return "inYear";
  if (cols.has("type")) return "history";
  return "position";
}

// ---------------------------------------------------------------------------------------------------------
// Value parsing

const JUDGEMENTS: Record<string, Judgement> = {
  outstanding: Judgement.OUTSTANDING,
  good: Judgement.GOOD,
  "requires improvement to be good": Judgement.REQUIRES_IMPROVEMENT,
  "requires improvement": Judgement.REQUIRES_IMPROVEMENT,
  inadequate: Judgement.INADEQUATE,
};

const INSPECTION_TYPES: [RegExp, InspectionType][] = [
  [/^(ilacs )?standard( inspection)?$/, InspectionType.ILACS_STANDARD],
  [/^(ilacs )?short( inspection)?$/, InspectionType.ILACS_SHORT],
  [/^(ilacs )?focused visit$/, InspectionType.ILACS_FOCUSED_VISIT],
  [/^(la |ilacs )?monitoring visit$/, InspectionType.MONITORING_VISIT],
];

const GRADED: ReadonlySet<InspectionType> = new Set([InspectionType.ILACS_STANDARD, InspectionType.ILACS_SHORT]);

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTHS.findIndex((m) => m.startsWith(w));
  return i < 0 ? null : i + 1;
}

/** "yyyy-mm-dd" if y/m/d is a real calendar date, else null. */
function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Date from a cell: the typed office:date-value, or text "dd/mm/yyyy", "yyyy-mm-dd", "31 March 2025". */
function dateFromCell(cell: OdsCell | undefined): string | null | "invalid" {
  if (cell === undefined) return null;
  if (cell.date !== null) {
    const [y, m, d] = cell.date.split("-").map(Number);
    return isoDate(y ?? NaN, m ?? NaN, d ?? NaN) ?? "invalid";
  }
  const t = cell.text.trim();
  if (t === "") return null;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? "invalid";
  m = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+)?$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? "invalid";
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})$/.exec(t);
  if (m) {
    const month = monthNumber(m[2] ?? "");
    if (month !== null) return isoDate(Number(m[3]), month, Number(m[1])) ?? "invalid";
  }
  return "invalid";
}

/** Finds "as at 31 March 2025" (or "31_March_2024") in a text; returns yyyy-mm-dd. */
function asAtFromText(text: string, requireAsAt: boolean): string | null {
  const t = text.replace(/[_\s]+/g, " ");
  const re = requireAsAt
    ? /\bas at (\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})\b/i
    : /\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+) (\d{4})\b/i;
  const m = re.exec(t);
  if (!m) return null;
  const month = monthNumber(m[2] ?? "");
  return month === null ? null : isoDate(Number(m[3]), month, Number(m[1]));
}

// ---------------------------------------------------------------------------------------------------------

class WorkbookParser {
  constructor(
    private readonly fileName: string,
    private readonly resolveLa: LaResolver,
  ) {}

  private error(sheet: string, rowIndex: number | undefined, column: string | undefined, message: string): ImportError {
    return new ImportError(`sheet "${sheet}": ${message}`, this.fileName, rowIndex === undefined ? undefined : rowIndex + 1, column);
  }

  /**
   * All tables of a sheet. A header row is one that names the LA (name or code column) and at least three
   * date/type/judgement columns; a table runs from its header to the next header row. When the sheet's name
   * says it holds data (`expectData`), a missing header is an error rather than "not a data sheet".
   */
  findTables(sheet: OdsSheet, expectData: boolean): Table[] {
    const headerIndexes: number[] = [];
    sheet.rows.forEach((row, i) => {
      const fields = new Set(row.map((c) => classifyHeader(c.text)?.field));
      const hasKey = fields.has("name") || fields.has("code");
      const dataFields = CONTENT_FIELDS.filter((f) => f !== "name" && f !== "code" && fields.has(f)).length;
      if (hasKey && dataFields >= 3) headerIndexes.push(i);
    });
    const firstHeader = headerIndexes[0];
    if (firstHeader === undefined) {
      if (!expectData) return [];
      throw this.error(
        sheet.name,
        undefined,
        undefined,
        `no header row found (expected a row with columns such as "${FIELD_LABEL.name}", "${FIELD_LABEL.inspectionDate}" and "${FIELD_LABEL.overall}")`,
      );
    }
    // Above the first header there may only be a title and prose (one or two cells per row). Anything
    // wider means the real header is missing and we would otherwise skip data silently.
    for (let i = 0; i < firstHeader; i++) {
      const filled = (sheet.rows[i] ?? []).filter((c) => c.text.trim() !== "").length;
      if (filled > 2) throw this.error(sheet.name, i, undefined, "row above the header row looks like data: is the header row missing?");
    }
    return headerIndexes.map((h, k) => this.readHeader(sheet, h, headerIndexes[k + 1] ?? sheet.rows.length));
  }

  private readHeader(sheet: OdsSheet, headerIndex: number, endIndex: number): Table {
    const keys = new Map<Field, Column>();
    const groups = new Map<string, Map<Field, Column>>();
    const row = sheet.rows[headerIndex] ?? [];
    row.forEach((cell, index) => {
      const c = classifyHeader(cell.text);
      if (c === null) return; // unknown columns are ignored (a newer release may add some)
      const header = cell.text.trim();
      const isKey = c.field === "code" || c.field === "name" || c.field === "status" || c.field === "region" || c.field === "webLink";
      const target = isKey ? keys : (groups.get(c.group) ?? new Map<Field, Column>());
      if (!isKey) groups.set(c.group, target);
      const previous = target.get(c.field);
      if (previous !== undefined) {
        throw this.error(
          sheet.name,
          headerIndex,
          header,
          `ambiguous columns: both "${previous.header}" and "${header}" look like "${FIELD_LABEL[c.field]}"`,
        );
      }
      target.set(c.field, { index, header });
    });
    const rank = (g: string) => (g === "" ? 0 : ORDINALS.indexOf(g as (typeof ORDINALS)[number]) + 1);
    const ordered = [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([name, columns]) => ({ name, columns }));
    const wide = ordered.some((g) => g.name !== "");
    if (wide && groups.has("")) {
      const stray = [...(groups.get("")?.values() ?? [])][0];
      throw this.error(sheet.name, headerIndex, stray?.header, "column is outside the First/Second column groups of a wide table");
    }
    return { sheet: sheet.name, headerIndex, endIndex, keys, groups: ordered, wide };
  }

  /** Throws when a required column is missing from a table (group). */
  private require(t: Table, columns: Map<Field, Column>, fields: Field[], group: string): void {
    const where = group === "" ? "" : ` in the "${group}" column group`;
    for (const f of fields) {
      if (!columns.has(f))
        throw this.error(t.sheet, t.headerIndex, FIELD_LABEL[f], `required column "${FIELD_LABEL[f]}" not found${where}`);
    }
  }

  /** Judgement columns a table must have. Care leavers may be absent only where the children-in-care
   *  column is the pre-2023 combined "children in care and care leavers" judgement. */
  private requiredJudgements(columns: Map<Field, Column>): Field[] {
    const combined = /care leavers/i.test(columns.get("childrenInCare")?.header ?? "");
    return ["overall", "leadership", "helpAndProtection", "childrenInCare", ...(combined ? [] : (["careLeavers"] as Field[]))];
  }

  private requireKey(t: Table): void {
    if (!t.keys.has("name") && !t.keys.has("code")) {
      throw this.error(
        t.sheet,
        t.headerIndex,
        FIELD_LABEL.name,
        `required column "${FIELD_LABEL.name}" (or "${FIELD_LABEL.code}") not found`,
      );
    }
  }

  /** Data rows of a table: rows after the header with something in a data column (skips blank/sub-title rows). */
  private *dataRows(sheet: OdsSheet, t: Table): Generator<{ index: number; cells: OdsCell[] }> {
    // Web link, region and status do not count: the 2024 sub-title row has text in column A (Web link) only.
    const contentColumns = [...t.keys.entries(), ...t.groups.flatMap((g) => [...g.columns.entries()])]
      .filter(([field]) => CONTENT_FIELDS.includes(field))
      .map(([, column]) => column);
    for (let i = t.headerIndex + 1; i < t.endIndex; i++) {
      const cells = sheet.rows[i] ?? [];
      if (contentColumns.some((c) => hasContent(cells[c.index]))) yield { index: i, cells };
    }
  }

  private text(cells: OdsCell[], col: Column | undefined): string {
    return col === undefined ? "" : (cells[col.index]?.text ?? "").replace(/\s+/g, " ").trim();
  }

  private resolve(t: Table, index: number, cells: OdsCell[]): string {
    const onsCode = this.text(cells, t.keys.get("code")) || null;
    const name = this.text(cells, t.keys.get("name"));
    if (onsCode === null && name === "") {
      const col = t.keys.get("name") ?? t.keys.get("code");
      throw this.error(t.sheet, index, col?.header, "no local authority name or code");
    }
    return this.resolveLa({ onsCode, name }, `${t.sheet} row ${index + 1}`);
  }

  private judgement(t: Table, index: number, cells: OdsCell[], col: Column | undefined): Judgement | null {
    const raw = this.text(cells, col);
    if (raw === "" || col === undefined) return null;
    const j = JUDGEMENTS[raw.toLowerCase()];
    if (j === undefined) {
      throw this.error(
        t.sheet,
        index,
        col.header,
        `unknown judgement ${shown(raw)} (expected Outstanding, Good, Requires improvement to be good, Inadequate or blank)`,
      );
    }
    return j;
  }

  private judgements(t: Table, index: number, cells: OdsCell[], columns: Map<Field, Column>): Record<JudgementField, Judgement | null> {
    return {
      overall: this.judgement(t, index, cells, columns.get("overall")),
      leadership: this.judgement(t, index, cells, columns.get("leadership")),
      helpAndProtection: this.judgement(t, index, cells, columns.get("helpAndProtection")),
      childrenInCare: this.judgement(t, index, cells, columns.get("childrenInCare")),
      careLeavers: this.judgement(t, index, cells, columns.get("careLeavers")),
    };
  }

  private date(t: Table, index: number, cells: OdsCell[], col: Column | undefined): string | null {
    if (col === undefined) return null;
    const d = dateFromCell(cells[col.index]);
    if (d === "invalid") throw this.error(t.sheet, index, col.header, `unparseable date ${shown(this.text(cells, col))}`);
    return d;
  }

  private inspectionType(t: Table, index: number, cells: OdsCell[], col: Column | undefined): InspectionType {
    const raw = this.text(cells, col);
    if (raw === "") throw this.error(t.sheet, index, col?.header, "missing inspection type");
    const norm = raw.toLowerCase();
    const found = INSPECTION_TYPES.find(([re]) => re.test(norm));
    if (found === undefined) {
      throw this.error(
        t.sheet,
        index,
        col?.header,
        `unknown inspection type ${shown(raw)} (expected ILACS Standard Inspection, ILACS Short Inspection, ILACS Focused Visit or LA Monitoring visit)`,
      );
    }
    return found[1];
  }

  /** A graded inspection must have at least one date and an overall judgement. */
  private checkGraded(t: Table, index: number, e: OfstedEvent, columns: Map<Field, Column>): void {
    if (e.inspectionDate === null && e.publicationDate === null) {
      const col = columns.get("inspectionDate") ?? columns.get("publicationDate");
      throw this.error(t.sheet, index, col?.header, "inspection has no date");
    }
    if (GRADED.has(e.type) && e.overall === null) {
      throw this.error(t.sheet, index, columns.get("overall")?.header, "graded inspection has no overall effectiveness judgement");
    }
  }

  // ---- the three kinds of sheet ----

  positionRows(sheet: OdsSheet, t: Table): OfstedPositionRow[] {
    if (t.wide)
      throw this.error(t.sheet, t.headerIndex, undefined, "position sheet has First/Second column groups; expected one row per LA");
    this.requireKey(t);
    const columns = t.groups[0]?.columns ?? new Map<Field, Column>();
    this.require(t, columns, ["inspectionDate", ...this.requiredJudgements(columns)], "");
    const out: OfstedPositionRow[] = [];
    for (const { index, cells } of this.dataRows(sheet, t)) {
      const laNumber = this.resolve(t, index, cells);
      const dateCol = columns.get("inspectionDate");
      const dateText = this.text(cells, dateCol);
      // 2024: Cumberland and Westmorland and Furness (created 1 Apr 2023) have the text "Not yet inspected".
      const notInspected = /^not (yet )?inspected$/i.test(dateText);
      const judgements = this.judgements(t, index, cells, columns);
      const inspectionDate = notInspected ? null : this.date(t, index, cells, dateCol);
      const publicationDate = notInspected ? null : this.date(t, index, cells, columns.get("publicationDate"));
      if (inspectionDate === null && JUDGEMENT_FIELDS.some((f) => judgements[f] !== null)) {
        throw this.error(
          t.sheet,
          index,
          dateCol?.header,
          notInspected ? `"${dateText}" but judgements are given` : "judgements are given but the inspection date is blank",
        );
      }
      out.push({ laNumber, type: null, inspectionDate, publicationDate, ...judgements, source: `${t.sheet} row ${index + 1}` });
    }
    return out;
  }

  inYearEvents(sheet: OdsSheet, t: Table): OfstedEvent[] {
    if (t.wide)
      throw this.error(t.sheet, t.headerIndex, undefined, "in-year sheet has First/Second column groups; expected one row per inspection");
    this.requireKey(t);
    const columns = t.groups[0]?.columns ?? new Map<Field, Column>();
    this.require(t, columns, ["inspectionDate", "type", ...this.requiredJudgements(columns), "visitTheme"], "");
    const out: OfstedEvent[] = [];
    for (const { index, cells } of this.dataRows(sheet, t)) {
      const e: OfstedEvent = {
        laNumber: this.resolve(t, index, cells),
        type: this.inspectionType(t, index, cells, columns.get("type")),
        inspectionDate: this.date(t, index, cells, columns.get("inspectionDate")),
        publicationDate: this.date(t, index, cells, columns.get("publicationDate")), // absent in 2024
        ...this.judgements(t, index, cells, columns),
        visitTheme: this.text(cells, columns.get("visitTheme")) || null,
        source: `${t.sheet} row ${index + 1}`,
      };
      if (e.inspectionDate === null)
        throw this.error(t.sheet, index, columns.get("inspectionDate")?.header, "missing inspection/visit date");
      this.checkGraded(t, index, e, columns);
      out.push(e);
    }
    return out;
  }

  /** Long history (one row per inspection, 2025) or wide history (First/Second column groups per LA, 2024). */
  historyEvents(sheet: OdsSheet, t: Table): OfstedEvent[] {
    this.requireKey(t);
    for (const g of t.groups) {
      if (!g.columns.has("inspectionDate") && !g.columns.has("publicationDate")) {
        throw this.error(
          t.sheet,
          t.headerIndex,
          FIELD_LABEL.inspectionDate,
          `required column "${FIELD_LABEL.inspectionDate}" or "${FIELD_LABEL.publicationDate}" not found${g.name ? ` in the "${g.name}" column group` : ""}`,
        );
      }
      this.require(t, g.columns, ["type", ...this.requiredJudgements(g.columns)], g.name);
    }
    const out: OfstedEvent[] = [];
    for (const { index, cells } of this.dataRows(sheet, t)) {
      let laNumber: string | null = null; // resolved lazily: Cumberland's wide row has no inspections at all
      for (const g of t.groups) {
        // In the wide layout an LA with fewer inspections has an empty column group.
        if (t.wide && ![...g.columns.values()].some((c) => hasContent(cells[c.index]))) continue;
        laNumber ??= this.resolve(t, index, cells);
        const e: OfstedEvent = {
          laNumber,
          type: this.inspectionType(t, index, cells, g.columns.get("type")),
          inspectionDate: this.date(t, index, cells, g.columns.get("inspectionDate")),
          publicationDate: this.date(t, index, cells, g.columns.get("publicationDate")),
          ...this.judgements(t, index, cells, g.columns),
          visitTheme: null,
          source: `${t.sheet} row ${index + 1}${g.name ? ` (${g.name} ILACS)` : ""}`,
        };
        this.checkGraded(t, index, e, g.columns);
        out.push(e);
      }
    }
    return out;
  }

  /**
   * The workbook's "as at" date. Sources, in order: the position sheet's title rows ("… as at 31 March
   * 2025"), the position sheet's name ("Inspections_31_March_2024"), the Cover sheet ("… as at 31 March
   * 2025"). All sources that give a date must agree.
   */
  findAsAt(position: OdsSheet, tables: Table[], sheets: OdsSheet[]): string {
    const candidates: { date: string; from: string }[] = [];
    const headerIndex = tables[0]?.headerIndex ?? 0;
    for (let i = 0; i < headerIndex; i++) {
      for (const c of position.rows[i] ?? []) {
        const d = asAtFromText(c.text, true);
        if (d !== null) candidates.push({ date: d, from: `sheet "${position.name}" row ${i + 1}` });
      }
    }
    const fromName = asAtFromText(position.name, false);
    if (fromName !== null) candidates.push({ date: fromName, from: `sheet name "${position.name}"` });
    const cover = sheets.find((s) => /cover/i.test(s.name));
    // The cover's first "as at" line is the workbook title ("Local authority inspection outcomes as at …").
    const coverHit = cover?.rows.flatMap((r, i) => r.map((c) => ({ d: asAtFromText(c.text, true), i }))).find((x) => x.d !== null);
    if (cover !== undefined && coverHit?.d) candidates.push({ date: coverHit.d, from: `sheet "${cover.name}" row ${coverHit.i + 1}` });

    const first = candidates[0];
    if (first === undefined) {
      throw new ImportError(
        `cannot find the "as at" date: expected "as at <day> <month> <year>" in the title of sheet "${position.name}", its name, or the Cover sheet`,
        this.fileName,
      );
    }
    const conflict = candidates.find((c) => c.date !== first.date);
    if (conflict !== undefined) {
      throw new ImportError(
        `conflicting "as at" dates: ${first.date} (${first.from}) and ${conflict.date} (${conflict.from})`,
        this.fileName,
      );
    }
    return first.date;
  }
}

function hasContent(cell: OdsCell | undefined): boolean {
  return cell !== undefined && (cell.text.trim() !== "" || cell.date !== null);
}

function sameJudgements(a: Record<JudgementField, Judgement | null>, b: Record<JudgementField, Judgement | null>): boolean {
  return JUDGEMENT_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * The 2024 wide history sheet gives only publication dates, the position sheet only inspection dates.
 * For each LA the latest history entry and the position row describe the same inspection when their
 * judgements agree (true for all 151 inspected LAs in the 2024 release; checked against the 2025 history,
 * which has both dates). Give that entry the position's inspection date too, so it can later be matched
 * with the in-year row (inspection date only) and the next release's history row (both dates) — e.g.
 * Nottingham's 2024 publication date 2022-11-05 is a typo for 2022-09-05, so only the inspection date matches.
 * Entries are modified in place.
 */
function linkHistoryToPositions(history: OfstedEvent[], positions: OfstedPositionRow[]): void {
  const latest = new Map<string, OfstedEvent>();
  for (const e of history) {
    const current = latest.get(e.laNumber);
    if (
      current === undefined ||
      (e.publicationDate ?? e.inspectionDate ?? "") > (current.publicationDate ?? current.inspectionDate ?? "")
    ) {
      latest.set(e.laNumber, e);
    }
  }
  for (const p of positions) {
    const e = latest.get(p.laNumber);
    if (e === undefined || e.inspectionDate !== null || p.inspectionDate === null) continue;
    if (!sameJudgements(e, p)) continue; // not provably the same inspection: keep the publication date only
    if (e.publicationDate !== null && e.publicationDate < p.inspectionDate) continue; // published before inspected?
    e.inspectionDate = p.inspectionDate;
  }
}

/**
 * Position rows lack the inspection type (no such column) and, in 2024, the publication date. Fill them
 * from this workbook's graded events for the same LA and inspection date, when those agree.
 */
function fillPositionsFromEvents(positions: OfstedPositionRow[], events: OfstedEvent[]): void {
  for (const p of positions) {
    if (p.inspectionDate === null) continue;
    const same = events.filter(
      (e) => e.laNumber === p.laNumber && GRADED.has(e.type) && e.inspectionDate === p.inspectionDate && sameJudgements(e, p),
    );
    const types = new Set(same.map((e) => e.type));
    if (p.type === null && types.size === 1) p.type = [...types][0] ?? null;
    const published = new Set(same.map((e) => e.publicationDate).filter((d): d is string => d !== null));
    if (p.publicationDate === null && published.size === 1) p.publicationDate = [...published][0] ?? null;
  }
}
