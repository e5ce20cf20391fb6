import type { InputHTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import { Field } from "./field";
import type { LabelSize } from "./label";

export type InputWidth = 2 | 3 | 4 | 5 | 10 | 20 | 30;

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "width"> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  /** Wrap the label in an <h1>. */
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  /** Error message (without the "Error:" prefix, which is added for screen readers). */
  error?: string;
  /** Fixed width in characters (GOV.UK width classes); full width if omitted. */
  width?: InputWidth;
  className?: string;
  formGroupClassName?: string;
}

/** GOV.UK text input with label, hint and error message wired up. */
export function Input({
  id,
  name,
  label,
  labelSize,
  labelIsPageHeading,
  hint,
  error,
  width,
  className,
  formGroupClassName,
  type = "text",
  "aria-describedby": extraDescribedBy,
  ...rest
}: InputProps) {
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
        <input
          id={id}
          name={name}
          type={type}
          aria-describedby={describedBy}
          className={cx("govuk-input", width && `govuk-input--width-${width}`, error && "govuk-input--error", className)}
          {...rest}
        />
      )}
    </Field>
  );
}
