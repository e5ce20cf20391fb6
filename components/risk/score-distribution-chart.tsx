"use client";

import dynamic from "next/dynamic";
import type { ScoreBin } from "@/lib/risk/national";

// recharts is fetched after the page has loaded (components/risk/risk-plots.tsx).
const ScoreBars = dynamic(() => import("./risk-plots").then((m) => m.ScoreBars), { ssr: false });

type Props = { bins: ScoreBin[]; summary: string };

/** How many workforce returns have each (whole-point) score. */
export function ScoreDistributionChart({ bins, summary }: Props) {
  const data = bins.map((b) => ({ score: b.to === null ? `${b.from}+` : String(b.from), count: b.count }));
  return (
    <div role="img" aria-label={summary} className="h-[280px] w-full">
      <ScoreBars data={data} />
    </div>
  );
}
