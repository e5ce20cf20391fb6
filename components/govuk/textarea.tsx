import type { TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { withField, type FieldOwnProps } from "./field";

export interface TextareaProps extends FieldOwnProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className"> {
  name: string;
}

/** GOV.UK textarea with label, hint and error message wired up. */
export function Textarea({ name, rows = 4, ...props }: TextareaProps) {
  return withField(props, (wiring, hasError, rest) => (
    <textarea {...wiring} {...{ name, rows, ...rest }} className={cx("govuk-input h-auto py-1", hasError && "govuk-input--error")} />
  ));
}
