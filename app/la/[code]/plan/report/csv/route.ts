// /la/[code]/plan/report/csv — the plan's actions as CSV for the improvement board.
import { notFound } from "next/navigation";
import { today } from "@/lib/core/clock";
import { getPlanReport } from "@/lib/plans/server";
import { EVIDENCE_LABELS } from "@/lib/plans/evidence";
import { toCsv } from "@/lib/plans/loop";
import { ACTION_STATUSES, ACTION_THEMES } from "@/lib/plans/action-schema";
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
  const report = await getPlanReport(la.laNumber, planId);
  if (!report) notFound();
  const rows = report.priorities.flatMap((p) =>
    p.actions.map((a) => [
      `${p.order}. ${p.title}`,
      a.title,
      ACTION_THEMES[a.theme as keyof typeof ACTION_THEMES] ?? a.theme,
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
      a.updatedAt.slice(0, 10),
    ]),
  );
  const csv = toCsv(
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
      "Last updated",
    ],
    rows,
  );
  const name = `improvement-plan-${la.laNumber}-${today()}${report.plan.isDemo ? "-demo" : ""}.csv`;
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
}
