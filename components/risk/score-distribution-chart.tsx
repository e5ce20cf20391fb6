"use client";

import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import type { ScoreBin } from "@/lib/risk/national";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const ScoreBars = dynamic(() => import("./risk-plots").then((m) => m.ScoreBars), { ssr: false });

type Props = { bins: ScoreBin[]; summary: string };

/** How many workforce returns have each (whole-point) score. */
export function ScoreDistributionChart({ bins, summary }: Props) {
  const data = bins.map((b) => ({ score: b.to === null ? `${b.from}+` : String(b.from), count: b.count }));
  return (
    <div role="img" aria-label={summary} className="h-[280px] w-full">
      <WhenNearScreen placeholderClass="h-[280px]">
        <ScoreBars data={data} />
      </WhenNearScreen>
    </div>
  );
}
