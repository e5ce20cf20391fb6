// Is a workbook one of Ofsted's "LA inspection outcomes" workbooks (one row per local authority,
// ILACS judgements)? Ofsted publishes other workbooks with overlapping column names — the
// provider-level "Children's social care in England" workbook has one row per children's home or
// other setting (URN, provider type, Government Office Region, …). Such a file is reported by name as
// not recognised, with what it looks like and why, instead of failing the whole import on its columns.
// Pure: sheets in, a verdict out.
import type { OdsSheet } from "./ods";

export type OdsVerdict = { recognised: true } | { recognised: false; reason: string };

/** How many rows from the top of a sheet are searched for a header row. */
const HEADER_SEARCH_ROWS = 30;

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Columns that identify one provider or setting, never a local authority as a whole. */
const PROVIDER_COLUMN = /^(urn|unique reference number)$|\bprovider\b|\bsetting (name|type)\b|\bregistration status\b|\bplaces\b/;
/** A local authority key column. */
const LA_COLUMN = /\blocal authority\b|^la( name| code)?$|\bla code\b/;
/** An ILACS judgement column (or its date). */
const ILACS_COLUMN = /\boverall effectiveness\b|\bimpact of leaders\b|\bhelp and protection\b|\binspection date\b|\bilacs\b/;

function headerCandidates(sheet: OdsSheet): { row: number; cells: string[] }[] {
  const out: { row: number; cells: string[] }[] = [];
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((r, i) => {
    const cells = r.map((c) => c.text.trim()).filter((t) => t !== "");
    if (cells.length >= 3) out.push({ row: i + 1, cells });
  });
  return out;
}

const list = (cells: string[], max = 8) =>
  cells
    .slice(0, max)
    .map((c) => `"${c.replace(/\s+/g, " ").slice(0, 60)}"`)
    .join(", ") + (cells.length > max ? ", …" : "");

export function recogniseOds(sheets: readonly OdsSheet[]): OdsVerdict {
  const sheetNames = sheets.map((s) => `"${s.name}"`).join(", ");
  let providerHeader: { sheet: string; row: number; cells: string[]; providerCols: string[] } | null = null;
  let laHeaders = 0;
  for (const sheet of sheets) {
    for (const h of headerCandidates(sheet)) {
      const lower = h.cells.map(norm);
      const providerCols = h.cells.filter((_, i) => PROVIDER_COLUMN.test(lower[i]!));
      const hasLa = lower.some((c) => LA_COLUMN.test(c));
      const hasIlacs = lower.some((c) => ILACS_COLUMN.test(c));
      if (providerCols.length > 0 && !providerHeader) providerHeader = { sheet: sheet.name, row: h.row, cells: h.cells, providerCols };
      if (providerCols.length === 0 && hasLa && hasIlacs) laHeaders++;
    }
  }
  if (providerHeader) {
    return {
      recognised: false,
      reason:
        `an .ods workbook of another layout: sheet "${providerHeader.sheet}" row ${providerHeader.row} has the columns ${list(providerHeader.cells, 16)} — ` +
        `one row per provider or setting (${list(providerHeader.providerCols, 3)}), like Ofsted's provider-level "Children's social care in England" data, ` +
        `not one row per local authority as in Ofsted's LA inspection outcomes workbooks, which is the only .ods layout this importer reads (sheets: ${sheetNames})`,
    };
  }
  if (laHeaders === 0) {
    return {
      recognised: false,
      reason: `an .ods workbook with no sheet whose header has a local authority column beside ILACS judgement columns (such as "Overall effectiveness" or "Inspection date"), so it is not one of Ofsted's LA inspection outcomes workbooks (sheets: ${sheetNames})`,
    };
  }
  return { recognised: true };
}
