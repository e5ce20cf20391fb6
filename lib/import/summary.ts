// What an import did, file by file, and the text the import command prints. Nothing is dropped
// quietly: unmapped columns, measures a release stopped publishing and calculated figures are all named.
import type { DataSeries, Marker } from "@/lib/generated/prisma/enums";

export type FileKind = "tidy" | "stat-neighbours" | "ofsted" | "unrecognised";

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
