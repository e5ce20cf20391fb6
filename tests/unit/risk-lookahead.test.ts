// No look-ahead: a figure published on or after the date must never be used — not by the flags,
// not by the score, not by the comparator median, not by the backtest.
import { describe, expect, it } from "vitest";
import { createAssessor } from "@/lib/risk/assess";
import { runBacktest } from "@/lib/risk/backtest";
import { evaluateFlags } from "@/lib/risk/rules";
import { buildIndex, knownPeriods } from "@/lib/risk/series";
import { authority, dataset, inspection, num } from "./risk-fixtures";

const years = [2020, 2021, 2022, 2023];
// LA 100's workforce at 30 September 2024 (published at the end of February 2025) is alarming.
const late = () =>
  dataset({
    years,
    values: {
      "100": {
        agency_rate_fte: [...years.map((y) => num(y, 10)), num(2024, 55)],
        caseload_fte: [...years.map((y) => num(y, 15)), num(2024, 26)],
      },
    },
  });

describe("a value published after the date is not used", () => {
  it("flags on the day before publication ignore the 2024 workforce figures; the day after they count", () => {
    const index = buildIndex(late());
    const before = evaluateFlags(index, "100", knownPeriods(index, "2025-02-28"), "2025-02-28");
    expect(before.flags).toEqual([]);
    expect(before.readings.find((r) => r.indicatorId === "agency_rate_fte")?.current?.period).toBe(2023);

    const after = evaluateFlags(index, "100", knownPeriods(index, "2025-03-01"), "2025-03-01");
    expect(
      after.flags.some((f) => f.indicatorId === "agency_rate_fte" && f.kind === "threshold" && f.severity === "red" && f.period === 2024),
    ).toBe(true);
  });

  it("the score and its factors use only what was published", () => {
    const assessor = createAssessor(buildIndex(late()));
    expect(assessor.assess("100", "2025-02-28")?.score).toBe(0);
    // agency at the red set level (2) and caseload the worst in England (red, 2)
    expect(assessor.assess("100", "2025-03-01")?.score).toBe(4);
  });

  it("the backtest scores an inspection from figures published before it, whatever was published after", () => {
    const withLate = late();
    withLate.inspections = [inspection("100", "2025-02-20", "INADEQUATE"), inspection("101", "2025-02-20", "GOOD")];
    const withoutLate = late();
    withoutLate.values["100"]!.agency_rate_fte = years.map((y) => num(y, 10));
    withoutLate.values["100"]!.caseload_fte = years.map((y) => num(y, 15));
    withoutLate.inspections = withLate.inspections;
    const a = runBacktest(withLate, { resamples: 10 }).cases.find((c) => c.laNumber === "100")!;
    const b = runBacktest(withoutLate, { resamples: 10 }).cases.find((c) => c.laNumber === "100")!;
    expect(a.score).toBe(b.score);
    expect(a.values).toEqual(b.values);
    expect(a.workforcePeriod).toBe(2023);
  });

  it("children-in-need figures for the year to 31 March count only after the end of October", () => {
    const ds = dataset({ years, values: { "100": { cpp_subsequent_percent: [...years.map((y) => num(y, 20)), num(2024, 40)] } } });
    const index = buildIndex(ds);
    const oct = evaluateFlags(index, "100", knownPeriods(index, "2024-10-31"), "2024-10-31");
    expect(oct.flags.filter((f) => f.indicatorId === "cpp_subsequent_percent")).toEqual([]);
    const nov = evaluateFlags(index, "100", knownPeriods(index, "2024-11-01"), "2024-11-01");
    expect(nov.flags.some((f) => f.indicatorId === "cpp_subsequent_percent" && f.period === 2024)).toBe(true);
  });

  it("a comparator median uses neighbours' figures for the same published period only", () => {
    const ds = dataset({
      count: 8,
      years,
      values: Object.fromEntries(
        ["101", "102", "103", "104", "105", "106", "107"].map((la) => [
          la,
          { agency_rate_fte: [...years.map((y) => num(y, 10)), num(2024, 60)] },
        ]),
      ),
    });
    ds.values["100"]!.agency_rate_fte = years.map((y) => num(y, 10)).concat(num(2024, 10));
    const index = buildIndex(ds);
    const r = createAssessor(index).assess("100", "2025-02-28")!;
    expect(r.medians.agency_rate_fte).toBe(10);
  });

  it("the statistical-neighbour grouping is not used before it was published (the region is)", () => {
    const las = Array.from({ length: 8 }, (_, i) => authority(String(100 + i)));
    const ds = dataset({
      authorities: las,
      years,
      neighbours: { publishedOn: "2021-04-01", lists: { "100": ["101", "102", "103", "104", "105"] } },
      values: { "100": { agency_rate_fte: years.map((y) => num(y, 30)) } },
    });
    const index = buildIndex(ds);
    const early = evaluateFlags(index, "100", knownPeriods(index, "2021-03-01"), "2021-03-01");
    const late2 = evaluateFlags(index, "100", knownPeriods(index, "2021-05-01"), "2021-05-01");
    expect(early.flags.find((f) => f.kind === "neighbours")?.comparator?.label).toMatch(/other authorities in North East/);
    expect(late2.flags.find((f) => f.kind === "neighbours")?.comparator?.label).toBe("statistical-neighbour median");
  });

  it("an Ofsted judgement is not known before it was published", () => {
    const ds = dataset({ years, inspections: [inspection("100", "2024-01-10", "INADEQUATE", { publicationDate: "2024-03-01" })] });
    const assessor = createAssessor(buildIndex(ds));
    expect(assessor.assess("100", "2024-03-01")?.lastInspection).toBeNull();
    expect(assessor.assess("100", "2024-03-02")?.lastInspection?.overall).toBe("INADEQUATE");
  });
});
