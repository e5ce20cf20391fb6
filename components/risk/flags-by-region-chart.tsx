"use client";

import dynamic from "next/dynamic";
import type { RegionFlags } from "@/lib/risk/national";

// recharts is fetched after the page has loaded (components/risk/risk-plots.tsx).
const RegionBars = dynamic(() => import("./risk-plots").then((m) => m.RegionBars), { ssr: false });

type Props = { regions: RegionFlags[]; summary: string };

/** Red and amber flags in each region (side by side, outlined so each bar stands out from the page). */
export function FlagsByRegionChart({ regions, summary }: Props) {
  const height = Math.max(160, regions.length * 44 + 70);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      <RegionBars regions={regions} height={height} />
    </div>
  );
}
