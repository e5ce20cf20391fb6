// Decides, value by value, what an incoming release changes. Pure, so the revision rules are
// unit-tested without a database:
// - a value not stored yet is inserted;
// - a value stored from a NEWER edition of the series is kept (an older file cannot overwrite it);
// - otherwise the incoming value wins: "revised" when the published text differs, "reaffirmed" when
//   it is the same but comes from a newer edition (provenance moves to the newer release);
// - same text, same edition: nothing to write;
// - a figure this service calculated (not published) always gives way to a published one.
import type { Marker } from "@/lib/generated/prisma/enums";
import type { GeoLevelId } from "./parse-tidy-csv";

export type IncomingValue = {
  indicatorId: string;
  geoLevel: GeoLevelId;
  geoCode: string;
  period: number;
  value: number | null;
  marker: Marker | null;
  raw: string;
  jointReturnId: string | null;
};

export type StoredValue = { raw: string; jointReturnId: string | null; editionRank: number; calculated?: boolean; releaseId?: number };

export const valueKey = (v: { indicatorId: string; geoCode: string; period: number }) => `${v.indicatorId}|${v.geoCode}|${v.period}`;

export type ValuePlan = {
  inserts: IncomingValue[];
  updates: IncomingValue[];
  /** published figures whose text this release changes (a calculated figure replaced is not one) */
  revisions: { value: IncomingValue; previous: StoredValue }[];
  counts: { inserted: number; revised: number; reaffirmed: number; unchanged: number; keptNewer: number };
};

export function planValueChanges(
  incoming: readonly IncomingValue[],
  stored: ReadonlyMap<string, StoredValue>,
  editionRank: number,
): ValuePlan {
  const plan: ValuePlan = {
    inserts: [],
    updates: [],
    revisions: [],
    counts: { inserted: 0, revised: 0, reaffirmed: 0, unchanged: 0, keptNewer: 0 },
  };
  for (const v of incoming) {
    const old = stored.get(valueKey(v));
    if (!old) {
      plan.inserts.push(v);
      plan.counts.inserted++;
    } else if (old.calculated) {
      plan.updates.push(v);
      plan.counts.revised++;
    } else if (old.editionRank > editionRank) {
      plan.counts.keptNewer++;
    } else if (old.raw !== v.raw || old.jointReturnId !== v.jointReturnId) {
      plan.updates.push(v);
      plan.counts.revised++;
      if (old.raw !== v.raw) plan.revisions.push({ value: v, previous: old });
    } else if (old.editionRank < editionRank) {
      plan.updates.push(v);
      plan.counts.reaffirmed++;
    } else {
      plan.counts.unchanged++;
    }
  }
  return plan;
}
