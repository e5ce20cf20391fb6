// Pure helpers for the plan pages: which published figures count as "since the action started",
// the evidence RAG for a linked action, filters and sort held in the URL, overdue, and CSV.
import { assessEvidence, isEvidenceMismatch, type Evidence, type Figure, type ManagerStatus, type Polarity } from "./evidence";

/**
 * A figure for period P (a year) counts as "since the action started" when P is the start year or
 * later; the last earlier figure is the baseline. (Periods are years whose reference date varies by
 * series — 31 March or 30 September — so a figure in the start year may predate the start by months;
 * erring towards counting it keeps the first release after the start visible.)
 */
export function splitFigures(figures: readonly Figure[], startDate: string): { baseline: Figure | null; since: Figure[] } {
  const startYear = Number(startDate.slice(0, 4));
  const sorted = [...figures].sort((a, b) => a.period - b.period);
  const before = sorted.filter((f) => f.period < startYear);
  return { baseline: before.at(-1) ?? null, since: sorted.filter((f) => f.period >= startYear) };
}

export type LinkedEvidence = Evidence & { baseline: Figure | null; since: Figure[]; mismatch: boolean };

export function evidenceForAction(
  action: { status: ManagerStatus; startDate: string; target: number },
  polarity: Polarity,
  figures: readonly Figure[],
  unit?: string,
): LinkedEvidence {
  const { baseline, since } = splitFigures(figures, action.startDate);
  const evidence = assessEvidence({ polarity, target: action.target, baseline, since, unit });
  return { ...evidence, baseline, since, mismatch: isEvidenceMismatch(action.status, evidence.rag) };
}

export function isOverdue(action: { dueDate: string; status: ManagerStatus }, today: string): boolean {
  return action.status !== "COMPLETE" && action.dueDate < today;
}

export type ActionFilters = {
  status?: ManagerStatus;
  owner?: string;
  theme?: string;
  overdue?: boolean;
  sort: "due" | "status" | "title" | "updated";
};

export type FilterableAction = {
  title: string;
  owner: string;
  theme: string;
  status: ManagerStatus;
  dueDate: string;
  updatedAt: string;
};

// One collator for every comparison: localeCompare(…, "en-GB") builds a new one per call.
export const COLLATOR = new Intl.Collator("en-GB");

/** Plain code-unit order, for ISO dates and timestamps (no collation needed). */
export const compareIso = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const STATUS_ORDER: Record<ManagerStatus, number> = { OFF_TRACK: 0, AT_RISK: 1, NOT_STARTED: 2, ON_TRACK: 3, COMPLETE: 4 };

export function filterAndSortActions<T extends FilterableAction>(actions: readonly T[], filters: ActionFilters, today: string): T[] {
  const owner = filters.owner?.trim().toLowerCase();
  const kept = actions.filter(
    (a) =>
      (!filters.status || a.status === filters.status) &&
      (!filters.theme || a.theme === filters.theme) &&
      (!owner || a.owner.toLowerCase().includes(owner)) &&
      (!filters.overdue || isOverdue(a, today)),
  );
  const byTitle = (a: T, b: T) => COLLATOR.compare(a.title, b.title);
  const compare: Record<ActionFilters["sort"], (a: T, b: T) => number> = {
    due: (a, b) => compareIso(a.dueDate, b.dueDate) || byTitle(a, b),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || compareIso(a.dueDate, b.dueDate) || byTitle(a, b),
    title: byTitle,
    updated: (a, b) => compareIso(b.updatedAt, a.updatedAt) || byTitle(a, b),
  };
  return [...kept].sort(compare[filters.sort]);
}
