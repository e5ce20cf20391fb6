"use client";

import dynamic from "next/dynamic";
import { WhenNearScreen } from "@/components/charts/when-near-screen";
import type { ReactNode } from "react";
import { ChartRegion } from "@/components/charts/chart-region";
import type { RegionFlags } from "@/lib/risk/national";
import { regionView } from "./chart-specs";

// recharts is fetched, and the chart drawn, only when the chart comes near the screen
// (components/risk/risk-plots.tsx, components/charts/when-near-screen.tsx).
const RegionBars = dynamic(() => import("./risk-plots").then((m) => m.RegionBars), { ssr: false });

type Props = { regions: RegionFlags[]; summary: string; drawn: ReactNode };

/** Red and amber flags in each region (side by side, outlined so each bar stands out from the page). */
export function FlagsByRegionChart({ regions, summary, drawn }: Props) {
  const view = regionView(regions.length);
  return (
    <ChartRegion label={summary} view={view}>
      <WhenNearScreen className="h-full" placeholder={drawn}>
        <RegionBars regions={regions} />
      </WhenNearScreen>
    </ChartRegion>
  );
}
