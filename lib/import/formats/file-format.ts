// The shape of a file format the importer reads besides the DfE tidy CSVs, the April 2021 neighbour
// grouping and Ofsted's workbooks (which lib/import/run-import.ts handles itself): how it is
// recognised (a CSV by its header, a workbook by its sheets), parsed (pure, before anything is
// written) and written (inside the import's one transaction). Registered in ./index.ts.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DataSeries, Marker } from "@/lib/generated/prisma/enums";
import type { OdsSheet } from "../ods";

export type Tx = Prisma.TransactionClient;

/** What writing one file did, for the import summary (run-import adds the file name). */
export type FormatOutcome = {
  kind: "stat-neighbours" | "outturn" | "fingertips";
  series: DataSeries;
  status: "imported";
  reason?: string;
  rows: number;
  values: number;
  markers: Partial<Record<Marker, number>>;
  counts?: Record<string, number>;
  /** columns read but not imported (grouped where a workbook has hundreds): named, never dropped silently */
  unmappedColumns?: string[];
  /** rows read but not imported, and how published notes were read */
  notes?: string[];
};

/** A parsed file of one of these formats: nothing is written until `write`. */
export type ParsedFormatFile = {
  kind: FormatOutcome["kind"];
  series: DataSeries;
  /** the catalogue's DEFINITIONS_VERSION when the file is read through the catalogue, "" when not (part of the import key) */
  definitionsVersion: string;
  /** orders files of one kind: older editions are written first */
  editionRank: number;
  /** for the log: "statistical neighbours, May 2025 grouping, 153 LAs" */
  summary: string;
  write(tx: Tx, file: { fileName: string; sha256: string }, log: (line: string) => void): Promise<FormatOutcome>;
};

export type CsvFormat = {
  id: string;
  source: "csv";
  /** the first record of the file (BOM removed) */
  detect(header: readonly string[]): boolean;
  parse(fileName: string, text: string): ParsedFormatFile;
};

export type OdsFormat = {
  id: string;
  source: "ods";
  detect(sheets: readonly OdsSheet[]): boolean;
  parse(fileName: string, sheets: readonly OdsSheet[]): ParsedFormatFile;
};

export type FileFormat = CsvFormat | OdsFormat;
