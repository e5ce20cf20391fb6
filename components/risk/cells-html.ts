// Markup of the risk tables' own cells, built from the one renderer (components/govuk/html.ts) and
// held byte for byte to what React renders for the same elements (tests/unit/html-twins.test.ts).
import { escapeHtml, tagHtml } from "@/components/govuk/html";
import { scoreTrendParts, type ScoreTrendProps } from "./score-trend";

/** An LA's flags as tags ("2 red", "1 amber"), or "None". */
export function flagCountsHtml(red: number, amber: number): string {
  if (red === 0 && amber === 0) return "None";
  const tags = [red > 0 ? tagHtml("red", `${red} red`) : "", amber > 0 ? tagHtml("orange", `${amber} amber`) : ""];
  return tags.filter(Boolean).join(" ");
}

/** Twin of <ScoreTrend {...props} /> (./score-trend.tsx). */
export function scoreTrendHtml(props: ScoreTrendProps): string {
  if (props.scores.length === 0) return '<span class="govuk-visually-hidden">No trend</span>';
  const { width, height, points, text } = scoreTrendParts(props);
  return (
    `<svg class="fill-none stroke-govuk-blue stroke-2" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false"><polyline points="${points}"></polyline></svg>` +
    `<span class="govuk-visually-hidden">${escapeHtml(text)}</span>`
  );
}
