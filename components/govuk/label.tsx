import type { ReactNode } from "react";
import { cx } from "./cx";

export type LabelSize = "xl" | "l" | "m" | "s";

export interface LabelProps {
  htmlFor: string;
  children: ReactNode;
  /** Bold size modifier; regular 19px body text if omitted. */
  size?: LabelSize;
  /** Wrap the label in an <h1> (one-question pages). */
  isPageHeading?: boolean;
  id?: string;
  className?: string;
}

export function Label({ htmlFor, children, size, isPageHeading = false, id, className }: LabelProps) {
  const label = (
    <label htmlFor={htmlFor} id={id} className={cx("govuk-label", size && `govuk-label--${size}`, className)}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
