// Field rules shared by the improvement-plan schemas (plan-action.ts for actions, plan.ts for the
// plan and its priorities). Dates arrive from the GOV.UK date input as day, month and year boxes
// (gathered by withDateInputs, lib/core/date-input.ts), or as one yyyy-mm-dd value (a merged save,
// the integration tests, an older form).
import { z } from "zod";
import { readDateParts, type DateParts } from "@/lib/core/date-input";
import { bidiMessage, withoutBidi } from "@/lib/core/text";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a yyyy-mm-dd string naming a real calendar day (not 2027-02-30). */
export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .regex(ISO_DATE, `The ${label} must be a real date, like 2027-03-31`)
    .refine(isRealDate, `The ${label} must be a real date, like 2027-03-31`);

const dateBoxes = z.object({ day: z.string().optional(), month: z.string().optional(), year: z.string().optional() });

/** A date from the three boxes (GOV.UK messages) or one yyyy-mm-dd value: its yyyy-mm-dd, null when nothing was entered, or what is wrong. */
function readDate(raw: unknown, label: string): { iso: string | null } | { message: string } {
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return { iso: null };
  if (typeof raw === "string") {
    const parsed = isoDate(label).safeParse(raw);
    return parsed.success ? { iso: parsed.data } : { message: parsed.error.issues[0]?.message ?? `The ${label} must be a real date` };
  }
  const boxes = dateBoxes.safeParse(raw);
  if (!boxes.success) return { message: `Enter the ${label}` };
  const reading = readDateParts(boxes.data as Partial<DateParts>, label);
  return reading.kind === "date" ? { iso: reading.iso } : reading.kind === "empty" ? { iso: null } : { message: reading.message };
}

export const dateField = (label: string) =>
  z
    .unknown()
    .optional()
    .transform((raw, ctx): string => {
      const read = readDate(raw, label);
      if ("iso" in read && read.iso !== null) return read.iso;
      ctx.addIssue({ code: "custom", message: "message" in read ? read.message : `Enter the ${label}` });
      return z.NEVER;
    });

export const optionalDateField = (label: string) =>
  z
    .unknown()
    .optional()
    .transform((raw, ctx): string | null => {
      const read = readDate(raw, label);
      if ("iso" in read) return read.iso;
      ctx.addIssue({ code: "custom", message: read.message });
      return z.NEVER;
    });

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
