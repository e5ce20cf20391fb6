import type { TextareaHTMLAttributes } from "react";
import { cx, FieldError, FormGroup, Hint, Label } from "@/components/govuk";

export interface TextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className"> {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** GOV.UK textarea with label, hint and error message wired up. */
export function Textarea({ id, name, label, hint, error, rows = 4, ...rest }: TextareaProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id}>{label}</Label>
      {hint && hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {error && errorId ? <FieldError id={errorId}>{error}</FieldError> : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={cx("govuk-input h-auto py-1", error && "govuk-input--error")}
        {...rest}
      />
    </FormGroup>
  );
}
