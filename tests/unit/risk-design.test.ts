// Decision 0024's rules that the old engine broke: figures as first published, small counts, part
// years, joint ranks, and the sub-judgement outcomes.
import { describe, expect, it } from "vitest";
import { createAssessor } from "@/lib/risk/assess";
import { isAdverse } from "@/lib/risk/config";
import { runBacktest } from "@/lib/risk/backtest";
import { rankText, toNationalRows } from "@/lib/risk/national";
import { evaluateFlags } from "@/lib/risk/rules";
import { asKnownOn, buildIndex, knownPeriods } from "@/lib/risk/series";
import type { Observation } from "@/lib/risk/types";
import { authority, dataset, inspection, num } from "./risk-fixtures";

const years = [2020, 2021, 2022, 2023, 2024];

/** LA 100's agency rate for 2024 first published as 25% (amber), revised to 45% (red) by the 2025 release (published end of February 2026). */
function revised() {
  const ds = dataset({ years });
  const first: Observation = { ...num(2024, 45), earlier: [{ value: 25, marker: null, raw: "25", revisedOn: "2026-02-28" }] };
  ds.values["100"]!.agency_rate_fte = [...years.slice(0, -1).map((y) => num(y, 12)), first];
  ds.inspections = [
    inspection("100", "2025-06-10", "INADEQUATE", { publicationDate: "2025-07-20" }),
    inspection("101", "2025-06-10", "GOOD", { publicationDate: "2025-07-20" }),
  ];
  return ds;
}

describe("figures as they were known on the day", () => {
  it("a value revised after an inspection is not used for it: the first published version is", () => {
    const index = buildIndex(revised());
    const assessor = createAssessor(index);
    const before = assessor.assess("100", "2025-06-10")!;
    expect(before.values.agency_rate_fte).toBe(25);
    expect(before.flags.find((f) => f.kind === "threshold")).toMatchObject({ severity: "amber", raw: "25", points: 1 });
    // the day after the revision was published, the revised figure counts
    const after = assessor.assess("100", "2026-03-01")!;
    expect(after.values.agency_rate_fte).toBe(45);
    expect(after.flags.find((f) => f.kind === "threshold")).toMatchObject({ severity: "red", raw: "45", points: 2 });
    // and the backtest scores the inspection from the first published version
    const c = runBacktest(revised(), { resamples: 10 }).cases.find((x) => x.laNumber === "100")!;
    expect(c.values.agency_rate_fte).toBe(25);
  });

  it("a version is known only when published strictly before the day", () => {
    const o: Observation = { ...num(2024, 45), earlier: [{ value: 25, marker: null, raw: "25", revisedOn: "2026-02-28" }] };
    expect(asKnownOn(o, "2026-02-28").value).toBe(25);
    expect(asKnownOn(o, "2026-03-01").value).toBe(45);
    expect(asKnownOn(num(2024, 7), "2000-01-01").value).toBe(7);
  });
});

