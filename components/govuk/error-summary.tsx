import type { ReactNode } from "react";

export interface ErrorSummaryItem {
  /** Link target, usually "#" + the id of the field with the error. */
  href: string;
  /** The same message as shown next to the field. */
  text: ReactNode;
}

export interface ErrorSummaryProps {
  errors: ErrorSummaryItem[];
  /** Defaults to "There is a problem". */
  title?: ReactNode;
  description?: ReactNode;
  /** Id of the summary, e.g. for focusing it. Defaults to "error-summary". */
  id?: string;
}

/**
 * GOV.UK error summary. Put it at the top of <main>, and prefix the page
 * <title> with "Error: ". Wrap it in <ErrorSummaryFocus> to move focus to it
 * when it appears (needs JavaScript; it still works without).
 */
export function ErrorSummary({ errors, title = "There is a problem", description, id = "error-summary" }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  const titleId = `${id}-title`;
  return (
    <div className="govuk-error-summary" id={id} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title" id={titleId}>
          {title}
        </h2>
        <div className="govuk-error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="govuk-error-summary__list">
            {errors.map((error, i) => (
              <li key={`${error.href}-${i}`}>
                <a href={error.href}>{error.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
