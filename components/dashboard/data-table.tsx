// The table twin of a chart: the very rows its CSV download holds (markers shown as their letters,
// with the meaning available), so what the table says and what the file says cannot differ.
import { useId } from "react";
import type { CsvTable } from "@/lib/dashboard/csv";
import { markerMeaning } from "@/lib/dashboard/build";

const MARKERS = new Set(["c", "low", "u", "x", "z"]);

export function FigureText({ text }: { text: string }) {
  if (text === "")
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="govuk-visually-hidden">no figure</span>
      </>
    );
  if (MARKERS.has(text))
    return (
      <span data-marker={text}>
        <abbr title={markerMeaning(text)} className="font-bold no-underline">
          {text}
        </abbr>
        <span className="govuk-visually-hidden"> ({markerMeaning(text)})</span>
      </span>
    );
  return <>{text}</>;
}

type Props = { table: CsvTable; caption: string; numericColumns: number[]; firstCellIsHeader?: boolean; testId?: string };

// GOV.UK table look set once on the <table> (not on every cell), so a 150-row twin stays small in the
// HTML and in the RSC payload.
const TABLE =
  "govuk-table [&_:is(td,th)]:border-b [&_:is(td,th)]:border-govuk-border [&_:is(td,th)]:py-2.5 [&_:is(td,th)]:pr-5 [&_:is(td,th)]:text-left [&_:is(td,th)]:align-top [&_:is(td,th):last-child]:pr-0 [&_th]:font-bold [&_.n]:text-right [&_.n]:tabular-nums";

// spread only when set: an explicit `undefined` prop still costs bytes in the RSC payload
const NUMERIC = { className: "n" } as const;

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
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => {
                const content = numeric.has(i) || cell === "" ? <FigureText text={cell} /> : cell;
                return firstCellIsHeader && i === 0 ? (
                  <th key={i} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={i} {...(numeric.has(i) ? NUMERIC : {})}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