describe("small counts", () => {
  function tiny(withBase: boolean) {
    const ds = dataset({
      years,
      values: {
        "100": {
          agency_rate_fte: years.map((y) => num(y, 100)),
          turnover_rate_fte: years.map((y) => num(y, 60)),
          vacancy_rate_fte: years.map((y) => num(y, 60)),
          caseload_fte: years.map((y) => num(y, 40)),
        },
      },
    });
    // a handful of staff: 3 FTE in post, every other LA 150
    ds.bases = Object.fromEntries(
      ds.authorities.map((a) => [a.laNumber, { inpost_fte: years.map((y) => num(y, withBase && a.laNumber === "100" ? 3 : 150)) }]),
    );
    // another LA with ordinary-sized figures that score
    ds.values["105"]!.vacancy_rate_fte = years.map((y) => num(y, 30));
    ds.values["105"]!.re_referrals_percent = years.map((y) => num(y, 35));
    ds.values["105"]!.cpp_subsequent_percent = years.map((y) => num(y, 40));
    ds.values["105"]!.turnover_rate_fte = years.map((y) => num(y, 40));
    return ds;
  }

  it("a small-count LA cannot top the ranking on that count alone, and its card says why", () => {
    const rows = toNationalRows(createAssessor(buildIndex(tiny(true))).assessAll("2025-03-01"), new Map());
    expect(rows[0]!.laNumber).toBe("105");
    const la = createAssessor(buildIndex(tiny(true))).assess("100", "2025-03-01")!;
    expect(la.score).toBe(0);
    expect(la.flags.filter((f) => f.indicatorId === "agency_rate_fte")).toEqual([]);
    expect(la.unscored.agency_rate_fte).toBe("not scored: based on fewer than 20 FTE social workers in post (3)");
    expect(la.notes.map((n) => n.text)).toContain(
      "Agency rate, 30 September 2024: 100% — not scored: based on fewer than 20 FTE social workers in post (3).",
    );
    // the same figures on a big enough base would top the ranking (so the test can fail)
    const big = toNationalRows(createAssessor(buildIndex(tiny(false))).assessAll("2025-03-01"), new Map());
    expect(big[0]!.laNumber).toBe("100");
  });

  it("a count published as a suppression marker counts as small", () => {
    const ds = tiny(false);
    ds.bases!["100"]!.inpost_fte = years.map((y) => ({ period: y, value: null, marker: "c" as const, raw: "c", jointReturnId: null }));
    const la = createAssessor(buildIndex(ds)).assess("100", "2025-03-01")!;
    expect(la.unscored.agency_rate_fte).toMatch(
      /^not scored: based on fewer than 20 FTE social workers in post \(the count is published as "c"/,
    );
  });
});

describe("part years", () => {
  function cumberland(existsFrom: string | null) {
    return dataset({
      years: [2023, 2024],
      authorities: [
        authority("942", { name: "Cumberland", existsFrom }),
        ...Array.from({ length: 11 }, (_, i) => authority(String(101 + i))),
      ],
      values: { "942": { turnover_rate_fte: [num(2023, 2.1), num(2024, 16)] } },
    });
  }

  it("a new authority's first part-year is not compared with a full year, and the card says so", () => {
    const index = buildIndex(cumberland("2023-04-01"));
    const r = evaluateFlags(index, "942", knownPeriods(index, "2025-03-01"), "2025-03-01");
    expect(r.flags.filter((f) => f.indicatorId === "turnover_rate_fte" && f.kind === "deterioration")).toEqual([]);
    expect(r.notes.map((n) => n.text)).toContain(
      "Turnover, 30 September 2023: covers only part of a year (the authority began on 1 April 2023), so it is not compared with a full year.",
    );
    // a stock on the day (agency rate at 30 September) is not a part year
    expect(r.notes.some((n) => n.text.startsWith("Agency rate"))).toBe(false);
    // the same figures for an authority that existed all year would be a sharp deterioration
    const whole = buildIndex(cumberland(null));
    const w = evaluateFlags(whole, "942", knownPeriods(whole, "2025-03-01"), "2025-03-01");
    expect(w.flags.some((f) => f.indicatorId === "turnover_rate_fte" && f.kind === "deterioration")).toBe(true);
  });
});

describe("ties", () => {
  it("rank jointly: 1 + the number scoring more, said as 'joint'", () => {
    const ds = dataset({ count: 5, years, values: { "100": { agency_rate_fte: years.map((y) => num(y, 45)) } } });
    const rows = toNationalRows(createAssessor(buildIndex(ds)).assessAll("2025-03-01"), new Map());
    const top = rows[0]!;
    expect([top.rank, top.joint]).toEqual([1, false]);
    const rest = rows.slice(1);
    expect(new Set(rest.map((r) => r.score)).size).toBe(1);
    expect(rest.every((r) => r.rank === 2 && r.joint)).toBe(true);
    expect(rankText(2, true, 5)).toBe("joint 2nd of 5");
    expect(rankText(53, true, 153)).toBe("joint 53rd of 153");
    expect(rankText(1, false, 153)).toBe("the highest of 153");
    expect(rankText(1, true, 153)).toBe("joint 1st of 153");
  });
});

describe("outcomes", () => {
  const i = (over: Partial<Parameters<typeof isAdverse>[1]>) => ({
    overall: null,
    leadership: "GOOD" as const,
    helpAndProtection: "GOOD" as const,
    childrenInCare: "GOOD" as const,
    careLeavers: null,
    ...over,
  });
  it("primary: Inadequate in any sub-judgement; secondary: requires improvement or worse; overall only for history", () => {
    expect(isAdverse("inadequateAny", i({ careLeavers: "INADEQUATE" }))).toBe(true);
    expect(isAdverse("inadequateAny", i({ childrenInCare: "INADEQUATE" }))).toBe(true);
    expect(isAdverse("inadequateAny", i({ overall: "INADEQUATE" }))).toBe(false);
    expect(isAdverse("inadequateAny", i({ leadership: "REQUIRES_IMPROVEMENT" }))).toBe(false);
    expect(isAdverse("requiresImprovementAny", i({ leadership: "REQUIRES_IMPROVEMENT" }))).toBe(true);
    expect(isAdverse("requiresImprovementAny", i({}))).toBe(false);
    expect(isAdverse("overall", i({ overall: "INADEQUATE" }))).toBe(true);
  });
});
