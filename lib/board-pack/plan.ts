// The plan as the board pack and its CSV show it: the report (priorities, actions, RAG from the
// evidence) with, for each action, its progress notes (newest first), its evidence links and the date
// it was really last updated — the later of its last edit and its latest progress note, in England —
// never the date the report is produced.
import type { Db } from "@/lib/core/db/client";
import { today } from "@/lib/core/clock";
import { loadPlanReport } from "@/lib/plans/queries";

export type ProgressNote = { at: string; authorName: string; narrative: string };

/** The day (in England) an action was last changed: its last edit or its latest progress note, whichever is later. */
export function lastUpdatedOn(updatedAt: string, notes: readonly ProgressNote[]): string {
  const latest = notes.reduce((max, n) => (n.at > max ? n.at : max), updatedAt);
  return today(new Date(latest));
}

/** The LA's plan (or one of its earlier plans) with every action's notes, evidence links and last-updated day. */
export async function loadBoardPackPlan(db: Db, laNumber: string, todayDate: string, planId?: string) {
  const report = await loadPlanReport(db, laNumber, todayDate, planId);
  if (!report) return null;
  const ids = report.priorities.flatMap((p) => p.actions.map((a) => a.id));
  const rows = await db.planAction.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      evidenceLinks: true,
      updates: { orderBy: { at: "desc" }, select: { at: true, authorName: true, narrative: true } },
    },
  });
  const byId = new Map(
    rows.map((r) => [
      r.id,
      {
        evidenceLinks: r.evidenceLinks,
        notes: r.updates.map((u) => ({ at: u.at.toISOString(), authorName: u.authorName, narrative: u.narrative })),
      },
    ]),
  );
  return {
    plan: report.plan,
    total: report.total,
    priorities: report.priorities.map((p) => ({
      ...p,
      actions: p.actions.map((a) => {
        const extra = byId.get(a.id) ?? { evidenceLinks: [], notes: [] };
        return { ...a, ...extra, lastUpdated: lastUpdatedOn(a.updatedAt, extra.notes) };
      }),
    })),
  };
}

export type BoardPackPlan = NonNullable<Awaited<ReturnType<typeof loadBoardPackPlan>>>;
export type BoardPackAction = BoardPackPlan["priorities"][number]["actions"][number];
