// Parser for DfE Explore Education Statistics "tidy" CSVs (csww, b1, c1, d3, ons): one row per
// period × geography, one column per measure. Pure: text in, typed rows out, or an ImportError
// naming the file, line and column.
import { parse } from "csv-parse/sync";
import type { SeriesId } from "@/lib/catalogue";
import { currentYear } from "@/lib/core/clock";
import { mapColumns, ColumnMappingError, type ColumnMapping, type KeyColumn } from "./columns";
import { nameProblem, parseCell, shown } from "@/lib/core/markers";
import type { Cell } from "@/lib/core/markers";
import { ImportError } from "./types";

export type GeoLevelId = "NATIONAL" | "REGIONAL" | "LOCAL_AUTHORITY";

export type TidyRow = {
  line: number;
  period: number;
  level: GeoLevelId;
  regionCode: string | null;
  regionName: string | null;
  /** one entry, or two for a joint return ("314 / 318") */
  laNumbers: string[];
  onsCodes: string[];
  laNames: string[];
  cells: Map<string, Cell>;
};

export type TidyFile = {
  fileName: string;
  series: SeriesId;
  mapping: ColumnMapping;
  rows: TidyRow[];
  periods: number[];
};

const LEVELS: Record<string, GeoLevelId> = {
  national: "NATIONAL",
  regional: "REGIONAL",
  "local authority": "LOCAL_AUTHORITY",
};

const LA_NUMBER = /^\d{3}$/;
const ONS_CODE = /^E\d{8}$/;
const REGION_CODE = /^E1[23]\d{6}$/;
/** Earliest year any of these series covers is 2012; a year outside this range is a typo, not data. */
const FIRST_YEAR = 1990;
/** The years a published period can end in: 1990 to next year (a later one cannot be published yet, and would outrank every later release). */
export const periodYears = (): [first: number, last: number] => [FIRST_YEAR, currentYear() + 1];

function splitJoint(text: string): string[] {
  return text.split(/\s*\/\s*/).map((s) => s.trim());
}

/** A row's period and place, as every EES tidy file has them (wide or long). */
export type Place = Omit<TidyRow, "line" | "cells">;

/**
 * Reads and checks the period and place columns of one record: a year in range, a known geographic
 * level, English region codes, 3-digit LA numbers with matching ONS codes (joint rows "314 / 318"
 * split), plain place names. Throws an ImportError naming file, line and column. `.period` reads
 * and checks the period alone.
 */
export function placeReader(
  fileName: string,
  header: readonly string[],
  k: Partial<Record<KeyColumn, number>>,
): ((rec: readonly string[], line: number) => Place) & { period: (rec: readonly string[], line: number) => number } {
  const get = (rec: readonly string[], key: KeyColumn) => {
    const i = k[key];
    return i === undefined ? "" : (rec[i] ?? "").trim();
  };
  const headerName = (key: KeyColumn) => header[k[key]!] ?? key;
  // A period after next year cannot be published yet (and would outrank every later release).
  const [, lastYear] = periodYears();
  const readPeriod = (rec: readonly string[], line: number): number => {
    const periodText = get(rec, "time_period");
    // EES periods are a year ("2024") or a financial/academic year ("202324", "2023/24"): take the ending year.
    const m = /^(\d{4})(?:[/-]?(\d{2}))?$/.exec(periodText);
    if (!m) throw new ImportError(`time period ${shown(periodText)} is not a year`, fileName, line, headerName("time_period"));
    const period = m[2] ? Number(m[1]!.slice(0, 2) + m[2]) : Number(m[1]);
    if (period < FIRST_YEAR || period > lastYear) {
      throw new ImportError(
        `time period ${shown(periodText)} is outside ${FIRST_YEAR}–${lastYear}`,
        fileName,
        line,
        headerName("time_period"),
      );
    }
    return period;
  };
  const read = (rec: readonly string[], line: number): Place => {
    const period = readPeriod(rec, line);
    const levelText = get(rec, "geographic_level").toLowerCase();
    const level = LEVELS[levelText];
    if (!level) {
      throw new ImportError(
        `unknown geographic level ${shown(get(rec, "geographic_level"))} (expected National, Regional or Local authority)`,
        fileName,
        line,
        headerName("geographic_level"),
      );
    }

    const regionCode = get(rec, "region_code") || null;
    const regionName = get(rec, "region_name") || null;
    let laNumbers: string[] = [];
    let onsCodes: string[] = [];
    let laNames: string[] = [];
    if (level === "REGIONAL" && !regionCode)
      throw new ImportError(`regional row without a region code`, fileName, line, headerName("region_code"));
    if (regionCode && !REGION_CODE.test(regionCode)) {
      throw new ImportError(
        `region code ${shown(regionCode)} is not an English region code (E12… or E13…)`,
        fileName,
        line,
        headerName("region_code"),
      );
    }
    const regionNameProblem = regionName === null ? null : nameProblem(regionName);
    if (regionNameProblem)
      throw new ImportError(`region name ${shown(regionName!)} ${regionNameProblem}`, fileName, line, headerName("region_name"));
    if (level === "LOCAL_AUTHORITY") {
      laNumbers = splitJoint(get(rec, "old_la_code"));
      onsCodes = splitJoint(get(rec, "new_la_code"));
      laNames = splitJoint(get(rec, "la_name"));
      if (!laNumbers.every((n) => LA_NUMBER.test(n))) {
        throw new ImportError(
          `LA number ${shown(get(rec, "old_la_code"))} is not a 3-digit DfE number`,
          fileName,
          line,
          headerName("old_la_code"),
        );
      }
      if (!onsCodes.every((c) => ONS_CODE.test(c)) || onsCodes.length !== laNumbers.length) {
        throw new ImportError(
          `ONS code ${shown(get(rec, "new_la_code"))} does not match the LA number(s) ${laNumbers.join(" / ")}`,
          fileName,
          line,
          headerName("new_la_code"),
        );
      }
      if (laNames.length !== laNumbers.length)
        laNames = laNumbers.length === 1 ? [get(rec, "la_name")] : laNumbers.map(() => get(rec, "la_name"));
      const laNameProblem = laNames.map(nameProblem).find((p) => p !== null);
      if (laNameProblem)
        throw new ImportError(`LA name ${shown(get(rec, "la_name"))} ${laNameProblem}`, fileName, line, headerName("la_name"));
      if (!regionCode) throw new ImportError("local authority row without a region code", fileName, line, headerName("region_code"));
    }
    return { period, level, regionCode, regionName, laNumbers, onsCodes, laNames };
  };
  return Object.assign(read, { period: readPeriod });
}

