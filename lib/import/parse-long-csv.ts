// Parser for DfE Explore Education Statistics "tidy" CSVs in the long layout (FORMATS.md §8–§9): one
// row per period × place × combination of filter values (`population_type`, `cla_group` ×
// `placement_stability`, `care_leaver_age` × `breakdown`, …), a few value columns. The catalogue says
// which rows each indicator reads (`selection`) and which filter values each series has been published
// with. Pure: text in, the selected figures and an account of every filter value out, or an
// ImportError naming the file, line and column.
//
// Every filter value in the file is either read by some indicator or listed as not used; a value the
// catalogue does not know is reported by name, and so is one it expected and did not find. When an
// indicator's value is missing AND the same column has a value nobody knows, the value was most likely
// renamed: the parse fails naming both, rather than load the release without that indicator.
// LAs listed in years they did not exist (every figure `z` or `x`, FORMATS.md §8.0) are not stored,
// and counted.
import {
  indicatorsBy,
  periodWindow,
  selectedValues,
  SERIES,
  type CatalogueIndicator,
  type SeriesDef,
  type SeriesId,
} from "@/lib/catalogue";
import type { Marker } from "@/lib/generated/prisma/enums";
import { existenceDates } from "@/lib/catalogue/boundary-changes";
import { parseCell, shown } from "@/lib/core/markers";
import { ColumnMappingError, editDistance, isDescriptiveColumn, mapKeyColumns, normalizeColumn, type KeyColumn } from "./columns";
import { placeReader, readCsvRecords, type Place } from "./parse-tidy-csv";
import { ImportError } from "./types";
import type { Cell } from "@/lib/core/markers";

type LongLayout = Extract<SeriesDef["layout"], { kind: "long" }>;
type LongSeries = SeriesDef & { id: SeriesId; layout: LongLayout };

/** One figure an indicator reads: its place, period and the published cell. */
export type LongValue = { indicatorId: string; place: Place; cell: Cell };

/** One value of a filter column as found in the file. */
export type FilterValueUse = {
  column: string;
  value: string;
  rows: number;
  /** read by these indicators (none: "not used", listed in the summary) */
  readBy: string[];
  /** declared in the series' catalogue entry (false: a value never seen before) */
  known: boolean;
};

export type LongFile = {
  fileName: string;
  series: SeriesId;
  rows: number;
  /** rows some indicator reads */
  rowsUsed: number;
  periods: number[];
  values: LongValue[];
  /** one row per period and place the file names (from rows that are stored), for the geography step */
  places: (Place & { line: number })[];
  filterValues: FilterValueUse[];
  /** values the catalogue declares for this series that the file does not have, and who reads them */
  missingValues: { column: string; value: string; readBy: string[] }[];
  /** indicators of the series that found no row at all (their filter value is missing) */
  indicatorsWithoutRows: string[];
  /** columns the file has that no indicator reads: value columns nobody selects, and unknown columns */
  unusedColumns: string[];
  /**
   * Figures of a column some indicator selects, in rows whose filter values are each read by some
   * indicator, that no indicator reads in that combination (a count beside a percentage that is read;
   * a combination of read values no selection names): counted by column and combination, for the summary.
   */
  cellsNotRead: { column: string; filters: Record<string, string>; rows: number }[];
  /** LA rows in years the LA did not exist whose every figure is z or x: not stored */
  nonexistent: { rows: number; las: { laNumber: string; periods: number[] }[] };
  markers: Partial<Record<Marker, number>>;
};

const LONG_SERIES = (SERIES as readonly SeriesDef[]).filter((s): s is LongSeries => s.layout.kind === "long");

/** Long series whose filter and value columns the header has (after normalising names). */
export function longSeriesCandidates(header: readonly string[]): LongSeries[] {
  const names = new Set(header.map(normalizeColumn));
  return LONG_SERIES.filter((s) =>
    [...Object.keys(s.layout.filters), ...s.layout.valueColumns].every((c) => names.has(normalizeColumn(c))),
  );
}

