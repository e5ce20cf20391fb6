import type { ReactNode } from "react";
import { FieldError } from "./field-error";
import { FormGroup } from "./form-group";
import { Hint } from "./hint";
import { Label, type LabelSize } from "./label";

/** What every GOV.UK field has around its control: label, hint, error message and their wiring. */
export interface FieldOwnProps {
  id: string;
  label: ReactNode;
  labelSize?: LabelSize;
  /** Wrap the label in an <h1>. */
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  /** Error message (without the "Error:" prefix, which is added for screen readers). */
  error?: string;
  /** ids the control is already described by, kept before the hint and error ids */
  "aria-describedby"?: string;
  formGroupClassName?: string;
}

export interface FieldProps extends FieldOwnProps {
  /** the control, given the attributes that tie it to its label, hint and error (spread them onto it) */
  children: (control: { id: string; "aria-describedby": string | undefined }) => ReactNode;
}

/** Splits a control's props into the field's own (label, hint, error…) and the rest, for the control. */
function splitFieldProps<P extends FieldOwnProps>(props: P): [FieldOwnProps, Omit<P, keyof FieldOwnProps>] {
  const { id, label, labelSize, labelIsPageHeading, hint, error, "aria-describedby": describedBy, formGroupClassName, ...rest } = props;
  return [{ id, label, labelSize, labelIsPageHeading, hint, error, "aria-describedby": describedBy, formGroupClassName }, rest];
}

/**
 * A control inside its field (Input, Select, Textarea): splits off the field's own props, and draws
 * `control` with the wiring attributes, whether the field has an error, and the control's own props.
 */
export function withField<P extends FieldOwnProps>(
  props: P,
  control: (wiring: Parameters<FieldProps["children"]>[0], hasError: boolean, rest: Omit<P, keyof FieldOwnProps>) => ReactNode,
) {
  const [field, rest] = splitFieldProps(props);
  return <Field {...field}>{(wiring) => control(wiring, Boolean(field.error), rest)}</Field>;
}

/** The GOV.UK form-group scaffold every field shares (Input, Select, Textarea): label, hint, error message, described-by wiring. */
export function Field({
  id,
  label,
  labelSize,
  labelIsPageHeading,
  hint,
  error,
  "aria-describedby": extraDescribedBy,
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
      {children({ id, "aria-describedby": describedBy })}
    </FormGroup>
  );
}
