import { describe, expect, it } from "vitest";
import { INDICATOR_RULES } from "@/lib/risk/config";
import { evaluateFlags, lowerIf, type RiskFlag } from "@/lib/risk/rules";
import { buildIndex, knownPeriods } from "@/lib/risk/series";
import { authority, dataset, mark, num } from "./risk-fixtures";

const AS_AT = "2025-03-01"; // workforce 2024 and children in need 2024 both published
const years = [2020, 2021, 2022, 2023, 2024];

function flagsFor(values: Parameters<typeof dataset>[0]["values"], extra: Partial<Parameters<typeof dataset>[0]> = {}, la = "100") {
  const index = buildIndex(dataset({ years, values, ...extra }));
  return evaluateFlags(index, la, knownPeriods(index, AS_AT), AS_AT);
}
const only = (flags: RiskFlag[], indicator: string, kind: string) => flags.filter((f) => f.indicatorId === indicator && f.kind === kind);

describe("set levels", () => {
  it("agency 20% is amber and 40% red (Public Accounts Committee); 19.9% is not flagged", () => {
    const level = (v: number) =>
      only(
        flagsFor({ "100": { agency_rate_fte: [...years.slice(0, -1).map((y) => num(y, v)), num(2024, v)] } }).flags,
        "agency_rate_fte",
        "threshold",
      );
    expect(level(19.9)).toEqual([]);
    expect(level(20)[0]?.severity).toBe("amber");
    expect(level(39.9)[0]?.severity).toBe("amber");
    expect(level(40)[0]?.severity).toBe("red");
  });

  it("a flag carries the indicator, figure, period, comparator, rule and a one-sentence reason", () => {
    const [flag] = only(flagsFor({ "100": { agency_rate_fte: years.map((y) => num(y, 24.5)) } }).flags, "agency_rate_fte", "threshold");
    expect(flag).toMatchObject({
      indicatorId: "agency_rate_fte",
      value: 24.5,
      raw: "24.5",
      period: 2024,
      severity: "amber",
      comparator: { label: "set level", value: 20 },
    });
    expect(flag!.rule).toBe("20% or more is amber, 40% or more is red (1 point for amber, 2 for red)");
    expect(flag).toMatchObject({ points: 1, context: null, area: "leadership_and_workforce" });
    expect(lowerIf(flag!)).toBe("Below 20% it would score nothing (1 point less).");
    expect(flag!.reason).toBe(
      "The agency social worker rate was 24.5% at 30 September 2024, at or above 20%: a major problem, in the Public Accounts Committee's words (2016).",
    );
    expect(flag!.reason.split(". ").length).toBe(1);
  });

  it("other figures score by their position in England for the same period: worst 5% red, worst 20% amber, ties in", () => {
    // 12 LAs; the ordinary caseload is 16, the last four 17–20 (fixtures). Worst 20% of 12 = the 3 highest, worst 5% = the highest.
    const r = flagsFor({
      "100": { caseload_fte: years.map((y) => num(y, 30)), turnover_rate_fte: years.map((y) => num(y, 18)) },
    }).flags;
    expect(only(r, "caseload_fte", "position")[0]).toMatchObject({ severity: "red", points: 2, comparator: { value: 30 } });
    // out of the worst 5% below 30 cases; out of the worst 20% below the third-highest, LA 110's 19 (ordinary 16 + 3)
    expect(lowerIf(only(r, "caseload_fte", "position")[0]!)).toBe(
      "Below 30.0 cases it would be amber (1 point less); below 19.0 cases it would score nothing (2 points less).",
    );
    // turnover 18 ties LA 110 (ordinary 15 + 3) for second and third below LA 111's 19: ties in → amber, not red
    expect(only(r, "turnover_rate_fte", "position")[0]).toMatchObject({ severity: "amber", points: 1 });
    expect(only(r, "vacancy_rate_fte", "position")).toEqual([]);
    expect(only(r, "caseload_fte", "position")[0]!.reason).toBe(
      "The average caseload per social worker was 30 cases at 30 September 2024, among the highest 5% of 12 authorities in England (at or above 30.0 cases).",
    );
  });

  it("a lower-is-better figure scores at the low end", () => {
    const others = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [String(101 + i), { care_leavers_eet_19_21_percent: years.map((y) => num(y, 50 + i)) }]),
    );
    const r = flagsFor({ ...others, "100": { care_leavers_eet_19_21_percent: years.map((y) => num(y, 40)) } }).flags;
    expect(only(r, "care_leavers_eet_19_21_percent", "position")[0]).toMatchObject({ severity: "red", area: "care_leavers" });
  });
});

