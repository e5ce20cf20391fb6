"use client";
// The interactive charts (recharts: hover and keyboard reading) are not part of the page's first
// JavaScript. Each chart's box first holds the server-drawn SVG (`drawn`), which is all a reader
// without JavaScript, or printing, sees; when the box comes near the screen recharts is fetched and
// its chart replaces the SVG in the same box. The figcaption and the table twin carry the figures.
import { lazy, Suspense, type ReactNode } from "react";
import type { ComparisonChartProps, TrendChartProps } from "./chart-types";
import { WhenNearScreen } from "./when-near-screen";

const TrendChart = lazy(() => import("./trend-chart"));
const ComparisonChart = lazy(() => import("./comparison-chart"));

export function LazyTrendChart({ drawn, ...props }: TrendChartProps & { drawn: ReactNode }) {
  return (
    <WhenNearScreen className="h-full" placeholder={drawn}>
      <Suspense fallback={drawn}>
        <TrendChart {...props} />
      </Suspense>
    </WhenNearScreen>
  );
}

export function LazyComparisonChart({ drawn, ...props }: ComparisonChartProps & { drawn: ReactNode }) {
  return (
    <WhenNearScreen className="h-full" placeholder={drawn}>
      <Suspense fallback={drawn}>
        <ComparisonChart {...props} />
      </Suspense>
    </WhenNearScreen>
  );
}
