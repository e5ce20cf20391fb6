// How published figures are shown. The figure shown is the published text (`raw`), so what users
// read equals the source; markers are shown as their letters with the meaning alongside.
import { MARKER_MEANINGS } from "@/lib/core/markers";
import type { Marker } from "@/lib/generated/prisma/enums";

type ShownValue = { value: number | null; marker: Marker | null; raw: string } | null;

const UNIT_SUFFIX: Record<string, string> = {
  PERCENT: "%",
  RATE_PER_10K: "",
  CASES_PER_FTE: "",
  FTE: "",
  COUNT: "",
  DAYS: "",
  PERSONS: "",
  SCORE: "",
  POUNDS: "",
  POUNDS_THOUSANDS: "",
};

/** What follows a number of this unit: "%" for a percentage, nothing for any other. */
export function unitSuffix(unit: string): string {
  return UNIT_SUFFIX[unit] ?? "";
}

/** "16.2%", "u", "1,234" — thousands separators for counts; rates keep their published decimals. */
export function formatValue(v: ShownValue, unit: string): string {
  if (!v) return "–";
  if (v.marker) return v.marker;
  const [int, frac] = v.raw.split(".");
  const grouped = (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${grouped}${frac !== undefined ? `.${frac}` : ""}${unitSuffix(unit)}`;
}

export function markerMeaning(marker: Marker): string {
  return MARKER_MEANINGS[marker];
}

export const UNIT_LABELS: Record<string, string> = {
  PERCENT: "per cent",
  RATE_PER_10K: "per 10,000 children",
  CASES_PER_FTE: "cases per social worker (FTE)",
  FTE: "full-time equivalent",
  COUNT: "number",
  DAYS: "days",
  PERSONS: "people",
  SCORE: "average score",
  POUNDS: "pounds (£)",
  POUNDS_THOUSANDS: "£ thousand",
};

const UTC_LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDate(d: Date | null): string {
  if (!d) return "–";
  return UTC_LONG_DATE.format(d);
}

/** Said wherever a figure that is not published (lib/import/run-import.ts calculateRates) is shown or downloaded. */
export const CALCULATED_NOTE = "calculated by this service from published counts";

/** Rounds half away from zero to `decimals` places (how DfE rounds published figures). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // toPrecision(12) removes binary noise first (9.850000000000001 and 9.849999999999999 both → 9.85)
  return (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(12)))) / f;
}
