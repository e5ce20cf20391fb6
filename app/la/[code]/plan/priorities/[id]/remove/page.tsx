// /la/[code]/plan/priorities/[id]/remove — "Are you sure you want to remove this priority?" (GOV.UK
// confirmation step, like deleting an action and closing the plan): the priority and its actions, where
// they move, a red button that posts against the plan's version shown here, and Cancel. Works without
// JavaScript; the action itself checks who may remove it.
import { notFound } from "next/navigation";
import { InsetText, SummaryList, WarningText } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { RemovePriorityForm } from "@/components/plans/priority-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanPriority } from "@/lib/plans/server";
import { isUuid } from "@/lib/plans/schema";
import { removePriority } from "../../../actions";
import { openPlanPage, type PlanPageProps } from "../../../load";

export const dynamic = "force-dynamic";
const TITLE = "Are you sure you want to remove this priority?";
export const generateMetadata = formMetadata(TITLE);

export default async function RemovePriorityPage(props: PlanPageProps<{ id: string }>) {
  const { la, params } = await openPlanPage(props, ({ id }) => `/priorities/${encodeURIComponent(id)}/remove`, "canSetPriorities");
  const { id } = params;
  if (!isUuid(id)) notFound();
  const detail = await getPlanPriority(la.laNumber, id.toLowerCase());
  if (!detail) notFound();
  const { plan, priority, others } = detail;
  const priorityHref = `/la/${la.laNumber}/plan/priorities/${priority.id}`;
  return (
    <FormPage back={{ href: priorityHref, text: "Back to the priority" }} caption={`${la.name} – ${plan.title}`} heading={TITLE}>
      {plan.status === "CLOSED" ? (
        <InsetText>This plan is closed: reopen it from the plan page to change its priorities.</InsetText>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Priority", value: `${priority.order}. ${priority.title}` },
              { key: "Actions", value: priority.liveActions === 0 ? "None" : String(priority.liveActions) },
            ]}
          />
          <WarningText>The priority is taken off the plan, its board pack and its CSV. The audit log keeps a record of it.</WarningText>
          <RemovePriorityForm
            action={removePriority}
            priorityId={priority.id}
            version={plan.version}
            title={serviceTitle(TITLE)}
            liveActions={priority.liveActions}
            others={others}
            cancelHref={priorityHref}
          />
        </>
      )}
    </FormPage>
  );
}
