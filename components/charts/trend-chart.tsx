"use client";
// Time series of one indicator: the LA against England, its region and its statistical neighbours'
// median or mean, with Ofsted inspections and series breaks marked. Keyboard: focus the chart and use
// the arrow keys to move between years (recharts' accessibility layer); the values are announced.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { judgementLabel } from "@/lib/catalogue/judgements";
import type { TrendPoint } from "@/lib/dashboard/build";
import { COLOURS, DASHES, JUDGEMENT_COLOURS, unitSuffix, type TrendChartProps } from "./chart-types";
import { ChartFrame, chartName } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";

/** The lines' order in the tooltip. */
const SERIES = ["la", "england", "region", "comparator"] as const;

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; names: TrendChartProps["names"]; suffix: string };

function TrendTooltip({ active, payload, names, suffix }: TooltipProps) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  const withUnit = (t: string) => (/^-?[\d.]+$/.test(t) ? `${t}${suffix}` : t);
  return (
    <ChartTooltip heading={point.label}>
      {SERIES.map((key) => (
        <p key={key} className="m-0">
          {names[key]}: {withUnit(point[`${key}Text`])}
        </p>
      ))}
    </ChartTooltip>
  );
}

export default function TrendChart({ title, description, unit, points, names, annotations, inspections, domain }: TrendChartProps) {
  const suffix = unitSuffix(unit);
  const labelOf = new Map(points.map((p) => [p.period, p.label]));
  return (
    <ChartFrame testId="trend-chart">
      <LineChart data={points} margin={{ top: 24, right: 16, bottom: 8, left: 0 }} {...chartName(title, description)}>
        <CartesianGrid stroke="#dddddd" vertical={false} />
        {annotations.map((a, i) =>
          a.kind === "covid" ? (
            <ReferenceArea
              key={`covid-${i}`}
              x1={Math.max(domain[0], a.from)}
              x2={Math.min(domain[1], a.to)}
              fill={COLOURS.covid}
              fillOpacity={1}
              stroke="#b1b4b6"
              strokeDasharray="3 3"
              label={{ value: "COVID", position: "insideTop", fontSize: 12, fill: "#505a5f" }}
              ifOverflow="hidden"
            />
          ) : a.kind === "boundary" && a.at >= domain[0] && a.at <= domain[1] ? (
            <ReferenceLine
              key={`boundary-${i}`}
              x={a.at}
              stroke={COLOURS.boundary}
              strokeDasharray="4 2"
              label={{ value: "Boundary", position: "insideTopRight", fontSize: 12, fill: "#0b0c0c" }}
            />
          ) : null,
        )}
        <XAxis
          dataKey="period"
          type="number"
          domain={domain}
          ticks={points.map((p) => p.period)}
          tickFormatter={(v: number) => labelOf.get(v) ?? String(v)}
          allowDecimals={false}
          fontSize={13}
          stroke="#505a5f"
        />
        <YAxis fontSize={13} stroke="#505a5f" width={48} tickFormatter={(v: number) => `${v}${suffix}`} />
        {inspections.map((m) => (
          <ReferenceLine
            key={m.date}
            x={m.at}
            stroke={JUDGEMENT_COLOURS[m.judgement ?? ""] ?? "#505a5f"}
            strokeWidth={2}
            // short judgement labels on the chart; the list under the chart gives them in full
            label={{
              value: `Ofsted ${m.judgement ? judgementLabel(m.judgement, "abbreviation") : "visit"}`,
              position: "top",
              fontSize: 12,
              fill: "#0b0c0c",
            }}
          />
        ))}
        <Tooltip content={<TrendTooltip names={names} suffix={suffix} />} />
        {/* the comparators dashed, then the LA on top: thicker, with a dot at each year */}
        {(["england", "region", "comparator", "la"] as const).map((key) => (
          <Line
            key={key}
            type="linear"
            dataKey={key}
            name={names[key]}
            stroke={COLOURS[key]}
            strokeDasharray={DASHES[key]}
            strokeWidth={key === "la" ? 3 : 2}
            dot={key === "la" ? { r: 4, fill: COLOURS.la } : false}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
