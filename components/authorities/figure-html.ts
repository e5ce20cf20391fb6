// Markup twins of the published-figure components, for the long tables sent as one HTML string
// (components/govuk/html.ts says why). Each returns exactly what react-dom/server renders for its
// component; tests/unit/html-twins.test.ts holds them to that.
import { escapeHtml, markerHtml } from "@/components/govuk/html";
import { MARKER_MEANINGS, MARKERS } from "@/lib/core/markers";
import { CALCULATED_NOTE, formatValue, markerMeaning } from "@/lib/core/values";
import type { Marker } from "@/lib/generated/prisma/enums";

const isMarker = (text: string): text is Marker => (MARKERS as readonly string[]).includes(text);

/** A dash for sighted readers, and why there is no figure for everyone else. */
export function noFigureHtml(why: string): string {
  return `<span aria-hidden="true">–</span><span class="govuk-visually-hidden">${escapeHtml(why)}</span>`;
}

/** A table-twin cell as its CSV holds it: "" (no figure), a marker letter with its meaning, or the published text. */
export function figureTextHtml(text: string): string {
  if (text === "") return noFigureHtml("no figure");
  if (isMarker(text)) return markerHtml(text, MARKER_MEANINGS[text]);
  return escapeHtml(text);
}

/** Twin of <PublishedFigure figure={figure} unit={unit} /> (components/authorities/published-figure.tsx), without `explain`. */
export function publishedFigureHtml(
  figure: { value: number | null; marker: Marker | null; raw: string; calculated?: boolean } | null | undefined,
  unit: string,
): string {
  if (!figure) return '<span><span aria-hidden="true">–</span><span class="govuk-visually-hidden">no figure published</span></span>';
  if (figure.marker) return markerHtml(figure.marker, markerMeaning(figure.marker));
  if (figure.calculated) {
    return `<span data-calculated="true">${escapeHtml(formatValue(figure, unit))}<span class="block text-base font-normal text-govuk-secondary-text">${escapeHtml(CALCULATED_NOTE)}</span></span>`;
  }
  return `<span>${escapeHtml(formatValue(figure, unit))}</span>`;
}
