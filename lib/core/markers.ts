// Parsing one published value cell: a number, or one of the EES markers. Never 0 for a marker.
import type { Marker } from "@/lib/generated/prisma/enums";

/** A published cell: a number, or an EES marker in its place. `raw` is the text exactly as published. */
export type Cell = { value: number; marker: null; raw: string } | { value: null; marker: Marker; raw: string };

export const MARKERS = ["c", "low", "u", "x", "z", "k"] as const satisfies readonly Marker[];

export const MARKER_MEANINGS: Record<Marker, string> = {
  c: "Confidential: suppressed to protect small numbers",
  low: "Rounds to zero, but is not zero",
  u: "Low reliability: a data quality issue for this authority and year",
  x: "Not available: not collected, or the authority did not exist",
  z: "Not applicable: for example a rate with no denominator",
  k: "A share that rounds to 0 %, but is not zero",
};

const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;
/** No published figure here reaches a million million (counts, rates, £ thousands): beyond it, a number is a damaged cell. */
export const MAX_ABS_VALUE = 1e12;
const THOUSANDS = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Returns the parsed cell, or an error message describing what is wrong with it. */
export function parseCell(text: string): Cell | { error: string } {
  const raw = text.trim();
  if (raw === "") return { error: "blank value (expected a number or one of c, low, u, x, z, k)" };
  const lower = raw.toLowerCase();
  if ((MARKERS as readonly string[]).includes(lower)) return { value: null, marker: lower as Marker, raw: lower };
  const unbracketed = lower.replace(/^\[(.+)\]$/, "$1");
  if (unbracketed !== lower && (MARKERS as readonly string[]).includes(unbracketed)) {
    return { value: null, marker: unbracketed as Marker, raw: unbracketed };
  }
  // Thousands separators only where they belong ("1,234,567"): "12,3,4" is not a number.
  const numeric = THOUSANDS.test(raw) ? raw.replace(/,/g, "") : raw;
  if (NUMBER.test(numeric)) {
    const value = Number(numeric);
    if (Number.isFinite(value) && Math.abs(value) < MAX_ABS_VALUE) return { value, marker: null, raw: numeric };
    return { error: `value ${JSON.stringify(raw.slice(0, 40))} is out of range` };
  }
  return { error: `unknown value ${JSON.stringify(raw.slice(0, 40))} (expected a number or one of c, low, u, x, z, k)` };
}

/** A cell's text for an error message: quoted, at most 40 characters (a hostile file can hold megabytes in one cell). */
export function shown(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * What is wrong with a published place name (LA or region), or null. Names are short plain text:
 * at most 100 characters, no control characters, and not starting with = + - @, which a spreadsheet
 * runs as a formula when the name reaches a CSV download.
 */
export function nameProblem(text: string): string | null {
  if (text === "") return "is blank";
  if (text.length > 100) return `is ${text.length} characters long (a place name has at most 100)`;
  if (/[\u0000-\u001f\u007f]/.test(text)) return "contains control characters";
  if (/^[=+\-@]/.test(text)) return `starts with "${text[0]}", which a spreadsheet would run as a formula`;
  return null;
}
