import type { TextareaHTMLAttributes } from "react";
import { cx, Field } from "@/components/govuk";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className"> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** GOV.UK textarea with label, hint and error message wired up. */
export function Textarea({ id, name, label, hint, error, rows = 4, ...rest }: TextareaProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          aria-describedby={describedBy}
          className={cx("govuk-input h-auto py-1", error && "govuk-input--error")}
          {...rest}
        />
      )}
    </Field>
  );
}
