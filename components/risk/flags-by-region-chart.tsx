"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RegionFlags } from "@/lib/risk/national";
import { useMounted } from "./use-mounted";

type Props = { regions: RegionFlags[]; summary: string };

/** Red and amber flags in each region (side by side, outlined so each bar stands out from the page). */
export function FlagsByRegionChart({ regions, summary }: Props) {
  const mounted = useMounted();
  const height = Math.max(160, regions.length * 44 + 70);
  return (
    <div role="img" aria-label={summary} className="w-full" style={{ height }}>
      {mounted ? (
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={regions} layout="vertical" margin={{ top: 10, right: 16, bottom: 10, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e5e6e7" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 14 }} />
            <YAxis type="category" dataKey="regionName" width={120} tick={{ fill: "#0b0c0c", fontSize: 13 }} interval={0} />
            <Tooltip />
            <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 8 }} formatter={(value: string) => <span style={{ color: "#0b0c0c" }}>{value}</span>} />
            <Bar dataKey="red" name="Red flags" fill="#d4351c" stroke="#0b0c0c" isAnimationActive={false} />
            <Bar dataKey="amber" name="Amber flags" fill="#ffdd00" stroke="#0b0c0c" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
