import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export interface TableCell {
  text: ReactNode;
  /** Right-align with tabular figures. */
  numeric?: boolean;
  colSpan?: number;
  rowSpan?: number;
  className?: string;
}

/** A cell: a plain string/number, null (empty), or a full cell object. */
export type TableCellInput = string | number | null | TableCell;

export interface TableProps {
  caption?: ReactNode;
  /** Caption size (GOV.UK caption modifiers). Defaults to "m". */
  captionSize?: "xl" | "l" | "m" | "s";
  /** Column headings (th scope="col"). */
  head?: TableCellInput[];
  /** Body rows as React content. Give either `rows` or `bodyHtml`. */
  rows?: TableCellInput[][];
  /**
   * The body rows as one markup string from `tableBodyHtml` (components/govuk/html.ts), for tables of
   * 150+ rows: sent once as a string and not hydrated element by element. Replaces `rows`.
   */
  bodyHtml?: string;
  /** Render the first cell of each body row as <th scope="row">. */
  firstCellIsHeader?: boolean;
  /** Zero-based indexes of numeric columns (head and body right-aligned, tabular-nums). */
  numericColumns?: number[];
  /**
   * Wrap in a horizontally scrollable, keyboard-focusable region so wide tables
   * work at 320px. Defaults to true.
   */
  scrollable?: boolean;
  /** Accessible name for the scroll region when there is no caption. */
  ariaLabel?: string;
  className?: string;
}

function normalise(cell: TableCellInput): TableCell {
  if (cell === null) return { text: "" };
  if (typeof cell === "string" || typeof cell === "number") return { text: cell };
  return cell;
}

/** A heading cell: a column heading (scope="col") or the first cell of a body row (scope="row"). */
function HeaderCell({ cell, numeric, scope }: { cell: TableCell; numeric: boolean; scope: "col" | "row" }) {
  return (
    <th
      scope={scope}
      colSpan={cell.colSpan}
      rowSpan={cell.rowSpan}
      className={cx("govuk-table__header", numeric && "govuk-table__header--numeric", cell.className)}
    >
      {cell.text}
    </th>
  );
}

/** GOV.UK table. */
export function Table({
  caption,
  captionSize = "m",
  head,
  rows = [],
  bodyHtml,
  firstCellIsHeader = false,
  numericColumns = [],
  scrollable = true,
  ariaLabel,
  className,
}: TableProps) {
  const captionId = useId();
  const numericCols = new Set(numericColumns);

  const table = (
    <table className={cx("govuk-table", className)}>
      {caption !== undefined ? (
        <caption id={captionId} className={cx("govuk-table__caption", `govuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      ) : null}
      {head && head.length > 0 ? (
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((raw, i) => {
              const cell = normalise(raw);
              return <HeaderCell key={i} cell={cell} numeric={cell.numeric ?? numericCols.has(i)} scope="col" />;
            })}
          </tr>
        </thead>
      ) : null}
      {bodyHtml !== undefined ? (
        <tbody className="govuk-table__body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      ) : (
        <tbody className="govuk-table__body">
          {rows.map((row, r) => (
            <tr key={r} className="govuk-table__row">
              {row.map((raw, i) => {
                const cell = normalise(raw);
                const numeric = cell.numeric ?? numericCols.has(i);
                if (firstCellIsHeader && i === 0) return <HeaderCell key={i} cell={cell} numeric={numeric} scope="row" />;
                return (
                  <td
                    key={i}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    className={cx("govuk-table__cell", numeric && "govuk-table__cell--numeric", cell.className)}
                  >
                    {cell.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      )}
    </table>
  );

  if (!scrollable) return table;

  const labelledBy = caption !== undefined ? captionId : undefined;
  return (
    <div
      className="govuk-table-wrapper"
      role="region"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-label={labelledBy ? undefined : (ariaLabel ?? "Table")}
    >
      {table}
    </div>
  );
}
