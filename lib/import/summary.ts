// What an import did, file by file, and the text the import command prints. Nothing is dropped
// quietly: unmapped columns, measures a release stopped publishing and calculated figures are all named.
import type { DataSeries, Marker } from "@/lib/generated/prisma/enums";

export type FileKind = "tidy" | "long" | "stat-neighbours" | "outturn" | "fingertips" | "ofsted" | "unrecognised";

export type FileOutcome = {
  fileName: string;
  kind: FileKind;
  series?: DataSeries;
  status: "imported" | "unchanged" | "not recognised";
  reason?: string;
  rows: number;
  values: number;
  markers: Partial<Record<Marker, number>>;
  counts?: Record<string, number>;
  /** columns of the file that map to no measure: named in the summary, never dropped silently */
  unmappedColumns?: string[];
  /** measures earlier releases of this series had that this file no longer publishes */
  droppedMeasures?: DroppedMeasure[];
  /** a long-layout file: every filter value, read or not, new or missing, and rows not stored */
  filters?: FilterAccount;
  /** published figures this file changed (also recorded in indicator_value_revision) */
  revisions?: Revision[];
  /** rows read but not imported, and how published notes were read (outturn, Fingertips, neighbour groupings) */
  notes?: string[];
};

export type Revision = { indicatorId: string; geoCode: string; period: number; from: string; to: string };

export type FilterAccount = {
  /** filter values no indicator reads: not imported, named here */
  notUsed: { column: string; value: string; rows: number }[];
  /** filter values the catalogue has not seen before for this series (not imported) */
  new: { column: string; value: string; rows: number }[];
  /** filter values the catalogue expected that the file does not have, and the indicators that read them */
  missing: { column: string; value: string; readBy: string[] }[];
  /** figures of a selected column in combinations of read values that no indicator reads (e.g. a count beside a read percentage) */
  cellsNotRead?: { column: string; filters: Record<string, string>; rows: number }[];
  /** data rows in the file, and how many of them some indicator reads */
  rows: number;
  rowsUsed: number;
  /** LA rows in years the LA did not exist, every figure z or x: not stored */
  nonexistent: { rows: number; las: { laNumber: string; periods: number[] }[] };
};

export type DroppedMeasure = { indicatorId: string; column: string; lastPeriod: number | null; calculated: boolean };

/** Rates per 10,000 children calculated by this service from published counts (definitions' `perTenThousand`). */
export type CalculatedOutcome = {
  indicatorId: string;
  /** calculated figures written (new or changed) */
  written: number;
  /** published rates replaced because a newer release withdrew the count they were calculated from */
  replacedWithdrawn: number;
  /** periods with a count but no population estimate for the paired year: not calculated */
  noPopulation: number[];
};

export type ImportSummary = {
  folder: string;
  files: FileOutcome[];
  totals: {
    files: number;
    imported: number;
    unchanged: number;
    unrecognised: number;
    rows: number;
    values: number;
    markers: Record<Marker, number>;
  };
  calculated: CalculatedOutcome[];
  definitionsVersion: string;
  millis: number;
};

export const emptyMarkers = (): Record<Marker, number> => ({ c: 0, low: 0, u: 0, x: 0, z: 0, k: 0 });

