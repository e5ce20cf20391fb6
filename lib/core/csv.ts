// The one CSV writer behind every download (LA dashboard tables, national risk list and the analysts'
// inbox, plan board report): RFC 4180 — fields with a comma, quote or line break are quoted and
// quotes doubled, CRLF line ends — and spreadsheet formula injection neutralised: text starting with
// = + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
// instead of running it (a tied rank shown as "=1" is "'=1" in the file, "=1" in the spreadsheet).
// Numbers, and text that is a plain number such as "-1.5", are left alone.
type CsvValue = string | number | null | undefined;

const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** The cell's text as a spreadsheet should keep it: an apostrophe before anything it would run as a formula. */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? spreadsheetText(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows (the first is usually the header) as a CSV document ending in CRLF. */
export function csvDocument(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Every CSV download's response: a document from `csvDocument`, as an attachment named `fileName`, kept
 * by no cache. `bom`: a UTF-8 byte-order mark first, so that Excel reads the text as UTF-8.
 */
export function csvResponse(document: string, fileName: string, options: { bom?: boolean } = {}): Response {
  return new Response(`${options.bom ? "\uFEFF" : ""}${document}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
    },
  });
}
