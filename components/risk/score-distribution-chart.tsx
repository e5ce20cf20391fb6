"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ScoreBin } from "@/lib/risk/national";
import { useMounted } from "./use-mounted";

type Props = { bins: ScoreBin[]; summary: string };

/** How many workforce returns have each (whole-point) score. */
export function ScoreDistributionChart({ bins, summary }: Props) {
  const mounted = useMounted();
  const data = bins.map((b) => ({ score: b.to === null ? `${b.from}+` : String(b.from), count: b.count }));
  return (
    <div role="img" aria-label={summary} className="h-[280px] w-full">
      {mounted ? (
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={data} margin={{ top: 10, right: 16, bottom: 28, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e5e6e7" vertical={false} />
            <XAxis dataKey="score" tick={{ fill: "#0b0c0c", fontSize: 14 }} label={{ value: "Risk score (points)", position: "insideBottom", offset: -16, fill: "#0b0c0c" }} />
            <YAxis allowDecimals={false} tick={{ fill: "#0b0c0c", fontSize: 14 }} width={36} />
            <Tooltip formatter={(value) => [String(value), "Authorities"]} labelFormatter={(l) => `Score ${String(l)}`} />
            <Bar dataKey="count" name="Authorities" fill="#1d70b8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : null}
    </div>
  );
}
