// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends.
// Cells are the text shown in the table twin (published text, markers as their letters).
export type CsvTable = { head: string[]; rows: string[][] };

const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(table: CsvTable): string {
  return [table.head, ...table.rows].map((r) => r.map(field).join(",")).join("\r\n") + "\r\n";
}

/** A safe download file name: letters, digits and hyphens. */
export function csvFileName(...parts: string[]): string {
  return `${parts.map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")).filter(Boolean).join("-")}.csv`;
}
