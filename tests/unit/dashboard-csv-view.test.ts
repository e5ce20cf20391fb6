import { describe, expect, it } from "vitest";
import { csvDocument } from "@/lib/core/csv";
import { csvFileName } from "@/lib/dashboard/csv";
import { datePosition, periodShort } from "@/lib/dashboard/periods";
import { covidPeriods } from "@/lib/dashboard/series-notes";
import { parseDashboardView, viewQuery } from "@/lib/dashboard/view-schema";

describe("a dashboard table as CSV (its head and rows through the one writer, as the CSV route does)", () => {
  it("quotes commas and quotes, keeps markers as letters, ends lines with CRLF", () => {
    expect(
      csvDocument([
        ["LA", "Value"],
        ["Bristol, City of", "12.5"],
        ['Say "hi"', "u"],
        ["Leeds", ""],
      ]),
    ).toBe('LA,Value\r\n"Bristol, City of",12.5\r\n"Say ""hi""",u\r\nLeeds,\r\n');
  });
  it("makes safe file names", () => {
    expect(csvFileName("330", "Kingston upon Hull, City of", "trend")).toBe("330-kingston-upon-hull-city-of-trend.csv");
  });
});

describe("periods", () => {
  it("labels years to 31 March and snapshots", () => {
    expect(periodShort("CIN", 2024)).toBe("2023-24");
    expect(periodShort("CSWW", 2024)).toBe("2024");
  });
  it("places a date on a series' time axis", () => {
    // 30 Sep 2022 is the 2022 workforce snapshot; 31 Mar 2023 closes the 2023 CIN year
    expect(datePosition("CSWW", "2022-09-30")).toBeCloseTo(2022, 5);
    expect(datePosition("CIN", "2023-03-31")).toBeCloseTo(2023, 5);
    // 20 Feb 2023: 143 days after 30 Sep 2022 on a workforce chart → 2022 + 143/365.25
    expect(datePosition("CSWW", "2023-02-20")).toBeCloseTo(2022 + 143 / 365, 5);
  });
  it("knows which periods the pandemic touched", () => {
    expect(covidPeriods("CSWW", [2017, 2018, 2019, 2020, 2021, 2022])).toEqual([2020, 2021]);
    expect(covidPeriods("CIN", [2019, 2020, 2021, 2022, 2023])).toEqual([2020, 2021, 2022]);
  });
});

describe("parseDashboardView", () => {
  const years = (indicator: string) => (indicator.startsWith("cin") ? [2013, 2024] : [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);

  it("defaults to the first indicator, the median and the latest year", () => {
    expect(parseDashboardView({}, years)).toEqual({ view: { indicator: "agency_rate_fte", comparator: "median", year: 2024 }, errors: [] });
  });
  it("accepts a valid view", () => {
    expect(parseDashboardView({ indicator: "turnover_rate_fte", comparator: "mean", year: "2019" }, years).view).toEqual({
      indicator: "turnover_rate_fte",
      comparator: "mean",
      year: 2019,
    });
  });
  it("reports bad values and falls back to defaults, never throws", () => {
    const { view, errors } = parseDashboardView({ indicator: "<script>", comparator: "max", year: "1800" }, years);
    expect(view).toEqual({ indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    expect(errors.map((e) => e.field)).toEqual(["indicator", "comparator", "year"]);
  });
  it("rejects a year the indicator has no figures for", () => {
    const { errors } = parseDashboardView({ indicator: "agency_rate_fte", year: "2015" }, years);
    expect(errors).toEqual([{ field: "year", message: "Choose a year from 2017 to 2024" }]);
  });
  it("builds canonical query strings without defaults", () => {
    const view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const;
    expect(viewQuery(view, 2024)).toBe("");
    expect(viewQuery(view, 2024, { indicator: "caseload_fte", comparator: "mean", year: 2020 })).toBe(
      "?indicator=caseload_fte&comparator=mean&year=2020",
    );
  });
});
