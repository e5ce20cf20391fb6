import { describe, expect, it } from "vitest";
import { renderScatterTwin } from "@/components/risk/agency-caseload-chart";
import { publishedFigureHtml } from "@/components/authorities/figure-html";
import { escapeHtml } from "@/components/govuk/html";
import { scoreTrendHtml } from "@/components/risk/cells-html";
import { renderRiskTable } from "@/components/risk/risk-table";
import type { TableRow } from "@/lib/risk/national";

const row = (over: Partial<TableRow>): TableRow => ({
  rank: 1,
  joint: false,
  laNumber: "330",
  name: "Birmingham",
  regionName: "West Midlands",
  judgement: "REQUIRES_IMPROVEMENT",
  score: 5.2,
  red: 1,
  amber: 2,
  agency: { raw: "u", marker: "u" },
  caseload: { raw: "18.4", marker: null },
  trendFrom: 2017,
  trend: [1, 2, 5.2],
  ...over,
});

describe("rendered table markup", () => {
  it("escapes every interpolated value", () => {
    expect(escapeHtml(`<script>"&'`)).toBe("&lt;script&gt;&quot;&amp;&#x27;");
    const html = renderRiskTable([row({ name: `<img src=x onerror="alert(1)">` })], {}, "Caption & more", 5);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Caption &amp; more");
  });

  it("marks the sorted column with aria-sort and links each heading to the other direction, keeping the filters", () => {
    const html = renderRiskTable([row({})], { region: "E12000005", sort: "caseload", order: "desc" }, "c", 5);
    expect(html).toContain('aria-sort="descending"');
    expect(html).toContain('href="/risk?region=E12000005&amp;sort=caseload&amp;order=asc#risk-table"');
    expect(html).toContain('href="/risk?region=E12000005&amp;sort=name&amp;order=asc#risk-table"');
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
  });

  it("shows a marker as its letter with its meaning, never as a number", () => {
    // the risk rows carry a figure's published text and marker only
    const figureHtml = (f: { raw: string; marker: "u" | null } | null, unit: string) =>
      publishedFigureHtml(f && { value: null, ...f }, unit);
    expect(figureHtml({ raw: "u", marker: "u" }, "PERCENT")).toBe(
      '<span data-marker="u"><abbr title="Low reliability: a data quality issue for this authority and year" class="font-bold no-underline">u</abbr><span class="govuk-visually-hidden"> (Low reliability: a data quality issue for this authority and year)</span></span>',
    );
    expect(figureHtml({ raw: "24.5", marker: null }, "PERCENT")).toBe("<span>24.5%</span>");
    expect(figureHtml(null, "CASES_PER_FTE")).toContain("no figure published");
  });

  it("gives the trend as text for screen readers as well as a hidden drawing", () => {
    const html = scoreTrendHtml({ scores: [1, 2, 5.2], from: 2022, max: 5 });
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain("Score 2022 to 2024: 1, 2, 5.2");
  });

  it("the scatter's table twin lists every point", () => {
    const html = renderScatterTwin([
      { label: "A & B (joint return)", agency: 22, caseload: 17, judgement: "GOOD", laNumbers: ["1", "2"] },
      { label: "C", agency: 41.5, caseload: 23, judgement: "NONE", laNumbers: ["3"] },
    ]);
    expect(html.match(/<tr[ >]/g)).toHaveLength(3);
    expect(html).toContain("A &amp; B (joint return)");
    expect(html).toContain("Not yet judged");
    expect(html).toContain("41.5%");
  });
});
