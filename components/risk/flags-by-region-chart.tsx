"use client";

import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import type { RegionFlags } from "@/lib/risk/national";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const RegionBars = dynamic(() => import("./risk-plots").then((m) => m.RegionBars), { ssr: false });

type Props = { regions: RegionFlags[]; summary: string };

/** Red and amber flags in each region (side by side, outlined so each bar stands out from the page). */
export function FlagsByRegionChart({ regions, summary }: Props) {
  const height = Math.max(160, regions.length * 44 + 70);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <WhenNearScreen className="h-full" placeholderClass="h-full">
        <RegionBars regions={regions} height={height} />
      </WhenNearScreen>
    </div>
  );
}
