"use client";
// Recharts is not part of the page's first JavaScript: each chart is fetched (next/dynamic, no server
// rendering) only when its place on the page comes near the screen. Until then — and without
// JavaScript — the figcaption and the table twin beside each chart carry the same figures.
import dynamic from "next/dynamic";
import type { ComparisonChartProps, TrendChartProps } from "./chart-types";
import { ChartPlaceholder, WhenNearScreen } from "./when-near-screen";

const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: () => <ChartPlaceholder className="h-80" /> });
const ComparisonChart = dynamic(() => import("./comparison-chart"), { ssr: false, loading: () => <ChartPlaceholder className="h-72" /> });

export function LazyTrendChart(props: TrendChartProps) {
  return (
    <WhenNearScreen placeholderClass="h-80">
      <TrendChart {...props} />
    </WhenNearScreen>
  );
}

export function LazyComparisonChart(props: ComparisonChartProps) {
  return (
    <WhenNearScreen placeholderClass="h-72">
      <ComparisonChart {...props} />
    </WhenNearScreen>
  );
}
