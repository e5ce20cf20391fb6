import type { ReactNode } from "react";
import { cx } from "./cx";

export interface FieldErrorProps {
  /** Referenced from the field's aria-describedby. */
  id: string;
  children: ReactNode;
  /** Screen-reader prefix. Defaults to "Error". */
  visuallyHiddenText?: string;
  className?: string;
}

/** GOV.UK error message: "Error: <message>" with the prefix visually hidden. */
export function FieldError({ id, children, visuallyHiddenText = "Error", className }: FieldErrorProps) {
  return (
    <p id={id} className={cx("govuk-error-message", className)}>
      <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {children}
    </p>
  );
}