const clean = (v: string) => {
  const t = v.trim();
  return /\s\s|[\t\n\r]/.test(t) ? t.replace(/\s+/g, " ") : t;
};
/** A filter value in a message: quoted, whole up to 120 characters (published values run to about 90). */
const quote = (v: string) => JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}…` : v);

/** Whether the LA existed at any time in the period (e.g. 1 April 2023 to 31 March 2024). */
function existedDuring(laNumber: string, [from, to]: readonly [string, string]): boolean {
  const { existsFrom, existsTo } = existenceDates(laNumber);
  if (existsFrom && existsFrom > to) return false;
  if (existsTo && existsTo < from) return false;
  return true;
}

/** Chooses the series when several long series share the header (care leavers' activity and accommodation). */
function chooseSeries(fileName: string, candidates: LongSeries[], records: string[][], header: readonly string[]): LongSeries {
  if (candidates.length === 1) return candidates[0]!;
  const normalized = header.map(normalizeColumn);
  const scored = candidates.map((s) => {
    let known = 0;
    for (const [column, declared] of Object.entries(s.layout.filters)) {
      const i = normalized.indexOf(normalizeColumn(column));
      const seen = new Set(records.slice(1).map((r) => clean(r[i] ?? "")));
      for (const v of seen) if (declared.includes(v)) known++;
    }
    return { s, known };
  });
  scored.sort((a, b) => b.known - a.known);
  if (scored[0]!.known === 0 || scored[0]!.known === scored[1]!.known) {
    throw new ImportError(
      `the columns fit the series ${candidates.map((c) => c.id).join(" and ")}, and its filter values do not say which this is`,
      fileName,
      1,
    );
  }
  return scored[0]!.s;
}

export function parseLongCsv(fileName: string, text: string): LongFile {
  const records = readCsvRecords(fileName, text);
  const header = records[0];
  if (!header) throw new ImportError("the file is empty", fileName, 1);
  const candidates = longSeriesCandidates(header);
  if (candidates.length === 0) throw new ImportError("the columns are not those of any long-layout series in the catalogue", fileName, 1);
  const series = chooseSeries(fileName, candidates, records, header);
  const layout = series.layout;

  let keys: Partial<Record<KeyColumn, number>>;
  let keyIndexes: Set<number>;
  try {
    ({ keys, used: keyIndexes } = mapKeyColumns(header));
  } catch (error) {
    if (error instanceof ColumnMappingError) throw new ImportError(error.message, fileName, 1, error.column);
    throw error;
  }
  const normalized = header.map(normalizeColumn);
  const indexOf = (column: string) => normalized.indexOf(normalizeColumn(column));
  const filterColumns = Object.keys(layout.filters);
  const filterIndexes = filterColumns.map(indexOf);
  const valueIndexes = layout.valueColumns.map(indexOf);

  // Which indicator reads which combination of filter values, and from which value column.
  const indicators = indicatorsBy({ series: series.id }) as CatalogueIndicator[];
  const combo = (values: readonly string[]) => values.join("\u0000");
  const readers = new Map<string, { indicatorId: string; valueIndex: number; column: string }[]>();
  for (const d of indicators) {
    const sel = d.selection!;
    // every combination of the names each filter value has been published under
    let combos: string[][] = [[]];
    for (const column of filterColumns) combos = combos.flatMap((c) => selectedValues(sel, column).map((v) => [...c, v]));
    for (const c of combos) {
      const key = combo(c);
      readers.set(key, [...(readers.get(key) ?? []), { indicatorId: d.id, valueIndex: indexOf(sel.column), column: sel.column }]);
    }
  }
  const selectedIndexes = [...new Set(indicators.map((d) => indexOf(d.selection!.column)))].filter((i) => i >= 0);
  const readValues = filterColumns.map((column) => new Set(indicators.flatMap((d) => selectedValues(d.selection!, column))));
  const cellsNotRead = new Map<string, number>(); // "valueIndex\u0001combination" → rows
  const readersOfValue = (column: string, value: string) =>
    indicators.filter((d) => selectedValues(d.selection!, column).includes(value)).map((d) => d.id);

  const readPlace = placeReader(fileName, header, keys);
  const values: LongValue[] = [];
  const places = new Map<string, Place & { line: number }>();
  const seen = new Set<string>();
  const periods = new Set<number>();
  const counts = filterColumns.map(() => new Map<string, number>());
  const foundIndicators = new Set<string>();
  const nonexistent = new Map<string, Set<number>>();
  let nonexistentRows = 0;
  let rowsUsed = 0;
  const markers: Partial<Record<Marker, number>> = {};

  // Rows no indicator reads are counted by filter value and checked for their period and for
  // duplicates; only the rows read are checked in full (place names and codes) and stored.
  const k = keys;
  const checkedPeriods = new Set<string>();
  const rawKey = (rec: readonly string[]) =>
    [k.time_period, k.geographic_level, k.region_code, k.old_la_code]
      .map((i) => (i === undefined ? "" : (rec[i] ?? "").trim().toLowerCase()))
      .join("|");
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = r + 1;
    const filterValues = filterIndexes.map((i) => clean(rec[i] ?? ""));
    filterValues.forEach((v, i) => {
      if (v === "")
        throw new ImportError(
          `blank ${filterColumns[i]} (a filter column names the breakdown of every row)`,
          fileName,
          line,
          header[filterIndexes[i]!],
        );
      counts[i]!.set(v, (counts[i]!.get(v) ?? 0) + 1);
    });
    const key = `${rawKey(rec)}|${combo(filterValues)}`;
    if (seen.has(key)) {
      throw new ImportError(
        `a second row for the same place, year and ${filterColumns.join(" and ")} (${filterValues.map(quote).join(", ")})`,
        fileName,
        line,
      );
    }
    seen.add(key);
    const read = readers.get(combo(filterValues));
    // (values no indicator reads, or new ones, are named by value below; these are figures beside them)
    if (filterValues.every((v, i) => readValues[i]!.has(v))) {
      for (const vi of selectedIndexes) {
        if (read?.some((x) => x.valueIndex === vi)) continue;
        const notRead = `${vi}\u0001${combo(filterValues)}`;
        cellsNotRead.set(notRead, (cellsNotRead.get(notRead) ?? 0) + 1);
      }
    }
    if (!read) {
      // (a file has a handful of distinct period texts: each is checked once)
      const text = k.time_period === undefined ? "" : (rec[k.time_period] ?? "");
      if (!checkedPeriods.has(text)) {
        periods.add(readPlace.period(rec, line));
        checkedPeriods.add(text);
      }
      continue;
    }
    const place = readPlace(rec, line);
    periods.add(place.period);
    const geoKey = place.level === "NATIONAL" ? "E" : place.level === "REGIONAL" ? place.regionCode! : place.laNumbers.join("/");

    // An LA listed in a year it did not exist, every figure z or x: not a figure, not stored.
    if (place.level === "LOCAL_AUTHORITY") {
      const window = periodWindow(series.id, place.period);
      const absent = place.laNumbers.filter((n) => !existedDuring(n, window));
      if (absent.length > 0 && valueIndexes.every((i) => ["z", "x"].includes((rec[i] ?? "").trim().toLowerCase()))) {
        nonexistentRows++;
        for (const n of absent) nonexistent.set(n, (nonexistent.get(n) ?? new Set()).add(place.period));
        continue;
      }
    }

    rowsUsed++;
    const placeKey = `${place.period}|${place.level}|${geoKey}`;
    if (!places.has(placeKey)) places.set(placeKey, { ...place, line });
    for (const { indicatorId, valueIndex, column } of read) {
      const cell = parseCell(rec[valueIndex] ?? "");
      if ("error" in cell) throw new ImportError(cell.error, fileName, line, header[valueIndex] ?? column);
      if (cell.value !== null && cell.value < 0) {
        throw new ImportError(
          `negative value ${shown(cell.raw)}: a published count, rate, percentage or score of this kind cannot be below zero`,
          fileName,
          line,
          header[valueIndex] ?? column,
        );
      }
      if (cell.marker) markers[cell.marker] = (markers[cell.marker] ?? 0) + 1;
      foundIndicators.add(indicatorId);
      values.push({ indicatorId, place, cell });
    }
  }
  if (records.length < 2) throw new ImportError("the file has a header but no data rows", fileName, 2);

  const filterValueUses: FilterValueUse[] = filterColumns.flatMap((column, i) =>
    [...counts[i]!].map(([value, rows]) => ({
      column,
      value,
      rows,
      readBy: readersOfValue(column, value),
      known: layout.filters[column]!.includes(value),
    })),
  );
  const missingValues = filterColumns.flatMap((column, i) =>
    layout.filters[column]!.filter((v) => !counts[i]!.has(v)).map((value) => ({ column, value, readBy: readersOfValue(column, value) })),
  );
  // An indicator's value missing beside a value nobody knows: most likely renamed. Fail, naming both.
  for (const m of missingValues.filter((x) => x.readBy.length > 0)) {
    const stillRead = m.readBy.filter((id) => !foundIndicators.has(id));
    const unknown = filterValueUses.filter((u) => u.column === m.column && !u.known);
    if (stillRead.length === 0 || unknown.length === 0) continue;
    const nearest = [...unknown].sort((a, b) => editDistance(a.value, m.value) - editDistance(b.value, m.value))[0]!;
    throw new ImportError(
      `${m.column} ${quote(m.value)}, which ${stillRead.join(", ")} ${stillRead.length === 1 ? "reads" : "read"}, is not in this file, and ${m.column} ${unknown.map((u) => quote(u.value)).join(", ")} ${unknown.length === 1 ? "is" : "are"} new (nearest: ${quote(nearest.value)}). ` +
        `If the value was renamed, add its new name to the series' filters and the indicators' selections in lib/catalogue; nothing was imported`,
      fileName,
      1,
      header[filterIndexes[filterColumns.indexOf(m.column)]!],
    );
  }

  const selectedColumns = new Set(indicators.map((d) => normalizeColumn(d.selection!.column)));
  const descriptive = new Set((layout.descriptiveColumns ?? []).map(normalizeColumn));
  const unusedColumns = header.filter((h, i) => {
    const n = normalized[i]!;
    if (keyIndexes.has(i) || filterIndexes.includes(i) || isDescriptiveColumn(n) || descriptive.has(n)) return false;
    return !selectedColumns.has(n);
  });

  return {
    fileName,
    series: series.id,
    rows: records.length - 1,
    rowsUsed,
    periods: [...periods].sort((a, b) => a - b),
    values,
    places: [...places.values()],
    filterValues: filterValueUses,
    missingValues,
    indicatorsWithoutRows: indicators.map((d) => d.id).filter((id) => !foundIndicators.has(id)),
    unusedColumns,
    cellsNotRead: [...cellsNotRead].map(([key, rows]) => {
      const [vi, values] = key.split("\u0001") as [string, string];
      const v = values.split("\u0000");
      return { column: header[Number(vi)]!, filters: Object.fromEntries(filterColumns.map((f, i) => [f, v[i]!])), rows };
    }),
    nonexistent: {
      rows: nonexistentRows,
      las: [...nonexistent].map(([laNumber, ps]) => ({ laNumber, periods: [...ps].sort((a, b) => a - b) })),
    },
    markers,
  };
}
