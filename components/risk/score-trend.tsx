// An LA's risk score over the years as a small line (hidden from assistive technology), followed by the
// same figures as text for screen readers. `from` is the workforce year of the first score. Its markup
// twin, for the national table's string rows, is scoreTrendHtml (./cells-html.ts).

export type ScoreTrendProps = { scores: readonly number[]; from: number; max: number; width?: number; height?: number };

/** The drawing's points and the words said instead (shared with the markup twin). */
export function scoreTrendParts({ scores, from, max, width = 88, height = 24 }: ScoreTrendProps) {
  const top = Math.max(max, ...scores, 1);
  const step = scores.length > 1 ? (width - 4) / (scores.length - 1) : 0;
  const y = (s: number) => Math.round(height - 2 - (s / top) * (height - 4));
  return {
    width,
    height,
    points: scores.map((s, i) => `${Math.round(2 + i * step)},${y(s)}`).join(" "),
    text: `Score ${from} to ${from + scores.length - 1}: ${scores.join(", ")}`,
  };
}

export function ScoreTrend(props: ScoreTrendProps) {
  if (props.scores.length === 0) return <span className="govuk-visually-hidden">No trend</span>;
  const { width, height, points, text } = scoreTrendParts(props);
  return (
    <>
      <svg
        className="fill-none stroke-govuk-blue stroke-2"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        <polyline points={points} />
      </svg>
      <span className="govuk-visually-hidden">{text}</span>
    </>
  );
}
