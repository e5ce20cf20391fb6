// File formats the importer reads through lib/import/formats (decision 0021), in the order their files
// are written: neighbour groupings, then spending, then Fingertips indicators. run-import.ts asks here
// before its own recognisers, so a file of one of these formats is never taken for a DfE tidy CSV or an
// Ofsted workbook.
import type { OdsSheet } from "../ods";
import type { CsvFormat, FileFormat, FormatOutcome, OdsFormat } from "./file-format";
import { fingertips } from "./fingertips";
import { neighbourGrouping2025 } from "./neighbour-groupings";
import { revenueOutturn } from "./outturn-ods";

export const FORMATS: readonly FileFormat[] = [neighbourGrouping2025, revenueOutturn, fingertips];

/** The order files are written in, by kind. */
export const FORMATS_ORDER: readonly FormatOutcome["kind"][] = ["stat-neighbours", "outturn", "fingertips"];

export function csvFormatFor(header: readonly string[]): CsvFormat | undefined {
  return FORMATS.find((f): f is CsvFormat => f.source === "csv" && f.detect(header));
}

export function odsFormatFor(sheets: readonly OdsSheet[]): OdsFormat | undefined {
  return FORMATS.find((f): f is OdsFormat => f.source === "ods" && f.detect(sheets));
}