export function totalsOf(outcomes: readonly FileOutcome[]): ImportSummary["totals"] {
  const totals = { files: outcomes.length, imported: 0, unchanged: 0, unrecognised: 0, rows: 0, values: 0, markers: emptyMarkers() };
  for (const o of outcomes) {
    if (o.status === "imported") totals.imported++;
    if (o.status === "unchanged") totals.unchanged++;
    if (o.status === "not recognised") totals.unrecognised++;
    totals.rows += o.rows;
    totals.values += o.values;
    for (const [m, n] of Object.entries(o.markers) as [Marker, number][]) totals.markers[m] += n;
  }
  return totals;
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Import summary for ${s.folder}`,
    `  files: ${s.totals.files} (${s.totals.imported} imported, ${s.totals.unchanged} unchanged, ${s.totals.unrecognised} not recognised)`,
    `  rows read: ${s.totals.rows}; values written or checked: ${s.totals.values}`,
    `  markers: ${(Object.entries(s.totals.markers) as [Marker, number][]).map(([m, n]) => `${m}=${n}`).join(", ")}`,
  ];
  lines.push(`  indicator definitions: version ${s.definitionsVersion} (a file imported under other definitions is read again)`);
  for (const f of s.files) {
    if (f.status === "not recognised") lines.push(`  not recognised: ${f.fileName} — ${f.reason}`);
    if (f.unmappedColumns?.length)
      lines.push(`  ${f.fileName}: columns not mapped to any measure (not imported): ${f.unmappedColumns.join(", ")}`);
    for (const note of f.notes ?? []) lines.push(`  ${f.fileName}: ${note}`);
    if (f.filters) lines.push(...filterLines(f.fileName, f.filters));
    if (f.revisions?.length) {
      const shown = f.revisions.slice(0, REVISIONS_SHOWN).map((r) => `${r.indicatorId} ${r.geoCode} ${r.period}: ${r.from} → ${r.to}`);
      const more = f.revisions.length - shown.length;
      lines.push(
        `  ${f.fileName}: revised ${f.revisions.length} published figure${f.revisions.length === 1 ? "" : "s"} (recorded): ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
      );
    }
    for (const d of f.droppedMeasures ?? []) {
      lines.push(
        `  ${f.fileName}: no longer publishes ${d.column} (${d.indicatorId}); figures up to ${d.lastPeriod} are kept from earlier releases` +
          (d.calculated ? "; later years are calculated by this service from published counts" : "; later years have no figure"),
      );
    }
  }
  for (const c of s.calculated) {
    if (c.written === 0 && c.noPopulation.length === 0) continue;
    lines.push(
      `  calculated by this service from published counts: ${c.indicatorId}, ${c.written} figures` +
        (c.replacedWithdrawn ? ` (${c.replacedWithdrawn} replace a published rate whose count a newer release withdrew)` : "") +
        (c.noPopulation.length ? `; not calculated for ${c.noPopulation.join(", ")}: no ONS population estimate for the year before` : ""),
    );
  }
  lines.push(`  time: ${(s.millis / 1000).toFixed(1)} s`);
  return lines.join("\n");
}

const REVISIONS_SHOWN = 10;

const quoted = (column: string, value: string) => `${column} = "${value}"`;

function filterLines(fileName: string, a: FilterAccount): string[] {
  const lines: string[] = [];
  if (a.new.length)
    lines.push(
      `  ${fileName}: filter values not in the catalogue (new in this release; not imported): ${a.new.map((v) => `${quoted(v.column, v.value)} (${v.rows} rows)`).join(", ")}`,
    );
  if (a.missing.length)
    lines.push(
      `  ${fileName}: filter values the catalogue expects that this file does not have: ${a.missing
        .map((v) => `${quoted(v.column, v.value)}${v.readBy.length ? ` (read by ${v.readBy.join(", ")}: no figures from this file)` : ""}`)
        .join(", ")}`,
    );
  if (a.notUsed.length)
    lines.push(
      `  ${fileName}: filter values no indicator reads (not imported): ${a.notUsed.map((v) => `${quoted(v.column, v.value)} (${v.rows} rows)`).join(", ")}`,
    );
  if (a.cellsNotRead?.length)
    lines.push(
      `  ${fileName}: figures no indicator reads for these filter values (not imported): ${a.cellsNotRead
        .map(
          (v) =>
            `${v.column} where ${Object.entries(v.filters)
              .map(([column, value]) => quoted(column, value))
              .join(" and ")} (${v.rows} rows)`,
        )
        .join(", ")}`,
    );
  if (a.nonexistent.rows)
    lines.push(
      `  ${fileName}: ${a.nonexistent.rows} rows for local authorities in years they did not exist, every figure z or x, not stored: ${a.nonexistent.las
        .map((l) => `${l.laNumber} (${l.periods.join(", ")})`)
        .join(", ")}`,
    );
  lines.push(`  ${fileName}: ${a.rowsUsed} of ${a.rows} rows read by some indicator`);
  return lines;
}
