// A small OpenDocument spreadsheet (.ods) reader: enough for the Ofsted workbooks (text, dates, formulas).
//
// An .ods file is a zip holding `mimetype` and `content.xml`; the cells live in
// office:document-content/office:body/office:spreadsheet/table:table/table:table-row/table:table-cell.
// Spreadsheet programs compress runs of identical rows/cells with `table:number-rows-repeated` and
// `table:number-columns-repeated`; the tail of every sheet is one empty row repeated ~1M times and the tail
// of every row one empty cell repeated ~16,000 times. We never materialise empty runs that reach the end of
// a row or sheet; empty runs in the middle are kept so that indices match the spreadsheet's row/column numbers.
//
// Speed: the document is parsed with its rows left as raw XML (fast-xml-parser's stopNodes), and each row's
// cells are cut out of that text here; a cell holding one plain paragraph (nearly all of them) is built
// directly, any other cell — spans, spaces, links, several paragraphs — and any row with a sub-table,
// comment or CDATA is parsed by fast-xml-parser as before. Building a node tree for every cell of MHCLG's
// revenue outturn workbook (431 rows × 497 columns, 26 MB of XML) took most of its 1.8 s read.
import { XMLParser } from "fast-xml-parser";
import { unzipSync } from "fflate";

export type OdsCell = {
  /** the displayed text; paragraphs joined with "\n" */
  text: string;
  /** yyyy-mm-dd from office:date-value, for date cells */
  date: string | null;
  /** the table:formula attribute as written (e.g. `of:=HYPERLINK("…";"…")`) */
  formula: string | null;
  /**
   * office:value of a number cell (float, percentage, currency) at full precision, e.g. "31816.64"
   * where the text shows "31,817". Present only on such cells.
   */
  value?: string;
};

/** `rows[0]` is spreadsheet row 1 and `rows[r][0]` column A. Empty rows before the last non-empty one are `[]`. */
export type OdsSheet = { name: string; rows: OdsCell[][] };

const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
/** Sheet limits of LibreOffice/Excel: guards against a non-empty row or cell repeated absurdly often. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** fast-xml-parser's preserveOrder node: `{ [tagName]: children, ":@"?: attributes }` or `{ "#text": string }`. */
type XmlNode = Record<string, unknown>;

const PARSER_OPTIONS = {
  preserveOrder: true, // keep cell order (and text/element interleaving inside text:p)
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false, // "a<text:s/>b" must keep its spaces
  processEntities: false, // decoded by decodeXml(), which also handles numeric references
} as const;
/** The whole document, each row's content kept as its raw XML text (cut into cells by rowCells). */
const documentParser = new XMLParser({ ...PARSER_OPTIONS, stopNodes: ["*.table:table-row"] });
/** A fragment (a row or a cell's content) in full. */
const fragmentParser = new XMLParser(PARSER_OPTIONS);

function parseXml(parser: XMLParser, xml: string): unknown {
  try {
    return parser.parse(xml);
  } catch {
    // The parser's own message names its internals ("readTagExp returned undefined …"), not the file's problem.
    throw new Error("content.xml is not well-formed XML");
  }
}

export function readOds(bytes: Uint8Array): OdsSheet[] {
  // Zip local file header signature "PK\x03\x04".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    throw new Error("not an OpenDocument spreadsheet: the file is not a zip archive");
  }
  let files: Record<string, Uint8Array>;
  try {
    // Only inflate the two entries we need (the workbooks also carry images).
    files = unzipSync(bytes, { filter: (f) => f.name === "mimetype" || f.name === "content.xml" });
  } catch (e) {
    throw new Error(`not an OpenDocument spreadsheet: the zip archive cannot be read (${(e as Error).message})`);
  }
  const decoder = new TextDecoder("utf-8");
  const mimetype = files["mimetype"];
  if (mimetype !== undefined) {
    const type = decoder.decode(mimetype).trim();
    if (type !== ODS_MIMETYPE) throw new Error(`not an OpenDocument spreadsheet: mimetype is "${type}", expected "${ODS_MIMETYPE}"`);
  }
  const content = files["content.xml"];
  if (content === undefined) throw new Error("not an OpenDocument spreadsheet: the archive has no content.xml");

  const doc = parseXml(documentParser, decoder.decode(content));
  const spreadsheet = findPath(asNodes(doc), ["office:document-content", "office:body", "office:spreadsheet"]);
  if (spreadsheet === null) throw new Error("not an OpenDocument spreadsheet: content.xml holds no office:spreadsheet");
  return spreadsheet.filter((n) => tagOf(n) === "table:table").map(readTable);
}

