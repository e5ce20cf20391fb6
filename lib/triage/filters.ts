// URL filters and sort of the analysts' inbox: the national page's (lib/risk/filters.ts)
// plus `status` (triage status) and three more sorts (change in score, days since last review,
// triage status). Read only for people who may see triage; for anyone else /risk parses exactly as
// before, so an inbox link shows them the public view. Bad values are reported and ignored.
import { z } from "zod";
import { firstIssue, firstValue, queryString, type RawParams } from "@/lib/core/url-query";
import { INBOX_SORT_KEYS, INBOX_STATUS_FILTERS, type AnyInboxSort, type InboxStatusFilter } from "@/lib/triage/inbox";
import { RISK_QUERY_FIELDS, RISK_SORT_KEYS } from "@/lib/risk/national";
import { parseRiskFilters, type RiskFilterError, type RiskFilterValues } from "@/lib/risk/filters";

export type InboxFilterValues = {
  /** the national filters; `sort` here only when it is one of the national table's */
  risk: RiskFilterValues;
  status?: InboxStatusFilter;
  /** the sort asked for, national or inbox */
  sort?: AnyInboxSort;
  order?: "asc" | "desc";
};

type InboxFilterError = { field: RiskFilterError["field"] | "status"; message: string };

const statusSchema = z.enum(INBOX_STATUS_FILTERS, { error: "Choose a triage status from the list" });
const sortSchema = z.enum([...RISK_SORT_KEYS, ...INBOX_SORT_KEYS], { error: "Sort by one of the table's columns" });

export function parseInboxFilters(raw: RawParams): { filters: InboxFilterValues; errors: InboxFilterError[] } {
  const sortRaw = firstValue(raw.sort);
  const sort = sortRaw ? sortSchema.safeParse(sortRaw) : null;
  // The national parser knows only the national sorts: give it the sort only when it is one of those.
  const national = sort?.success && (RISK_SORT_KEYS as readonly string[]).includes(sort.data) ? sortRaw : undefined;
  const parsed = parseRiskFilters({ ...raw, sort: national });
  const errors: InboxFilterError[] = [...parsed.errors];
  if (sort && !sort.success) errors.push({ field: "sort", message: firstIssue(sort.error) });
  const filters: InboxFilterValues = { risk: parsed.filters, sort: sort?.success ? sort.data : undefined, order: parsed.filters.order };
  const statusRaw = firstValue(raw.status);
  if (statusRaw) {
    const status = statusSchema.safeParse(statusRaw);
    if (status.success) filters.status = status.data;
    else errors.push({ field: "status", message: firstIssue(status.error) });
  }
  return { filters, errors };
}

const INBOX_QUERY_FIELDS = [...RISK_QUERY_FIELDS.filter((f) => f !== "sort" && f !== "order"), "status", "sort", "order"] as const;

/** "?region=…&status=NEW&sort=change&order=desc" for the inbox ("" when there is nothing). */
export function inboxQuery(
  filters: InboxFilterValues,
  overrides: Partial<Pick<InboxFilterValues, "status" | "sort" | "order">> = {},
): string {
  const merged: Record<string, string | undefined> = {
    ...filters.risk,
    status: filters.status,
    sort: filters.sort,
    order: filters.order,
    ...overrides,
  };
  return queryString(merged, INBOX_QUERY_FIELDS);
}

export function hasInboxFilter(filters: InboxFilterValues): boolean {
  const r = filters.risk;
  return Boolean(r.region || r.judgement || r.indicator || r.kind || r.severity || filters.status);
}
