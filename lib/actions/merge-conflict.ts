// What a person sees when a merged save still has fields both people changed (docs/decisions/0014):
// one GOV.UK error per field — in the error summary and beside the field — saying theirs, yours and
// before, and who changed it when; plus the same as structured rows for the form's conflict panel.
import type { FieldConflict } from "@/lib/core/field-merge";
import type { ConflictField, FieldErrors } from "./execute-action";

const shown = (value: string) => (value.trim() === "" ? "(blank)" : `“${value}”`);

export function describeConflicts<F extends string>(
  conflicts: readonly FieldConflict<F>[],
  options: {
    by: string;
    at: string;
    label: (field: F) => string;
    /** the value as the person reads it (a priority's title, a status's label, a date in words) */
    describe?: (field: F, value: string) => string;
    /** the form field the error belongs to (default: the field itself) */
    formField?: (field: F) => string;
  },
): { fields: ConflictField[]; fieldErrors: FieldErrors } {
  const describe = options.describe ?? ((_f: F, v: string) => v);
  const fields: ConflictField[] = conflicts.map((c) => ({
    field: c.field,
    label: options.label(c.field),
    theirs: describe(c.field, c.theirs),
    yours: describe(c.field, c.yours),
    before: c.base === null ? null : describe(c.field, c.base),
  }));
  const fieldErrors: FieldErrors = {};
  fields.forEach((f, i) => {
    const key = options.formField ? options.formField(conflicts[i]!.field as F) : f.field;
    fieldErrors[key] =
      `${f.label} was also changed by ${options.by} (${options.at}) while you were editing. Theirs: ${shown(f.theirs)}. Yours: ${shown(f.yours)}. ` +
      `Before: ${f.before === null ? "not known" : shown(f.before)}. Keep one of them and save again.`;
  });
  return { fields, fieldErrors };
}