function readTable(table: XmlNode): OdsSheet {
  const rows: OdsCell[][] = [];
  let pendingEmptyRows = 0; // empty rows seen since the last non-empty one; only written out if more data follows
  for (const row of tableRows(childrenOf(table))) {
    const repeat = repeatCount(row, "table:number-rows-repeated");
    const cells = readRow(row);
    if (cells.length === 0) {
      pendingEmptyRows += repeat;
      continue;
    }
    if (rows.length + pendingEmptyRows + repeat > MAX_ROWS) throw new Error(`sheet "${sheetName(table)}" has more than ${MAX_ROWS} rows`);
    for (; pendingEmptyRows > 0; pendingEmptyRows--) rows.push([]);
    for (let i = 0; i < repeat; i++) rows.push(i === 0 ? cells : cells.map((c) => ({ ...c })));
  }
  return { name: sheetName(table), rows };
}

function sheetName(table: XmlNode): string {
  return attrOf(table, "table:name") ?? "";
}

/** Rows may sit directly in the table or inside header-row/row-group wrappers. */
function* tableRows(nodes: XmlNode[]): Generator<XmlNode> {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === "table:table-row") yield n;
    else if (tag === "table:table-header-rows" || tag === "table:table-row-group" || tag === "table:table-rows") {
      yield* tableRows(childrenOf(n));
    }
  }
}

// One attribute (name="value" or name='value'), a cell's start tag, and a cell holding one plain paragraph.
const ATTRIBUTE = String.raw`\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*')`;
const CELL_START = new RegExp(String.raw`<table:(table-cell|covered-table-cell)((?:${ATTRIBUTE})*)\s*(/?)>`, "y");
const PLAIN_PARAGRAPH = new RegExp(String.raw`^<text:p(?:${ATTRIBUTE})*\s*>([^<]*)</text:p>$`);
const ATTRIBUTES = /([^\s=>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributesOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTES)) out[m[1]!] = m[2] ?? m[3] ?? "";
  return out;
}

/** The cells of a row, as fast-xml-parser would give them, from the row's raw content (see the top of this file). */
function rowCells(row: XmlNode): XmlNode[] {
  const children = childrenOf(row);
  const raw = children.length === 1 && typeof children[0]!["#text"] === "string" ? (children[0]!["#text"] as string) : null;
  if (raw === null) return children; // already parsed (an empty row)
  const whole = () => asNodes(parseXml(fragmentParser, raw));
  if (raw.includes("<table:table ") || raw.includes("<table:table>") || raw.includes("<!--") || raw.includes("<![CDATA[")) return whole();
  const cells: XmlNode[] = [];
  let at = raw.indexOf("<");
  while (at >= 0) {
    CELL_START.lastIndex = at;
    const start = CELL_START.exec(raw);
    if (!start) return whole(); // not a cell where one should be: leave it to the parser
    const tag = `table:${start[1]}`;
    const attributes = attributesOf(start[2]!);
    let next = CELL_START.lastIndex;
    let content: XmlNode[] = [];
    if (start[3] !== "/") {
      const close = raw.indexOf(`</${tag}>`, next);
      if (close < 0) return whole();
      const inner = raw.slice(next, close);
      const plain = PLAIN_PARAGRAPH.exec(inner);
      content = inner === "" ? [] : plain ? [{ "text:p": [{ "#text": plain[1]! }] }] : asNodes(parseXml(fragmentParser, inner));
      next = close + tag.length + 3;
    }
    cells.push({ [tag]: content, ":@": attributes });
    at = raw.indexOf("<", next);
  }
  return cells;
}

