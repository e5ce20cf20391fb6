// /la/[code]/plan/actions/new — a team manager adds an action to the LA's plan.
import { notFound } from "next/navigation";
import { FormPage } from "@/components/forms/form-page";
import { ActionForm } from "@/components/plans/action-form";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanIndicators, getPlanOwnerCandidates, getPlanPage } from "@/lib/plans/server";
import { indicatorFormChoices } from "@/lib/plans/indicator-choices";
import { today as londonToday } from "@/lib/core/clock";
import { createPlanActionItem } from "../../actions";
import { openPlanPage, type PlanPageProps } from "../../load";

export const dynamic = "force-dynamic";
const TITLE = "Add an action";

export const generateMetadata = formMetadata(TITLE);

export default async function NewActionPage(props: PlanPageProps) {
  const { la, query } = await openPlanPage(props, () => "/actions/new", "canEdit");
  const [view, indicators, owners] = await Promise.all([
    getPlanPage(la.laNumber, { sort: "due" }),
    getPlanIndicators(),
    getPlanOwnerCandidates(la.laNumber),
  ]);
  if (!view || view.plan.status === "CLOSED") notFound();
  const today = londonToday();
  // ?priority=<id> (from "Add an action to this priority") chooses the priority; anything else is ignored.
  const priorityId = view.priorities.find((p) => p.id === query.priority)?.id ?? "";
  return (
    <FormPage
      back={{ href: `/la/${la.laNumber}/plan`, text: "Back to the plan" }}
      caption={`${la.name} – ${view.plan.title}`}
      heading={TITLE}
    >
      <ActionForm
        action={createPlanActionItem}
        hidden={{ planId: view.plan.id }}
        initial={{
          priorityId,
          title: "",
          description: "",
          theme: "",
          ofstedRecommendation: "",
          owner: "",
          startDate: today,
          dueDate: "",
          status: "NOT_STARTED",
          successMeasure: "",
          indicatorId: "",
          target: "",
          targetDate: "",
          evidenceLinks: "",
        }}
        priorities={view.priorities.map((p) => ({ id: p.id, title: p.title }))}
        indicators={indicatorFormChoices(indicators)}
        owners={owners}
        laName={la.name}
        submitLabel="Add action"
        title={serviceTitle(TITLE)}
      />
    </FormPage>
  );
}
