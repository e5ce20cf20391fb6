// Pure merge of Ofsted events read from a workbook into the inspections already stored.
//
// The same inspection appears in several places: in one workbook (the in-year row and the history row),
// and across releases (2024's wide history with publication dates only, 2025's history with both dates).
// Releases also correct each other (2025 revised Isles of Scilly's inspection date 2023-07-10 → 2023-07-11
// and Nottingham's publication date 2022-11-05 → 2022-09-05), so a record is identified by EITHER date.
import { InspectionType } from "@/lib/generated/prisma/enums";
import type { OfstedEvent } from "@/lib/import/types";

/** An inspection as stored (database id + the event's fields). */
export type StoredInspection = OfstedEvent & { id: number };

export type MergeResult = {
  /** stored rows whose data changed, with their new values, ordered by id */
  updates: StoredInspection[];
  /** new inspections (already merged with any duplicates in the batch), in order of first appearance */
  inserts: OfstedEvent[];
};

/** Graded inspections (standard and short are one class: a release may re-label one as the other). */
type EventClass = "graded" | "focused" | "monitoring";

export function eventClass(type: InspectionType | null): EventClass {
  switch (type) {
    case InspectionType.ILACS_FOCUSED_VISIT:
      return "focused";
    case InspectionType.MONITORING_VISIT:
      return "monitoring";
    default: // ILACS_STANDARD, ILACS_SHORT, or null (a position row: always a graded inspection)
      return "graded";
  }
}

/** The fields a release may fill or overwrite (laNumber and class identify the record; source is provenance). */
const DATA_FIELDS = [
  "type",
  "inspectionDate",
  "publicationDate",
  "overall",
  "leadership",
  "helpAndProtection",
  "childrenInCare",
  "careLeavers",
  "visitTheme",
] as const satisfies readonly (keyof OfstedEvent)[];

type MatchStrength = 2 | 1 | 0; // 2: both dates equal, 1: one date equal, 0: no match

function matchStrength(a: OfstedEvent, b: OfstedEvent): MatchStrength {
  if (a.laNumber !== b.laNumber || eventClass(a.type) !== eventClass(b.type)) return 0;
  const byInspection = a.inspectionDate !== null && a.inspectionDate === b.inspectionDate;
  const byPublication = a.publicationDate !== null && a.publicationDate === b.publicationDate;
  if (byInspection && byPublication) return 2;
  return byInspection || byPublication ? 1 : 0;
}

/** Incoming non-null values win (the caller passes releases oldest first); nulls keep what is there. */
function applyIncoming<T extends OfstedEvent>(target: T, incoming: OfstedEvent): T {
  const merged: T = { ...target, source: incoming.source };
  for (const f of DATA_FIELDS) {
    const v = incoming[f];
    if (v !== null) Object.assign(merged, { [f]: v });
  }
  return merged;
}

function sameData(a: OfstedEvent, b: OfstedEvent): boolean {
  return DATA_FIELDS.every((f) => a[f] === b[f]);
}

type Slot = { kind: "existing"; original: StoredInspection; current: StoredInspection } | { kind: "new"; current: OfstedEvent };

/**
 * Two records are the same event when they have the same LA, the same class (graded / focused visit /
 * monitoring visit) and equal inspection dates or equal publication dates (each compared only when both
 * records have it). Each incoming event is matched against the stored rows and against the events before
 * it in the same batch; the best candidate wins (both dates equal > one date equal; then stored before new,
 * lower id, earlier in the batch). Two records that are already distinct are never joined together.
 */
export function mergeInspections(existing: readonly StoredInspection[], incoming: readonly OfstedEvent[]): MergeResult {
  const slots: Slot[] = [...existing]
    .sort((a, b) => a.id - b.id)
    .map((e) => ({ kind: "existing", original: e, current: { ...e } }) satisfies Slot);
  // Index by LA and class so each lookup only scans that LA's records of the same class.
  const index = new Map<string, Slot[]>();
  const keyOf = (e: OfstedEvent) => `${e.laNumber}|${eventClass(e.type)}`;
  const add = (s: Slot) => {
    const k = keyOf(s.current);
    index.set(k, [...(index.get(k) ?? []), s]);
  };
  slots.forEach(add);

  for (const event of incoming) {
    let best: Slot | undefined;
    let bestStrength = 0;
    for (const s of index.get(keyOf(event)) ?? []) {
      const strength = matchStrength(s.current, event);
      if (strength > bestStrength) {
        best = s;
        bestStrength = strength;
      }
    }
    if (best === undefined) {
      const s: Slot = { kind: "new", current: { ...event } };
      slots.push(s);
      add(s);
    } else if (best.kind === "existing") {
      best.current = applyIncoming(best.current, event); // keeps the id
    } else {
      best.current = applyIncoming(best.current, event);
    }
    // The class is part of the match, so it cannot change and the index key stays valid.
  }

  const updates: StoredInspection[] = [];
  const inserts: OfstedEvent[] = [];
  for (const s of slots) {
    if (s.kind === "existing") {
      if (!sameData(s.original, s.current)) updates.push(s.current);
    } else inserts.push(s.current);
  }
  return { updates, inserts };
}
