// /la/[code]/plan/report — the improvement board report: the summary and every action, printable
// (print.css) and downloadable as CSV (./csv).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink, Heading, Paragraph } from "@/components/govuk";
import { PlanSummaryView } from "@/components/plans/plan-summary";
import { ActionTable } from "@/components/plans/action-table";
import { now } from "@/lib/core/clock";
import { getPlanReport, getPlanSummary } from "@/lib/plans/server";
import { formatDateOnly, formatLondonDateTime } from "@/lib/plans/dates";
import { loadPlanAccess } from "../load";
import "./print.css";
import { isUuid } from "@/lib/plans/schema";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Improvement board report" };

export default async function PlanReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { la } = await loadPlanAccess(code, "/report", query);
  // ?plan=<id>: the report of one of the LA's earlier plans
  const planId = typeof query.plan === "string" ? query.plan.toLowerCase() : undefined;
  if (planId !== undefined && !isUuid(planId)) notFound();
  const [report, summary] = await Promise.all([getPlanReport(la.laNumber, planId), getPlanSummary(la.laNumber, planId)]);
  if (!report) notFound();
  const base = `/la/${la.laNumber}/plan`;
  const planQuery = planId ? `?plan=${report.plan.id}` : "";
  return (
    <div className="plan-report">
      <div className="plan-report-controls">
        <BackLink href={`${base}${planQuery}`}>Back to the plan</BackLink>
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/report/csv${planQuery}`} download>
            Download as CSV
          </a>{" "}
          · Use your browser&apos;s print command to print or save as PDF.
        </p>
      </div>
      <Heading level={1} caption={`${la.name} – improvement board report`}>
        {report.plan.title}
      </Heading>
      <Paragraph>{`Produced ${formatLondonDateTime(now())}. Plan period ${formatDateOnly(report.plan.periodStart)} to ${formatDateOnly(report.plan.periodEnd)}.${report.plan.isDemo ? " Demo data: not a real plan." : ""}`}</Paragraph>
      <PlanSummaryView laNumber={la.laNumber} summary={summary} />
      {report.priorities.map((p) => (
        <section key={p.id} aria-labelledby={`report-priority-${p.id}`}>
          <h2 id={`report-priority-${p.id}`} className="govuk-heading-m">
            Priority {p.order}: {p.title}
          </h2>
          {p.actions.length === 0 ? <Paragraph>No actions.</Paragraph> : <ActionTable variant="report" actions={p.actions} />}
        </section>
      ))}
    </div>
  );
}
