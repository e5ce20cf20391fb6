// What every server-drawn chart shares (decision 0025): an accessible <svg> (role img, title and
// description) drawn to a fixed viewBox that scales with its box, inside a labelled region that takes
// keyboard focus in page order and scrolls sideways on its own below the chart's narrowest readable
// width (so the page never does, WCAG 1.4.10). No JavaScript: it shows without it and in print.
import { scaleLinear } from "d3-scale";
import type { ReactNode } from "react";

import { ChartRegion, VIEW, type View } from "./chart-region";

export { ChartRegion, VIEW, type View };
export const AXIS_TEXT = { fontSize: 13, fill: "#505a5f" } as const;
export const GRID = "#dddddd";

export type Margin = { top: number; right: number; bottom: number; left: number };

/** A value axis from 0 (or the lowest value, when negative) to a "nice" top, with its ticks. */
export function valueScale(values: readonly number[], range: [bottom: number, top: number], limit?: number | null) {
  const max = limit ?? Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const scale = scaleLinear()
    .domain([min, max === min ? min + 1 : max])
    .range(range);
  if (limit == null) scale.nice(5);
  return { scale, ticks: scale.ticks(5) };
}

/** Horizontal grid lines and the value labels on the left. */
export function ValueAxis({
  ticks,
  y,
  margin,
  suffix,
  view = VIEW,
}: {
  ticks: number[];
  y: (v: number) => number;
  margin: Margin;
  suffix: string;
  view?: View;
}) {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line x1={margin.left} x2={view.width - margin.right} y1={y(t)} y2={y(t)} stroke={GRID} />
          <text x={margin.left - 6} y={y(t)} dy="0.32em" textAnchor="end" {...AXIS_TEXT}>
            {`${t}${suffix}`}
          </text>
        </g>
      ))}
      <line x1={margin.left} x2={margin.left} y1={margin.top} y2={view.height - margin.bottom} stroke="#505a5f" />
    </g>
  );
}

/** A chart as a figure: its region (the drawn chart) and its caption. */
export function ChartFigure({ title, chart, caption }: { title: string; chart: ReactNode; caption: ReactNode }) {
  return (
    <figure className="m-0 mb-4" aria-label={title}>
      <ChartRegion label={title}>{chart}</ChartRegion>
      <figcaption className="govuk-body-s mt-2">{caption}</figcaption>
    </figure>
  );
}

/** What a chart says about itself: its title and description (the image's text). `id` must be unique on the page. */
export type ChartText = { id: string; title: string; description: string };

/** The server-drawn chart: an image with its title and description. */
export function ChartSvg({
  id,
  title,
  description,
  testId,
  view = VIEW,
  children,
}: ChartText & {
  testId: string;
  /** the drawing's size in SVG units (default 640 × 300); it scales to its box */
  view?: View;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${view.width} ${view.height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="block h-full w-full"
      fontFamily="Arial, sans-serif"
      data-testid={testId}
      data-drawn="server"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** "M x y L x y …" through the points, broken where a value is missing (never joined across a gap). */
export function linePath(points: ReadonlyArray<readonly [x: number, y: number | null]>): string {
  let d = "";
  let pen = false;
  for (const [x, y] of points) {
    if (y === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${round(x)} ${round(y)}`;
    pen = true;
  }
  return d;
}

export const round = (n: number) => Math.round(n * 10) / 10;
