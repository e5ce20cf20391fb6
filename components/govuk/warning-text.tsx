import type { ReactNode } from "react";
import { cx } from "./cx";

export interface WarningTextProps {
  children: ReactNode;
  /** Read out before the text instead of the "!" icon. Defaults to "Warning". */
  iconFallbackText?: string;
  className?: string;
}

export function WarningText({ children, iconFallbackText = "Warning", className }: WarningTextProps) {
  return (
    <div className={cx("govuk-warning-text", className)}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {children}
      </strong>
    </div>
  );
}
