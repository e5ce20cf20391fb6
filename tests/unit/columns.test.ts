import { describe, expect, it } from "vitest";
import { mapColumns, normalizeColumn } from "@/lib/import/columns";

const KEYS = [
  "time_period",
  "time_identifier",
  "geographic_level",
  "country_code",
  "country_name",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
];

describe("normalizeColumn", () => {
  it.each([
    ["Re_referrals_percent", "re_referrals_percent"],
    ["re_referrals_percentage", "re_referrals_percent"],
    ["Re-referrals (%)", "re_referrals_percent"],
    ["Agency Rate (FTE)", "agency_rate_fte"],
    ["\uFEFFtime_period", "time_period"],
  ] as const)("matches renamed columns by meaning: %j → %j", (input, expected) => {
    expect(normalizeColumn(input)).toBe(expected);
  });
});

describe("mapColumns", () => {
  it("recognises the workforce series and every measure", () => {
    const m = mapColumns([...KEYS, "agency_rate_fte", "turnover_rate_fte", "caseload_fte"], "f.csv");
    expect(m.series).toBe("CSWW");
    expect(m.measures.map((x) => x.indicator.id)).toEqual(["agency_rate_fte", "turnover_rate_fte", "caseload_fte"]);
    expect(m.unmapped).toEqual([]);
  });

  it("maps renamed key and measure columns, and reports columns it does not know", () => {
    const m = mapColumns(
      [
        "Year",
        "Geographic level",
        "Region code",
        "Region name",
        "LA number",
        "New LA code",
        "LA name",
        "Re-referrals (%)",
        "Referrals",
        "shiny_new_measure",
      ],
      "f.csv",
    );
    expect(m.series).toBe("REFERRALS");
    expect(m.keys.time_period).toBe(0);
    expect(m.measures.map((x) => x.indicator.id).sort()).toEqual(["re_referrals_percent", "referrals"]);
    expect(m.unmapped).toEqual(["shiny_new_measure"]);
  });

  it("fails clearly when a required key column is missing", () => {
    expect(() => mapColumns(KEYS.filter((k) => k !== "old_la_code").concat("agency_rate_fte"), "f.csv")).toThrow(/old_la_code is missing/);
  });

  it("fails when two columns could be the same measure", () => {
    expect(() => mapColumns([...KEYS, "Re_referrals_percent", "re_referrals_percentage"], "f.csv")).toThrow(
      /both look like re_referrals_percent/,
    );
  });

  it("fails when no measure is recognised", () => {
    expect(() => mapColumns([...KEYS, "mystery"], "f.csv")).toThrow(/no measure column is recognised/);
  });
});
