"use client";
// The national page's two bar charts in the browser: each box first holds the server's drawing
// (`drawn`, risk-svg.tsx); recharts is fetched, and the chart drawn in its place, only when the box
// comes near the screen (risk-plots.tsx, components/charts/when-near-screen.tsx).
import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import { ChartRegion } from "@/components/charts/chart-region";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import type { RegionFlags, ScoreBin } from "@/lib/risk/national";
import { regionView, SCORE_VIEW } from "./chart-specs";

const ScoreBars = dynamic(() => import("./risk-plots").then((m) => m.ScoreBars), { ssr: false });
const RegionBars = dynamic(() => import("./risk-plots").then((m) => m.RegionBars), { ssr: false });

type Drawn = { summary: string; drawn: ReactNode };

/** How many workforce returns have each (whole-point) score. */
export function ScoreDistributionChart({ bins, summary, drawn }: Drawn & { bins: ScoreBin[] }) {
  const data = bins.map((b) => ({ score: b.to === null ? `${b.from}+` : String(b.from), count: b.count }));
  return (
    <ChartRegion label={summary} view={SCORE_VIEW}>
      <WhenNearScreen className="h-full" placeholder={drawn}>
        <ScoreBars data={data} />
      </WhenNearScreen>
    </ChartRegion>
  );
}

/** Red and amber flags in each region (side by side, outlined so each bar stands out from the page). */
export function FlagsByRegionChart({ regions, summary, drawn }: Drawn & { regions: RegionFlags[] }) {
  return (
    <ChartRegion label={summary} view={regionView(regions.length)}>
      <WhenNearScreen className="h-full" placeholder={drawn}>
        <RegionBars regions={regions} />
      </WhenNearScreen>
    </ChartRegion>
  );
}
