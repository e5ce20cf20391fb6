"use client";

// The ranked national table. A client leaf only so that it receives slim row data rather than
// finished markup: the server still renders it to HTML (no JavaScript is needed to read or sort it),
// but the RSC payload carries ~30 kB of rows (as one JSON string) instead of a second copy of
// ~150 kB of table markup (decision 0007, "Performance"). Sorting is done on the server and held in the URL: every column
// heading is a plain link.
import { JUDGEMENT_LABELS, JUDGEMENT_TAG_COLOURS, NOT_JUDGED_LABEL } from "@/components/govuk/judgement-tag";
import type { TableRow } from "@/lib/risk/national";
import { decodeFromServer, defaultOrder, riskQuery, type Encoded, type NationalFilters, type RiskSortKey } from "@/lib/risk/national-rows";
import { createHtmlCache, escapeHtml, figureHtml, sparklineHtml, tableHtml } from "./html";

type Column = { key: RiskSortKey | null; label: string; numeric?: boolean };

const COLUMNS: Column[] = [
  { key: null, label: "Rank", numeric: true },
  { key: "name", label: "Local authority" },
  { key: "region", label: "Region" },
  { key: "judgement", label: "Ofsted judgement" },
  { key: "score", label: "Score", numeric: true },
  { key: null, label: "Trend" },
  { key: "red", label: "Flags" },
  { key: "agency", label: "Agency rate", numeric: true },
  { key: "caseload", label: "Caseload", numeric: true },
];

function judgementHtml(j: TableRow["judgement"]): string {
  return j
    ? `<strong class="govuk-tag govuk-tag--${JUDGEMENT_TAG_COLOURS[j]}">${escapeHtml(JUDGEMENT_LABELS[j])}</strong>`
    : `<strong class="govuk-tag govuk-tag--grey">${NOT_JUDGED_LABEL}</strong>`;
}

function flagsHtml(r: TableRow): string {
  if (r.red === 0 && r.amber === 0) return "None";
  const red = r.red > 0 ? `<strong class="govuk-tag govuk-tag--red">${r.red} red</strong>` : "";
  const amber = r.amber > 0 ? `<strong class="govuk-tag govuk-tag--orange">${r.amber} amber</strong>` : "";
  return red && amber ? `${red} ${amber}` : red || amber;
}

/** The table's markup (pure; exported for tests). */
export function renderRiskTable(rows: readonly TableRow[], filters: NationalFilters, caption: string, maxScore: number): string {
  const sort = filters.sort ?? "score";
  const order = filters.order ?? defaultOrder(sort);
  const head = COLUMNS.map((c) => {
    const active = c.key !== null && c.key === sort;
    if (!c.key) return { html: escapeHtml(c.label), numeric: c.numeric };
    const next = active ? (order === "asc" ? "desc" : "asc") : defaultOrder(c.key);
    const href = `/risk${riskQuery(filters, { sort: c.key, order: next })}#risk-table`;
    const arrow = active ? `<span aria-hidden="true">${order === "asc" ? " ▲" : " ▼"}</span>` : "";
    return {
      html: `<a href="${escapeHtml(href)}" class="govuk-link--no-visited-state">${escapeHtml(c.label)}${arrow}</a>`,
      numeric: c.numeric,
      ariaSort: active ? (order === "asc" ? ("ascending" as const) : ("descending" as const)) : undefined,
    };
  });
  return tableHtml({
    id: "risk-table",
    caption,
    captionId: "risk-table-caption",
    head,
    rows: rows.map((r) => [
      { html: String(r.rank), numeric: true },
      { html: `<a href="/risk/la/${escapeHtml(r.laNumber)}">${escapeHtml(r.name)}</a>`, header: true },
      { html: escapeHtml(r.regionName) },
      { html: judgementHtml(r.judgement) },
      { html: `<strong>${r.score}</strong>`, numeric: true },
      { html: sparklineHtml(r.trend, r.trendFrom, maxScore) },
      { html: flagsHtml(r) },
      { html: figureHtml(r.agency, "PERCENT"), numeric: true },
      { html: figureHtml(r.caseload, "CASES_PER_FTE"), numeric: true },
    ]),
  });
}

const cache = createHtmlCache();

type Props = {
  /** the rows, as one JSON string (see encodeForClient) */
  rows: Encoded<TableRow[]>;
  filters: NationalFilters;
  caption: string;
  maxScore: number;
  /** data version + query: equal keys render equal markup, so the server reuses it */
  cacheKey: string;
};

export function RiskTable({ rows, filters, caption, maxScore, cacheKey }: Props) {
  const html = cache(cacheKey, () => renderRiskTable(decodeFromServer(rows), filters, caption, maxScore));
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}
