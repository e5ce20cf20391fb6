"use client";
// The recharts drawings of the national risk page's three charts. Loaded on their own, in the browser
// only (next/dynamic, no server rendering, from each chart's component), so recharts is not part of
// /risk's first-load JavaScript; the server sends each chart's sized box, summary and table twin.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { RegionFlags, ScatterPoint } from "@/lib/risk/national";
import type { ScatterSeries } from "./chart-specs";

const TICK = { fill: "#0b0c0c", fontSize: 14 };
const legendText = (value: string) => <span style={{ color: "#0b0c0c" }}>{value}</span>;

export function ScatterPlot({ points, series }: { points: readonly ScatterPoint[]; series: readonly ScatterSeries[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ScatterChart margin={{ top: 10, right: 16, bottom: 28, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e6e7" />
        <XAxis
          type="number"
          dataKey="agency"
          name="Agency rate"
          unit="%"
          tick={TICK}
          label={{ value: "Agency social worker rate (%)", position: "insideBottom", offset: -16, fill: "#0b0c0c" }}
        />
        <YAxis
          type="number"
          dataKey="caseload"
          name="Caseload"
          domain={["dataMin - 1", "dataMax + 1"]}
          tickFormatter={(v: number) => v.toFixed(0)}
          tick={TICK}
          width={40}
          label={{ value: "Caseload", angle: -90, position: "insideLeft", fill: "#0b0c0c" }}
        />
        <Tooltip cursor={{ strokeDasharray: "3 3" }} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 8 }} formatter={legendText} />
        {series.map((s) => {
          const data = points.filter((p) => p.judgement === s.judgement);
          return data.length ? (
            <Scatter key={s.judgement} name={s.name} data={data} fill={s.fill} shape={s.shape} isAnimationActive={false} />
          ) : null;
        })}
      </ScatterChart>
    </ResponsiveContainer>
  );
}

export function ScoreBars({ data }: { data: { score: string; count: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 10, right: 16, bottom: 28, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e6e7" vertical={false} />
        <XAxis
          dataKey="score"
          tick={TICK}
          label={{ value: "Risk score (points)", position: "insideBottom", offset: -16, fill: "#0b0c0c" }}
        />
        <YAxis allowDecimals={false} tick={TICK} width={36} />
        <Tooltip formatter={(value) => [String(value), "Authorities"]} labelFormatter={(l) => `Score ${String(l)}`} />
        <Bar dataKey="count" name="Authorities" fill="#1d70b8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function RegionBars({ regions }: { regions: RegionFlags[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={regions} layout="vertical" margin={{ top: 10, right: 16, bottom: 10, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke="#e5e6e7" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={TICK} />
        <YAxis type="category" dataKey="regionName" width={120} tick={{ fill: "#0b0c0c", fontSize: 13 }} interval={0} />
        <Tooltip />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 14, paddingBottom: 8 }} formatter={legendText} />
        <Bar dataKey="red" name="Red flags" fill="#d4351c" stroke="#0b0c0c" isAnimationActive={false} />
        <Bar dataKey="amber" name="Amber flags" fill="#ffdd00" stroke="#0b0c0c" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
