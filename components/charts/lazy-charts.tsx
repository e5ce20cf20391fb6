"use client";
// The interactive charts (recharts: hover and keyboard reading) are not part of the page's first
// JavaScript. Each chart's box first holds the server-drawn SVG (`drawn`), which is all a reader
// without JavaScript, or printing, sees; when the box comes near the screen recharts is fetched and
// its chart replaces the SVG in the same box. The figcaption and the table twin carry the figures.
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { WhenNearScreen } from "./when-near-screen";

/** The chart `Chart`, fetched and drawn in place of `drawn` once its box is near the screen. */
function drawnUntilNear<P extends object>(Chart: ComponentType<P>, name: string) {
  function NearScreenChart({ drawn, ...props }: P & { drawn: ReactNode }) {
    const Loaded = Chart as ComponentType<typeof props>;
    return (
      <WhenNearScreen className="h-full" placeholder={drawn}>
        <Suspense fallback={drawn}>
          <Loaded {...props} />
        </Suspense>
      </WhenNearScreen>
    );
  }
  NearScreenChart.displayName = name;
  return NearScreenChart;
}

export const LazyTrendChart = drawnUntilNear(
  lazy(() => import("./trend-chart")),
  "LazyTrendChart",
);
export const LazyComparisonChart = drawnUntilNear(
  lazy(() => import("./comparison-chart")),
  "LazyComparisonChart",
);
