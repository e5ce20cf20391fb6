// /la/[code]/plan/priorities/[id] — the DCS renames one priority of the current plan, or goes on to
// remove it (its confirmation page, ./remove).
import { notFound } from "next/navigation";
import { Button, InsetText } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { FormSection } from "@/components/forms/form-state";
import { RenamePriorityForm } from "@/components/plans/priority-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanPriority } from "@/lib/plans/server";
import { renamePriority } from "../../actions";
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
    <FormPage
      back={{ href: `/la/${la.laNumber}/plan/priorities`, text: "Back to the priorities" }}
      caption={`${la.name} – ${plan.title}`}
      heading={`Priority ${priority.order}: ${priority.title}`}
    >
      <p className="govuk-body">{priority.liveActions === 1 ? "It has 1 action." : `It has ${priority.liveActions} actions.`}</p>
      {plan.status === "CLOSED" ? (
        <InsetText>This plan is closed: reopen it from the plan page to change its priorities.</InsetText>
      ) : (
        <>
          <RenamePriorityForm action={renamePriority} {...forms} current={priority.title} />
          <FormSection id="remove-heading" heading="Remove this priority">
            <p className="govuk-body">
              {others.length > 0 || priority.liveActions === 0
                ? "Its actions are never removed with it: you choose which priority they move to."
                : "It is the plan's only priority: add another to move its actions to before removing it."}
            </p>
            <Button href={`/la/${la.laNumber}/plan/priorities/${priority.id}/remove`} variant="warning">
              Remove priority
            </Button>
          </FormSection>
        </>
      )}
    </FormPage>
  );
}
