// Field rules shared by the improvement-plan schemas (plan-action.ts for actions, plan.ts for the
// plan and its priorities). Dates arrive from the GOV.UK date input as day, month and year boxes
// (gathered by withDateInputs, lib/core/date-input-schema.ts), or as one yyyy-mm-dd value (a merged save,
// the integration tests, an older form).
import { z } from "zod";
import { bidiMessage, withoutBidi } from "@/lib/core/text";

export { dateField, optionalDateField } from "@/lib/core/date-input-schema";

/** Required text, trimmed, with GOV.UK-style messages. */
export const requiredText = (missing: string, label: string, max: number) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(withoutBidi, bidiMessage(label));

/** An optional id picked from a list: blank is null, anything else must be one of `ids`. */
export const optionalChoice = (ids: readonly string[], message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((s) => (s ? s : null))
    .refine((s) => s === null || ids.includes(s), message);

/** The version the person was looking at when they opened the form (optimistic locking). */
export const versionField = z.coerce.number({ error: "Reload the page and try again" }).int().min(1, "Reload the page and try again");
