// DfE Explore Education Statistics "tidy" CSVs in the wide layout (csww, b1, c1, d3, ons, …): one
// row per period × geography, one column per measure. Recognised by their key columns; the series
// is the one whose measure columns the header carries (../columns.ts).
import { indicatorById, indicatorsBy, sourceColumns, type IndicatorId } from "@/lib/catalogue";
import { emptyMarkers, type DroppedMeasure, type FileOutcome } from "../summary";
import { isKnownMeasureColumn, KEY_COLUMNS, nearestKnownName, normalizeColumn } from "../columns";
import { parseTidyCsv, type TidyFile, type TidyRow } from "../parse-tidy-csv";
import { valueKey, type IncomingValue } from "../plan-values";
import { ImportError } from "../types";
import { createRelease, markerTotal, periodSpan } from "../write/release";
import { jointReturnId, upsertJointReturns, writeReleaseValues, type SameRunReleases } from "../write/values";
import { seriesFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";

type Parsed = ParsedFile<TidyFile>;

function hasTidyKeys(header: readonly string[]): boolean {
  const normalized = header.map(normalizeColumn);
  return (
    normalized.some((n) => (KEY_COLUMNS.time_period as readonly string[]).includes(n)) &&
    normalized.some((n) => (KEY_COLUMNS.geographic_level as readonly string[]).includes(n))
  );
}

export const tidyCsvFormat: ImportFormat<TidyFile> = {
  kind: "tidy",
  extensions: [".csv"],
  describes: "a DfE tidy CSV (time_period and geographic_level columns)",

  detect(file: SniffedFile) {
    if (!file.header) return { verdict: "not mine" };
    if (hasTidyKeys(file.header)) return { verdict: "mine" };
    if (file.header.map(normalizeColumn).some(isKnownMeasureColumn)) {
      // Measure columns of a known series but a key column missing or misspelt: fail, naming it
      // (parseTidyCsv's column mapping says which key is missing and the nearest column to it).
      parseTidyCsv(file.fileName, file.text!);
    }
    return { verdict: "not mine" };
  },

  parse(file: SniffedFile): Parsed {
    const parsed = parseTidyCsv(file.fileName, file.text!);
    return seriesFile(file, "tidy", parsed, `${parsed.rows.length} rows, ${parsed.mapping.measures.length} measures`);
  },

  geography(file: Parsed) {
    return { fileName: file.fileName, editionRank: file.editionRank, rows: file.content.rows };
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    const out: FileOutcome[] = [];
    const sorted = [...files].sort((a, b) => a.editionRank - b.editionRank);
    const pending: SameRunReleases["pending"] = new Map();
    for (const [i, f] of sorted.entries()) {
      const later = sorted.slice(i + 1).filter((g) => g.series === f.series);
      const supersededLater = new Set(later.flatMap((g) => valuesOf(g).map(valueKey)));
      out.push(await writeTidy(tx, f, ctx.log, { supersededLater, pending }));
    }
    return out;
  },
};

/** The file's values, one per published cell and LA (a joint return's figure once per member). */
function valuesOf(f: Parsed): IncomingValue[] {
  const incoming: IncomingValue[] = [];
  for (const row of f.content.rows) {
    const joint = jointReturnId(f.series, row.laNumbers);
    for (const geoCode of geoCodeOf(row)) {
      for (const [indicatorId, cell] of row.cells) {
        incoming.push({
          indicatorId,
          geoLevel: row.level,
          geoCode,
          period: row.period,
          value: cell.value,
          marker: cell.marker,
          raw: cell.raw,
          jointReturnId: joint,
        });
      }
    }
  }
  return incoming;
}

function geoCodeOf(row: TidyRow): string[] {
  if (row.level === "NATIONAL") return ["E92000001"];
  if (row.level === "REGIONAL") return [row.regionCode!];
  return row.laNumbers;
}

async function writeTidy(tx: Tx, f: Parsed, log: (line: string) => void, sameRun: SameRunReleases): Promise<FileOutcome> {
  const parsed = f.content;
  const droppedMeasures = await checkMeasuresAgainstEarlierReleases(tx, f);
  const release = await createRelease(tx, f, {
    series: parsed.series,
    editionRank: f.editionRank,
    edition: periodSpan(parsed.periods),
    rowCount: parsed.rows.length,
  });

  await upsertJointReturns(tx, parsed.series, parsed.rows);

  const incoming = valuesOf(f);
  const markers = emptyMarkers();
  // markers counted once per published cell, not per joint member
  for (const row of parsed.rows) for (const cell of row.cells.values()) if (cell.marker) markers[cell.marker]++;

  const indicatorIds = parsed.mapping.measures.map((m) => m.indicator.id);
  const plan = await writeReleaseValues(tx, incoming, indicatorIds, { id: release.id, editionRank: f.editionRank }, sameRun);

  await tx.dataRelease.update({ where: { id: release.id }, data: { valueCount: incoming.length, markerCount: markerTotal(markers) } });
  const c = plan.counts;
  log(
    `  imported ${f.fileName}: ${incoming.length} values (${c.inserted} new, ${c.revised} revised, ${c.reaffirmed} reaffirmed, ${c.unchanged} unchanged, ${c.keptNewer} kept from a newer release)`,
  );
  for (const r of plan.recorded.slice(0, 20)) log(`    revised ${r.indicatorId} ${r.geoCode} ${r.period}: ${r.from} → ${r.to}`);
  if (parsed.mapping.unmapped.length) log(`    columns not used: ${parsed.mapping.unmapped.join(", ")}`);
  for (const d of droppedMeasures) {
    log(
      `    no longer published: ${d.column} (${d.indicatorId}; latest stored ${d.lastPeriod ?? "none"})${d.calculated ? " — calculated by this service from published counts where no published figure exists" : ""}`,
    );
  }
  return {
    fileName: f.fileName,
    kind: "tidy",
    series: parsed.series,
    status: "imported",
    rows: parsed.rows.length,
    values: incoming.length,
    markers,
    counts: c,
    unmappedColumns: parsed.mapping.unmapped,
    droppedMeasures,
    revisions: plan.recorded,
  };
}

/**
 * Measures earlier releases of this series carried (values stored, not calculated) that this file
 * lacks. When the file also has a column nobody maps, that column is most likely the missing measure
 * under a misspelt or new name: fail, naming both and the nearest known name, rather than import a
 * release without it. Otherwise the release stopped publishing them: returned, for the summary.
 */
async function checkMeasuresAgainstEarlierReleases(tx: Tx, f: Parsed): Promise<DroppedMeasure[]> {
  const parsed = f.content;
  const seriesIds: string[] = indicatorsBy({ series: parsed.series }).map((d) => d.id);
  const mapped = new Set(parsed.mapping.measures.map((m) => m.indicator.id));
  const earlier = await tx.$queryRawUnsafe<{ indicatorId: string; lastPeriod: number }[]>(
    `select "indicatorId", max(period) as "lastPeriod" from indicator_value
      where "indicatorId" = any($1::text[]) and not calculated group by "indicatorId"`,
    seriesIds,
  );
  const missing = earlier
    .filter((e) => !mapped.has(e.indicatorId))
    .sort((a, b) => seriesIds.indexOf(a.indicatorId) - seriesIds.indexOf(b.indicatorId));
  const defOf = (id: string) => indicatorById(id as IndicatorId);
  const unmapped = parsed.mapping.unmapped;
  if (missing.length > 0 && unmapped.length > 0) {
    const knownNames = indicatorsBy({ series: parsed.series }).flatMap((d) => sourceColumns(d));
    const hints = unmapped.map((col) => {
      const near = nearestKnownName(col, knownNames);
      return `"${col}" (nearest known name: "${near?.name}")`;
    });
    const missingText = missing
      .map((m) => `"${sourceColumns(defOf(m.indicatorId))[0]}" (${m.indicatorId}, published up to ${m.lastPeriod})`)
      .join(", ");
    throw new ImportError(
      `this ${parsed.series} file lacks ${missing.length === 1 ? "a measure" : "measures"} earlier releases had — ${missingText} — and has ${unmapped.length === 1 ? "a column" : "columns"} no measure maps: ${hints.join(", ")}. ` +
        `If a column was renamed, add its new name to the measure's columns in lib/catalogue/indicators.ts; nothing was imported`,
      f.fileName,
      1,
      unmapped[0],
    );
  }
  return missing.map((m) => ({
    indicatorId: m.indicatorId,
    column: sourceColumns(defOf(m.indicatorId))[0]!,
    lastPeriod: m.lastPeriod,
    calculated: defOf(m.indicatorId).perTenThousand !== undefined,
  }));
}
