import type { ReactNode } from "react";
import { FieldError } from "./field-error";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { Label, type LabelSize } from "./label";

export interface FieldProps {
  id: string;
  label: ReactNode;
  labelSize?: LabelSize;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  /** Error message (without the "Error:" prefix, which is added for screen readers). */
  error?: string;
  /** ids the control is already described by, kept before the hint and error ids */
  extraDescribedBy?: string;
  formGroupClassName?: string;
  /** the control, given the aria-describedby value that links it to the hint and error */
  children: (describedBy: string | undefined) => ReactNode;
}

/** The GOV.UK form-group scaffold every field shares: label, hint, error message, described-by wiring. */
export function Field({
  id,
  label,
  labelSize,
  labelIsPageHeading,
  hint,
  error,
  extraDescribedBy,
  formGroupClassName,
  children,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [extraDescribedBy, hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <FormGroup error={Boolean(error)} className={formGroupClassName}>
      <Label htmlFor={id} size={labelSize} isPageHeading={labelIsPageHeading}>
        {label}
      </Label>
      {hint && hintId ? <Hint id={hintId}>{hint}</Hint> : null}
      {error && errorId ? <FieldError id={errorId}>{error}</FieldError> : null}
      {children(describedBy)}
    </FormGroup>
  );
}
