import type { ReactNode } from "react";
import { cx } from "./cx";

export interface FormGroupProps {
  children: ReactNode;
  /** Adds the red left border used when the field has an error. */
  error?: boolean;
  className?: string;
}

export function FormGroup({ children, error = false, className }: FormGroupProps) {
  return <div className={cx("govuk-form-group", error && "govuk-form-group--error", className)}>{children}</div>;
}