/**
 * Reads a CSV into records, or an ImportError naming the line it could not read. By default every row
 * must have the header's length and blank lines are skipped (the DfE tidy files); files with ragged
 * rows (neighbour groupings, Fingertips) relax that, and may keep blank lines so line numbers match.
 */
export function readCsvRecords(
  fileName: string,
  text: string,
  { relaxColumnCount = false, skipEmptyLines = true }: { relaxColumnCount?: boolean; skipEmptyLines?: boolean } = {},
): string[][] {
  try {
    return parse(text.replace(/^\uFEFF/, ""), { relax_column_count: relaxColumnCount, skip_empty_lines: skipEmptyLines, bom: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    const detail = e.message
      .replace(/^Invalid Record Length: /, "")
      .replace(/ on line \d+$/, "")
      .slice(0, 200);
    throw new ImportError(`cannot read this row as CSV (${detail})`, fileName, e.lines);
  }
}

export function parseTidyCsv(fileName: string, text: string): TidyFile {
  const records = readCsvRecords(fileName, text);
  const header = records[0];
  if (!header) throw new ImportError("the file is empty", fileName, 1);

  let mapping: ColumnMapping;
  try {
    mapping = mapColumns(header, fileName);
  } catch (error) {
    if (error instanceof ColumnMappingError) throw new ImportError(error.message, fileName, 1, error.column);
    throw error;
  }

  const readPlace = placeReader(fileName, header, mapping.keys);
  const rows: TidyRow[] = [];
  const seen = new Set<string>();
  const periods = new Set<number>();
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = r + 1;
    const place = readPlace(rec, line);
    const { period, level, regionCode, laNumbers } = place;
    const geoKey = level === "NATIONAL" ? "E" : level === "REGIONAL" ? regionCode! : laNumbers.join("/");
    const dupKey = `${period}|${level}|${geoKey}`;
    if (seen.has(dupKey)) throw new ImportError(`a second row for the same place and year (${geoKey}, ${period})`, fileName, line);
    seen.add(dupKey);
    periods.add(period);

    const cells = new Map<string, Cell>();
    for (const measure of mapping.measures) {
      const parsed = parseCell(rec[measure.index] ?? "");
      if ("error" in parsed) throw new ImportError(parsed.error, fileName, line, measure.column);
      // Every published measure is a count, rate or percentage of something: none can be below zero.
      if (parsed.value !== null && parsed.value < 0) {
        throw new ImportError(
          `negative value ${shown(parsed.raw)}: a published count, rate or percentage cannot be below zero`,
          fileName,
          line,
          measure.column,
        );
      }
      cells.set(measure.indicator.id, parsed);
    }
    rows.push({ ...place, line, cells });
  }
  if (rows.length === 0) throw new ImportError("the file has a header but no data rows", fileName, 2);
  return { fileName, series: mapping.series, mapping, rows, periods: [...periods].sort((a, b) => a - b) };
}
