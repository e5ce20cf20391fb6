// /la/[code]/plan/priorities/[id] — the DCS renames or removes one priority of the current plan.
import { notFound } from "next/navigation";
import { BackLink, Heading, InsetText } from "@/components/govuk";
import { RemovePriorityForm, RenamePriorityForm } from "@/components/plans/priority-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanPriority } from "@/lib/plans/server";
import { removePriority, renamePriority } from "../../actions";
import { openPlanPage, type PlanPageProps } from "../../load";
import { isUuid } from "@/lib/plans/schema";

export const dynamic = "force-dynamic";
const TITLE = "Rename or remove a priority";
export const generateMetadata = formMetadata(TITLE);

export default async function PriorityPage(props: PlanPageProps<{ id: string }>) {
  const { la, params } = await openPlanPage(props, ({ id }) => `/priorities/${encodeURIComponent(id)}`, "canSetPriorities");
  const { id } = params;
  if (!isUuid(id)) notFound();
  const detail = await getPlanPriority(la.laNumber, id.toLowerCase());
  if (!detail) notFound();
  const { plan, priority, others } = detail;
  // what both forms post against: this priority, the plan's version shown here
  const forms = { priorityId: priority.id, version: plan.version, title: serviceTitle(TITLE) };
  return (
    <>
      <BackLink href={`/la/${la.laNumber}/plan/priorities`}>Back to the priorities</BackLink>
      <div className="max-w-[640px]">
        <Heading level={1} caption={`${la.name} – ${plan.title}`}>
          {`Priority ${priority.order}: ${priority.title}`}
        </Heading>
        <p className="govuk-body">{priority.liveActions === 1 ? "It has 1 action." : `It has ${priority.liveActions} actions.`}</p>
        {plan.status === "CLOSED" ? (
          <InsetText>This plan is closed: reopen it from the plan page to change its priorities.</InsetText>
        ) : (
          <>
            <RenamePriorityForm action={renamePriority} {...forms} current={priority.title} />
            <RemovePriorityForm action={removePriority} {...forms} liveActions={priority.liveActions} others={others} />
          </>
        )}
      </div>
    </>
  );
}
