import type { SelectHTMLAttributes } from "react";
import { cx } from "./cx";
import { withField, type FieldOwnProps } from "./field";

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

/** Options under a heading (<optgroup>): a long list grouped so it can be scanned. */
export interface SelectOptionGroup {
  label: string;
  options: SelectOption[];
}

export interface SelectProps
  extends FieldOwnProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name" | "className" | "children"> {
  name: string;
  /** options before any group (e.g. "None") */
  options: SelectOption[];
  /** then these groups, in order */
  groups?: SelectOptionGroup[];
  className?: string;
}

function Options({ options }: { options: SelectOption[] }) {
  return options.map((option) => (
    <option key={option.value} value={option.value} disabled={option.disabled}>
      {option.text}
    </option>
  ));
}

/**
 * GOV.UK select with label, hint and error message wired up. Use
 * `defaultValue` for the selected option. Without JavaScript the form still
 * needs a submit button: do not rely on onChange navigation.
 */
export function Select({ name, options, groups = [], className, ...props }: SelectProps) {
  return withField(props, (wiring, hasError, rest) => (
    <select {...wiring} {...{ name, ...rest }} className={cx("govuk-select", hasError && "govuk-select--error", className)}>
      <Options options={options} />
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          <Options options={g.options} />
        </optgroup>
      ))}
    </select>
  ));
}
