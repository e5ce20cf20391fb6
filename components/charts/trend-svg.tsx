// The time series of one indicator, drawn on the server as SVG: the LA against England, its region
// and its statistical neighbours' median or mean, with COVID, boundary changes and Ofsted inspections
// marked. Hovering a point shows its figure (SVG <title>); the table twin beside it has every figure.
import { scaleLinear } from "d3-scale";
import { JUDGEMENTS } from "@/lib/catalogue/judgements";
import { COLOURS, DASHES, JUDGEMENT_COLOURS, unitSuffix, type TrendChartProps } from "./chart-types";
import { AXIS_TEXT, ChartSvg, linePath, round, valueScale, ValueAxis, VIEW, type Margin } from "./svg-frame";

const SHORT: Record<string, string> = Object.fromEntries(JUDGEMENTS.map((j) => [j.id, j.abbreviation]));
const MARGIN: Margin = { top: 30, right: 16, bottom: 30, left: 56 };
const SERIES = [
  { key: "england", colour: COLOURS.england, dash: DASHES.england, width: 2 },
  { key: "region", colour: COLOURS.region, dash: DASHES.region, width: 2 },
  { key: "comparator", colour: COLOURS.comparator, dash: DASHES.comparator, width: 2 },
  { key: "la", colour: COLOURS.la, dash: undefined, width: 3 },
] as const;

export function TrendSvg({
  id,
  title,
  description,
  unit,
  points,
  names,
  annotations,
  inspections,
  domain,
}: TrendChartProps & { id: string }) {
  const suffix = unitSuffix(unit);
  const values = points.flatMap((p) => [p.la, p.england, p.region, p.comparator]).filter((v): v is number => v !== null);
  const bottom = VIEW.height - MARGIN.bottom;
  const { scale: y, ticks } = valueScale(values, [bottom, MARGIN.top]);
  const x = scaleLinear()
    .domain(domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain)
    .range([MARGIN.left + 12, VIEW.width - MARGIN.right - 12]);
  const withUnit = (t: string) => (/^-?[\d.]+$/.test(t) ? `${t}${suffix}` : t);
  return (
    <ChartSvg id={id} title={title} description={description} testId="trend-chart">
      {annotations.map((a, i) =>
        a.kind === "covid" && a.to >= domain[0] && a.from <= domain[1] ? (
          <g key={`covid-${i}`} aria-hidden="true">
            <rect
              x={round(x(Math.max(domain[0], a.from)))}
              y={MARGIN.top}
              width={Math.max(1, round(x(Math.min(domain[1], a.to)) - x(Math.max(domain[0], a.from))))}
              height={bottom - MARGIN.top}
              fill={COLOURS.covid}
              stroke="#b1b4b6"
              strokeDasharray="3 3"
            />
            <text x={round(x(Math.max(domain[0], a.from)) + 4)} y={MARGIN.top + 14} fontSize={12} fill="#505a5f">
              COVID
            </text>
          </g>
        ) : null,
      )}
      <ValueAxis ticks={ticks} y={y} margin={MARGIN} suffix={suffix} />
      <g aria-hidden="true">
        {points.map((p) => (
          <text key={p.period} x={round(x(p.period))} y={bottom + 18} textAnchor="middle" {...AXIS_TEXT}>
            {p.label}
          </text>
        ))}
      </g>
      {annotations.map((a, i) =>
        a.kind === "boundary" && a.at >= domain[0] && a.at <= domain[1] ? (
          <g key={`boundary-${i}`} aria-hidden="true">
            <line x1={round(x(a.at))} x2={round(x(a.at))} y1={MARGIN.top} y2={bottom} stroke={COLOURS.boundary} strokeDasharray="4 2" />
            <text x={round(x(a.at)) - 4} y={MARGIN.top + 28} textAnchor="end" fontSize={12} fill="#0b0c0c">
              Boundary
            </text>
          </g>
        ) : null,
      )}
      {inspections
        .filter((m) => m.at >= domain[0] && m.at <= domain[1])
        .map((m) => (
          <g key={m.date} aria-hidden="true">
            <line
              x1={round(x(m.at))}
              x2={round(x(m.at))}
              y1={MARGIN.top - 6}
              y2={bottom}
              stroke={JUDGEMENT_COLOURS[m.judgement ?? ""] ?? "#505a5f"}
              strokeWidth={2}
            />
            <text x={round(x(m.at))} y={MARGIN.top - 10} textAnchor="middle" fontSize={12} fill="#0b0c0c">
              {`Ofsted ${SHORT[m.judgement ?? ""] ?? "visit"}`}
            </text>
          </g>
        ))}
      {SERIES.map((s) => {
        const d = linePath(points.map((p) => [x(p.period), p[s.key] === null ? null : y(p[s.key]!)]));
        return d ? (
          <path key={s.key} d={d} fill="none" stroke={s.colour} strokeWidth={s.width} strokeDasharray={s.dash} data-series={s.key} />
        ) : null;
      })}
      {points.map((p) =>
        p.la === null ? null : (
          <circle key={p.period} cx={round(x(p.period))} cy={round(y(p.la))} r={4} fill={COLOURS.la}>
            <title>{`${p.label}: ${names.la} ${withUnit(p.laText)}; ${names.england} ${withUnit(p.englandText)}; ${names.region} ${withUnit(p.regionText)}; ${names.comparator} ${withUnit(p.comparatorText)}`}</title>
          </circle>
        ),
      )}
    </ChartSvg>
  );
}
