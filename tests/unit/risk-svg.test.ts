// The national risk page's charts drawn on the server (components/risk/risk-svg.tsx): an image with
// its title and description, one marker per workforce return in its judgement's shape, one bar per
// score bin and two per region, and nothing undrawable (NaN) for empty or single-valued data.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { markerPath, RegionBarsSvg, ScatterSvg, ScoreBarsSvg } from "@/components/risk/risk-svg";
import type { ScatterPoint } from "@/lib/risk/national";

const point = (laNumber: string, agency: number, caseload: number, judgement: ScatterPoint["judgement"]): ScatterPoint => ({
  label: `LA ${laNumber}`,
  agency,
  caseload,
  judgement,
  laNumbers: [laNumber],
});

const text = { title: "Agency rate and caseload", description: "Scatter chart: 3 workforce returns" };

describe("server-drawn risk charts", () => {
  it("draws one marker per return, grouped and shaped by judgement, with a legend only for judgements present", () => {
    const html = renderToStaticMarkup(
      createElement(ScatterSvg, {
        id: "s",
        ...text,
        points: [point("330", 12.5, 17.1, "INADEQUATE"), point("393", 3, 14, "GOOD"), point("801", 40, 20, "INADEQUATE")],
      }),
    );
    expect(html).toMatch(/^<svg viewBox="0 0 640 360" role="img" aria-labelledby="s-title s-desc"/);
    expect(html).toContain('<title id="s-title">Agency rate and caseload</title>');
    expect(html).toContain('<desc id="s-desc">Scatter chart: 3 workforce returns</desc>');
    expect(html.match(/<g data-judgement="INADEQUATE">(.*?)<\/g>/)![1]!.match(/<path /g)).toHaveLength(2);
    expect(html.match(/<g data-judgement="GOOD">(.*?)<\/g>/)![1]!.match(/<path /g)).toHaveLength(1);
    expect(html).not.toContain('data-judgement="OUTSTANDING"');
    expect(html).toContain(">Inadequate</text>");
    expect(html).not.toContain(">Outstanding</text>");
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    // the value axis runs the height of this chart's own drawing (360 high, 44 below), not the default 300
    expect(html).toContain('<line x1="48" x2="48" y1="36" y2="316" stroke="#505a5f"></line>');
  });

  it("draws empty and single-valued data without NaN", () => {
    for (const points of [[], [point("330", 0, 15, "NONE")]]) {
      const html = renderToStaticMarkup(createElement(ScatterSvg, { id: "e", ...text, points }));
      expect(html).not.toMatch(/NaN|Infinity|undefined/);
    }
    const bars = renderToStaticMarkup(
      createElement(ScoreBarsSvg, { id: "b", title: "t", description: "d", bins: [{ label: "0 to under 1", from: 0, to: 1, count: 0 }] }),
    );
    expect(bars).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("draws a bar per score bin with its count, the last open-ended", () => {
    const html = renderToStaticMarkup(
      createElement(ScoreBarsSvg, {
        id: "b",
        title: "How risk scores are spread",
        description: "Bar chart",
        bins: [
          { label: "0 to under 1", from: 0, to: 1, count: 90 },
          { label: "1 to under 2", from: 1, to: 2, count: 40 },
          { label: "2 or more", from: 2, to: null, count: 23 },
        ],
      }),
    );
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain(">2+</text>");
    expect(html).toContain(">90</text>");
  });

  it("draws a red and an amber bar per region, the chart growing with the regions", () => {
    const regions = ["North East", "London", "South West"].map((regionName, i) => ({
      regionCode: `E1200000${i}`,
      regionName,
      red: i,
      amber: 2 * i,
      authorities: 10,
    }));
    const html = renderToStaticMarkup(
      createElement(RegionBarsSvg, { id: "r", title: "Flags by region", description: "Bar chart", regions }),
    );
    expect(html).toMatch(/viewBox="0 0 640 202"/);
    expect(html.match(/<rect [^>]*fill="#d4351c"/g)).toHaveLength(1 + 3); // the legend's and one per region
    expect(html.match(/<rect [^>]*fill="#ffdd00"/g)).toHaveLength(1 + 3);
    expect(html).toContain(">South West</text>");
  });

  it("gives each judgement's marker its own shape", () => {
    const shapes = (["circle", "square", "triangle", "diamond", "cross"] as const).map((s) => markerPath(s, 10, 10));
    expect(new Set(shapes).size).toBe(5);
    for (const d of shapes) expect(d).toMatch(/^M[\d.]+ [\d.]+/);
  });
});