/** The row's cells with trailing empty cells removed (so an all-empty row gives []). */
function readRow(row: XmlNode): OdsCell[] {
  const cells: OdsCell[] = [];
  let pendingEmpty = 0;
  for (const n of rowCells(row)) {
    const tag = tagOf(n);
    if (tag !== "table:table-cell" && tag !== "table:covered-table-cell") continue;
    const repeat = repeatCount(n, "table:number-columns-repeated");
    const cell = readCell(n);
    if (cell.text === "" && cell.date === null && cell.formula === null) {
      pendingEmpty += repeat;
      continue;
    }
    if (cells.length + pendingEmpty + repeat > MAX_COLUMNS) throw new Error(`a row has more than ${MAX_COLUMNS} columns`);
    for (; pendingEmpty > 0; pendingEmpty--) cells.push({ text: "", date: null, formula: null });
    for (let i = 0; i < repeat; i++) cells.push({ ...cell });
  }
  return cells;
}

const NUMBER_TYPES = new Set(["float", "percentage", "currency"]);

function readCell(cell: XmlNode): OdsCell {
  const paragraphs = childrenOf(cell).filter((n) => {
    const tag = tagOf(n);
    return tag === "text:p" || tag === "text:h"; // office:annotation (comments) is deliberately skipped
  });
  let text = paragraphs.map((p) => inlineText(childrenOf(p))).join("\n");
  if (paragraphs.length === 0) {
    // Some writers omit text:p and only give the typed value.
    text = attrOf(cell, "office:string-value") ?? attrOf(cell, "office:value") ?? attrOf(cell, "office:date-value") ?? "";
  }
  const dateValue = attrOf(cell, "office:date-value");
  const date = dateValue !== undefined && /^\d{4}-\d{2}-\d{2}/.test(dateValue) ? dateValue.slice(0, 10) : null;
  const value = NUMBER_TYPES.has(attrOf(cell, "office:value-type") ?? "") ? attrOf(cell, "office:value") : undefined;
  return { text, date, formula: attrOf(cell, "table:formula") ?? null, ...(value !== undefined ? { value } : {}) };
}

/** Text of a paragraph's content: text:s = spaces (c= count), text:tab, text:line-break; spans/links recurse. */
function inlineText(nodes: XmlNode[]): string {
  let out = "";
  for (const n of nodes) {
    const t = n["#text"];
    if (typeof t === "string") {
      out += decodeXml(t);
      continue;
    }
    switch (tagOf(n)) {
      case "text:s":
        out += " ".repeat(Math.min(repeatCount(n, "text:c"), 10_000));
        break;
      case "text:tab":
        out += "\t";
        break;
      case "text:line-break":
        out += "\n";
        break;
      case "office:annotation":
      case "text:note": // footnote bodies are not part of the displayed cell text
        break;
      default: // text:span, text:a, text:meta, … — take their content
        out += inlineText(childrenOf(n));
    }
  }
  return out;
}

function repeatCount(n: XmlNode, attr: string): number {
  const v = attrOf(n, attr);
  if (v === undefined) return 1;
  const count = Number.parseInt(v, 10);
  return Number.isFinite(count) && count > 0 ? count : 1;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes XML's five named entities and numeric character references in one pass. */
function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

// ---- access to fast-xml-parser's preserveOrder output ----

function asNodes(v: unknown): XmlNode[] {
  return Array.isArray(v) ? v.filter((x): x is XmlNode => typeof x === "object" && x !== null) : [];
}

function tagOf(n: XmlNode): string | null {
  for (const k of Object.keys(n)) if (k !== ":@" && k !== "#text") return k;
  return null;
}

function childrenOf(n: XmlNode): XmlNode[] {
  const tag = tagOf(n);
  return tag === null ? [] : asNodes(n[tag]);
}

function attrOf(n: XmlNode, name: string): string | undefined {
  const attrs = n[":@"];
  if (typeof attrs !== "object" || attrs === null) return undefined;
  const v = (attrs as Record<string, unknown>)[name];
  return typeof v === "string" ? decodeXml(v) : undefined;
}

/** Children of the element reached by following `path` tag names from the top level, or null. */
function findPath(nodes: XmlNode[], path: string[]): XmlNode[] | null {
  let level = nodes;
  for (const tag of path) {
    const next = level.find((n) => tagOf(n) === tag);
    if (next === undefined) return null;
    level = childrenOf(next);
  }
  return level;
}
