import type { ReactNode, SelectHTMLAttributes } from "react";
import { cx } from "./cx";
import { Field } from "./field";
import type { LabelSize } from "./label";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "children"> {
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
  return (
    <Field
      id={id}
      label={label}
      labelSize={labelSize}
      labelIsPageHeading={labelIsPageHeading}
      hint={hint}
      error={error}
      extraDescribedBy={extraDescribedBy}
      formGroupClassName={formGroupClassName}
    >
      {(describedBy) => (
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
      )}
    </Field>
  );
}
