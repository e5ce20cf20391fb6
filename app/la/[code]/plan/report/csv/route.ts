// /la/[code]/plan/report/csv — the board pack's plan as CSV: every action with its real last-updated
// day (its last edit or latest progress note, never the day of the download), its evidence links and
// its progress notes.
import { notFound } from "next/navigation";
import { today } from "@/lib/core/clock";
import { getBoardPackPlan } from "@/lib/board-pack/server";
import { EVIDENCE_LABELS } from "@/lib/plans/evidence";
import { csvDocument, csvResponse } from "@/lib/core/csv";
import { ACTION_STATUSES, themeLabel } from "@/lib/plans/labels";
import { loadPlanAccess } from "../../load";
import { isUuid } from "@/lib/plans/schema";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const query = new URL(request.url).searchParams;
  const { la } = await loadPlanAccess(code, "/report/csv", query);
  // ?plan=<id>: one of the LA's earlier plans
  const planId = query.get("plan")?.toLowerCase() ?? undefined;
  if (planId !== undefined && !isUuid(planId)) notFound();
  const report = await getBoardPackPlan(la.laNumber, planId);
  if (!report) notFound();
  const rows = report.priorities.flatMap((p) =>
    p.actions.map((a) => [
      `${p.order}. ${p.title}`,
      a.title,
      themeLabel(a.theme),
      a.owner,
      a.startDate,
      a.dueDate,
      a.overdue ? "yes" : "no",
      ACTION_STATUSES[a.status],
      a.indicator?.label ?? "",
      a.target,
      a.targetDate ?? "",
      a.evidence ? EVIDENCE_LABELS[a.evidence.rag] : "",
      a.evidence?.mismatch ? "yes" : "",
      a.evidence?.reason ?? "",
      a.evidenceLinks.join("\n"),
      a.lastUpdated,
      a.notes[0] ? today(new Date(a.notes[0].at)) : "",
      a.notes[0]?.narrative ?? "",
      a.notes.map((n) => `${today(new Date(n.at))} ${n.authorName}: ${n.narrative}`).join("\n"),
    ]),
  );
  const csv = csvDocument([
    [
      "Priority",
      "Action",
      "Theme",
      "Owner",
      "Start date",
      "Due date",
      "Overdue",
      "Status",
      "Linked indicator",
      "Target",
      "Target date",
      "Evidence",
      "Status and evidence disagree",
      "Evidence detail",
      "Evidence links",
      "Last updated",
      "Latest progress note date",
      "Latest progress note",
      "Progress notes (newest first)",
    ],
    ...rows,
  ]);
  const name = `improvement-plan-${la.laNumber}-${today()}${report.plan.isDemo ? "-demo" : ""}.csv`;
  // with a byte-order mark: the board's spreadsheet (Excel) then reads names with accents correctly
  return csvResponse(csv, name, { bom: true });
}
