// What a form handler answers: success, or field errors (and the values to show again, and a save
// conflict's details). Shared by the action pipeline (lib/actions) and the sign-in form (lib/auth),
// and read by client components, so it imports nothing server-only.
import type { z } from "zod";
import type { RawForm } from "./form-data";

/** Field name → the one message to show beside it (GOV.UK shows one error per field). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * One field both people changed, differently (docs/decisions/0014): its label and the three values
 * as the person reads them — saved now (theirs), submitted (yours), and what they started from
 * (before; null when the form did not say).
 */
export type ConflictField = { field: string; label: string; theirs: string; yours: string; before: string | null };

/**
 * A save refused because someone else saved the record first (optimistic locking): who, when, and
 * the record's values now (the form's new base: it carries `current.version` from then on). `fields`
 * lists the fields both changed, when the save was merged field by field.
 */
export type ActionConflict = { by: string; at: string; current: Record<string, string>; fields?: ConflictField[] };

export type ActionResult =
  { ok: true; message: string } | { ok: false; message: string; fieldErrors: FieldErrors; values?: RawForm; conflict?: ActionConflict };

/** useActionState's state: null until the form has been submitted. */
export type ActionState = ActionResult | null;

/** One message per field: the first zod issue for each top-level key. */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}
