// A tiny server-rendered trend line for a headline card: no JavaScript. Decorative (aria-hidden):
// the figures are in the card text and in the table below the cards.
type Props = { points: { period: number; value: number | null }[] };

export function Sparkline({ points }: Props) {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (values.length < 2) return null;
  const w = 120;
  const h = 32;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * (w - 4) + 2);
  const y = (v: number) => (max === min ? h / 2 : h - 3 - ((v - min) / (max - min)) * (h - 6));
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
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true" focusable="false" className="block">
      {segments.map((d) => (
        <path key={d} d={d} fill="none" stroke="#1d70b8" strokeWidth={2} />
      ))}
      {last !== null ? <circle cx={x(lastIndex)} cy={y(last)} r={3} fill="#1d70b8" /> : null}
    </svg>
  );
}
