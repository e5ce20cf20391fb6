import { useId, type ReactNode } from "react";
import { cx } from "./cx";

export interface TableCell {
  text: ReactNode;
  /** Right-align with tabular figures. */
  numeric?: boolean;
  /** A body cell that heads its row (<th scope="row">), wherever it stands; `firstCellIsHeader` does this for the first. */
  header?: boolean;
  /** A column heading's sort state (aria-sort). */
  ariaSort?: "ascending" | "descending";
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
  /** The caption's id, for a table whose markup must not depend on React (its markup twin, `tableHtml`). Generated if omitted. */
  captionId?: string;
  /** The <table>'s id (a link target). */
  id?: string;
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
   * The GOV.UK look set once on the <table> instead of a class on every cell (numeric cells: "n"), so a
   * long table stays small in the HTML and the RSC payload. Looks the same.
   */
  compact?: boolean;
  /**
   * Wrap in a horizontally scrollable, keyboard-focusable region so wide tables
   * work at 320px. Defaults to true.
   */
  scrollable?: boolean;
  /** Accessible name for the scroll region when there is no caption. */
  ariaLabel?: string;
  /** data-testid of the scroll region. */
  testId?: string;
  className?: string;
}

/** The classes of each part of a table: GOV.UK's, or the compact look's (set once on the <table>). */
export const TABLE_CLASSES = {
  govuk: {
    table: "govuk-table",
    head: "govuk-table__head",
    body: "govuk-table__body",
    row: "govuk-table__row",
    header: "govuk-table__header",
    headerNumeric: "govuk-table__header--numeric",
    cell: "govuk-table__cell",
    cellNumeric: "govuk-table__cell--numeric",
  },
  compact: {
    table:
      "govuk-table [&_:is(td,th)]:border-b [&_:is(td,th)]:border-govuk-border [&_:is(td,th)]:py-2.5 [&_:is(td,th)]:pr-5 [&_:is(td,th)]:text-left [&_:is(td,th)]:align-top [&_:is(td,th):last-child]:pr-0 [&_th]:font-bold [&_.n]:text-right [&_.n]:tabular-nums",
    head: undefined,
    body: undefined,
    row: undefined,
    header: undefined,
    headerNumeric: "n",
    cell: undefined,
    cellNumeric: "n",
  },
} as const;

type Classes = (typeof TABLE_CLASSES)[keyof typeof TABLE_CLASSES];

function normalise(cell: TableCellInput): TableCell {
  if (cell === null) return { text: "" };
  if (typeof cell === "string" || typeof cell === "number") return { text: cell };
  return cell;
}

/** A heading cell: a column heading (scope="col") or a body row's heading (scope="row"). */
function HeaderCell({ cell, numeric, scope, classes }: { cell: TableCell; numeric: boolean; scope: "col" | "row"; classes: Classes }) {
  return (
    <th
      scope={scope}
      colSpan={cell.colSpan}
      rowSpan={cell.rowSpan}
      {...(cell.ariaSort ? { "aria-sort": cell.ariaSort } : {})}
      className={cx(classes.header, numeric && classes.headerNumeric, cell.className) || undefined}
    >
      {cell.text}
    </th>
  );
}

// New props are spread only when set: an explicit `undefined` prop still costs bytes in the RSC payload.

/** GOV.UK table; the caption's id is made by React (useId) unless given. */
export function Table(props: TableProps) {
  const generatedId = useId();
  return tableMarkup(props, props.captionId ?? generatedId);
}

/**
 * The same table without a hook, so it can be written as markup outside a React render
 * (components/govuk/static-markup.ts: the dashboard's published parts, <StaticPart>): a caption's id is
 * given with it; a table without a caption needs none.
 */
export function StaticTable(
  props: Omit<TableProps, "caption" | "captionId"> &
    ({ caption?: undefined; captionId?: undefined } | { caption: ReactNode; captionId: string }),
) {
  return tableMarkup(props, props.captionId);
}

function tableMarkup(
  {
    caption,
    captionSize = "m",
    id,
    head,
    rows = [],
    bodyHtml,
    firstCellIsHeader = false,
    numericColumns = [],
    compact = false,
    scrollable = true,
    ariaLabel,
    testId,
    className,
  }: TableProps,
  /** the caption's id (only written with a caption) */
  captionId: string | undefined,
) {
  const numericCols = new Set(numericColumns);
  const classes = compact ? TABLE_CLASSES.compact : TABLE_CLASSES.govuk;

  const table = (
    <table {...(id ? { id } : {})} className={cx(classes.table, className)}>
      {caption !== undefined ? (
        <caption id={captionId} className={cx("govuk-table__caption", `govuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      ) : null}
      {head && head.length > 0 ? (
        <thead className={classes.head}>
          <tr className={classes.row}>
            {head.map((raw, i) => {
              const cell = normalise(raw);
              return <HeaderCell key={i} cell={cell} numeric={cell.numeric ?? numericCols.has(i)} scope="col" classes={classes} />;
            })}
          </tr>
        </thead>
      ) : null}
      {bodyHtml !== undefined ? (
        <tbody className={classes.body} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      ) : (
        <tbody className={classes.body}>
          {rows.map((row, r) => (
            <tr key={r} className={classes.row}>
              {row.map((raw, i) => {
                const cell = normalise(raw);
                const numeric = cell.numeric ?? numericCols.has(i);
                if (cell.header ?? (firstCellIsHeader && i === 0)) {
                  return <HeaderCell key={i} cell={cell} numeric={numeric} scope="row" classes={classes} />;
                }
                return (
                  <td
                    key={i}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    className={cx(classes.cell, numeric && classes.cellNumeric, cell.className) || undefined}
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
      {...(testId ? { "data-testid": testId } : {})}
    >
      {table}
    </div>
  );
}
