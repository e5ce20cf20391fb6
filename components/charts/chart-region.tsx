// The box every chart is drawn in, shared by the server-drawn SVG and the browser's chart that may
// replace it (no drawing code here, so client components can use it without d3).
import type { ReactNode } from "react";

/** The default drawing size in SVG units; a chart box keeps its proportions. */
export const VIEW = { width: 640, height: 300 } as const;
export type View = { width: number; height: number };

/**
 * The chart's box: a labelled region that takes keyboard focus in page order and scrolls sideways on
 * its own below the chart's narrowest readable width. It holds the server-drawn SVG, which the
 * interactive chart may replace in the browser (lazy-charts.tsx) in a box of the same size, so nothing
 * moves.
 */
export function ChartRegion({ label, view = VIEW, children }: { label: string; view?: View; children: ReactNode }) {
  return (
    <div className="govuk-chart-wrapper" role="region" tabIndex={0} aria-label={label}>
      <div className="chart-box" style={view === VIEW ? undefined : { aspectRatio: `${view.width} / ${view.height}` }}>
        {children}
      </div>
    </div>
  );
}
