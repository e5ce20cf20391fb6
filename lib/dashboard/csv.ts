// The dashboard's CSV downloads: cells are the text shown in the table twin (published text, markers
// as their letters), written by the one CSV writer (lib/core/csv.ts, csvDocument).

export type CsvTable = { head: string[]; rows: string[][] };

/** A safe download file name: letters, digits and hyphens. */
export function csvFileName(...parts: string[]): string {
  return `${parts
    .map((p) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .filter(Boolean)
    .join("-")}.csv`;
}
