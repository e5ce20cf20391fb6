"use client";

// The ranked national table. A client leaf only so that it receives slim row data rather than
// finished markup: the server still renders it to HTML (no JavaScript is needed to read or sort it),
// but the RSC payload carries ~30 kB of rows (as one JSON string) instead of a second copy of
// ~150 kB of table markup (decision 0007, "Performance"). Sorting is done on the server and held in the URL: every column
// heading is a plain link.
import { publishedFigureHtml } from "@/components/authorities/figure-html";
import { escapeHtml, htmlCache, judgementTagHtml, linkHtml, sortHeadingHtml, tableHtml, type HtmlHeading } from "@/components/govuk/html";
import type { TableRow } from "@/lib/risk/national";
import { decodeFromServer, defaultOrder, riskQuery, type Encoded, type NationalFilters, type RiskSortKey } from "@/lib/risk/national-rows";
import { flagCountsHtml, scoreTrendHtml } from "./cells-html";

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

/** A published figure as its cell shows it (the risk rows carry only its text and marker). */
const figureHtml = (f: TableRow["agency"], unit: string) => publishedFigureHtml(f && { value: null, ...f }, unit);

/** The table's markup (pure; exported for tests). */
export function renderRiskTable(rows: readonly TableRow[], filters: NationalFilters, caption: string, maxScore: number): string {
  const sort = filters.sort ?? "score";
  const order = filters.order ?? defaultOrder(sort);
  const head = COLUMNS.map((c): HtmlHeading => {
    const active = c.key !== null && c.key === sort;
    if (!c.key) return { html: escapeHtml(c.label), numeric: c.numeric };
    const next = active ? (order === "asc" ? "desc" : "asc") : defaultOrder(c.key);
    const href = `/risk${riskQuery(filters, { sort: c.key, order: next })}#risk-table`;
    return {
      html: sortHeadingHtml(href, c.label, active ? (order === "asc" ? "▲" : "▼") : undefined),
      numeric: c.numeric,
      ariaSort: active ? (order === "asc" ? "ascending" : "descending") : undefined,
    };
  });
  return tableHtml({
    id: "risk-table",
    caption,
    captionSize: "s",
    captionId: "risk-table-caption",
    head,
    rows: rows.map((r) => [
      { html: escapeHtml(r.joint ? `joint ${r.rank}` : r.rank), numeric: true },
      { html: linkHtml(`/risk/la/${r.laNumber}`, r.name), header: true },
      { html: escapeHtml(r.regionName) },
      { html: judgementTagHtml(r.judgement) },
      { html: `<strong>${escapeHtml(r.score)}</strong>`, numeric: true },
      { html: scoreTrendHtml({ scores: r.trend, from: r.trendFrom, max: maxScore }) },
      { html: flagCountsHtml(r.red, r.amber) },
      { html: figureHtml(r.agency, "PERCENT"), numeric: true },
      { html: figureHtml(r.caseload, "CASES_PER_FTE"), numeric: true },
    ]),
  });
}

const cache = htmlCache();

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
