"use client";
// Every LA's figure for one indicator and year, ranked, with the selected LA and its statistical
// neighbours highlighted and England as a reference line. Values far beyond the rest (Isles of
// Scilly's 100% agency rate) are drawn to the top edge and marked off-scale so they do not flatten
// every other bar; the table gives the true figure.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { COLOURS, unitSuffix, type ComparisonBar, type ComparisonChartProps } from "./chart-types";
import { ChartFrame, chartName } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; suffix: string };

function BarTooltip({ active, payload, suffix }: TooltipProps) {
  const bar = payload?.[0]?.payload as ComparisonBar | undefined;
  if (!active || !bar) return null;
  return (
    <ChartTooltip heading={bar.name}>
      <p className="m-0">
        {bar.text}
        {suffix}
        {bar.group === "subject" ? " (this authority)" : bar.group === "neighbour" ? " (statistical neighbour)" : ""}
        {bar.offScale ? " — beyond the chart's scale" : ""}
      </p>
    </ChartTooltip>
  );
}

export default function ComparisonChart({ title, description, unit, bars, england, limit }: ComparisonChartProps) {
  const suffix = unitSuffix(unit);
  const top = limit ?? undefined;
  const data = bars.map((b) => ({ ...b, drawn: top !== undefined && b.value > top ? top : b.value }));
  return (
    <ChartFrame testId="comparison-chart">
      <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 0 }} barCategoryGap={1} {...chartName(title, description)}>
        <CartesianGrid stroke="#dddddd" vertical={false} />
        <XAxis
          dataKey="key"
          tick={false}
          stroke="#505a5f"
          label={{ value: "Local authorities, ranked", position: "insideBottom", fontSize: 13, fill: "#505a5f" }}
          height={28}
        />
        <YAxis
          fontSize={13}
          stroke="#505a5f"
          width={48}
          domain={[0, top ?? "auto"]}
          allowDataOverflow
          tickFormatter={(v: number) => `${v}${suffix}`}
        />
        <Tooltip content={<BarTooltip suffix={suffix} />} cursor={{ fill: "#ffdd00", fillOpacity: 0.4 }} />
        {england ? (
          <ReferenceLine
            y={england.value}
            stroke="#0b0c0c"
            strokeDasharray="8 4"
            label={{ value: `England ${england.text}${suffix}`, position: "insideTopLeft", fontSize: 12, fill: "#0b0c0c" }}
          />
        ) : null}
        <Bar dataKey="drawn" isAnimationActive={false}>
          {data.map((b) => (
            <Cell
              key={b.key}
              fill={b.group === "subject" ? COLOURS.la : b.group === "neighbour" ? COLOURS.neighbour : COLOURS.other}
              stroke={b.group === "subject" ? "#0b0c0c" : undefined}
              strokeWidth={b.group === "subject" ? 1 : 0}
            />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
