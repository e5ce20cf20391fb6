// The first screen of /la/[code] (issue 18 item 1, decision 0026): how is this authority doing? The
// latest Ofsted judgement of each area with its dates, the indicators moving most in the wrong
// direction, and — only for people who may see them — the risk position with its top reasons and the
// improvement plan's status. Risk is not public (decision 0017): RiskPosition and PlanStatus render
// nothing for anyone else, checked here with the same permission the full panels use.
import { Heading, JudgementTag, Link, Paragraph, SummaryList, Tag } from "@/components/govuk";
import { PlanStatusTag, DemoTag } from "@/components/plans/tags";
import { SeverityTag } from "@/components/risk/severity-tag";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/request";
import type { Dashboard } from "@/lib/dashboard/build";
import { changeText, formatIsoDate } from "@/lib/dashboard/format";
import { getPlanSummary } from "@/lib/plans/server";
import { ordinal } from "@/lib/dashboard/rank";
import { getAuthorityRisk } from "@/lib/risk/server";
import { areaSlug } from "@/lib/dashboard/areas";
import { unitSuffix } from "@/lib/core/values";

/** The latest judgement of each Ofsted area, with the inspection's dates; the overall grade as history. */
export function OfstedAtAGlance({ dashboard }: { dashboard: Dashboard }) {
  const { la, ofsted, latestJudgements } = dashboard;
  const p = ofsted.position;
  if (!p?.inspectionDate && !p?.overall) {
    return (
      <Paragraph>
        {la.existsTo
          ? `There is no current judgement: ${la.name} was abolished on ${formatIsoDate(la.existsTo)}.`
          : `${la.name} has not had a graded ILACS inspection.`}
      </Paragraph>
    );
  }
  return (
    <>
      <Paragraph size="s">
        Inspected {formatIsoDate(p.inspectionDate)}, published {formatIsoDate(p.publicationDate)} (Ofsted, as at{" "}
        {formatIsoDate(ofsted.asAt)}).
      </Paragraph>
      <SummaryList
        className="mb-4"
        rows={[
          ...latestJudgements.map((j) => ({
            key: (
              <>
                <a href={`#${areaSlug(j.area)}`} className="govuk-link">
                  {j.areaLabel}
                </a>
                <span className="govuk-visually-hidden">: {j.judgementLabel}</span>
              </>
            ),
            value: (
              <span data-testid={`ofsted-${areaSlug(j.area)}`}>
                <JudgementTag judgement={j.judgement} />
                {j.withChildrenInCare ? (
                  <span className="block text-base text-govuk-secondary-text">judged with children in care (inspected before 2023)</span>
                ) : null}
              </span>
            ),
          })),
          {
            key: "Overall effectiveness",
            value: (
              <>
                <JudgementTag judgement={p.overall} />
                <span className="block text-base text-govuk-secondary-text">
                  History only: Ofsted no longer gives an overall grade to inspections from April 2026.
                </span>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** The indicators that got worse the most since the period before (lib/dashboard/areas.ts, worstMovers). */
export function WrongDirection({ dashboard }: { dashboard: Dashboard }) {
  const { movers, la } = dashboard;
  if (movers.length === 0) return <Paragraph size="s">No lead indicator of {la.name} got worse since the period before.</Paragraph>;
  return (
    <>
      <ul className="govuk-list" data-testid="wrong-direction">
        {movers.map((c) => (
          <li key={c.meta.id} className="mb-3">
            <a href={`#card-${c.meta.id}`} className="govuk-link font-bold">
              {c.meta.label}
            </a>
            <span className="block govuk-body-s mb-0">
              {c.latest?.raw}
              {unitSuffix(c.meta.unit)} ({c.periodText}):{" "}
              <span className="text-govuk-error">{changeText(c.change!, c.meta.decimals, c.meta.unit).toLowerCase()}</span> since{" "}
              {c.previous?.periodText}
            </span>
          </li>
        ))}
      </ul>
      <Paragraph size="s">
        Largest change for the worse relative to the figure before, among the indicators where higher or lower is better; worked out by us
        from the published figures.
      </Paragraph>
    </>
  );
}

/** The risk score, rank and top reasons — only for DfE analysts and this LA's DCS and team managers. */
export async function RiskPosition({ laNumber }: { laNumber: string }) {
  const user = await getCurrentUser();
  if (!can(user, "risk.view", { kind: "risk", laNumber })) return null;
  const risk = await getAuthorityRisk(laNumber);
  if (!risk || risk.kind !== "current") return null;
  const { assessment: a, row, of } = risk;
  const red = a.flags.filter((f) => f.severity === "red").length;
  return (
    <section aria-labelledby="risk-position-heading" data-testid="risk-position" className="mb-6">
      <Heading level={3} size="s" id="risk-position-heading">
        Risk position <Tag colour="grey">Not public</Tag>
      </Heading>
      <Paragraph size="s">
        <strong>{a.score} points</strong>, {row.rank === 1 ? "the highest" : `the ${ordinal(row.rank)} highest`} of {of} authorities;{" "}
        {a.flags.length === 0 ? "no flags" : `${red} red and ${a.flags.length - red} amber flags`} (assessed {formatIsoDate(risk.asAt)}).
      </Paragraph>
      {a.flags.length > 0 ? (
        <ul className="govuk-list">
          {a.flags.slice(0, 3).map((f, i) => (
            <li key={i} className="govuk-body-s">
              <SeverityTag severity={f.severity} /> {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph size="s">
        <a href="#risk-heading" className="govuk-link">
          Every flag and how the score is made
        </a>
      </Paragraph>
    </section>
  );
}

/** The improvement plan's status and counts — only for people who may view this LA's plan. */
export async function PlanStatus({ laNumber }: { laNumber: string }) {
  const user = await getCurrentUser();
  if (!can(user, "plan.view", { kind: "plan", laNumber })) return null;
  const s = await getPlanSummary(laNumber);
  return (
    <section aria-labelledby="plan-status-heading" data-testid="plan-status" className="mb-6">
      <Heading level={3} size="s" id="plan-status-heading">
        Improvement plan
      </Heading>
      {s ? (
        <p className="govuk-body-s flex flex-wrap items-center gap-2">
          <PlanStatusTag status={s.plan.status} />
          {s.plan.isDemo ? <DemoTag /> : null}
          <span>
            {s.total} actions: {s.overdue} overdue, {s.byStatus.AT_RISK + s.byStatus.OFF_TRACK} at risk or off track, {s.mismatches.length}{" "}
            where the evidence disagrees.{" "}
            <Link className="govuk-link" href={`/la/${laNumber}/plan`}>
              Open the plan
            </Link>
          </span>
        </p>
      ) : (
        <Paragraph size="s">
          No improvement plan yet.{" "}
          <Link className="govuk-link" href={`/la/${laNumber}/plan`}>
            Go to the plan page
          </Link>
        </Paragraph>
      )}
    </section>
  );
}
