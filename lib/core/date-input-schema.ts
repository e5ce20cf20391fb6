// The GOV.UK date input in zod schemas: gathering a form's three boxes under the date's name, and
// date fields that read them (./date-input.ts has the pure reading, which client components share).
import { z } from "zod";
import { gatherDateInputs, readDateParts, type DateParts } from "./date-input";

/** Wraps a form schema so the three boxes of each named date are gathered under its name first. */
export function withDateInputs<S extends z.ZodType>(names: readonly string[], schema: S) {
  return z.preprocess(
    (raw) =>
      raw !== null && typeof raw === "object" && !Array.isArray(raw) ? gatherDateInputs(raw as Record<string, unknown>, names) : raw,
    schema,
  );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a yyyy-mm-dd string naming a real calendar day (not 2027-02-30). */
function isRealDate(s: string): boolean {
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
