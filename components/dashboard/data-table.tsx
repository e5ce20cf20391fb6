// The table twin of a chart: the very rows its CSV download holds (markers shown as their letters,
// with the meaning available), so what the table says and what the file says cannot differ.
// The body is sent as one HTML string (components/govuk/html.ts says why): the all-LA comparison
// twin alone is 150+ rows.
import { useId } from "react";
import { escapeHtml } from "@/components/govuk/html";
import type { CsvTable } from "@/lib/dashboard/csv";
import { figureTextHtml } from "./figure-html";

type Props = { table: CsvTable; caption: string; numericColumns: number[]; firstCellIsHeader?: boolean; testId?: string };

// GOV.UK table look set once on the <table> (not on every cell), so a 150-row twin stays small in the
// HTML and in the RSC payload.
const TABLE =
  "govuk-table [&_:is(td,th)]:border-b [&_:is(td,th)]:border-govuk-border [&_:is(td,th)]:py-2.5 [&_:is(td,th)]:pr-5 [&_:is(td,th)]:text-left [&_:is(td,th)]:align-top [&_:is(td,th):last-child]:pr-0 [&_th]:font-bold [&_.n]:text-right [&_.n]:tabular-nums";

// spread only when set: an explicit `undefined` prop still costs bytes in the RSC payload
const NUMERIC = { className: "n" } as const;

/** The <tbody> rows; cells in numeric columns, and empty cells, show as figures (dash, marker letter or text). */
function bodyHtml(rows: CsvTable["rows"], numeric: ReadonlySet<number>, firstCellIsHeader: boolean): string {
  let html = "";
  for (const row of rows) {
    html += "<tr>";
    row.forEach((cell, i) => {
      const content = numeric.has(i) || cell === "" ? figureTextHtml(cell) : escapeHtml(cell);
      if (firstCellIsHeader && i === 0) html += `<th scope="row">${content}</th>`;
      else html += numeric.has(i) ? `<td class="n">${content}</td>` : `<td>${content}</td>`;
    });
    html += "</tr>";
  }
  return html;
}

export function DataTable({ table, caption, numericColumns, firstCellIsHeader = true, testId }: Props) {
  const numeric = new Set(numericColumns);
  const captionId = useId();
  return (
    <div className="govuk-table-wrapper" role="region" tabIndex={0} aria-labelledby={captionId} data-testid={testId}>
      <table className={TABLE}>
        <caption id={captionId} className="govuk-table__caption govuk-table__caption--s">
          {caption}
        </caption>
        <thead>
          <tr>
            {table.head.map((h, i) => (
              <th key={i} scope="col" {...(numeric.has(i) ? NUMERIC : {})}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={{ __html: bodyHtml(table.rows, numeric, firstCellIsHeader) }} />
      </table>
    </div>
  );
}