describe("markers are never numbers", () => {
  it("a suppressed newest figure can neither raise a flag nor clear the one the year before raised, and says so", () => {
    const r = flagsFor({ "100": { agency_rate_fte: [num(2020, 12), num(2021, 12), num(2022, 25), num(2023, 25), mark(2024, "u")] } });
    const [flag] = only(r.flags, "agency_rate_fte", "threshold");
    expect(flag).toMatchObject({ period: 2023, value: 25 });
    expect(flag!.note).toBe("There is no figure for 30 September 2024 (u: low reliability), so this uses the 30 September 2023 figure.");
    expect(r.notes.map((n) => n.text)).toEqual([
      "Agency rate, 30 September 2024: no figure (u: low reliability) — the flags use the 30 September 2023 figure instead.",
    ]);
  });

  it("with no number in the last two years nothing is flagged, and the note says the indicator can neither raise nor clear a flag", () => {
    const r = flagsFor({ "100": { agency_rate_fte: [num(2020, 45), num(2021, 45), num(2022, 45), mark(2023, "x"), mark(2024, "c")] } });
    expect(only(r.flags, "agency_rate_fte", "threshold")).toEqual([]);
    expect(r.notes[0]?.text).toMatch(
      /^Agency rate, 30 September 2024: no figure \(c: suppressed to protect small numbers\), nor a number the year before, so this indicator can neither raise nor clear a flag\.$/,
    );
  });

  it("a marker in a comparison year stops the trend rules rather than being read as 0", () => {
    const r = flagsFor({ "100": { agency_rate_fte: [num(2020, 10), num(2021, 10), mark(2022, "low"), mark(2023, "low"), num(2024, 19)] } });
    expect(only(r.flags, "agency_rate_fte", "deterioration")).toEqual([]);
  });
});

