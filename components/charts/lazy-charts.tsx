"use client";
// Recharts is not part of the page's first JavaScript: each chart is fetched (next/dynamic, no server
// rendering) only when its place on the page comes near the screen. Until then — and without
// JavaScript — the figcaption and the table twin beside each chart carry the same figures.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ComparisonChartProps, TrendChartProps } from "./chart-types";

function Placeholder({ height }: { height: string }) {
  return (
    <div className={`${height} flex w-full items-center justify-center bg-govuk-light-grey`}>
      <p className="govuk-body m-0">Loading chart…</p>
    </div>
  );
}

const TrendChart = dynamic(() => import("./trend-chart"), { ssr: false, loading: () => <Placeholder height="h-80" /> });
const ComparisonChart = dynamic(() => import("./comparison-chart"), { ssr: false, loading: () => <Placeholder height="h-72" /> });

function WhenNearScreen({ height, children }: { height: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{near ? children : <Placeholder height={height} />}</div>;
}

export function LazyTrendChart(props: TrendChartProps) {
  return (
    <WhenNearScreen height="h-80">
      <TrendChart {...props} />
    </WhenNearScreen>
  );
}

export function LazyComparisonChart(props: ComparisonChartProps) {
  return (
    <WhenNearScreen height="h-72">
      <ComparisonChart {...props} />
    </WhenNearScreen>
  );
}
