import type { SelectHTMLAttributes } from "react";
import { cx } from "./cx";
import { Field, splitFieldProps, type FieldOwnProps } from "./field";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps
  extends FieldOwnProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "children"> {
  name: string;
  options: SelectOption[];
  className?: string;
}

/**
 * GOV.UK select with label, hint and error message wired up. Use
 * `defaultValue` for the selected option. Without JavaScript the form still
 * needs a submit button: do not rely on onChange navigation.
 */
export function Select({ name, options, className, ...props }: SelectProps) {
  const [field, rest] = splitFieldProps(props);
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} {...{ name, ...rest }} className={cx("govuk-select", field.error && "govuk-select--error", className)}>
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