describe("relative rules", () => {
  const neighbours = { publishedOn: "2021-04-01", lists: { "100": ["101", "102", "103", "104", "105", "106"] } };

  it("worse than the statistical-neighbour median by the margin: amber, and red by the larger margin", () => {
    const gap = (v: number) =>
      only(flagsFor({ "100": { agency_rate_fte: years.map((y) => num(y, v)) } }, { neighbours }).flags, "agency_rate_fte", "neighbours");
    expect(gap(12 + 9.9)).toEqual([]);
    expect(gap(12 + 10)[0]).toMatchObject({ severity: "amber", comparator: { label: "statistical-neighbour median", value: 12 } });
    expect(gap(12 + 20)[0]?.severity).toBe("red");
    expect(gap(12 + 10)[0]?.reason).toBe(
      "The agency social worker rate was 22% at 30 September 2024, 10 percentage points above its statistical neighbours' median of 12.0%.",
    );
  });

  it("counts a joint return once in the median and never compares an LA with its own joint figure", () => {
    const joint = (v: number) => years.map((y) => num(y, v, "CSWW:100/101"));
    const r = flagsFor(
      {
        "100": { agency_rate_fte: joint(30) },
        "101": { agency_rate_fte: joint(30) },
        "102": { agency_rate_fte: years.map((y) => num(y, 10, "CSWW:102/103")) },
        "103": { agency_rate_fte: years.map((y) => num(y, 10, "CSWW:102/103")) },
      },
      { neighbours: { publishedOn: "2021-04-01", lists: { "100": ["101", "102", "103", "104", "105", "106", "107"] } } },
    );
    // comparators: 101 excluded (own joint figure), 102/103 once (10), 104–107 (12) → median of [10, 12, 12, 12, 12] = 12
    expect(only(r.flags, "agency_rate_fte", "neighbours")[0]?.comparator?.value).toBe(12);
  });

  it("needs at least five comparators with a figure", () => {
    const r = flagsFor(
      { "100": { agency_rate_fte: years.map((y) => num(y, 60)) } },
      { neighbours: { publishedOn: "2021-04-01", lists: { "100": ["101", "102", "103", "104"] } } },
    );
    expect(only(r.flags, "agency_rate_fte", "neighbours")).toEqual([]);
  });

  it("worse and worsening: above the median by the margin and up on the year", () => {
    const cfg = INDICATOR_RULES.re_referrals_percent.context!.worseAndWorsening;
    const r = flagsFor(
      {
        "100": {
          re_referrals_percent: [
            num(2020, 21),
            num(2021, 21),
            num(2022, 21),
            num(2023, 21 + cfg.aboveBy),
            num(2024, 21 + cfg.aboveBy + cfg.risenBy),
          ],
        },
      },
      { neighbours },
    );
    const [flag] = only(r.flags, "re_referrals_percent", "worse-and-worsening");
    expect(flag?.reason).toBe(
      `The re-referral rate within 12 months was ${21 + cfg.aboveBy + cfg.risenBy}% in the year to 31 March 2024, worse than its statistical neighbours' median (21.0%) and up ${cfg.risenBy} percentage points on the year before.`,
    );
  });
});

describe("deterioration and rising", () => {
  it("a two-year rise past the red margin is red, with both figures in the reason", () => {
    const red = INDICATOR_RULES.agency_rate_fte.context!.deterioration.redTwoYears;
    const r = flagsFor({ "100": { agency_rate_fte: [num(2020, 5), num(2021, 5), num(2022, 5), num(2023, 10), num(2024, 5 + red)] } });
    const [flag] = only(r.flags, "agency_rate_fte", "deterioration");
    expect(flag?.severity).toBe("red");
    expect(flag?.reason).toBe(
      `The agency social worker rate rose by ${red} percentage points in two years, from 5.0% at 30 September 2022 to ${5 + red}% at 30 September 2024.`,
    );
  });

  it("repeat child protection plans rising two years running are flagged amber", () => {
    const r = flagsFor({
      "100": { cpp_subsequent_percent: [num(2020, 20), num(2021, 20), num(2022, 20), num(2023, 23), num(2024, 25.5)] },
    });
    expect(only(r.flags, "cpp_subsequent_percent", "rising")[0]).toMatchObject({
      severity: "amber",
      value: 25.5,
      comparator: { value: 20 },
    });
  });

  it("a one-year fall after a rise is not 'rising'", () => {
    const r = flagsFor({ "100": { re_referrals_percent: [num(2020, 20), num(2021, 20), num(2022, 20), num(2023, 26), num(2024, 25)] } });
    expect(only(r.flags, "re_referrals_percent", "rising")).toEqual([]);
  });

  it("flags that score come first, reddest first; context flags add nothing and say why", () => {
    const r = flagsFor({ "100": { agency_rate_fte: years.map((y) => num(y, 25)), caseload_fte: years.map((y) => num(y, 24)) } });
    const points = r.flags.map((f) => f.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
    for (const f of r.flags) {
      if (f.points === 0) expect(f.context).toMatch(/^Context: does not add to the score\./);
      else expect(f.context).toBeNull();
    }
    expect(r.flags.some((f) => f.points === 0 && f.severity === "red")).toBe(true);
  });
});

it("an authority with no figures at all gets no flags and no crash", () => {
  const index = buildIndex(dataset({ years, authorities: [authority("100"), authority("101")], values: {} }));
  index.values.delete("100");
  expect(evaluateFlags(index, "100", knownPeriods(index, AS_AT), AS_AT).flags).toEqual([]);
});
