// What every file format the importer reads provides: recognise a file, parse it (pure, before the
// transaction) and write the parsed files (inside the one import transaction). A new format is a new
// module with these three parts, registered in ./index.ts. The run (../run-import.ts) does the rest:
// read the folder, skip files already imported, the shared geography step, calculated figures, the
// after-import hooks and the summary.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DataSeries } from "@/lib/generated/prisma/enums";
import type { TidyRow } from "../parse-tidy-csv";
import type { FileKind, FileOutcome } from "../summary";
import { periodSpan } from "../write/release";

export type Tx = Prisma.TransactionClient;

/** A file of the folder as read from disk. */
export type LoadedFile = { fileName: string; bytes: Buffer; sha256: string };

/**
 * A file with what recognising it needs, read once by the run: for a `.csv`, its text (checked to be
 * UTF-8) and its first record; for other files only the bytes.
 */
export type SniffedFile = LoadedFile & {
  extension: string;
  /** the decoded text of a CSV file (BOM kept; parsers strip it) */
  text?: string;
  /** the first CSV record, as published (BOM removed) */
  header?: string[];
};

/**
 * A format's verdict on a file: `mine` (parse it with this format), `not mine` (ask the next format),
 * or `unrecognised` (the file is of this format's kind but not one the importer can read: reported by
 * name with the reason, nothing imported; e.g. an Ofsted provider-level workbook).
 */
export type Detection = { verdict: "mine" } | { verdict: "not mine" } | { verdict: "unrecognised"; reason: string };

/** A parsed file: what every format tells the run about it, and its own parsed content (the bytes are not kept). */
export type ParsedFile<P = unknown> = Omit<LoadedFile, "bytes"> & {
  kind: FileKind;
  series: DataSeries;
  /** orders the files of one series: the latest period covered, or a date as yyyymmdd */
  editionRank: number;
  /** one line for the log: "CSWW, 1463 rows, 22 measures, 2017–2025" */
  description: string;
  content: P;
};

/** Rows that name a place (LA or region) in a period: the shared geography step reads them. */
export type GeographyRow = Pick<TidyRow, "line" | "period" | "level" | "regionCode" | "regionName" | "laNumbers" | "onsCodes" | "laNames">;
export type GeographySource = { fileName: string; editionRank: number; rows: readonly GeographyRow[] };

export type WriteContext = { log: (line: string) => void };

export interface ImportFormat<P = unknown> {
  readonly kind: FileKind;
  /** File name endings it reads, lower case (".csv"); other files are not offered to it. */
  readonly extensions: readonly string[];
  /** Which files it reads, for the summary's "not recognised" reason when none claims a file. */
  readonly describes: string;
  /** Cheap: looks at the name, extension and header only (may throw an ImportError for a broken file it owns). */
  detect(file: SniffedFile): Detection;
  /** Pure: the whole file, or an ImportError naming file, line and column. */
  parse(file: SniffedFile): ParsedFile<P>;
  /** Places the parsed file names, for the shared geography step (regions, LAs, ONS codes). */
  geography?(file: ParsedFile<P>): GeographySource;
  /** Writes this format's files (all of them, in the order it needs), inside the import transaction. */
  write(tx: Tx, files: ParsedFile<P>[], ctx: WriteContext): Promise<FileOutcome[]>;
}

/** A parsed file: its name and checksum as read, the rest from its format. */
export const parsedFile = <P>(
  file: Pick<LoadedFile, "fileName" | "sha256">,
  parts: Omit<ParsedFile<P>, "fileName" | "sha256">,
): ParsedFile<P> => ({
  fileName: file.fileName,
  sha256: file.sha256,
  ...parts,
});

/**
 * A parsed file of one series over some years (the DfE tidy CSVs): ranked by its latest period (the
 * periods are in order), its log line the series, `counts` and the years it covers.
 */
export const seriesFile = <P extends { series: DataSeries; periods: readonly number[] }>(
  file: Pick<LoadedFile, "fileName" | "sha256">,
  kind: FileKind,
  content: P,
  counts: string,
): ParsedFile<P> =>
  parsedFile(file, {
    kind,
    series: content.series,
    editionRank: content.periods.at(-1) ?? 0,
    description: `${content.series}, ${counts}, ${periodSpan(content.periods)}`,
    content,
  });
