// Invariants of the catalogue (lib/catalogue): what must hold for every entry, so that adding an
// indicator or a series is data and a mistake in it fails here rather than on a page.
import { describe, expect, it } from "vitest";
import {
  AREAS,
  DEFINITIONS_VERSION,
  INDICATORS,
  JUDGEMENTS,
  RATE_DENOMINATOR,
  SERIES,
  idsWithRole,
  indicatorById,
  indicatorsBy,
  judgementLabel,
  periodLabel,
  periodWindow,
  seriesById,
  selectedValues,
  seriesWithRole,
  sourceColumns,
  type CatalogueIndicator,
  type IndicatorRole,
  type SeriesDef,
} from "@/lib/catalogue";
import { normalizeColumn } from "@/lib/import/columns";
import { INDICATOR_RULES } from "@/lib/risk/config";

const indicators = INDICATORS as readonly CatalogueIndicator[];
const series = SERIES as readonly SeriesDef[];
const ROLES: readonly IndicatorRole[] = ["headline", "list", "risk"];
const dupes = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe("catalogue records", () => {
  it("has unique ids for indicators, series and areas", () => {
    expect(dupes(indicators.map((d) => d.id))).toEqual([]);
    expect(dupes(series.map((s) => s.id))).toEqual([]);
    expect(dupes(AREAS.map((a) => a.id))).toEqual([]);
    expect(dupes(JUDGEMENTS.map((j) => j.id))).toEqual([]);
  });

  it("puts every indicator in a series and an area that exist", () => {
    const seriesIds = new Set<string>(series.map((s) => s.id));
    const areaIds = new Set<string>(AREAS.map((a) => a.id));
    for (const d of indicators) {
      expect(seriesIds.has(d.series), `${d.id}: series ${d.series}`).toBe(true);
      expect(areaIds.has(d.area), `${d.id}: area ${d.area}`).toBe(true);
    }
  });

  it("has indicators in every area and every series", () => {
    for (const a of AREAS) expect(indicatorsBy({ area: a.id }).length, a.id).toBeGreaterThan(0);
    for (const s of SERIES) expect(indicatorsBy({ series: s.id }).length, s.id).toBeGreaterThan(0);
  });

  it("gives every indicator with a role a label, unit, polarity and decimals", () => {
    for (const role of ROLES) {
      const withRole = indicatorsBy({ role });
      expect(withRole.length, role).toBeGreaterThan(0);
      for (const d of withRole) {
        expect(d.label.length && d.shortLabel.length && d.description.length, d.id).toBeGreaterThan(0);
        expect(["PERCENT", "COUNT", "FTE", "RATE_PER_10K", "CASES_PER_FTE", "DAYS", "PERSONS", "SCORE"], d.id).toContain(d.unit);
        expect(["HIGHER_IS_WORSE", "HIGHER_IS_BETTER", "NEUTRAL"], d.id).toContain(d.polarity);
        expect(Number.isInteger(d.decimals) && d.decimals >= 0 && d.decimals <= 3, d.id).toBe(true);
      }
    }
  });

  it("gives every risk indicator a phrase, a unit the reasons can say, a direction and a rule", () => {
    for (const d of indicatorsBy({ role: "risk" })) {
      expect(d.phrase, d.id).toMatch(/^[a-z]/);
      expect(["PERCENT", "CASES_PER_FTE"], d.id).toContain(d.unit);
      expect(d.polarity, d.id).not.toBe("NEUTRAL");
      expect(INDICATOR_RULES[d.id as keyof typeof INDICATOR_RULES], d.id).toBeDefined();
    }
    expect(Object.keys(INDICATOR_RULES).sort()).toEqual([...idsWithRole("risk")].sort());
  });

  it("reads every indicator from its series' layout: columns in a wide file, a selection in a long one", () => {
    for (const d of indicators) {
      const layout = seriesById(d.series).layout;
      if (d.calculation) continue; // calculated from other indicators: the next test
      if (layout.kind === "wide") {
        // a figure no release publishes is calculated from published ones
        const calculatedOnly = d.perTenThousand !== undefined || d.percentOf !== undefined;
        if (!calculatedOnly) expect(sourceColumns(d).length, `${d.id} needs columns`).toBeGreaterThan(0);
        expect(d.selection, d.id).toBeUndefined();
      } else {
        expect(d.selection, `${d.id} needs a selection`).toBeDefined();
        const filterColumns = layout.kind === "long" ? Object.keys(layout.filters) : layout.filterColumns;
        for (const f of Object.keys(d.selection!.filters)) expect(filterColumns, d.id).toContain(f);
        expect(layout.valueColumns, d.id).toContain(d.selection!.column);
      }
    }
  });

  it("selects exactly one row per place and period in a long file: a declared value for every filter column", () => {
    for (const d of indicators.filter((x) => x.selection)) {
      const layout = seriesById(d.series).layout;
      if (layout.kind === "wide") throw new Error(`${d.id}: a selection in a wide series`);
      if (layout.kind === "fingertips") {
        // a Fingertips file's filter values are not declared: the importer names every row it leaves out
        expect(Object.keys(d.selection!.filters).sort(), d.id).toEqual([...layout.filterColumns].sort());
        continue;
      }
      expect(Object.keys(d.selection!.filters).sort(), d.id).toEqual(Object.keys(layout.filters).sort());
      for (const column of Object.keys(d.selection!.filters))
        for (const value of selectedValues(d.selection!, column)) expect(layout.filters[column], d.id).toContain(value);
    }
    // and no two indicators read the same cell
    const cells = indicators.filter((x) => x.selection).map((x) => `${x.series}|${JSON.stringify(x.selection)}`);
    expect(dupes(cells)).toEqual([]);
  });

  it("declares every long series' filter values once, and no column both a filter and a value", () => {
    for (const s of series) {
      if (s.layout.kind !== "long") continue;
      for (const [column, values] of Object.entries(s.layout.filters)) {
        expect(values.length, `${s.id} ${column}`).toBeGreaterThan(0);
        expect(dupes(values), `${s.id} ${column}`).toEqual([]);
        expect(s.layout.valueColumns, s.id).not.toContain(column);
      }
    }
  });

  it("calculates percentages only from counts of the same series", () => {
    const withPercent = indicators.filter((x) => x.percentOf);
    expect(withPercent.length).toBeGreaterThan(0);
    for (const d of withPercent) {
      expect(d.unit, d.id).toBe("PERCENT");
      for (const id of [...d.percentOf!.numerators, d.percentOf!.denominator]) {
        const count = indicators.find((x) => x.id === id);
        expect(count?.series, `${d.id} reads ${id}`).toBe(d.series);
        expect(count?.unit, `${d.id} reads ${id}`).toBe("COUNT");
      }
    }
  });

  it("calculates figures only from indicators that are published, never from another calculation", () => {
    const calculated = indicators.filter((d) => d.calculation);
    expect(calculated.map((d) => d.id)).toEqual(["csc_spend_per_child", "csc_spend_cla_share", "csc_spend_share_of_services"]);
    for (const d of calculated) {
      const c = d.calculation!;
      const inputs = c.kind === "per-child" ? [c.numerator, RATE_DENOMINATOR.indicatorId] : [c.part, c.whole];
      for (const id of inputs) {
        const input = indicators.find((x) => x.id === id);
        expect(input, `${d.id}: input ${id}`).toBeDefined();
        expect(input!.calculation, `${d.id}: input ${id} is itself calculated`).toBeUndefined();
      }
      if (c.kind === "share") expect(d.unit, d.id).toBe("PERCENT");
      expect(d.perTenThousand, d.id).toBeUndefined();
    }
  });

  it("has no column name on two indicators of a series (after the importer's normalising)", () => {
    // one indicator may list a name twice in two spellings ("Awaiting_assessment", "awaiting_assessment")
    for (const s of SERIES) {
      const names = indicatorsBy({ series: s.id }).flatMap((d) => [...new Set(sourceColumns(d).map(normalizeColumn))]);
      expect(dupes(names), s.id).toEqual([]);
    }
  });

  it("calculates rates per 10,000 only from a count of the same series, over a population that exists", () => {
    const population = indicatorById(RATE_DENOMINATOR.indicatorId);
    expect(population.unit).toBe("PERSONS");
    for (const d of indicators.filter((x) => x.perTenThousand)) {
      const count = indicators.find((x) => x.id === d.perTenThousand);
      expect(count, d.id).toBeDefined();
      expect(count!.series, d.id).toBe(d.series);
      expect(count!.unit, d.id).toBe("COUNT");
      expect(d.unit, d.id).toBe("RATE_PER_10K");
    }
  });

  it("declares a publication month, a period meaning and geographies for every series", () => {
    for (const s of series) {
      expect(s.publication.month >= 1 && s.publication.month <= 12, s.id).toBe(true);
      expect(s.geography.length, s.id).toBeGreaterThan(0);
      expect(s.referenceDate.length && s.label.length && s.noun.length, s.id).toBeGreaterThan(0);
    }
  });

  it("derives role lists in catalogue order", () => {
    expect(idsWithRole("headline")).toEqual([
      "agency_rate_fte",
      "turnover_rate_fte",
      "vacancy_rate_fte",
      "caseload_fte",
      "cin_at31_rate",
      "re_referrals_percent",
      "cpp_subsequent_percent",
      "cpp_at31_rate",
      "icpc_within_15_days_percent",
      "cla_at31_rate",
      "cla_3plus_placements_percent",
      "cla_same_carer_2y_percent",
      "care_leavers_eet_19_21_percent",
      "care_leavers_suitable_19_21_percent",
      "cla_convicted_percent",
      "ks4_att8_cla",
      "absence_persistent_cla_percent",
    ]);
    expect(idsWithRole("list")).toEqual([
      "agency_rate_fte",
      "turnover_rate_fte",
      "vacancy_rate_fte",
      "caseload_fte",
      "cpp_at31_rate",
      "cla_at31_rate",
      "care_leavers_eet_19_21_percent",
    ]);
    expect(seriesWithRole("risk")).toEqual([
      "CSWW",
      "REFERRALS",
      "CPP_SUBSEQUENT",
      "CPP_DURATION",
      "S47_ICPC",
      "CLA_PLACEMENT_STABILITY",
      "CLA_NEW_PLACEMENTS",
      "CLA_SOCIAL_WORKERS",
      "CARE_LEAVERS_ACTIVITY",
      "CARE_LEAVERS_ACCOMMODATION",
    ]);
  });

  it("has a definitions version the import key can carry", () => {
    expect(DEFINITIONS_VERSION).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("period labels", () => {
  it("say what a period means in each series", () => {
    expect(periodLabel("CSWW", 2024)).toBe("30 September 2024");
    expect(periodLabel("CSWW", 2024, "short")).toBe("30 Sep 2024");
    expect(periodLabel("CSWW", 2024, "phrase")).toBe("at 30 September 2024");
    expect(periodLabel("CSWW", 2024, "axis")).toBe("2024");
    for (const id of ["CIN", "REFERRALS", "CPP_SUBSEQUENT"] as const) {
      expect(periodLabel(id, 2024)).toBe("year to 31 March 2024");
      expect(periodLabel(id, 2024, "short")).toBe("year to 31 Mar 2024");
      expect(periodLabel(id, 2024, "phrase")).toBe("in the year to 31 March 2024");
      expect(periodLabel(id, 2024, "axis")).toBe("2023-24");
    }
    expect(periodLabel("POPULATION", 2024)).toBe("mid-2024");
    expect(periodLabel("POPULATION", 2024, "axis")).toBe("2024");
    expect(periodLabel("CIN", 2000, "axis")).toBe("1999-00");
    expect(periodLabel("CLA_NUMBERS", 2025)).toBe("year to 31 March 2025");
    expect(periodLabel("KS4_SOCIAL_CARE", 2025)).toBe("academic year 2024/25");
    expect(periodLabel("KS4_SOCIAL_CARE", 2025, "short")).toBe("2024/25 school year");
    expect(periodLabel("KS4_SOCIAL_CARE", 2025, "phrase")).toBe("in the 2024/25 academic year");
    expect(periodLabel("KS4_SOCIAL_CARE", 2025, "axis")).toBe("2024/25");
  });

  it("give the dates a period covers", () => {
    expect(periodWindow("CSWW", 2024)).toEqual(["2023-10-01", "2024-09-30"]);
    expect(periodWindow("CIN", 2024)).toEqual(["2023-04-01", "2024-03-31"]);
    expect(periodWindow("CIN", 2021)).toEqual(["2020-04-01", "2021-03-31"]);
    expect(periodWindow("POPULATION", 2024)).toEqual(["2024-06-30", "2024-06-30"]);
    expect(periodWindow("ABSENCE_SOCIAL_CARE", 2025)).toEqual(["2024-09-01", "2025-08-31"]);
  });
});

describe("Ofsted judgements", () => {
  it("have one wording each, in full, short and abbreviated", () => {
    expect(judgementLabel("REQUIRES_IMPROVEMENT")).toBe("Requires improvement to be good");
    expect(judgementLabel("REQUIRES_IMPROVEMENT", "short")).toBe("Requires improvement");
    expect(judgementLabel("REQUIRES_IMPROVEMENT", "abbreviation")).toBe("RI");
    expect(judgementLabel(null)).toBe("Not yet judged");
  });
});
