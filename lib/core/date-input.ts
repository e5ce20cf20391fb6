// The GOV.UK date input (day, month and year boxes) read into one yyyy-mm-dd value, with the Design
// System's error messages ("The due date must include a month", "The due date must be a real date",
// "Year must include 4 numbers"). Pure, and free of zod (client components read it): the form's three fields `<name>-day`, `<name>-month`,
// `<name>-year` are gathered into `{ day, month, year }` before the schema reads them.

export const DATE_PARTS = ["day", "month", "year"] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

export type DateReading =
  | { kind: "empty" }
  | { kind: "date"; iso: string }
  /** `parts`: the boxes to mark as wrong (GOV.UK marks only those, or all three when the date as a whole is wrong) */
  | { kind: "error"; message: string; parts: DatePart[] };

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "3", "03", "mar", "March" → 3; anything else → null. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return null;
  const index = MONTH_NAMES.findIndex((m) => m.startsWith(lower));
  return index === -1 ? null : index + 1;
}

function joinParts(parts: DatePart[]): string {
  if (parts.length === 1) return `a ${parts[0]}`;
  return `a ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** Reads the three boxes. `label` is the date's name in running text: "due date". */
export function readDateParts(raw: Partial<DateParts>, label: string): DateReading {
  const parts: DateParts = { day: (raw.day ?? "").trim(), month: (raw.month ?? "").trim(), year: (raw.year ?? "").trim() };
  const missing = DATE_PARTS.filter((p) => parts[p] === "");
  if (missing.length === 3) return { kind: "empty" };
  if (missing.length > 0) return { kind: "error", message: `The ${label} must include ${joinParts(missing)}`, parts: missing };

  const wrong: DatePart[] = [];
  if (!/^\d{1,2}$/.test(parts.day)) wrong.push("day");
  const month = monthNumber(parts.month);
  if (month === null) wrong.push("month");
  if (!/^\d+$/.test(parts.year)) wrong.push("year");
  if (wrong.length > 0) return { kind: "error", message: `The ${label} must be a real date`, parts: wrong };
  if (parts.year.length !== 4) return { kind: "error", message: "Year must include 4 numbers", parts: ["year"] };

  const day = Number(parts.day);
  const year = Number(parts.year);
  const iso = `${parts.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() !== year || d.getUTCMonth() + 1 !== month || d.getUTCDate() !== day) {
    return { kind: "error", message: `The ${label} must be a real date`, parts: [...DATE_PARTS] };
  }
  return { kind: "date", iso };
}

/** yyyy-mm-dd → the boxes' values ("2027-03-09" → 9, 3, 2027), for a form showing a saved date. */
export function isoToDateParts(iso: string | null | undefined): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  if (!m) return { day: "", month: "", year: "" };
  return { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! };
}

/** The form's flat fields (`dueDate-day`, …) gathered under the date's name, before the schema runs. */
export function gatherDateInputs(raw: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  for (const name of names) {
    const value: Partial<DateParts> = {};
    let present = false;
    for (const part of DATE_PARTS) {
      const key = `${name}-${part}`;
      if (key in raw) {
        present = true;
        const v = raw[key];
        value[part] = typeof v === "string" ? v : "";
        delete out[key];
      }
    }
    if (present) out[name] = value;
  }
  return out;
}
