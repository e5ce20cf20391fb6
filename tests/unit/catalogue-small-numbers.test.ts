// The small-numbers rules are declared once, in the catalogue (decision 0030), and read from there by
// the dashboard (lib/dashboard/areas.ts) and the risk engine (lib/risk/config.ts baseOf).
import { describe, expect, it } from "vitest";
import { INDICATORS, SMALL_POPULATION, idsWithRole, indicatorById, type IndicatorId } from "@/lib/catalogue";
import { SMALL_NUMBERS_BASE, SMALL_POPULATION_THRESHOLD } from "@/lib/dashboard/areas";
import { INDICATOR_RULES, RISK_BASE_IDS, baseOf } from "@/lib/risk/config";

const ids = new Set<string>(INDICATORS.map((d) => d.id));

describe("small-numbers rules in the catalogue (decision 0030)", () => {
  it("the dashboard's small-population rule is the catalogue's: fewer than 5,000 children aged 0 to 17", () => {
    expect(SMALL_POPULATION).toEqual({ indicator: "population_0_17", minimum: 5000, noun: "children aged 0 to 17" });
    expect(SMALL_POPULATION_THRESHOLD).toBe(SMALL_POPULATION.minimum);
    expect(SMALL_NUMBERS_BASE).toBe(SMALL_POPULATION.indicator);
    expect(ids.has(SMALL_POPULATION.indicator)).toBe(true);
  });

  it("every risk indicator declares its base in the catalogue, a count the catalogue holds; the engine reads it from there", () => {
    for (const id of idsWithRole("risk")) {
      const base = indicatorById(id).base;
      expect(base, id).toBeDefined();
      expect(ids.has(base!.indicator), `${id} → ${base!.indicator}`).toBe(true);
      expect(indicatorById(base!.indicator as IndicatorId).unit, base!.indicator).toMatch(/^(COUNT|FTE|PERSONS)$/);
      expect(baseOf(id)).toBe(base);
      // not declared a second time in the engine's rules
      expect(Object.keys(INDICATOR_RULES[id])).not.toContain("base");
    }
    expect(new Set(RISK_BASE_IDS)).toEqual(new Set(idsWithRole("risk").map((id) => indicatorById(id).base!.indicator)));
  });

  it("keeps decision 0024's numbers: 20 FTE social workers for workforce rates, 30 for the others", () => {
    expect(baseOf("agency_rate_fte")).toEqual({ indicator: "inpost_fte", minimum: 20, noun: "FTE social workers in post" });
    expect(baseOf("re_referrals_percent")).toEqual({ indicator: "referrals", minimum: 30, noun: "referrals" });
    expect(baseOf("care_leavers_eet_19_21_percent")?.indicator).toBe("care_leavers_19_21");
    expect(baseOf("cla_same_carer_2y_percent")?.indicator).toBe("cla_on31_total");
  });
});
