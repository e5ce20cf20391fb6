// /la/[code]/plan/priorities/[id] — the DCS renames or removes one priority of the current plan.
import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { BackLink, Heading, InsetText } from "@/components/govuk";
import { RemovePriorityForm, RenamePriorityForm } from "@/components/plans/priority-forms";
import { formTitle } from "@/lib/actions/form-title";
import { getPlanPriority } from "@/lib/plans/server";
import { removePriority, renamePriority } from "../../actions";
import { loadPlanAccess } from "../../load";
import { isUuid } from "@/lib/plans/schema";

export const dynamic = "force-dynamic";
const TITLE = "Rename or remove a priority";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await formTitle(TITLE) };
}

export default async function PriorityPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code, id } = await params;
  const { la, canSetPriorities } = await loadPlanAccess(code, `/priorities/${encodeURIComponent(id)}`, await searchParams);
  if (!canSetPriorities) forbidden();
  if (!isUuid(id)) notFound();
  const detail = await getPlanPriority(la.laNumber, id.toLowerCase());
  if (!detail) notFound();
  const { plan, priority, others } = detail;
  const fullTitle = `${TITLE} – Children's social care insight`;
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
            <RenamePriorityForm
              action={renamePriority}
              priorityId={priority.id}
              version={plan.version}
              current={priority.title}
              title={fullTitle}
            />
            <RemovePriorityForm
              action={removePriority}
              priorityId={priority.id}
              version={plan.version}
              liveActions={priority.liveActions}
              others={others}
              title={fullTitle}
            />
          </>
        )}
      </div>
    </>
  );
}
