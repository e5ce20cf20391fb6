// /la/[code]/plan/edit — the DCS changes the current plan's title and period. Saving checks that
// nobody changed the plan (or its priorities or status) since the form was opened.
import { InsetText, Paragraph } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { PlanDetailsForm } from "@/components/plans/plan-admin-forms";
import { PlanStatusTag } from "@/components/plans/tags";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { formatLondonDateTime } from "@/lib/plans/dates";
import { updatePlanDetails } from "../actions";
import { openCurrentPlanPage, type PlanPageProps } from "../load";

export const dynamic = "force-dynamic";
const TITLE = "Change plan details";

export const generateMetadata = formMetadata(TITLE);

export default async function EditPlanPage(props: PlanPageProps) {
  const { la, plan, lastChange } = await openCurrentPlanPage(props, "/edit", "canSetPriorities");
  return (
    <FormPage back={{ href: `/la/${la.laNumber}/plan`, text: "Back to the plan" }} caption={`${la.name} – ${plan.title}`} heading={TITLE}>
      <p className="govuk-body flex flex-wrap items-center gap-2">
        <PlanStatusTag status={plan.status} />
        {lastChange ? (
          <span>{`Last changed ${formatLondonDateTime(new Date(lastChange.at))}${lastChange.by ? ` by ${lastChange.by}` : ""}`}</span>
        ) : null}
      </p>
      {plan.status === "CLOSED" ? (
        <InsetText>This plan is closed. Reopen it from the plan page to change its title or period.</InsetText>
      ) : (
        <>
          <Paragraph>Approving, closing and reopening the plan are on the plan page.</Paragraph>
          <PlanDetailsForm
            action={updatePlanDetails}
            planId={plan.id}
            initial={{ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd, version: String(plan.version) }}
            title={serviceTitle(TITLE)}
          />
        </>
      )}
    </FormPage>
  );
}
