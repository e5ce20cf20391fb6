// Server-only triage reads for the risk pages and the LA page, as the signed-in person (the queries
// themselves, with their "analysts only" check, are in lib/triage/queries.ts). Nothing here is cached:
// triage changes with every save, and what is shown depends on who is asking.
import "server-only";
import { now as clockNow } from "@/lib/core/clock";
import { db } from "@/lib/core/db";
import { getCurrentUser } from "@/lib/auth/request";
import { countByStatus, filterInbox, sortInbox, toInboxRows, type InboxRow, type StatusCounts } from "@/lib/triage/inbox";
import { loadTriageDetail, loadTriageStates, mayViewTriage, type TriageDetail } from "@/lib/triage/queries";
import type { InboxFilterValues } from "@/lib/triage/filters";
import { getCurrentRisk, type NationalRiskView } from "@/lib/risk/server";

export type { TriageDetail } from "@/lib/triage/queries";

/** Whether the signed-in person may see triage (DfE analysts). */
export async function canSeeTriage(): Promise<boolean> {
  return mayViewTriage(await getCurrentUser());
}

type InboxView = {
  /** the rows of the national view, with their triage, filtered by triage status and sorted as asked */
  rows: InboxRow[];
  /** every current LA by triage status (not just the rows shown) */
  counts: StatusCounts;
  /** the data release the page is drawn from (forms send it back: decision 0011) */
  releaseId: number;
};

/**
 * The inbox for the national view `view` (already filtered by region, judgement and flags), or null
 * when the signed-in person may not see triage.
 */
export async function getInbox(view: NationalRiskView, filters: InboxFilterValues, now = clockNow()): Promise<InboxView | null> {
  const [states, current] = await Promise.all([loadTriageStates(db, await getCurrentUser()), getCurrentRisk(now)]);
  if (!states) return null;
  const options = { now, workforcePeriod: view.periods.workforce };
  const rows = sortInbox(filterInbox(toInboxRows(view.rows, states, options), filters.status), filters.sort ?? "score", filters.order);
  return { rows, counts: countByStatus(toInboxRows(current.rows, states, options)), releaseId: current.releaseId };
}

/** One LA's triage state and history (newest first), or null when the signed-in person may not see triage. */
export async function getTriageDetail(laNumber: string, options: { limit?: number } = {}): Promise<TriageDetail | null> {
  return loadTriageDetail(db, await getCurrentUser(), laNumber, options);
}

/** The newest data release id, which triage forms carry (decision 0011). */
export async function getTriageReleaseId(): Promise<number> {
  return (await getCurrentRisk()).releaseId;
}
