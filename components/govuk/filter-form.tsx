// The one filter form (GOV.UK pattern): a plain GET form, so the URL holds what is chosen, a link or a
// reload reproduces the view, and it works without JavaScript. Used by the list of LAs, the risk
// ranking, the dashboard's chart choices, the plan's actions and the audit log: each says its fields,
// its grid and its button; the field markup, the "any" first option and the error lookup are here.
import type { ReactNode } from "react";
import { Button } from "./button";
import { Input, type InputProps } from "./input";
import { Select, type SelectOption } from "./select";

export type FilterField =
  /** carried through unchanged (the current sort, the plan shown); left out when empty */
  | { name: string; hidden: true; value: string | undefined }
  | {
      name: string;
      /** the control's id (and the error summary's link); the name if omitted */
      id?: string;
      label: string;
      /** the value the URL holds now */
      value: string | undefined;
      hint?: string;
      /** an error of this field that `errors` does not hold */
      error?: string;
      className?: string;
      /** a select's options; without them the field is a text input */
      options?: SelectOption[];
      /** for a select: a first option "" (no filter) with this text, e.g. "All regions" */
      any?: string;
      /** a text input's own attributes */
      input?: Pick<InputProps, "type" | "width" | "inputMode" | "autoComplete" | "list">;
    };

type Props = {
  action: string;
  /** the form's accessible name */
  label: string;
  /** role="search": it narrows a list (not on a form that only chooses what a chart shows) */
  search?: boolean;
  /** the grid the fields stand in */
  className: string;
  fields: readonly (FilterField | null)[];
  /** the page's filter errors (each field shows its own) */
  errors?: readonly { field: string; message: string }[];
  submit: {
    label: string;
    /** the box around the button, placed in the grid */
    className: string;
    /** no bottom margin on the button (its box has it) */
    flush?: boolean;
  };
  /** beside the button, e.g. "Clear filters" */
  beside?: ReactNode;
  /** after the fields, e.g. a datalist an input names */
  children?: ReactNode;
};

export function FilterForm({ action, label, search = false, className, fields, errors = [], submit, beside, children }: Props) {
  return (
    <form method="get" action={action} className={className} role={search ? "search" : undefined} aria-label={label}>
      {fields.map((f) => {
        if (!f) return null;
        if ("hidden" in f) return f.value ? <input key={f.name} type="hidden" name={f.name} value={f.value} /> : null;
        const common = {
          id: f.id ?? f.name,
          name: f.name,
          label: f.label,
          hint: f.hint,
          defaultValue: f.value ?? "",
          error: f.error ?? errors.find((e) => e.field === f.name)?.message,
          className: f.className,
        };
        if (f.options) {
          const options = f.any === undefined ? f.options : [{ value: "", text: f.any }, ...f.options];
          return <Select key={f.name} {...common} options={options} />;
        }
        return <Input key={f.name} {...common} {...f.input} />;
      })}
      {children}
      <div className={submit.className}>
        <Button type="submit" variant="secondary" className={submit.flush ? "mb-0" : undefined}>
          {submit.label}
        </Button>
        {beside}
      </div>
    </form>
  );
}
