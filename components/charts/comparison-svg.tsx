// Every LA's figure for one indicator and year, ranked, drawn on the server as SVG: the selected LA and
// its statistical neighbours highlighted, England as a dashed line. Values far beyond the rest (Isles
// of Scilly's 100% agency rate, small-count rates) are drawn to the top edge with a notch and said to be
// off the scale, so they do not flatten every other bar; the table twin gives the true figure.
import { COLOURS, unitSuffix, type ComparisonChartProps } from "./chart-types";
import { AXIS_TEXT, ChartSvg, round, valueScale, ValueAxis, VIEW, type Margin } from "./svg-frame";

const MARGIN: Margin = { top: 16, right: 16, bottom: 28, left: 56 };
const FILL = { subject: COLOURS.la, neighbour: COLOURS.neighbour, other: COLOURS.other } as const;

export function ComparisonSvg({ id, title, description, unit, bars, england, limit }: ComparisonChartProps & { id: string }) {
  const suffix = unitSuffix(unit);
  const bottom = VIEW.height - MARGIN.bottom;
  const { scale: y, ticks } = valueScale(bars.map((b) => b.value).concat(england ? [england.value] : []), [bottom, MARGIN.top], limit);
  const band = (VIEW.width - MARGIN.left - MARGIN.right) / Math.max(1, bars.length);
  const gap = band > 3 ? 1 : 0;
  // the highlighted bars are drawn last, so neighbours' and the LA's bars are never covered
  const order = [...bars.keys()].sort((a, b) => rankOf(bars[a]!.group) - rankOf(bars[b]!.group));
  return (
    <ChartSvg id={id} title={title} description={description} testId="comparison-chart">
      <ValueAxis ticks={ticks} y={y} margin={MARGIN} suffix={suffix} />
      {order.map((i) => {
        const b = bars[i]!;
        const top = b.offScale && limit != null ? y(limit) : y(Math.max(0, b.value));
        const x = MARGIN.left + i * band;
        return (
          <g key={b.key} data-group={b.group}>
            <rect
              x={round(x + gap / 2)}
              y={round(Math.min(top, y(0)))}
              width={round(Math.max(0.5, band - gap))}
              height={round(Math.abs(y(0) - top))}
              fill={FILL[b.group]}
              stroke={b.group === "subject" ? "#0b0c0c" : undefined}
            >
              <title>{`${b.name}: ${b.text}${suffix}${b.group === "subject" ? " (this authority)" : b.group === "neighbour" ? " (statistical neighbour)" : ""}${b.offScale ? ", beyond the chart's scale" : ""}`}</title>
            </rect>
            {b.offScale ? (
              <path d={`M${round(x)} ${round(top + 6)} l${round(band / 2)} -6 l${round(band / 2)} 6`} fill="#ffffff" aria-hidden="true" />
            ) : null}
          </g>
        );
      })}
      {england ? (
        <g aria-hidden="true">
          <line
            x1={MARGIN.left}
            x2={VIEW.width - MARGIN.right}
            y1={round(y(england.value))}
            y2={round(y(england.value))}
            stroke="#0b0c0c"
            strokeDasharray="8 4"
          />
          <text x={MARGIN.left + 6} y={round(y(england.value)) - 6} fontSize={12} fill="#0b0c0c">
            {`England ${england.text}${suffix}`}
          </text>
        </g>
      ) : null}
      <text x={(MARGIN.left + VIEW.width - MARGIN.right) / 2} y={VIEW.height - 8} textAnchor="middle" aria-hidden="true" {...AXIS_TEXT}>
        Local authorities, ranked
      </text>
    </ChartSvg>
  );
}

function rankOf(group: "subject" | "neighbour" | "other"): number {
  return group === "other" ? 0 : group === "neighbour" ? 1 : 2;
}
