// The national risk page's three charts drawn on the server as SVG (decision 0025): they show without
// JavaScript and in print, and the browser's interactive charts (risk-plots.tsx) replace them when
// near the screen, in the same box. The table twins beside them carry the same figures.
import { scaleLinear } from "d3-scale";
import type { ReactNode } from "react";
import type { RegionFlags, ScatterPoint, ScoreBin } from "@/lib/risk/national";
import { AXIS_TEXT, ChartSvg, GRID, round, ValueAxis, type ChartText, type Margin } from "@/components/charts/svg-frame";
import { regionView, SCATTER_SERIES, SCATTER_VIEW, SCORE_VIEW, type ScatterSeries } from "./chart-specs";

const INK = "#0b0c0c";

/** A marker of the given shape centred on (x, y), about 9 px across. */
export function markerPath(shape: ScatterSeries["shape"], x: number, y: number): string {
  const r = 4.5;
  const [cx, cy] = [round(x), round(y)];
  switch (shape) {
    case "circle":
      return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
    case "square":
      return `M${cx - r} ${cy - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case "triangle":
      return `M${cx} ${cy - r - 1}L${cx + r + 1} ${cy + r}H${cx - r - 1}z`;
    case "diamond":
      return `M${cx} ${cy - r - 1}L${cx + r + 1} ${cy}L${cx} ${cy + r + 1}L${cx - r - 1} ${cy}z`;
    case "cross":
      return `M${cx - r} ${cy - r}L${cx + r} ${cy + r}M${cx + r} ${cy - r}L${cx - r} ${cy + r}`;
  }
}

/** The legend along the top: each series' marker and name. */
function Legend({ items, y }: { items: { name: string; draw: (x: number, y: number) => ReactNode }[]; y: number }) {
  // each entry starts after the one before: marker, gap, name (about 7 units a character at 13 px)
  const starts = items.map((_, i) => 56 + items.slice(0, i).reduce((w, item) => w + 22 + item.name.length * 7, 0));
  return (
    <g aria-hidden="true">
      {items.map((item, i) => (
        <g key={item.name}>
          {item.draw(starts[i]! + 5, y)}
          <text x={starts[i]! + 14} y={y} dy="0.32em" {...AXIS_TEXT} fill={INK}>
            {item.name}
          </text>
        </g>
      ))}
    </g>
  );
}

function Marker({ series, x, y }: { series: ScatterSeries; x: number; y: number }) {
  const d = markerPath(series.shape, x, y);
  return series.shape === "cross" ? <path d={d} stroke={series.fill} strokeWidth={2} fill="none" /> : <path d={d} fill={series.fill} />;
}

/** Agency rate (x) against caseload (y), one marker per workforce return, shaped and coloured by judgement. */
export function ScatterSvg({ points, ...text }: ChartText & { points: readonly ScatterPoint[] }) {
  const m: Margin = { top: 36, right: 16, bottom: 44, left: 48 };
  const v = SCATTER_VIEW;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.agency))])
    .range([m.left, v.width - m.right])
    .nice(6);
  const caseloads = points.map((p) => p.caseload);
  const y = scaleLinear()
    .domain(caseloads.length ? [Math.min(...caseloads) - 1, Math.max(...caseloads) + 1] : [0, 1])
    .range([v.height - m.bottom, m.top])
    .nice(5);
  const present = SCATTER_SERIES.filter((s) => points.some((p) => p.judgement === s.judgement));
  return (
    <ChartSvg {...text} testId="scatter-chart" view={v}>
      <ValueAxis ticks={y.ticks(5)} y={y} margin={m} suffix="" view={v} />
      <g aria-hidden="true">
        {x.ticks(6).map((t) => (
          <g key={`x${t}`}>
            <line x1={round(x(t))} x2={round(x(t))} y1={m.top} y2={v.height - m.bottom} stroke={GRID} />
            <text x={round(x(t))} y={v.height - m.bottom + 16} textAnchor="middle" {...AXIS_TEXT}>
              {`${t}%`}
            </text>
          </g>
        ))}
        <text x={(m.left + v.width - m.right) / 2} y={v.height - 6} textAnchor="middle" {...AXIS_TEXT} fill={INK}>
          Agency social worker rate (%)
        </text>
        <text transform={`translate(14 ${(m.top + v.height - m.bottom) / 2}) rotate(-90)`} textAnchor="middle" {...AXIS_TEXT} fill={INK}>
          Caseload
        </text>
      </g>
      <Legend items={present.map((s) => ({ name: s.name, draw: (lx, ly) => <Marker series={s} x={lx} y={ly} /> }))} y={14} />
      {present.map((s) => (
        <g key={s.judgement} data-judgement={s.judgement}>
          {points
            .filter((p) => p.judgement === s.judgement)
            .map((p) => (
              <Marker key={p.laNumbers.join("-")} series={s} x={x(p.agency)} y={y(p.caseload)} />
            ))}
        </g>
      ))}
    </ChartSvg>
  );
}

/** How many workforce returns have each whole-point score: one bar per bin, its count above it. */
export function ScoreBarsSvg({ bins, ...text }: ChartText & { bins: readonly ScoreBin[] }) {
  const m: Margin = { top: 16, right: 16, bottom: 44, left: 40 };
  const v = SCORE_VIEW;
  const y = scaleLinear()
    .domain([0, Math.max(1, ...bins.map((b) => b.count))])
    .range([v.height - m.bottom, m.top])
    .nice(5);
  const band = (v.width - m.left - m.right) / Math.max(1, bins.length);
  return (
    <ChartSvg {...text} testId="score-chart" view={v}>
      <ValueAxis ticks={y.ticks(5).filter(Number.isInteger)} y={y} margin={m} suffix="" view={v} />
      <g aria-hidden="true">
        <text x={(m.left + v.width - m.right) / 2} y={v.height - 6} textAnchor="middle" {...AXIS_TEXT} fill={INK}>
          Risk score (points)
        </text>
      </g>
      {bins.map((b, i) => {
        const x0 = m.left + i * band;
        return (
          <g key={b.label}>
            <rect x={round(x0 + 4)} y={round(y(b.count))} width={round(band - 8)} height={round(y(0) - y(b.count))} fill="#1d70b8" />
            <text x={round(x0 + band / 2)} y={v.height - m.bottom + 16} textAnchor="middle" {...AXIS_TEXT} aria-hidden="true">
              {b.to === null ? `${b.from}+` : b.from}
            </text>
            {b.count > 0 ? (
              <text x={round(x0 + band / 2)} y={round(y(b.count)) - 4} textAnchor="middle" fontSize={12} fill={INK} aria-hidden="true">
                {b.count}
              </text>
            ) : null}
          </g>
        );
      })}
    </ChartSvg>
  );
}

const FLAG_BARS = [
  { key: "red", name: "Red flags", fill: "#d4351c" },
  { key: "amber", name: "Amber flags", fill: "#ffdd00" },
] as const;

/** Red and amber flags in each region, side by side, outlined so each bar stands out from the page. */
export function RegionBarsSvg({ regions, ...text }: ChartText & { regions: readonly RegionFlags[] }) {
  const v = regionView(regions.length);
  const m: Margin = { top: 36, right: 24, bottom: 24, left: 150 };
  const x = scaleLinear()
    .domain([0, Math.max(1, ...regions.map((r) => Math.max(r.red, r.amber)))])
    .range([m.left, v.width - m.right])
    .nice(5);
  const band = (v.height - m.top - m.bottom) / Math.max(1, regions.length);
  const bar = Math.min(14, (band - 8) / 2);
  return (
    <ChartSvg {...text} testId="regions-chart" view={v}>
      <g aria-hidden="true">
        {x.ticks(5).map((t) =>
          Number.isInteger(t) ? (
            <g key={t}>
              <line x1={round(x(t))} x2={round(x(t))} y1={m.top} y2={v.height - m.bottom} stroke={GRID} />
              <text x={round(x(t))} y={v.height - m.bottom + 16} textAnchor="middle" {...AXIS_TEXT}>
                {t}
              </text>
            </g>
          ) : null,
        )}
      </g>
      <Legend
        items={FLAG_BARS.map((f) => ({
          name: f.name,
          draw: (lx, ly) => <rect x={lx - 5} y={ly - 5} width={10} height={10} fill={f.fill} stroke={INK} />,
        }))}
        y={14}
      />
      {regions.map((r, i) => {
        const top = m.top + i * band + (band - 2 * bar) / 2;
        return (
          <g key={r.regionCode}>
            <text x={m.left - 8} y={round(top + bar)} dy="0.32em" textAnchor="end" {...AXIS_TEXT} fill={INK} aria-hidden="true">
              {r.regionName}
            </text>
            {FLAG_BARS.map((f, j) => (
              <rect
                key={f.key}
                x={m.left}
                y={round(top + j * bar)}
                width={round(x(r[f.key]) - m.left)}
                height={round(bar)}
                fill={f.fill}
                stroke={INK}
              />
            ))}
          </g>
        );
      })}
    </ChartSvg>
  );
}
