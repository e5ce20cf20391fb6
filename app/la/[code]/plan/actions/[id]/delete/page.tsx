// /la/[code]/plan/actions/[id]/delete — "Are you sure you want to delete this action?" (GOV.UK
// confirmation step): what will be deleted, a red button that posts the delete against the version
// shown here, and a link back. Works without JavaScript; the action itself checks who may delete.
import { forbidden, notFound } from "next/navigation";
import { Paragraph, SummaryList, WarningText } from "@/components/govuk";
import { FormPage } from "@/components/forms/form-page";
import { DeleteActionForm } from "@/components/plans/progress-forms";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanAction } from "@/lib/plans/server";
import { formatDateOnly, formatLondonDateTime } from "@/lib/plans/dates";
import { ACTION_STATUSES } from "@/lib/plans/labels";
import { deletePlanAction } from "../../../actions";
import { openPlanPage, type PlanPageProps } from "../../../load";

export const dynamic = "force-dynamic";
const TITLE = "Are you sure you want to delete this action?";

export const generateMetadata = formMetadata(TITLE);

export default async function DeleteActionPage(props: PlanPageProps<{ id: string }>) {
  const { la, canEdit, params } = await openPlanPage(props, ({ id }) => `/actions/${encodeURIComponent(id)}/delete`);
  const { id } = params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const detail = await getPlanAction(la.laNumber, id);
  if (!detail) notFound();
  const { action: a, plan } = detail;
  if (!canEdit) forbidden();
  const actionHref = `/la/${la.laNumber}/plan/actions/${a.id}`;
  const updates = detail.updates.length;
  return (
    <FormPage back={{ href: actionHref, text: "Back to the action" }} caption={`${la.name} – ${plan.title}`} heading={TITLE}>
      {plan.status === "CLOSED" ? (
        <Paragraph>This plan is closed: its actions can no longer be changed or deleted.</Paragraph>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: "Action", value: a.title },
              { key: "Priority", value: a.priorityTitle },
              { key: "Owner", value: a.owner },
              { key: "Due date", value: formatDateOnly(a.dueDate) },
              { key: "Status", value: ACTION_STATUSES[a.status] },
              { key: "Progress updates", value: updates === 0 ? "None" : String(updates) },
              {
                key: "Last changed",
                value: `${formatLondonDateTime(new Date(a.updatedAt))}${a.updatedByName ? ` by ${a.updatedByName}` : ""}`,
              },
            ]}
          />
          <WarningText>
            The action and its progress updates will no longer be shown in the plan, its board report or its CSV. The audit log keeps a
            record.
          </WarningText>
          <DeleteActionForm
            action={deletePlanAction}
            actionId={a.id}
            version={a.version}
            title={serviceTitle(TITLE)}
            cancelHref={actionHref}
          />
        </>
      )}
    </FormPage>
  );
}
