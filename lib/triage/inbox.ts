// The analysts' inbox: the national risk rows joined to each LA's triage state, filtered by triage
// status, sorted by score, change in score or days since last review, and the CSV columns. Pure, so
// the page, the CSV download and the tests see exactly the same thing.
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { today } from "@/lib/core/clock";
import { defaultOrder, ordinal, sortRows, type NationalRow, type RiskSortKey } from "@/lib/risk/national-rows";

export const TRIAGE_STATUSES = ["NEW", "UNDER_REVIEW", "REVIEWED", "ESCALATED"] as const satisfies readonly TriageStatus[];

export const TRIAGE_STATUS_LABELS: Record<TriageStatus, string> = {
  NEW: "New",
  UNDER_REVIEW: "Under review",
  REVIEWED: "Reviewed: no further action",
  ESCALATED: "Escalated",
};

/** The status filter: one status, or everything not yet reviewed. */
export const INBOX_STATUS_FILTERS = [...TRIAGE_STATUSES, "OPEN"] as const;
export type InboxStatusFilter = (typeof INBOX_STATUS_FILTERS)[number];
export const INBOX_STATUS_FILTER_LABELS: Record<InboxStatusFilter, string> = { ...TRIAGE_STATUS_LABELS, OPEN: "Not yet reviewed" };

/** Sorts the inbox adds to the national table's. */
export const INBOX_SORT_KEYS = ["change", "review", "status"] as const;
type InboxSortKey = (typeof INBOX_SORT_KEYS)[number];
export type AnyInboxSort = RiskSortKey | InboxSortKey;

/** One LA's triage as the inbox shows it (dates as ISO strings: serialisable). */
export type TriageStateView = {
  laNumber: string;
  status: TriageStatus;
  version: number;
  latestNote: string | null;
  lastReviewedAt: string | null;
  lastReviewedByName: string | null;
  reopenReason: string | null;
  updatedAt: string;
  updatedByName: string;
};

export type InboxRow = {
  row: NationalRow;
  status: TriageStatus;
  /** the triage version the page was drawn from: 0 when the LA has never been triaged */
  version: number;
  triage: TriageStateView | null;
  /** score now minus the score before the newest workforce release; null when there was none */
  change: number | null;
  /** whole days (London calendar) since an analyst last triaged it; null when never */
  daysSinceReview: number | null;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Change in score since the previous workforce release: the current score minus the score as it stood
 * once the previous year's workforce figures were published (the trend's point for that year). Other
 * releases and inspections move the score too (decision 0024); the LA's risk card lists what moved it
 * since the last release of any series (lib/risk/changes.ts).
 */
export function scoreChange(row: Pick<NationalRow, "score" | "trend">, workforcePeriod: number): number | null {
  const previous = row.trend.find((t) => t.period === workforcePeriod - 1);
  return previous ? round1(row.score - previous.score) : null;
}

function londonDayNumber(date: Date): number {
  return Date.parse(`${today(date)}T00:00:00Z`) / 86_400_000;
}

/** Whole calendar days in London between two instants (0 = the same day). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.round(londonDayNumber(to) - londonDayNumber(from)));
}

export function toInboxRows(
  rows: readonly NationalRow[],
  states: ReadonlyMap<string, TriageStateView>,
  options: { now: Date; workforcePeriod: number },
): InboxRow[] {
  return rows.map((row) => {
    const triage = states.get(row.laNumber) ?? null;
    return {
      row,
      status: triage?.status ?? "NEW",
      version: triage?.version ?? 0,
      triage,
      change: scoreChange(row, options.workforcePeriod),
      daysSinceReview: triage?.lastReviewedAt ? daysBetween(new Date(triage.lastReviewedAt), options.now) : null,
    };
  });
}

export function filterInbox(rows: readonly InboxRow[], status: InboxStatusFilter | undefined): InboxRow[] {
  if (!status) return [...rows];
  return rows.filter((r) => (status === "OPEN" ? r.status !== "REVIEWED" : r.status === status));
}

/** Which way a column sorts first: the end that needs attention on top. */
export function inboxDefaultOrder(sort: AnyInboxSort): "asc" | "desc" {
  return sort === "change" || sort === "review" ? "desc" : sort === "status" ? "asc" : defaultOrder(sort);
}

function isInboxSort(sort: string | undefined): sort is InboxSortKey {
  return (INBOX_SORT_KEYS as readonly string[]).includes(sort ?? "");
}

const STATUS_ORDER: Record<TriageStatus, number> = { ESCALATED: 0, NEW: 1, UNDER_REVIEW: 2, REVIEWED: 3 };

