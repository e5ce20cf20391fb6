import type { ReactNode } from "react";
import { cx } from "./cx";

export interface FieldsetProps {
  /** The question the grouped fields answer, e.g. "Owner". */
  legend: ReactNode;
  /** Bold legend sizes as GOV.UK's; regular 19px body text if omitted. */
  legendSize?: "l" | "m" | "s";
  /** Shown under the legend; linked to the group with aria-describedby. */
  hint?: ReactNode;
  /** Needed with a hint: the hint's id is `${id}-hint`. */
  id?: string;
  children: ReactNode;
  className?: string;
}

const LEGEND_SIZES = {
  l: "govuk-font-36 font-bold mb-[15px]",
  m: "govuk-font-24 font-bold mb-[15px]",
  s: "govuk-font-19 font-bold mb-[10px]",
} as const;

/**
 * GOV.UK fieldset: groups related fields under one legend (e.g. "Owner": a person from a list, or
 * another person or role typed in). Each field inside keeps its own label and error message.
 */
export function Fieldset({ legend, legendSize, hint, id, children, className }: FieldsetProps) {
  const hintId = hint && id ? `${id}-hint` : undefined;
  return (
    <div className="govuk-form-group">
      <fieldset id={id} className={cx("m-0 min-w-0 border-0 p-0", className)} aria-describedby={hintId}>
        <legend
          className={cx(
            "table max-w-full whitespace-normal text-govuk-text",
            legendSize ? LEGEND_SIZES[legendSize] : "govuk-font-19 mb-[10px]",
          )}
        >
          {legend}
        </legend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {children}
      </fieldset>
    </div>
  );
}
