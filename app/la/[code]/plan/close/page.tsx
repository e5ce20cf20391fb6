// /la/[code]/plan/close — "Are you sure you want to close this plan?" (GOV.UK confirmation step): the
// plan and what closing does, a red button that posts the close against the version shown here, and
// a link back. Works without JavaScript; the action itself checks who may close.
import { Paragraph, SummaryList, WarningText } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { PlanStatusForm } from "@/components/plans/plan-admin-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanSummary } from "@/lib/plans/server";
import { formatDateOnly } from "@/lib/plans/dates";
import { closePlan } from "../actions";
import { openCurrentPlanPage, type PlanPageProps } from "../load";

export const dynamic = "force-dynamic";
const TITLE = "Are you sure you want to close this plan?";

export const generateMetadata = formMetadata(TITLE);

export default async function ClosePlanPage(props: PlanPageProps) {
  const { la, plan } = await openCurrentPlanPage(props, "/close", "canClose");
  const planHref = `/la/${la.laNumber}/plan`;
  const summary = plan.status === "ACTIVE" ? await getPlanSummary(la.laNumber, plan.id) : null;
  const open = summary ? summary.total - summary.byStatus.COMPLETE : 0;
  return (
    <FormPage back={{ href: planHref, text: "Back to the plan" }} caption={la.name} heading={TITLE}>
      {plan.status !== "ACTIVE" ? (
        <Paragraph>
          {plan.status === "CLOSED" ? "This plan is already closed." : "Only an active plan can be closed. This plan is still a draft."}
        </Paragraph>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Plan", value: plan.title },
              { key: "Period", value: `${formatDateOnly(plan.periodStart)} to ${formatDateOnly(plan.periodEnd)}` },
              { key: "Actions", value: summary ? `${summary.total} (${open} not complete)` : "–" },
            ]}
          />
          <WarningText>
            {`Once the plan is closed its actions and priorities can no longer be changed${open > 0 ? `, including the ${open === 1 ? "action that is" : `${open} actions that are`} not complete` : ""}. You can reopen it later, or start the next plan.`}
          </WarningText>
          <PlanStatusForm
            action={closePlan}
            plan={plan}
            label="Yes, close this plan"
            variant="warning"
            title={serviceTitle(TITLE)}
            cancelHref={planHref}
          />
        </>
      )}
    </FormPage>
  );
}
