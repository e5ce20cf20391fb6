"use client";
// Time series of one indicator: the LA against England, its region and its statistical neighbours'
// median or mean, with Ofsted inspections and series breaks marked. Keyboard: focus the chart and use
// the arrow keys to move between years (recharts' accessibility layer); the values are announced.
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { JUDGEMENTS } from "@/lib/catalogue/judgements";
import type { TrendPoint } from "@/lib/dashboard/build";
import { COLOURS, DASHES, JUDGEMENT_COLOURS, unitSuffix, type TrendChartProps } from "./chart-types";

// short judgement labels on the chart; the list under the chart gives them in full
const SHORT: Record<string, string> = Object.fromEntries(JUDGEMENTS.map((j) => [j.id, j.abbreviation]));

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; names: TrendChartProps["names"]; suffix: string };

function TrendTooltip({ active, payload, names, suffix }: TooltipProps) {
  const point = payload?.[0]?.payload as TrendPoint | undefined;
  if (!active || !point) return null;
  const withUnit = (t: string) => (/^-?[\d.]+$/.test(t) ? `${t}${suffix}` : t);
  return (
    <div className="border border-govuk-text bg-white p-2 text-base" role="status" aria-live="polite">
      <p className="m-0 font-bold">{point.label}</p>
      <p className="m-0">
        {names.la}: {withUnit(point.laText)}
      </p>
      <p className="m-0">
        {names.england}: {withUnit(point.englandText)}
      </p>
      <p className="m-0">
        {names.region}: {withUnit(point.regionText)}
      </p>
      <p className="m-0">
        {names.comparator}: {withUnit(point.comparatorText)}
      </p>
    </div>
  );
}

export default function TrendChart({ title, description, unit, points, names, annotations, inspections, domain }: TrendChartProps) {
  const suffix = unitSuffix(unit);
  const labelOf = new Map(points.map((p) => [p.period, p.label]));
  return (
    <div className="h-80 w-full" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 24, right: 16, bottom: 8, left: 0 }}
          title={title}
          desc={description}
          aria-label={`${title}. ${description}`}
        >
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
              label={{ value: `Ofsted ${SHORT[m.judgement ?? ""] ?? "visit"}`, position: "top", fontSize: 12, fill: "#0b0c0c" }}
            />
          ))}
          <Tooltip content={<TrendTooltip names={names} suffix={suffix} />} />
          <Line
            type="linear"
            dataKey="england"
            name={names.england}
            stroke={COLOURS.england}
            strokeDasharray={DASHES.england}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="region"
            name={names.region}
            stroke={COLOURS.region}
            strokeDasharray={DASHES.region}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="comparator"
            name={names.comparator}
            stroke={COLOURS.comparator}
            strokeDasharray={DASHES.comparator}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="la"
            name={names.la}
            stroke={COLOURS.la}
            strokeWidth={3}
            dot={{ r: 4, fill: COLOURS.la }}
            isAnimationActive={false}
            connectNulls={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
