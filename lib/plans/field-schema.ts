// Field rules shared by the improvement-plan schemas (plan-action.ts for actions, plan.ts for the
// plan and its priorities). Dates arrive from <input type="date"> as yyyy-mm-dd.
import { z } from "zod";
import { bidiMessage, withoutBidi } from "@/lib/core/text";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a yyyy-mm-dd string naming a real calendar day (not 2027-02-30). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const dateField = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .regex(ISO_DATE, `The ${label} must be a real date, like 2027-03-31`)
    .refine(isRealDate, `The ${label} must be a real date, like 2027-03-31`);

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
