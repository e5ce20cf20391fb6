import { describe, expect, it } from "vitest";
import { planValueChanges, valueKey, type IncomingValue, type StoredValue } from "@/lib/import/plan-values";

const v = (raw: string, over: Partial<IncomingValue> = {}): IncomingValue => ({
  indicatorId: "agency_rate_fte",
  geoLevel: "LOCAL_AUTHORITY",
  geoCode: "909",
  period: 2022,
  value: Number(raw),
  marker: null,
  raw,
  jointReturnId: null,
  ...over,
});
const stored = (raw: string, editionRank: number): Map<string, StoredValue> =>
  new Map([[valueKey(v(raw)), { raw, jointReturnId: null, editionRank }]]);

describe("planValueChanges", () => {
  it("inserts values not yet stored", () => {
    const p = planValueChanges([v("10.1")], new Map(), 2024);
    expect(p.inserts).toHaveLength(1);
    expect(p.counts.inserted).toBe(1);
  });

  it("lets a newer release revise an earlier year's value", () => {
    const p = planValueChanges([v("12.3")], stored("10.1", 2024), 2025);
    expect(p.updates.map((u) => u.raw)).toEqual(["12.3"]);
    expect(p.counts.revised).toBe(1);
  });

  it("moves provenance to a newer release that republishes the same figure", () => {
    const p = planValueChanges([v("10.1")], stored("10.1", 2024), 2025);
    expect(p.counts.reaffirmed).toBe(1);
    expect(p.updates).toHaveLength(1);
  });

  it("never lets an older release overwrite a newer one", () => {
    const p = planValueChanges([v("9.9")], stored("10.1", 2025), 2024);
    expect(p.updates).toHaveLength(0);
    expect(p.counts.keptNewer).toBe(1);
  });

  it("writes nothing for the same figure from the same edition", () => {
    const p = planValueChanges([v("10.1")], stored("10.1", 2024), 2024);
    expect(p.inserts.length + p.updates.length).toBe(0);
    expect(p.counts.unchanged).toBe(1);
  });

  it("treats a number replaced by a marker as a revision", () => {
    const p = planValueChanges([v("u", { value: null, marker: "u" })], stored("10.1", 2024), 2025);
    expect(p.counts.revised).toBe(1);
  });
});
