// DfE Explore Education Statistics "tidy" CSVs in the long layout (children looked after, care
// leavers, outcomes; FORMATS.md §8–§9): one row per period × place × filter values. A file is a long
// series when it has that series' filter and value columns (lib/catalogue/series.ts); each indicator
// reads the rows its `selection` names (../parse-long-csv.ts). Every filter value is read or named in
// the summary; values written as the wide files' are (revisions win and are recorded, an older edition
// cannot undo a newer one).
import type { FileOutcome } from "../summary";
import { longSeriesCandidates, parseLongCsv, type LongFile } from "../parse-long-csv";
import type { IncomingValue } from "../plan-values";
import { createRelease, periodSpan } from "../write/release";
import { jointReturnId, upsertJointReturns, writeReleaseValues } from "../write/values";
import { seriesFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";

type Parsed = ParsedFile<LongFile>;

export const longCsvFormat: ImportFormat<LongFile> = {
  kind: "long",
  extensions: [".csv"],
  describes: "a DfE tidy CSV in the long layout (the filter and value columns of a long series)",

  detect(file: SniffedFile) {
    return file.header && longSeriesCandidates(file.header).length > 0 ? { verdict: "mine" } : { verdict: "not mine" };
  },

  parse(file: SniffedFile): Parsed {
    const parsed = parseLongCsv(file.fileName, file.text!);
    return seriesFile(file, "long", parsed, `${parsed.rows} rows (${parsed.rowsUsed} read), ${parsed.values.length} figures`);
  },

  geography(file: Parsed) {
    return { fileName: file.fileName, editionRank: file.editionRank, rows: file.content.places };
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    const out: FileOutcome[] = [];
    for (const f of [...files].sort((a, b) => a.editionRank - b.editionRank)) out.push(await writeLong(tx, f, ctx.log));
    return out;
  },
};

async function writeLong(tx: Tx, f: Parsed, log: (line: string) => void): Promise<FileOutcome> {
  const parsed = f.content;
  const release = await createRelease(tx, f, {
    series: parsed.series,
    editionRank: f.editionRank,
    edition: periodSpan(parsed.periods),
    rowCount: parsed.rows,
    valueCount: parsed.values.length,
    markers: parsed.markers,
  });
  await upsertJointReturns(
    tx,
    parsed.series,
    parsed.values.map((v) => v.place),
  );

  const incoming: IncomingValue[] = [];
  for (const { indicatorId, place, cell } of parsed.values) {
    const joint = jointReturnId(parsed.series, place.laNumbers);
    const geoCodes = place.level === "NATIONAL" ? ["E92000001"] : place.level === "REGIONAL" ? [place.regionCode!] : place.laNumbers;
    for (const geoCode of geoCodes) {
      incoming.push({
        indicatorId,
        geoLevel: place.level,
        geoCode,
        period: place.period,
        value: cell.value,
        marker: cell.marker,
        raw: cell.raw,
        jointReturnId: joint,
      });
    }
  }
  const indicatorIds = [...new Set(parsed.values.map((v) => v.indicatorId))];
  const plan = await writeReleaseValues(tx, incoming, indicatorIds, { id: release.id, editionRank: f.editionRank });

  const filters = {
    notUsed: parsed.filterValues
      .filter((v) => v.known && v.readBy.length === 0)
      .map(({ column, value, rows }) => ({ column, value, rows })),
    new: parsed.filterValues.filter((v) => !v.known).map(({ column, value, rows }) => ({ column, value, rows })),
    missing: parsed.missingValues,
    cellsNotRead: parsed.cellsNotRead,
    rows: parsed.rows,
    rowsUsed: parsed.rowsUsed,
    nonexistent: parsed.nonexistent,
  };
  const c = plan.counts;
  log(
    `  imported ${f.fileName}: ${incoming.length} values (${c.inserted} new, ${c.revised} revised, ${c.reaffirmed} reaffirmed, ${c.unchanged} unchanged, ${c.keptNewer} kept from a newer release); ${parsed.rowsUsed} of ${parsed.rows} rows read`,
  );
  for (const r of plan.recorded.slice(0, 20)) log(`    revised ${r.indicatorId} ${r.geoCode} ${r.period}: ${r.from} → ${r.to}`);
  for (const v of filters.new)
    log(`    new filter value (not in the catalogue, not imported): ${v.column} = "${v.value}" (${v.rows} rows)`);
  for (const v of filters.missing)
    log(
      `    expected filter value not in this file: ${v.column} = "${v.value}"${v.readBy.length ? ` (read by ${v.readBy.join(", ")})` : ""}`,
    );
  if (filters.notUsed.length) log(`    filter values not used: ${filters.notUsed.map((v) => `${v.column} = "${v.value}"`).join(", ")}`);
  if (parsed.unusedColumns.length) log(`    columns not used: ${parsed.unusedColumns.join(", ")}`);
  if (parsed.nonexistent.rows) log(`    ${parsed.nonexistent.rows} rows for LAs in years they did not exist (all z or x): not stored`);
  return {
    fileName: f.fileName,
    kind: "long",
    series: parsed.series,
    status: "imported",
    rows: parsed.rows,
    values: incoming.length,
    markers: parsed.markers,
    counts: c,
    unmappedColumns: parsed.unusedColumns,
    filters,
    revisions: plan.recorded,
  };
}
