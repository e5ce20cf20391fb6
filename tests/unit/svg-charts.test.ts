// The server-drawn charts (decision 0025): plain SVG with a title and description, no NaN anywhere,
// lines broken at missing years, off-scale bars clamped to the top and said to be so.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ComparisonSvg } from "@/components/charts/comparison-svg";
import { ChartRegion, linePath, valueScale } from "@/components/charts/svg-frame";
import { TrendSvg } from "@/components/charts/trend-svg";

const point = (period: number, la: number | null, england: number | null) => ({
  period,
  label: String(period),
  la,
  england,
  region: null,
  comparator: null,
  laText: la === null ? "x" : String(la),
  englandText: england === null ? "x" : String(england),
  regionText: "x",
  comparatorText: "x",
});

describe("linePath and valueScale", () => {
  it("breaks a line at a missing value instead of joining across it", () => {
    expect(
      linePath([
        [0, 10],
        [1, 20],
        [2, null],
        [3, 30],
        [4, 40],
      ]),
    ).toBe("M0 10L1 20M3 30L4 40");
    expect(linePath([[0, null]])).toBe("");
  });

  it("starts the value axis at 0 with nice ticks, and keeps a limit when one is given", () => {
    const { scale, ticks } = valueScale([3.2, 17.9], [300, 0]);
    expect(scale.domain()).toEqual([0, 20]);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(20);
    expect(valueScale([5, 100], [300, 0], 40).scale.domain()).toEqual([0, 40]);
  });
});

describe("<TrendSvg>", () => {
  const html = renderToStaticMarkup(
    createElement(TrendSvg, {
      id: "trend",
      title: "Agency rate: Leeds",
      description: "8 years plotted",
      unit: "PERCENT",
      points: [point(2019, 10.1, 15.4), point(2020, null, 15.0), point(2021, 12.3, 15.5)],
      names: { la: "Leeds", england: "England", region: "Yorkshire", comparator: "Neighbours' median" },
      annotations: [{ kind: "covid", from: 2019.5, to: 2020.5, periods: [2020], text: "COVID" }],
      inspections: [{ at: 2020.8, date: "2021-03-01", label: "Good", judgement: "GOOD", typeLabel: "Full inspection" }],
      domain: [2019, 2021],
    }),
  );

  it("is an accessible image with its title and description; its region is focusable and labelled", () => {
    const region = renderToStaticMarkup(
      createElement(ChartRegion, { label: "Agency rate: Leeds" } as Parameters<typeof ChartRegion>[0], "…"),
    );
    expect(region).toBe(
      '<div class="govuk-chart-wrapper" role="region" tabindex="0" aria-label="Agency rate: Leeds"><div class="chart-box">…</div></div>',
    );
    expect(html).toContain('role="img" aria-labelledby="trend-title trend-desc"');
    expect(html).toContain('<title id="trend-title">Agency rate: Leeds</title>');
    expect(html).toContain('<desc id="trend-desc">8 years plotted</desc>');
  });

  it("draws the LA's line broken at the missing year, a dot with its figure per year, and the marks", () => {
    expect(html).not.toContain("NaN");
    const la = /<path d="([^"]*)"[^>]*data-series="la"/.exec(html)?.[1] ?? "";
    expect(la.match(/M/g)).toHaveLength(2);
    expect(html.match(/<circle/g)).toHaveLength(2);
    expect(html).toContain("<title>2019: Leeds 10.1%; England 15.4%;");
    expect(html).toContain("Ofsted Good</text>");
    expect(html).not.toContain('data-series="region"'); // no figures, no line
    expect(html).toContain("COVID</text>");
  });
});

describe("<ComparisonSvg>", () => {
  const bars = [
    { key: "a", name: "A", value: 5, text: "5.0", group: "other" as const, offScale: false },
    { key: "b", name: "B", value: 12, text: "12.0", group: "neighbour" as const, offScale: false },
    { key: "c", name: "Leeds", value: 20, text: "20.0", group: "subject" as const, offScale: false },
    { key: "d", name: "Isles of Scilly", value: 100, text: "100.0", group: "other" as const, offScale: true },
  ];
  const html = renderToStaticMarkup(
    createElement(ComparisonSvg, {
      id: "cmp",
      title: "All LAs",
      description: "153 bars",
      unit: "PERCENT",
      bars,
      england: { value: 13, text: "13.0" },
      limit: 40,
    }),
  );

  it("draws one bar per LA with its figure, the subject last so nothing covers it", () => {
    expect(html).not.toContain("NaN");
    expect(html.match(/<rect /g)).toHaveLength(4);
    const groups = [...html.matchAll(/data-group="(\w+)"/g)].map((m) => m[1]);
    expect(groups.at(-1)).toBe("subject");
    expect(html).toContain("<title>Leeds: 20.0% (this authority)</title>");
    expect(html).toContain("England 13.0%</text>");
  });

  it("clamps an off-scale bar to the top of the axis and says so", () => {
    expect(html).toContain("<title>Isles of Scilly: 100.0%, beyond the chart&#x27;s scale</title>");
    const scilly = /<g data-group="other"><rect x="[\d.]+" y="([\d.]+)"[^>]*><title>Isles/.exec(html);
    expect(Number(scilly?.[1])).toBe(16);
  });
});