/**
 * Rows in the order asked for. The national sorts keep their meaning (lib/risk/national.ts sortRows);
 * "change" puts rows without a previous score last either way; "review" treats never-reviewed as the
 * longest wait (first when descending); "status" runs escalated, new, under review, reviewed. Ties fall
 * back to rank, then name.
 */
export function sortInbox(
  rows: readonly InboxRow[],
  sort: AnyInboxSort = "score",
  order: "asc" | "desc" = inboxDefaultOrder(sort),
): InboxRow[] {
  if (!isInboxSort(sort)) {
    const byLa = new Map(rows.map((r) => [r.row.laNumber, r]));
    return sortRows(
      rows.map((r) => r.row),
      sort,
      order,
    ).map((row) => byLa.get(row.laNumber)!);
  }
  const dir = order === "asc" ? 1 : -1;
  const tie = (a: InboxRow, b: InboxRow) => a.row.rank - b.row.rank || a.row.name.localeCompare(b.row.name);
  return [...rows].sort((a, b) => {
    if (sort === "change") {
      if (a.change === null || b.change === null) return a.change === b.change ? tie(a, b) : a.change === null ? 1 : -1;
      return (a.change - b.change) * dir || tie(a, b);
    }
    if (sort === "review") {
      const da = a.daysSinceReview ?? Number.POSITIVE_INFINITY;
      const db = b.daysSinceReview ?? Number.POSITIVE_INFINITY;
      return da === db ? tie(a, b) : (da < db ? -1 : 1) * dir;
    }
    return (STATUS_ORDER[a.status] - STATUS_ORDER[b.status]) * dir || tie(a, b);
  });
}

export type StatusCounts = Record<TriageStatus, number> & { reopened: number };

export function countByStatus(rows: readonly InboxRow[]): StatusCounts {
  const counts: StatusCounts = { NEW: 0, UNDER_REVIEW: 0, REVIEWED: 0, ESCALATED: 0, reopened: 0 };
  for (const r of rows) {
    counts[r.status] += 1;
    if (r.triage?.reopenReason) counts.reopened += 1;
  }
  return counts;
}

/** "+2", "−1.5", "0" — a signed change in score. */
export function formatChange(change: number | null): string {
  if (change === null) return "–";
  if (change === 0) return "0";
  return change > 0 ? `+${change}` : `−${Math.abs(change)}`;
}

/** "Today", "1 day ago", "12 days ago", "Never". */
export function formatDaysSince(days: number | null): string {
  if (days === null) return "Never";
  if (days === 0) return "Today";
  return days === 1 ? "1 day ago" : `${days} days ago`;
}

/** What the inbox table needs of a row, and no more (it is sent to the browser with the page). */
export type InboxTableRow = {
  laNumber: string;
  name: string;
  regionName: string;
  score: number;
  /** its place in England by score: "12th", or "joint 12th" when tied */
  rank: string;
  change: number | null;
  red: number;
  amber: number;
  status: TriageStatus;
  version: number;
  reopenReason: string | null;
  daysSinceReview: number | null;
  latestNote: string | null;
  lastReviewedByName: string | null;
};

export function toInboxTableRows(rows: readonly InboxRow[]): InboxTableRow[] {
  return rows.map((r) => ({
    laNumber: r.row.laNumber,
    name: r.row.name,
    regionName: r.row.regionName,
    score: r.row.score,
    rank: `${r.row.joint ? "joint " : ""}${ordinal(r.row.rank)}`,
    change: r.change,
    red: r.row.red,
    amber: r.row.amber,
    status: r.status,
    version: r.version,
    reopenReason: r.triage?.reopenReason ?? null,
    daysSinceReview: r.daysSinceReview,
    latestNote: r.triage?.latestNote ?? null,
    lastReviewedByName: r.triage?.lastReviewedByName ?? null,
  }));
}

/** The triage columns the analysts' CSV adds after the national ones (lib/risk/national.ts nationalCsv). */
export const INBOX_CSV_HEAD = [
  "score_change_since_previous_workforce_release",
  "triage_status",
  "triage_changed_since_review",
  "triage_latest_note",
  "triage_last_reviewed_by",
  "triage_last_reviewed_at",
  "days_since_last_review",
] as const;

// Notes are typed by people: the CSV writer (lib/core/csv.ts) neutralises any that a spreadsheet
// would run as a formula.
export function inboxCsvCells(r: InboxRow): (string | number | null)[] {
  return [
    r.change === null ? null : r.change,
    TRIAGE_STATUS_LABELS[r.status],
    r.triage?.reopenReason ?? null,
    r.triage?.latestNote ?? null,
    r.triage?.lastReviewedByName ?? null,
    r.triage?.lastReviewedAt ?? null,
    r.daysSinceReview,
  ];
}
