import type { TextareaHTMLAttributes } from "react";
import { cx } from "./cx";
import { Field, splitFieldProps, type FieldOwnProps } from "./field";

export interface TextareaProps extends FieldOwnProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className"> {
  name: string;
}

/** GOV.UK textarea with label, hint and error message wired up. */
export function Textarea({ name, rows = 4, ...props }: TextareaProps) {
  const [field, rest] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <textarea
          {...control}
          {...{ name, rows, ...rest }}
          className={cx("govuk-input h-auto py-1", field.error && "govuk-input--error")}
        />
      )}
    </Field>
  );
}
