// /la/[code]/plan — the LA's improvement plan: actions grouped by priority, filters and sort in the
// URL (a plain GET form, so it works without JavaScript). Team managers of the LA add and edit
// actions; its DCS starts the plan, changes its details, sets priorities, approves, closes and
// reopens it; DfE analysts read. ?plan=<id> shows one of the LA's earlier plans.
import { notFound } from "next/navigation";
import { Breadcrumbs, Button, FilterForm, Heading, InsetText, NotificationBanner, Paragraph } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import { StaticPart } from "@/components/govuk/static-part";
import { ActionTable } from "@/components/plans/action-table";
import { CreatePlanForm, PlanStatusForm } from "@/components/plans/plan-admin-forms";
import { DemoTag, PlanStatusTag } from "@/components/plans/tags";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { listOfWords } from "@/lib/core/field-merge";
import { formatDateOnly } from "@/lib/plans/dates";
import { fieldWord, PLAN_FIELD_LABELS, PLAN_FIELDS, type PlanField } from "@/lib/plans/field-labels";
import { parsePlanFilters, SORTS } from "@/lib/plans/filters";
import { ACTION_STATUSES, ACTION_THEMES } from "@/lib/plans/labels";
import { isUuid } from "@/lib/plans/schema";
import { getPlanList, getPlanPage } from "@/lib/plans/server";
import { activatePlan, createPlan, reopenPlan } from "./actions";
import { openPlanPage, type PlanPageProps } from "./load";

export const dynamic = "force-dynamic";

const TITLE = "Improvement plan";
/** Banners after a redirect from a plan action (?done=…); fixed texts, never text from the URL. */
const DONE: Record<string, { heading: string; body?: string }> = {
  created: { heading: "Draft plan created", body: "Next, add the plan's priorities. Team managers can then add actions." },
  updated: { heading: "Plan details saved" },
  activated: { heading: "Plan approved and active" },
  closed: {
    heading: "Plan closed",
    body: "Its actions and priorities can no longer be changed. You can reopen it, or start the next plan.",
  },
  reopened: { heading: "Plan reopened: it is active again" },
};

export const generateMetadata = formMetadata(TITLE);

