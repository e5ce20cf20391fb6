import type { InputHTMLAttributes } from "react";
import { cx } from "./cx";
import { withField, type FieldOwnProps } from "./field";

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface InputProps extends FieldOwnProps, Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "width"> {
  name: string;
  /** Fixed width in characters (GOV.UK width classes); full width if omitted. */
  width?: InputWidth;
  className?: string;
}

/** GOV.UK text input with label, hint and error message wired up. */
export function Input({ name, width, className, type = "text", ...props }: InputProps) {
  return withField(props, (wiring, hasError, rest) => (
    <input
      {...wiring}
      {...{ name, type, ...rest }}
      className={cx("govuk-input", width && `govuk-input--width-${width}`, hasError && "govuk-input--error", className)}
    />
  ));
}
