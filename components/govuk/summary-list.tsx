import { Link } from "./link";
import type { ReactNode } from "react";
import { cx } from "./cx";

export interface SummaryListAction {
  href: string;
  text: ReactNode;
  /** Extra text for screen readers, e.g. the row name ("Change <name>"). */
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
}

export interface SummaryListProps {
  rows: SummaryListRow[];
  noBorder?: boolean;
  className?: string;
}

/** GOV.UK summary list: a <dl> of key/value rows with optional actions. */
export function SummaryList({ rows, noBorder = false, className }: SummaryListProps) {
  const anyActions = rows.some((row) => (row.actions?.length ?? 0) > 0);
  return (
    <dl
      className={cx(
        "govuk-summary-list",
        noBorder && "govuk-summary-list--no-border",
        !anyActions && "govuk-summary-list--no-actions",
        className,
      )}
    >
      {rows.map((row, index) => {
        const actions = row.actions ?? [];
        return (
          <div
            key={index}
            className={cx("govuk-summary-list__row", anyActions && actions.length === 0 && "govuk-summary-list__row--no-actions")}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {actions.length > 0 ? (
              <dd className="govuk-summary-list__actions">
                {actions.length === 1 && actions[0] ? (
                  <ActionLink action={actions[0]} />
                ) : (
                  <ul className="govuk-summary-list__actions-list">
                    {actions.map((action, i) => (
                      <li key={i} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={action} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <Link href={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </Link>
  );
}
