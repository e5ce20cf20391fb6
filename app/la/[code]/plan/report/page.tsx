// /la/[code]/plan/report — the board pack: one printable report per LA as at a chosen date (default
// today): headline indicators by Ofsted area with comparators and trends, Ofsted history, risk flags
// with reasons (only for people who may see this LA's risk), and the plan with RAG, owners, latest
// progress and evidence. Printed on A4 by ./print.css; its actions as CSV at ./csv. Decision 0028.
// Who may open it is who may see the plan (the LA's DCS and team managers, DfE analysts).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AreaIndicators } from "@/components/board-pack/area-indicators";
import { OfstedHistory } from "@/components/board-pack/ofsted-history";
import { PlanSection } from "@/components/board-pack/plan-section";
import { RiskFlags } from "@/components/board-pack/risk-flags";
import { BackLink, Button, ErrorSummary, ErrorSummaryFocus, Paragraph } from "@/components/govuk";
import { DateInput } from "@/components/govuk/date-input";
import { StaticPart } from "@/components/govuk/static-part";
import { can } from "@/lib/auth/permissions";
import { BOARD_PACK_DATE, readBoardPackDate } from "@/lib/board-pack/date";
import { getBoardPackFigures, getBoardPackPlan, getBoardPackRisk } from "@/lib/board-pack/server";
import { now, today } from "@/lib/core/clock";
import { formatIsoDate } from "@/lib/dashboard/format";
import { formatLondonDateTime } from "@/lib/plans/dates";
import { isUuid } from "@/lib/plans/schema";
import { loadPlanAccess } from "../load";
import "./print.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Board pack" };

export default async function BoardPackPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const query = await searchParams;
  const { la, user } = await loadPlanAccess(code, "/report", query);
  // ?plan=<id>: one of the LA's earlier plans
  const planId = typeof query.plan === "string" ? query.plan.toLowerCase() : undefined;
  if (planId !== undefined && !isUuid(planId)) notFound();
  const date = readBoardPackDate(query, today());
  const maySeeRisk = can(user, "risk.view", { kind: "risk", laNumber: la.laNumber });
  const [figures, plan, risk] = await Promise.all([
    getBoardPackFigures(la.laNumber, date.asAt),
    getBoardPackPlan(la.laNumber, planId),
    maySeeRisk ? getBoardPackRisk(la.laNumber, date.asAt) : Promise.resolve(null),
  ]);
  if (!figures || (planId && !plan)) notFound();
  const { dashboard, areas } = figures;
  const { regionName } = dashboard.la;
  const base = `/la/${la.laNumber}/plan`;

  return (
    <div className="board-pack">
      {date.error ? (
        <ErrorSummaryFocus>
          <ErrorSummary errors={[{ href: `#${BOARD_PACK_DATE}`, text: date.error }]} description="The board pack below is as at today." />
        </ErrorSummaryFocus>
      ) : null}
      <div className="board-pack-controls">
        <BackLink href={`${base}${planId ? `?plan=${planId}` : ""}`}>Back to the plan</BackLink>
        <form method="get" action={`${base}/report`} className="mb-6">
          {planId ? <input type="hidden" name="plan" value={planId} /> : null}
          <DateInput
            name={BOARD_PACK_DATE}
            legend="Date of the board pack"
            legendSize="s"
            hint="Figures, Ofsted judgements and risk flags as they were published before this date. For example, 1 10 2025. Leave empty for today."
            error={date.error ?? undefined}
            defaultValue={date.error ? date.boxes : date.chosen ? date.boxes : undefined}
          />
          <Button variant="secondary">Show the board pack</Button>
        </form>
        <p className="govuk-body">
          <a className="govuk-link" href={`${base}/report/csv${planId ? `?plan=${planId}` : ""}`} download>
            Download the plan&apos;s actions as CSV
          </a>{" "}
          · Use your browser&apos;s print command to print the board pack or save it as a PDF (A4).
        </p>
        <nav aria-label="Sections of the board pack" className="mb-6">
          <ul className="govuk-list govuk-body-s flex flex-wrap gap-x-6">
            {areas.map((a) => (
              <li key={a.id}>
                <a className="govuk-link" href={`#area-${a.id}`}>
                  {a.label}
                </a>
              </li>
            ))}
            <li>
              <a className="govuk-link" href="#board-pack-ofsted">
                Ofsted inspections
              </a>
            </li>
            {risk ? (
              <li>
                <a className="govuk-link" href="#board-pack-risk">
                  Risk flags
                </a>
              </li>
            ) : null}
            <li>
              <a className="govuk-link" href="#board-pack-plan">
                Improvement plan
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <h1 className="govuk-heading-xl">{la.name}: board pack</h1>
      <Paragraph>
        {`As at ${formatIsoDate(date.asAt)}: figures and Ofsted judgements published before then. ${regionName}. Produced ${formatLondonDateTime(now())}.`}
      </Paragraph>
      <Paragraph size="s">
        Published figures are shown as published (markers as their letters); the change since the period before, the neighbours&apos; median
        and the trends are worked out by this service from them.
      </Paragraph>
      {/* the pack's sections have nothing interactive: in the page once, as HTML (a static island), not again in the payload */}
      <StaticPart id="board-pack-sections">
        {areas.map((a) => (
          <AreaIndicators key={a.id} area={a} laName={la.name} regionName={regionName} />
        ))}
        <OfstedHistory ofsted={dashboard.ofsted} laName={la.name} />
        {risk ? <RiskFlags assessment={risk} /> : null}
        <PlanSection plan={plan} />
      </StaticPart>
    </div>
  );
}
