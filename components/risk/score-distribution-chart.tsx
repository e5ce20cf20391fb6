"use client";

import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import type { ReactNode } from "react";
import { ChartRegion } from "@/components/charts/chart-region";
import type { ScoreBin } from "@/lib/risk/national";
import { SCORE_VIEW } from "./chart-specs";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const ScoreBars = dynamic(() => import("./risk-plots").then((m) => m.ScoreBars), { ssr: false });

type Props = { bins: ScoreBin[]; summary: string; drawn: ReactNode };

/** How many workforce returns have each (whole-point) score. */
export function ScoreDistributionChart({ bins, summary, drawn }: Props) {
  const data = bins.map((b) => ({ score: b.to === null ? `${b.from}+` : String(b.from), count: b.count }));
  return (
    <ChartRegion label={summary} view={SCORE_VIEW}>
      <WhenNearScreen className="h-full" placeholder={drawn}>
        <ScoreBars data={data} />
      </WhenNearScreen>
    </ChartRegion>
  );
}
