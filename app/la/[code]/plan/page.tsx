// /la/[code]/plan — the LA's improvement plan: actions grouped by priority, filters and sort in the
// URL (a plain GET form, so it works without JavaScript). Team managers of the LA add and edit
// actions; its DCS starts the plan, sets priorities, approves and closes it; DfE analysts read.
import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs, Button, Heading, NotificationBanner, Paragraph, Select, Input, InsetText } from "@/components/govuk";
import { ActionStatusTag, DemoTag, EvidenceTag, MismatchTag, OverdueTag, PlanStatusTag } from "@/components/plans/tags";
import { AddPriorityForm, CreatePlanForm, PlanStatusForm } from "@/components/plans/plan-admin-forms";
import { formTitle } from "@/lib/actions/form-title";
import { getPlanPage } from "@/lib/data/plans";
import { formatDateOnly } from "@/lib/plans/dates";
import { ACTION_STATUSES, ACTION_THEMES } from "@/lib/validation/plan-action";
import { parsePlanFilters, SORTS } from "@/lib/validation/plan-filters";
import { activatePlan, addPriority, closePlan, createPlan } from "./actions";
import { loadPlanAccess } from "./load";

export const dynamic = "force-dynamic";

type Params = Promise<{ code: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const TITLE = "Improvement plan";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await formTitle(TITLE) };
}

