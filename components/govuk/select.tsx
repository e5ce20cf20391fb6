import type { ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "./cx";
import { FieldError } from "./field-error";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { Label, type LabelSize } from "./label";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "children"> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  /** Error message (without the "Error:" prefix). */
  error?: string;
  options: SelectOption[];
  className?: string;
  formGroupClassName?: string;
}

/**
 * GOV.UK select with label, hint and error message wired up. Use
 * `defaultValue` for the selected option. Without JavaScript the form still
 * needs a submit button: do not rely on onChange navigation.
 */
export function Select({
  id,
  name,
  label,
  labelSize,
  labelIsPageHeading,
  hint,
  error,
  options,
  className,
  formGroupClassName,
  "aria-describedby": extraDescribedBy,
  ...rest
}: SelectProps) {
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
      <select
        id={id}
        name={name}
        aria-describedby={describedBy}
        className={cx("govuk-select", error && "govuk-select--error", className)}
        {...rest}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
