// The one HTML-string renderer (decision 0023): markup twins of the GOV.UK components, for the very
// long tables (150+ rows) that are sent as one HTML string instead of React elements. In React, each
// of those rows costs the browser twice: the row arrives as HTML and again as RSC payload, and
// hydration then walks every element of it (Lighthouse, mobile preset: 2,200+ elements and 250–600 ms
// of blocking time on `/` and `/la/330`). An element given `dangerouslySetInnerHTML` travels once in the
// payload, as a string, and React does not walk inside it (decisions 0007 "Performance", 0013).
//
// Each twin produces exactly the markup `react-dom/server` renders for its component (unit-tested in
// tests/unit/html-twins.test.ts), and every interpolated value goes through `escapeHtml`, the one
// escaper. Domain twins (risk flags, triage status, published figures) are built from these.
import { escapeHtml } from "@/lib/core/html-escape";
import { JUDGEMENT_TAG_COLOURS, judgementLabel, type Judgement } from "./judgement-tag";
import { TABLE_CLASSES, type TableProps } from "./table";
import type { TagColour } from "./tag";

// React's own escaping for text and attribute values (lib/core/html-escape.ts), so a twin's output equals React's byte for byte.
export { escapeHtml };

/** ` class="…"` for the class names given (falsy ones skipped), or nothing when there are none, as React writes it. */
function classAttr(...names: (string | false | null | undefined)[]): string {
  const value = names.filter(Boolean).join(" ");
  return value ? ` class="${escapeHtml(value)}"` : "";
}

/** A marker letter with its meaning: the abbreviation for sighted readers, the meaning spoken. Twin of the marker in <PublishedFigure> (components/authorities/published-figure.tsx). */
export function markerHtml(letter: string, meaning: string): string {
  const m = escapeHtml(meaning);
  return `<span data-marker="${escapeHtml(letter)}"><abbr title="${m}" class="font-bold no-underline">${escapeHtml(letter)}</abbr><span class="govuk-visually-hidden"> (${m})</span></span>`;
}

/** Twin of <Tag colour={colour}>{text}</Tag>. */
export function tagHtml(colour: TagColour, text: string): string {
  return `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`;
}

/** Twin of <JudgementTag judgement={judgement} />. */
export function judgementTagHtml(judgement: Judgement | null | undefined): string {
  return tagHtml(judgement ? JUDGEMENT_TAG_COLOURS[judgement] : "grey", judgementLabel(judgement));
}

/** Twin of a link to a page in the service (<Link href>), as a plain anchor: the page cache answers it quickly. */
export function linkHtml(href: string, text: string, className?: string): string {
  return `<a href="${escapeHtml(href)}"${classAttr(className)}>${escapeHtml(text)}</a>`;
}

/** A sortable column heading: a link to the other order, with ▲/▼ for sighted readers (aria-sort on the cell says it to the rest). */
export function sortHeadingHtml(href: string, label: string, arrow?: "▲" | "▼"): string {
  return `<a href="${escapeHtml(href)}" class="govuk-link--no-visited-state">${escapeHtml(label)}${arrow ? `<span aria-hidden="true"> ${arrow}</span>` : ""}</a>`;
}

/** A cell's content as markup that has already been escaped (build it with `escapeHtml` and the twins). */
export type HtmlCell = { html: string; numeric?: boolean; header?: boolean; className?: string };
/** A column heading's content as escaped markup, with its sort state. */
export type HtmlHeading = { html: string; numeric?: boolean; ariaSort?: "ascending" | "descending" };

type BodyOptions = Pick<TableProps, "firstCellIsHeader" | "numericColumns" | "compact">;

/**
 * Twin of the <tbody> rows that <Table rows firstCellIsHeader numericColumns compact> renders; pass the
 * result to <Table bodyHtml>. Numeric columns are right-aligned like Table's (cell.numeric overrides).
 */
export function tableBodyHtml(rows: readonly (readonly HtmlCell[])[], options: BodyOptions = {}): string {
  const numericColumns = new Set(options.numericColumns ?? []);
  const c = options.compact ? TABLE_CLASSES.compact : TABLE_CLASSES.govuk;
  let html = "";
  for (const row of rows) {
    html += `<tr${classAttr(c.row)}>`;
    row.forEach((cell, i) => {
      const numeric = cell.numeric ?? numericColumns.has(i);
      if (cell.header ?? (options.firstCellIsHeader && i === 0)) {
        html += `<th scope="row"${classAttr(c.header, numeric && c.headerNumeric, cell.className)}>${cell.html}</th>`;
      } else {
        html += `<td${classAttr(c.cell, numeric && c.cellNumeric, cell.className)}>${cell.html}</td>`;
      }
    });
    html += "</tr>";
  }
  return html;
}

/**
 * Twin of a whole <Table caption captionId id head rows>, scroll region and all, for a table sent as
 * one string (the risk ranking, the analysts' inbox, a chart's table twin inside a client leaf).
 */
export function tableHtml(
  options: BodyOptions & {
    id?: string;
    caption: string;
    captionSize?: TableProps["captionSize"];
    /** fixed, since the string is built outside React (and may be reused across requests) */
    captionId: string;
    head: readonly HtmlHeading[];
    rows: readonly (readonly HtmlCell[])[];
  },
): string {
  const c = options.compact ? TABLE_CLASSES.compact : TABLE_CLASSES.govuk;
  const numericColumns = new Set(options.numericColumns ?? []);
  const captionId = escapeHtml(options.captionId);
  const head = options.head
    .map((h, i) => {
      const numeric = h.numeric ?? numericColumns.has(i);
      return `<th scope="col"${h.ariaSort ? ` aria-sort="${h.ariaSort}"` : ""}${classAttr(c.header, numeric && c.headerNumeric)}>${h.html}</th>`;
    })
    .join("");
  return (
    `<div class="govuk-table-wrapper" role="region" tabindex="0" aria-labelledby="${captionId}">` +
    `<table${options.id ? ` id="${escapeHtml(options.id)}"` : ""}${classAttr(c.table)}>` +
    `<caption id="${captionId}" class="govuk-table__caption govuk-table__caption--${options.captionSize ?? "m"}">${escapeHtml(options.caption)}</caption>` +
    (head ? `<thead${classAttr(c.head)}><tr${classAttr(c.row)}>${head}</tr></thead>` : "") +
    `<tbody${classAttr(c.body)}>${tableBodyHtml(options.rows, options)}</tbody></table></div>`
  );
}

/**
 * Rendered strings kept by key (data version + query): equal keys render equal markup, so a table is
 * built once per release and view, not per request. One per table, the `limit` most recently used.
 * Deliberately not lib/core/cache.ts (lru-cache): this runs in client components, and lru-cache would
 * add 6 kB gzip to the browser's first load of /risk for a memo that matters only on the server
 * (decision 0022).
 */
export function htmlCache(limit = 64): (key: string, render: () => string) => string {
  const kept = new Map<string, string>();
  return (key, render) => {
    const hit = kept.get(key);
    if (hit !== undefined) {
      kept.delete(key);
      kept.set(key, hit); // most recently used last
      return hit;
    }
    const html = render();
    kept.set(key, html);
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return html;
  };
}
