// /la/[code]/plan/priorities — the DCS orders the current plan's priorities (move up/down), adds
// them, and opens one to rename or remove it. Every change is checked against the plan's version.
import { notFound } from "next/navigation";
import { BackLink, Heading, InsetText, NotificationBanner, Paragraph } from "@/components/govuk";
import { AddPriorityForm, PriorityOrderForm } from "@/components/plans/priority-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanPriorities } from "@/lib/plans/server";
import { formatLondonDateTime } from "@/lib/plans/dates";
import { MAX_PRIORITIES } from "@/lib/plans/schema";
import { addPriority, movePlanPriority } from "../actions";
import { openPlanPage, type PlanPageProps } from "../load";

export const dynamic = "force-dynamic";
const TITLE = "Plan priorities";

const DONE: Record<string, string> = { renamed: "Priority renamed", removed: "Priority removed" };

export const generateMetadata = formMetadata(TITLE);

export default async function PrioritiesPage(props: PlanPageProps) {
  const { la, query } = await openPlanPage(props, () => "/priorities", "canSetPriorities");
  const view = await getPlanPriorities(la.laNumber);
  if (!view) notFound();
  const { plan, priorities, lastChange } = view;
  const editable = plan.status !== "CLOSED";
  const done = typeof query.done === "string" ? DONE[query.done] : undefined;
  const fullTitle = serviceTitle(TITLE);
  const base = `/la/${la.laNumber}/plan/priorities`;
  return (
    <>
      <BackLink href={`/la/${la.laNumber}/plan`}>Back to the plan</BackLink>
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      <Heading level={1} caption={`${la.name} – ${plan.title}`}>
        {TITLE}
      </Heading>
      <Paragraph>
        {`Priorities are shown in this order on the plan, the board report and the CSV. A plan can have up to ${MAX_PRIORITIES}. Removing a priority never removes its actions: you choose where they move.`}
      </Paragraph>
      {lastChange ? (
        <p className="govuk-body-s">{`Plan last changed ${formatLondonDateTime(new Date(lastChange.at))}${lastChange.by ? ` by ${lastChange.by}` : ""}.`}</p>
      ) : null}
      {!editable ? <InsetText>This plan is closed: reopen it from the plan page to change its priorities.</InsetText> : null}
      {priorities.length === 0 ? (
        <Paragraph>This plan has no priorities yet.</Paragraph>
      ) : (
        <PriorityOrderForm
          action={movePlanPriority}
          planId={plan.id}
          version={plan.version}
          priorities={priorities}
          base={base}
          editable={editable}
          title={fullTitle}
        />
      )}
      {editable && priorities.length < MAX_PRIORITIES ? (
        <div className="max-w-[640px]">
          <AddPriorityForm action={addPriority} planId={plan.id} title={fullTitle} />
        </div>
      ) : null}
    </>
  );
}