export default async function PlanPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { code } = await params;
  const { la, canEdit, canApprove, canClose, canSetPriorities } = await loadPlanAccess(code);
  const raw = await searchParams;
  const filters = parsePlanFilters(raw);
  const view = await getPlanPage(la.laNumber, filters);
  const fullTitle = `${TITLE} – ${la.name} – Children's social care insight`;
  const base = `/la/${la.laNumber}/plan`;
  const filtered = Boolean(filters.status || filters.theme || filters.owner || filters.overdue);

  return (
    <>
      <Breadcrumbs items={[{ label: "All local authorities", href: "/" }, { label: la.name, href: `/la/${la.laNumber}` }, { label: TITLE }]} />
      {raw.deleted === "1" ? <NotificationBanner type="success" heading="Action deleted" /> : null}
      <Heading level={1} caption={la.name}>
        {view ? view.plan.title : TITLE}
      </Heading>
      {!view ? (
        <>
          <Paragraph>{la.name} has no improvement plan in this service yet.</Paragraph>
          {canSetPriorities ? <CreatePlanForm action={createPlan} laNumber={la.laNumber} title={fullTitle} /> : <Paragraph>The director of children&apos;s services starts the plan.</Paragraph>}
        </>
      ) : (
        <>
          {view.plan.isDemo ? (
            <NotificationBanner title="Demo data">
              <p className="govuk-body">This is a made-up demonstration plan so the views are not empty. It is not {la.name}&apos;s real plan.</p>
            </NotificationBanner>
          ) : null}
          <p className="govuk-body flex flex-wrap items-center gap-2">
            <PlanStatusTag status={view.plan.status} />
            <span>
              {formatDateOnly(view.plan.periodStart)} to {formatDateOnly(view.plan.periodEnd)}
            </span>
            {view.plan.isDemo ? <DemoTag /> : null}
          </p>
          <p className="govuk-body">
            <Link className="govuk-link" href={`${base}/report`}>
              Board report
            </Link>{" "}
            ·{" "}
            <a className="govuk-link" href={`${base}/report/csv`} download>
              Download actions (CSV)
            </a>
          </p>
          {canApprove && view.plan.status === "DRAFT" ? <PlanStatusForm action={activatePlan} planId={view.plan.id} version={view.plan.version} label="Approve and activate plan" title={fullTitle} /> : null}
          {canClose && view.plan.status === "ACTIVE" ? <PlanStatusForm action={closePlan} planId={view.plan.id} version={view.plan.version} label="Close plan" title={fullTitle} /> : null}
          {canEdit && view.plan.status !== "CLOSED" && view.priorities.length > 0 ? (
            <Button href={`${base}/actions/new`}>Add an action</Button>
          ) : null}
          {canEdit && view.priorities.length === 0 ? <InsetText>The director of children&apos;s services needs to set the plan&apos;s priorities before actions can be added.</InsetText> : null}

          <form method="get" action={base} className="govuk-!-margin-bottom-6 grid gap-x-4 md:grid-cols-3" aria-label="Filter and sort actions">
            <Select id="filter-status" name="status" label="Status" defaultValue={filters.status ?? ""} options={[{ value: "", text: "Any status" }, ...Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }))]} />
            <Select id="filter-theme" name="theme" label="Theme" defaultValue={filters.theme ?? ""} options={[{ value: "", text: "Any theme" }, ...Object.entries(ACTION_THEMES).map(([value, text]) => ({ value, text }))]} />
            <Input id="filter-owner" name="owner" label="Owner contains" defaultValue={filters.owner ?? ""} list="owners" autoComplete="off" />
            <datalist id="owners">
              {view.owners.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <Select id="filter-overdue" name="overdue" label="Due date" defaultValue={filters.overdue ? "1" : ""} options={[{ value: "", text: "Any" }, { value: "1", text: "Overdue only" }]} />
            <Select id="filter-sort" name="sort" label="Sort by" defaultValue={filters.sort} options={Object.entries(SORTS).map(([value, text]) => ({ value, text }))} />
            <div className="flex items-end gap-4">
              <Button type="submit" variant="secondary">
                Apply
              </Button>
              {filtered ? (
                <p className="govuk-body">
                  <Link className="govuk-link" href={base}>
                    Clear filters
                  </Link>
                </p>
              ) : null}
            </div>
          </form>
          <p className="govuk-body" role="status">
            Showing {view.shown} of {view.total} actions
          </p>

          {view.priorities.map((p) => (
            <section key={p.id} aria-labelledby={`priority-${p.id}`} className="govuk-!-margin-bottom-8">
              <h2 id={`priority-${p.id}`} className="govuk-heading-m">
                Priority {p.order}: {p.title}
              </h2>
              {p.actions.length === 0 ? (
                <Paragraph>{filtered ? "No actions match the filters." : "No actions yet."}</Paragraph>
              ) : (
                <div className="overflow-x-auto" role="region" aria-label={`Actions for priority ${p.order}`} tabIndex={0}>
                  <table className="govuk-table">
                    <thead className="govuk-table__head">
                      <tr className="govuk-table__row">
                        <th scope="col" className="govuk-table__header">Action</th>
                        <th scope="col" className="govuk-table__header">Owner</th>
                        <th scope="col" className="govuk-table__header">Due</th>
                        <th scope="col" className="govuk-table__header">Manager&apos;s status</th>
                        <th scope="col" className="govuk-table__header">Evidence</th>
                      </tr>
                    </thead>
                    <tbody className="govuk-table__body">
                      {p.actions.map((a) => (
                        <tr key={a.id} className="govuk-table__row">
                          <td className="govuk-table__cell">
                            <Link className="govuk-link" href={`${base}/actions/${a.id}`}>
                              {a.title}
                            </Link>
                            <span className="block govuk-body-s govuk-!-margin-bottom-0">{ACTION_THEMES[a.theme as keyof typeof ACTION_THEMES] ?? a.theme}</span>
                          </td>
                          <td className="govuk-table__cell">{a.owner}</td>
                          <td className="govuk-table__cell">
                            {formatDateOnly(a.dueDate)} {a.overdue ? <OverdueTag /> : null}
                          </td>
                          <td className="govuk-table__cell">
                            <ActionStatusTag status={a.status} />
                          </td>
                          <td className="govuk-table__cell">
                            {a.evidence ? (
                              <span className="flex flex-col items-start gap-1">
                                <EvidenceTag rag={a.evidence.rag} />
                                {a.evidence.mismatch ? <MismatchTag /> : null}
                              </span>
                            ) : (
                              "No linked indicator"
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))}
          {canSetPriorities && view.plan.status !== "CLOSED" ? <AddPriorityForm action={addPriority} planId={view.plan.id} title={fullTitle} /> : null}
        </>
      )}
    </>
  );
}
