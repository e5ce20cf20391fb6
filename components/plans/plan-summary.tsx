// The DCS's plan summary for one LA: actions by status, overdue, at risk, recent updates and
// evidence mismatches. A server component the LA page and the risk page slot in:
//
//   <Suspense fallback={null}><PlanSummary laNumber={la.laNumber} /></Suspense>
//
// Plans are not public: it renders nothing unless the signed-in person may view this LA's plan
// (its DCS and team managers, DfE analysts), so it is safe on public pages.
import { Link } from "@/components/govuk/link";
import { Table } from "@/components/govuk";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/request";
import { getPlanSummary, type PlanSummary as Summary } from "@/lib/plans/server";
import { formatDateOnly, formatLondonDateTime } from "@/lib/plans/dates";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/plans/labels";
import { ActionStatusTag, DemoTag, EvidenceTag, OverdueTag, PlanStatusTag } from "./tags";

export async function PlanSummary({ laNumber, headingLevel = 2 }: { laNumber: string; headingLevel?: 2 | 3 }) {
  const user = await getCurrentUser();
  if (!can(user, "plan.view", { kind: "plan", laNumber })) return null;
  const summary = await getPlanSummary(laNumber);
  return <PlanSummaryView laNumber={laNumber} summary={summary} headingLevel={headingLevel} />;
}

export function PlanSummaryView({
  laNumber,
  summary,
  headingLevel = 2,
}: {
  laNumber: string;
  summary: Summary | null;
  headingLevel?: 2 | 3;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const base = `/la/${laNumber}/plan`;
  const headingId = `plan-summary-${laNumber}`;
  if (!summary) {
    return (
      <section aria-labelledby={headingId} className="govuk-!-margin-bottom-8">
        <H id={headingId} className="govuk-heading-m">
          Improvement plan
        </H>
        <p className="govuk-body">
          No improvement plan yet.{" "}
          <Link className="govuk-link" href={base}>
            Go to the plan page
          </Link>
        </p>
      </section>
    );
  }
  const s = summary;
  return (
    <section aria-labelledby={headingId} className="govuk-!-margin-bottom-8" data-testid="plan-summary">
      <H id={headingId} className="govuk-heading-m">
        Improvement plan: {s.plan.title}
      </H>
      <p className="govuk-body flex flex-wrap items-center gap-2">
        <PlanStatusTag status={s.plan.status} />
        {s.plan.isDemo ? <DemoTag /> : null}
        <span>
          {s.total} actions · {s.overdue} overdue · {s.byStatus.AT_RISK + s.byStatus.OFF_TRACK} at risk or off track · {s.mismatches.length}{" "}
          where the evidence disagrees
        </span>
      </p>
      <Table
        caption="Actions by status"
        captionSize="s"
        head={["Status", "Actions"]}
        numericColumns={[1]}
        rows={(Object.keys(ACTION_STATUSES) as ActionStatus[]).map((k) => [ACTION_STATUSES[k], s.byStatus[k]])}
      />
      <Sub className="govuk-heading-s">At risk, off track or overdue</Sub>
      {s.atRisk.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {s.atRisk.slice(0, 8).map((a) => (
            <li key={a.id}>
              <Link className="govuk-link" href={`${base}/actions/${a.id}`}>
                {a.title}
              </Link>{" "}
              <ActionStatusTag status={a.status} /> {a.overdue ? <OverdueTag /> : null}{" "}
              <span className="govuk-body-s">due {formatDateOnly(a.dueDate)}</span>
            </li>
          ))}
        </ul>
      )}
      <Sub className="govuk-heading-s">Where the evidence disagrees with the status</Sub>
      {s.mismatches.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {s.mismatches.map((m) => (
            <li key={m.id}>
              <Link className="govuk-link" href={`${base}/actions/${m.id}`}>
                {m.title}
              </Link>{" "}
              <ActionStatusTag status={m.status} /> <EvidenceTag rag={m.rag} />
              <span className="block govuk-body-s">{m.reason}</span>
            </li>
          ))}
        </ul>
      )}
      <Sub className="govuk-heading-s">Recent updates</Sub>
      {s.recentUpdates.length === 0 ? (
        <p className="govuk-body">No updates yet.</p>
      ) : (
        <ul className="govuk-list">
          {s.recentUpdates.map((u) => (
            <li key={u.id}>
              <span className="govuk-body-s block">
                {formatLondonDateTime(new Date(u.at))}, {u.authorName}:{" "}
                <Link className="govuk-link" href={`${base}/actions/${u.actionId}`}>
                  {u.actionTitle}
                </Link>{" "}
                – {ACTION_STATUSES[u.statusAfter]}
              </span>
              <span className="block line-clamp-2">{u.narrative}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" href={base}>
          See the whole plan
        </Link>{" "}
        ·{" "}
        <Link className="govuk-link" href={`${base}/report`}>
          Board report
        </Link>
      </p>
    </section>
  );
}
