// A tiny server-rendered trend line for a headline card: no JavaScript. Decorative (aria-hidden):
// the figures are in the card text and in the table below the cards.
type Props = { points: { period: number; value: number | null }[] };

/** The drawing's width and height (px). */
const W = 120;
const H = 32;

/** The line's segments (broken at gaps and markers) and the last point's dot, or null when there are fewer than two figures. */
function sparklineShape(points: Props["points"]): { segments: string[]; dot: { cx: number; cy: number } | null } | null {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => (points.length === 1 ? W / 2 : (i / (points.length - 1)) * (W - 4) + 2);
  const y = (v: number) => (max === min ? H / 2 : H - 3 - ((v - min) / (max - min)) * (H - 6));
  // break the line at gaps and markers instead of joining across them
  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? " L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.length - 1;
  const last = points[lastIndex]?.value ?? null;
  return { segments, dot: last !== null ? { cx: x(lastIndex), cy: y(last) } : null };
}

export function Sparkline({ points }: Props) {
  const shape = sparklineShape(points);
  if (!shape) return null;
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="block">
      {shape.segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#1d70b8" strokeWidth={2} />
      ))}
      {shape.dot ? <circle cx={shape.dot.cx} cy={shape.dot.cy} r={3} fill="#1d70b8" /> : null}
    </svg>
  );
}

/** Twin of <Sparkline points={points} />: the markup react-dom/server renders for it (tests/integration/headline-cards-twin.test.ts). */
export function sparklineHtml(points: Props["points"]): string {
  const shape = sparklineShape(points);
  if (!shape) return "";
  const paths = shape.segments.map((d) => `<path d="${d}" fill="none" stroke="#1d70b8" stroke-width="2"></path>`).join("");
  const dot = shape.dot ? `<circle cx="${shape.dot.cx}" cy="${shape.dot.cy}" r="3" fill="#1d70b8"></circle>` : "";
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-hidden="true" focusable="false" class="block">${paths}${dot}</svg>`;
}
