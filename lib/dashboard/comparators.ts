// Statistical-neighbour median and mean — figures computed by us, not published. Markers and missing
// figures are skipped; a joint return is counted once; a neighbour that shares the LA's own joint
// return is left out (its figure is the LA's own figure, not a comparator).
import type { LaFigure } from "./types";

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds half away from zero (lib/core/values.ts, shared with the importer's calculated figures). */
export { roundTo } from "@/lib/core/values";

export type NeighbourSummary = {
  median: number | null;
  mean: number | null;
  /** figures counted (a joint return once) */
  counted: number;
  /** neighbours in the list */
  listed: number;
  /** neighbours with no number this period: marker letter, "none" (nothing published) */
  skipped: { laNumber: string; reason: string }[];
  /** neighbours merged into another's joint return, or sharing the LA's own */
  merged: string[];
};

/**
 * @param neighbours the neighbour LA numbers, nearest first
 * @param figures    this period's LA figures by LA number
 * @param ownJointReturnId the subject LA's joint return this period, if any
 */
export function summariseNeighbours(
  neighbours: readonly string[],
  figures: ReadonlyMap<string, LaFigure>,
  ownJointReturnId: string | null,
): NeighbourSummary {
  const seen = new Set<string>();
  const values: number[] = [];
  const skipped: NeighbourSummary["skipped"] = [];
  const merged: string[] = [];
  for (const la of neighbours) {
    const f = figures.get(la);
    if (!f) {
      skipped.push({ laNumber: la, reason: "none" });
      continue;
    }
    if (f.value === null || f.marker !== null) {
      skipped.push({ laNumber: la, reason: f.marker ?? "none" });
      continue;
    }
    if (f.jointReturnId !== null && (f.jointReturnId === ownJointReturnId || seen.has(f.jointReturnId))) {
      merged.push(la);
      continue;
    }
    if (f.jointReturnId !== null) seen.add(f.jointReturnId);
    values.push(f.value);
  }
  return { median: median(values), mean: mean(values), counted: values.length, listed: neighbours.length, skipped, merged };
}
