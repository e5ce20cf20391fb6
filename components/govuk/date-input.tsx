import type { ReactNode } from "react";
import { DATE_PARTS, readDateParts, type DatePart, type DateParts } from "@/lib/core/date-input";
import { cx } from "./cx";
import { FieldError } from "./field-error";

export interface DateInputProps {
  /** The date's field name: the boxes are `<name>-day`, `<name>-month`, `<name>-year`. */
  name: string;
  /** The question, as the fieldset's legend: "Due date". */
  legend: ReactNode;
  legendSize?: "l" | "m" | "s";
  /** GOV.UK: "For example, 27 3 2027". */
  hint?: ReactNode;
  error?: string;
  /** What the boxes show: the saved date (isoToDateParts) or what was typed, sent back with an error. */
  defaultValue?: Partial<DateParts>;
}

const LABELS: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };
const LEGEND_SIZES = {
  l: "govuk-font-36 font-bold mb-[15px]",
  m: "govuk-font-24 font-bold mb-[15px]",
  s: "govuk-font-19 font-bold mb-[10px]",
} as const;

/**
 * GOV.UK date input: three text boxes (day, month, year) in a fieldset, never a browser date picker
 * (whose format follows the browser's locale: mm/dd/yyyy in an en-US browser). The day box carries
 * the date's own id, so an error summary's `#<name>` link lands in it.
 */
export function DateInput({ name, legend, legendSize = "s", hint, error, defaultValue }: DateInputProps) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  // GOV.UK marks only the wrong boxes (a missing month: the month box), or all three when the date as a whole is wrong
  const reading = error ? readDateParts(defaultValue ?? {}, "date") : null;
  const marked = new Set<DatePart>(reading === null ? [] : reading.kind === "error" ? reading.parts : DATE_PARTS);
  return (
    <div className={cx("govuk-form-group", error && "govuk-form-group--error")}>
      <fieldset className="m-0 min-w-0 border-0 p-0" role="group" aria-describedby={describedBy}>
        <legend className={cx("table max-w-full whitespace-normal text-govuk-text", LEGEND_SIZES[legendSize])}>{legend}</legend>
        {hint ? (
          <div id={hintId} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error && errorId ? <FieldError id={errorId}>{error}</FieldError> : null}
        <div className="flex flex-wrap gap-x-5" data-date-input={name}>
          {DATE_PARTS.map((part) => {
            const id = part === "day" ? name : `${name}-${part}`;
            return (
              <div key={part} className="mb-0">
                <label className="govuk-label mb-[5px] block" htmlFor={id}>
                  {LABELS[part]}
                </label>
                <input
                  id={id}
                  name={`${name}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  spellCheck={false}
                  defaultValue={defaultValue?.[part] ?? ""}
                  aria-invalid={marked.has(part) || undefined}
                  className={cx(
                    "govuk-input",
                    part === "year" ? "govuk-input--width-4" : "govuk-input--width-2",
                    marked.has(part) && "govuk-input--error",
                  )}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
