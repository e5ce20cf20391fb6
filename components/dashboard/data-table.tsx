// The table twin of a chart: the very rows its CSV download holds (markers shown as their letters,
// with the meaning available), so what the table says and what the file says cannot differ.
// The body is sent as one HTML string (components/govuk/html.ts says why): the all-LA comparison
// twin alone is 150+ rows; and in the compact look, so it stays small in the HTML and the RSC payload.
import { figureTextHtml } from "@/components/authorities/figure-html";
import { Details, StaticTable } from "@/components/govuk";
import { escapeHtml, tableBodyHtml } from "@/components/govuk/html";
import type { CsvTable } from "@/lib/dashboard/csv";

/** `testId` also names the table (its caption's id is `<testId>-caption`), so it must be unique on the page. */
type Props = { table: CsvTable; caption: string; numericColumns: number[]; firstCellIsHeader?: boolean; testId: string };

export function DataTable({ table, caption, numericColumns, firstCellIsHeader = true, testId }: Props) {
  const numeric = new Set(numericColumns);
  // cells in numeric columns, and empty cells, show as figures (dash, marker letter or text)
  const rows = table.rows.map((row) =>
    row.map((cell, i) => ({ html: numeric.has(i) || cell === "" ? figureTextHtml(cell) : escapeHtml(cell) })),
  );
  return (
    <StaticTable
      captionId={`${testId}-caption`}
      compact
      caption={caption}
      captionSize="s"
      head={table.head}
      numericColumns={numericColumns}
      testId={testId}
      bodyHtml={tableBodyHtml(rows, { compact: true, firstCellIsHeader, numericColumns })}
    />
  );
}

/** Under a dashboard chart: its table twin (folded away) and the same rows as a CSV download. */
export function ChartData({ id, csvHref, ...table }: Props & { id: string; csvHref: string }) {
  return (
    <>
      <Details summary="Show the data for this chart as a table" id={id}>
        <DataTable {...table} />
      </Details>
      <p className="govuk-body-s">
        <a href={csvHref} className="govuk-link" download>
          Download this data (CSV)
        </a>
      </p>
    </>
  );
}
