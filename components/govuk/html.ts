// Markup twins of GOV.UK components, for the few very long tables (150+ rows) that are sent as one
// HTML string instead of React elements. In React, each of those rows costs the browser twice: the
// row arrives as HTML and again as RSC payload, and hydration then walks every element of it
// (Lighthouse, mobile preset: 2,200+ elements and 250–600 ms of blocking time on `/` and `/la/330`).
// An element given `dangerouslySetInnerHTML` travels once in the payload, as a string, and React does
// not walk inside it. The risk pages do the same (decision 0007, "Performance"); decision 0013.
//
// Each twin produces exactly the markup `react-dom/server` renders for its component (unit-tested in
// tests/unit/html-twins.test.ts), and every interpolated value goes through `escapeHtml`.
import { JUDGEMENT_TAG_COLOURS, judgementLabel, type Judgement } from "./judgement-tag";
import type { TagColour } from "./tag";

// React's own escaping for text and attribute values, so a twin's output equals React's byte for byte.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A marker letter with its meaning: the abbreviation for sighted readers, the meaning spoken. Twin of the marker in <PublishedFigure> (components/authorities/published-figure.tsx). */
export function markerHtml(letter: string, meaning: string): string {
  const m = escapeHtml(meaning);
  return `<span data-marker="${escapeHtml(letter)}"><abbr title="${m}" class="font-bold no-underline">${escapeHtml(letter)}</abbr><span class="govuk-visually-hidden"> (${m})</span></span>`;
}

/** A cell's content as markup that has already been escaped (build it with `escapeHtml` and the twins). */
export type HtmlCell = { html: string; numeric?: boolean };

/** Twin of <Tag colour={colour}>{text}</Tag>. */
export function tagHtml(colour: TagColour, text: string): string {
  return `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`;
}

/** Twin of <JudgementTag judgement={judgement} />. */
export function judgementTagHtml(judgement: Judgement | null | undefined): string {
  return tagHtml(judgement ? JUDGEMENT_TAG_COLOURS[judgement] : "grey", judgementLabel(judgement));
}

/** Twin of a link to a page in the service (<Link href>), as a plain anchor: the page cache answers it quickly. */
export function linkHtml(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/**
 * Twin of the <tbody> that <Table rows firstCellIsHeader numericColumns> renders; pass the result to
 * <Table bodyHtml>. Numeric columns are right-aligned like Table's (cell.numeric overrides).
 */
export function tableBodyHtml(
  rows: readonly (readonly HtmlCell[])[],
  options: { firstCellIsHeader?: boolean; numericColumns?: readonly number[] } = {},
): string {
  const numericColumns = new Set(options.numericColumns ?? []);
  let html = "";
  for (const row of rows) {
    html += '<tr class="govuk-table__row">';
    row.forEach((cell, i) => {
      const numeric = cell.numeric ?? numericColumns.has(i);
      if (options.firstCellIsHeader && i === 0) {
        html += `<th scope="row" class="govuk-table__header${numeric ? " govuk-table__header--numeric" : ""}">${cell.html}</th>`;
      } else {
        html += `<td class="govuk-table__cell${numeric ? " govuk-table__cell--numeric" : ""}">${cell.html}</td>`;
      }
    });
    html += "</tr>";
  }
  return html;
}