/** A label map (value → words) as a filter's options. */
const optionsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }));
const OVERDUE = [{ value: "1", text: "Overdue only" }];

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PlanPage(props: PlanPageProps) {
  const { la, user, canEdit, canApprove, canClose, canSetPriorities, query: raw } = await openPlanPage(props, () => "");
  const filters = parsePlanFilters(raw);
  const requested = one(raw.plan);
  if (requested !== undefined && !isUuid(requested)) notFound();
  const [view, plans] = await Promise.all([getPlanPage(la.laNumber, filters, requested?.toLowerCase()), getPlanList(la.laNumber)]);
  if (requested && !view) notFound();
  const fullTitle = serviceTitle(`${TITLE} – ${la.name}`);
  const base = `/la/${la.laNumber}/plan`;
  const filtered = Boolean(filters.status || filters.theme || filters.owner || filters.overdue);
  const done = DONE[one(raw.done) ?? ""];
  // ?kept=title,periodEnd after a merged save: only names from the fixed list are shown.
  const kept =
    one(raw.done) === "updated"
      ? (one(raw.kept) ?? "").split(",").filter((f): f is PlanField => (PLAN_FIELDS as readonly string[]).includes(f))
      : [];

  if (!view) {
    return (
      <>
        <Breadcrumbs
          items={[{ label: "All local authorities", href: "/" }, { label: la.name, href: `/la/${la.laNumber}` }, { label: TITLE }]}
        />
        <Heading level={1} caption={la.name}>
          {TITLE}
        </Heading>
        <Paragraph>{la.name} has no improvement plan in this service yet.</Paragraph>
        {canSetPriorities ? (
          <CreatePlanForm action={createPlan} laNumber={la.laNumber} title={fullTitle} />
        ) : (
          <Paragraph>The director of children&apos;s services starts the plan.</Paragraph>
        )}
      </>
    );
  }

  const { plan } = view;
  const current = plans[0];
  const isCurrent = current?.id === plan.id;
  const openPlan = plans.find((p) => p.status !== "CLOSED");
  const closed = plan.status === "CLOSED";
  const planQuery = isCurrent ? "" : `plan=${plan.id}`;
  const withPlan = (path: string, extra = "") => {
    const q = [planQuery, extra].filter(Boolean).join("&");
    return q ? `${path}?${q}` : path;
  };
  const others = plans.filter((p) => p.id !== plan.id);

  return (
    <>
      <Breadcrumbs
        items={[{ label: "All local authorities", href: "/" }, { label: la.name, href: `/la/${la.laNumber}` }, { label: TITLE }]}
      />
      {raw.deleted === "1" ? (
        <NotificationBanner type="success" heading="Action deleted">
          <p className="govuk-body">It is no longer shown in the plan, its board report or its CSV. The audit log keeps a record.</p>
        </NotificationBanner>
      ) : null}
      {done ? (
        <NotificationBanner type="success" heading={done.heading}>
          {done.body ? <p className="govuk-body">{done.body}</p> : null}
          {kept.length > 0 ? (
            <p className="govuk-body">{`Someone else also changed the plan while you were editing: their changes to the ${listOfWords([...new Set(kept)].map((f) => fieldWord(PLAN_FIELD_LABELS[f])))} were kept, with yours.`}</p>
          ) : null}
        </NotificationBanner>
      ) : null}
      <Heading level={1} caption={la.name}>
        {plan.title}
      </Heading>
      {plan.isDemo ? (
        <NotificationBanner title="Demo data">
          <p className="govuk-body">
            This is a made-up demonstration plan so the views are not empty. It is not {la.name}&apos;s real plan.
          </p>
        </NotificationBanner>
      ) : null}
      <p className="govuk-body flex flex-wrap items-center gap-2">
        <PlanStatusTag status={plan.status} />
        <span>
          {formatDateOnly(plan.periodStart)} to {formatDateOnly(plan.periodEnd)}
        </span>
        {plan.isDemo ? <DemoTag /> : null}
      </p>
      {!isCurrent ? (
        <InsetText>
          This is an earlier plan.{" "}
          <Link className="govuk-link" href={base}>
            See the current plan
          </Link>
        </InsetText>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" href={withPlan(`${base}/report`)}>
          Board report
        </Link>{" "}
        ·{" "}
        <a className="govuk-link" href={withPlan(`${base}/report/csv`)} download>
          Download actions (CSV)
        </a>
      </p>

      {canSetPriorities || canApprove || canClose ? (
        <section aria-labelledby="manage-plan-heading" className="mb-8">
          <h2 id="manage-plan-heading" className="govuk-visually-hidden">
            Manage the plan
          </h2>
          <div className="flex flex-wrap items-start gap-x-4">
            {canSetPriorities && !closed ? (
              <>
                <Button href={`${base}/edit`} variant="secondary">
                  Change plan details
                </Button>
                <Button href={`${base}/priorities`} variant="secondary">
                  Manage priorities
                </Button>
              </>
            ) : null}
            {canApprove && plan.status === "DRAFT" ? (
              <PlanStatusForm action={activatePlan} plan={plan} label="Approve and activate plan" title={fullTitle} />
            ) : null}
            {canClose && plan.status === "ACTIVE" ? (
              <Button href={`${base}/close`} variant="warning">
                Close plan
              </Button>
            ) : null}
            {canClose && closed && !openPlan ? (
              <PlanStatusForm action={reopenPlan} plan={plan} label="Reopen plan" variant="secondary" title={fullTitle} />
            ) : null}
          </div>
          {canClose && closed && openPlan ? (
            <Paragraph>{`To reopen this plan, close the current one (“${openPlan.title}”) first.`}</Paragraph>
          ) : null}
          {canSetPriorities && !closed && view.priorities.length === 0 ? (
            <InsetText>
              This plan has no priorities yet.{" "}
              <Link className="govuk-link" href={`${base}/priorities`}>
                Add the plan&apos;s priorities
              </Link>{" "}
              so that team managers can add actions.
            </InsetText>
          ) : null}
        </section>
      ) : null}

      {canEdit && !closed && view.priorities.length > 0 ? <Button href={`${base}/actions/new`}>Add an action</Button> : null}
      {canEdit && !closed && view.priorities.length === 0 ? (
        <InsetText>The director of children&apos;s services needs to set the plan&apos;s priorities before actions can be added.</InsetText>
      ) : null}
      {closed ? <InsetText>This plan is closed: its actions and priorities can no longer be changed.</InsetText> : null}

      <FilterForm
        action={base}
        label="Filter and sort actions"
        className="mb-6 grid gap-x-4 md:grid-cols-3"
        fields={[
          { name: "plan", hidden: true, value: planQuery ? plan.id : undefined },
          {
            name: "status",
            id: "filter-status",
            label: "Status",
            value: filters.status,
            any: "Any status",
            options: optionsOf(ACTION_STATUSES),
          },
          { name: "theme", id: "filter-theme", label: "Theme", value: filters.theme, any: "Any theme", options: optionsOf(ACTION_THEMES) },
          {
            name: "owner",
            id: "filter-owner",
            label: "Owner contains",
            value: filters.owner,
            input: { list: "owners", autoComplete: "off" },
          },
          { name: "overdue", id: "filter-overdue", label: "Due date", value: filters.overdue ? "1" : "", any: "Any", options: OVERDUE },
          { name: "sort", id: "filter-sort", label: "Sort by", value: filters.sort, options: optionsOf(SORTS) },
        ]}
        submit={{ label: "Apply", className: "flex items-end gap-4" }}
        beside={
          filtered ? (
            <p className="govuk-body">
              <Link className="govuk-link" href={withPlan(base)}>
                Clear filters
              </Link>
            </p>
          ) : null
        }
      >
        <datalist id="owners">
          {view.owners.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      </FilterForm>
      {user.laNumber === la.laNumber ? (
        <p className="govuk-body">
          <Link className="govuk-link" href={withPlan(base, `owner=${encodeURIComponent(user.name)}`)}>
            Show actions I own
          </Link>
        </p>
      ) : null}
      <p className="govuk-body" role="status">
        Showing {view.shown} of {view.total} actions
      </p>

      {view.priorities.map((p) => (
        <section key={p.id} aria-labelledby={`priority-${p.id}`} className="mb-8">
          <h2 id={`priority-${p.id}`} className="govuk-heading-m">
            Priority {p.order}: {p.title}
          </h2>
          {p.actions.length === 0 ? (
            <Paragraph>{filtered ? "No actions match the filters." : "No actions yet."}</Paragraph>
          ) : (
            // up to hundreds of rows with nothing interactive: in the page once, as HTML, not again in the payload
            <StaticPart id={`priority-${p.id}-actions`}>
              <ActionTable
                variant="plan"
                actions={p.actions}
                actionHref={(id) => `${base}/actions/${id}`}
                ariaLabel={`Actions for priority ${p.order}`}
              />
            </StaticPart>
          )}
          {canEdit && !closed ? (
            <p className="govuk-body">
              <Link className="govuk-link" href={`${base}/actions/new?priority=${p.id}`}>
                Add an action to this priority<span className="govuk-visually-hidden">{` (${p.title})`}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}

      {canSetPriorities && closed && !openPlan && isCurrent ? (
        <CreatePlanForm action={createPlan} laNumber={la.laNumber} title={fullTitle} heading="Start the next plan" />
      ) : null}

      {others.length > 0 ? (
        <section aria-labelledby="other-plans-heading" className="mb-8">
          <h2 id="other-plans-heading" className="govuk-heading-m">
            {isCurrent ? "Earlier plans" : "Other plans"}
          </h2>
          <ul className="govuk-list">
            {others.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link className="govuk-link" href={o.id === current?.id ? base : `${base}?plan=${o.id}`}>
                  {o.title}
                </Link>
                <span className="govuk-body-s mb-0">
                  {formatDateOnly(o.periodStart)} to {formatDateOnly(o.periodEnd)}
                </span>
                <PlanStatusTag status={o.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
