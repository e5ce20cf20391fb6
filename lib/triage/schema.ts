// One schema per triage form, shared by the forms (field names) and the server actions
// (lib/triage/actions.ts) that validate with them. Every change needs a note.
import { z } from "zod";
import { bidiMessage, withoutBidi } from "@/lib/core/text";
import { TRIAGE_BULK_MAX, TRIAGE_NOTE_MAX } from "@/lib/triage/config";
import { TRIAGE_STATUSES } from "@/lib/triage/inbox";

const RELOAD = "Reload the page and try again";

const triageStatusField = z.enum(TRIAGE_STATUSES, { error: "Choose a status" });

const triageNoteField = z
  .string({ error: "Enter a note saying what you found or decided" })
  .trim()
  .min(1, "Enter a note saying what you found or decided")
  .max(TRIAGE_NOTE_MAX, `The note must be ${TRIAGE_NOTE_MAX} characters or fewer`)
  .refine(withoutBidi, bidiMessage("The note"));

/** A whole number carried in a hidden field (never coerced from blank). */
const hiddenNumber = z
  .string({ error: RELOAD })
  .regex(/^\d{1,9}$/, RELOAD)
  .transform(Number);

/**
 * The triage version the person saw (optimistic locking): 0 for an LA that had never been triaged,
 * so two first saves cannot both succeed.
 */
const triageVersionField = hiddenNumber;

/** The newest data release when the page was drawn: a save against older data is refused. */
const releaseField = hiddenNumber;

export const triageTargetSchema = z.object({ laNumber: z.string().regex(/^\d{3}$/) });

export const triageUpdateSchema = z.object({
  status: triageStatusField,
  note: triageNoteField,
  version: triageVersionField,
  releaseId: releaseField,
});

const SELECT_ONE = "Select at least one local authority in the table";

/** Ticked rows: each checkbox's value is "<LA number>:<version seen>", e.g. "393:0". */
const bulkSelectionField = z
  .preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().regex(/^\d{3}:\d{1,9}$/, RELOAD), { error: SELECT_ONE }),
  )
  .transform((items) => items.map((item) => ({ laNumber: item.slice(0, 3), version: Number(item.slice(4)) })))
  .refine((items) => items.length > 0, SELECT_ONE)
  .refine((items) => items.length <= TRIAGE_BULK_MAX, `Select ${TRIAGE_BULK_MAX} local authorities or fewer`)
  .refine((items) => new Set(items.map((i) => i.laNumber)).size === items.length, RELOAD);

export const triageBulkSchema = z.object({
  selected: bulkSelectionField,
  status: triageStatusField,
  note: triageNoteField,
  releaseId: releaseField,
});
