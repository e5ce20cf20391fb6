// Markup helpers for the national page's large tables, which are rendered to an HTML string once per
// data version and query and then reused (decision 0007, "Performance"): 153 rows rendered as React
// elements cost ~70 ms a request (the rows travel twice: as HTML and as the RSC payload), far over the
// page's 150 ms p95 budget at 20 concurrent users. Every interpolated value goes through `escapeHtml`.
import { markerHtml } from "@/components/govuk/html";
import { formatValue, markerMeaning } from "@/lib/core/values";
import type { MarkerCode } from "@/lib/risk/types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A published figure as table-cell markup: the published text, a marker letter with its meaning, or a dash. Mirrors components/authorities/published-figure.tsx. */
export function figureHtml(figure: { raw: string; marker: MarkerCode | null } | null, unit: "PERCENT" | "CASES_PER_FTE"): string {
  if (!figure) return '<span aria-hidden="true">–</span><span class="govuk-visually-hidden">no figure published</span>';
  if (figure.marker) return markerHtml(figure.marker, markerMeaning(figure.marker));
  return escapeHtml(formatValue({ value: null, marker: null, raw: figure.raw }, unit));
}

/**
 * The score trend as a small inline SVG (hidden from assistive technology), followed by the same
 * figures as text for screen readers. `from` is the workforce year of the first score.
 */
export function sparklineHtml(scores: readonly number[], from: number, max: number, width = 88, height = 24): string {
  if (scores.length === 0) return '<span class="govuk-visually-hidden">No trend</span>';
  const top = Math.max(max, ...scores, 1);
  const step = scores.length > 1 ? (width - 4) / (scores.length - 1) : 0;
  const y = (s: number) => Math.round(height - 2 - (s / top) * (height - 4));
  const coords = scores.map((s, i) => `${Math.round(2 + i * step)},${y(s)}`).join(" ");
  return (
    `<svg class="fill-none stroke-govuk-blue stroke-2" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true" focusable="false"><polyline points="${coords}"/></svg>` +
    `<span class="govuk-visually-hidden">Score ${from} to ${from + scores.length - 1}: ${escapeHtml(scores.join(", "))}</span>`
  );
}

export type HtmlCell = { html: string; numeric?: boolean; header?: boolean; className?: string };

/** A GOV.UK table (as components/govuk/table.tsx draws it) inside a scrollable, focusable region. */
export function tableHtml(options: {
  id?: string;
  caption: string;
  captionId: string;
  head: { html: string; numeric?: boolean; ariaSort?: "ascending" | "descending" }[];
  rows: HtmlCell[][];
}): string {
  const th = options.head
    .map(
      (h) =>
        `<th scope="col"${h.ariaSort ? ` aria-sort="${h.ariaSort}"` : ""} class="govuk-table__header${h.numeric ? " govuk-table__header--numeric" : ""}">${h.html}</th>`,
    )
    .join("");
  const body = options.rows
    .map(
      (row) =>
        `<tr>${row
          .map((c) =>
            c.header
              ? `<th scope="row" class="govuk-table__header${c.numeric ? " govuk-table__header--numeric" : ""}">${c.html}</th>`
              : `<td class="govuk-table__cell${c.numeric ? " govuk-table__cell--numeric" : ""}${c.className ? ` ${c.className}` : ""}">${c.html}</td>`,
          )
          .join("")}</tr>`,
    )
    .join("");
  return (
    // `relative`: the visually hidden text inside cells is absolutely positioned; without a positioned
    // wrapper it would escape the scrolling region and widen the page at 320 px.
    `<div class="govuk-table-wrapper relative" role="region" tabindex="0" aria-labelledby="${options.captionId}">` +
    `<table class="govuk-table"${options.id ? ` id="${options.id}"` : ""}>` +
    `<caption id="${options.captionId}" class="govuk-table__caption govuk-table__caption--s">${escapeHtml(options.caption)}</caption>` +
    `<thead class="govuk-table__head"><tr>${th}</tr></thead>` +
    `<tbody class="govuk-table__body">${body}</tbody></table></div>`
  );
}

/** A tiny most-recently-used cache for rendered strings (one per process). */
export function createHtmlCache(limit = 64) {
  const map = new Map<string, string>();
  return (key: string, render: () => string): string => {
    const hit = map.get(key);
    if (hit !== undefined) {
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    const html = render();
    map.set(key, html);
    if (map.size > limit) map.delete(map.keys().next().value!);
    return html;
  };
}
