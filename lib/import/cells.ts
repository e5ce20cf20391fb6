// Parsing one published value cell: a number, or one of the EES markers. Never 0 for a marker.
import type { Marker } from "@/lib/generated/prisma/enums";
import type { Cell } from "./types";

export const MARKERS = ["c", "low", "u", "x", "z"] as const satisfies readonly Marker[];

export const MARKER_MEANINGS: Record<Marker, string> = {
  c: "Confidential: suppressed to protect small numbers",
  low: "Rounds to zero, but is not zero",
  u: "Low reliability: a data quality issue for this authority and year",
  x: "Not available: not collected, or the authority did not exist",
  z: "Not applicable: for example a rate with no denominator",
};

const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;

/** Returns the parsed cell, or an error message describing what is wrong with it. */
export function parseCell(text: string): Cell | { error: string } {
  const raw = text.trim();
  if (raw === "") return { error: "blank value (expected a number or one of c, low, u, x, z)" };
  const lower = raw.toLowerCase();
  if ((MARKERS as readonly string[]).includes(lower)) return { value: null, marker: lower as Marker, raw: lower };
  const unbracketed = lower.replace(/^\[(.+)\]$/, "$1");
  if (unbracketed !== lower && (MARKERS as readonly string[]).includes(unbracketed)) {
    return { value: null, marker: unbracketed as Marker, raw: unbracketed };
  }
  const numeric = raw.replace(/,/g, "");
  if (NUMBER.test(numeric)) {
    const value = Number(numeric);
    if (Number.isFinite(value) && Math.abs(value) < 1e12) return { value, marker: null, raw: numeric };
    return { error: `value ${JSON.stringify(raw.slice(0, 40))} is out of range` };
  }
  return { error: `unknown value ${JSON.stringify(raw.slice(0, 40))} (expected a number or one of c, low, u, x, z)` };
}
