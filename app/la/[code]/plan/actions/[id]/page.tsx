// /la/[code]/plan/actions/[id] — one action: details, the linked indicator's figures since it
// started against the target with the automatic evidence RAG beside the manager's status, progress
// history; for team managers of the LA, the progress, complete, edit and delete forms.
import { notFound } from "next/navigation";
import { BackLink, Button, Heading, NotificationBanner, Paragraph, SummaryList, Table, WarningText } from "@/components/govuk";
import { ActionForm } from "@/components/plans/action-form";
import { CompleteActionForm, ProgressUpdateForm } from "@/components/plans/progress-forms";
import { EvidenceLinks } from "@/components/plans/evidence-links";
import { ActionStatusTag, DemoTag, EvidenceTag, MismatchTag, OverdueTag } from "@/components/plans/tags";
import { actionFormValues } from "@/lib/plans/actions";
import { formMetadata, serviceTitle } from "@/lib/actions/form-title";
import { getPlanAction, getPlanIndicators, getPlanOwnerCandidates } from "@/lib/plans/server";
import { indicatorFormChoices } from "@/lib/plans/indicator-choices";
import { formatDateOnly, formatLondonDateTime, fromDateOnly } from "@/lib/plans/dates";
import { ACTION_STATUSES, themeLabel } from "@/lib/plans/labels";
import { completePlanAction, postProgressUpdate, updatePlanAction } from "../../actions";
import { openPlanPage, type PlanPageProps } from "../../load";

export const dynamic = "force-dynamic";
const TITLE = "Improvement plan action";

export const generateMetadata = formMetadata(TITLE);

/** The banner after a save that came back here (?saved=…): one at the top, for the latest save only. */
const SAVED: Record<string, (a: { title: string; status: keyof typeof ACTION_STATUSES }) => string> = {
  created: () => "Action added",
  progress: (a) => `Progress update posted. Status: ${ACTION_STATUSES[a.status]}`,
  complete: (a) => `"${a.title}" marked complete`,
};

export default async function ActionPage(props: PlanPageProps<{ id: string }>) {
  const { la, canEdit, params, query } = await openPlanPage(props, ({ id }) => `/actions/${encodeURIComponent(id)}`);
  const { id } = params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [detail, indicators, owners] = await Promise.all([
    getPlanAction(la.laNumber, id),
    getPlanIndicators(),
    getPlanOwnerCandidates(la.laNumber),
  ]);
  if (!detail) notFound();
  const { action: a, evidence, plan } = detail;
  // a closed plan may be an earlier one: go back to that plan, not the current one
  const planHref = plan.status === "CLOSED" ? `/la/${la.laNumber}/plan?plan=${plan.id}` : `/la/${la.laNumber}/plan`;
  const editable = canEdit && plan.status !== "CLOSED";
  const fullTitle = serviceTitle(TITLE);
  const saved = typeof query.saved === "string" && Object.hasOwn(SAVED, query.saved) ? SAVED[query.saved] : undefined;
  const fmt = (v: number | null) => (v === null ? "–" : String(v));

  return (
    <>
      <BackLink href={planHref}>Back to the plan</BackLink>
      {saved ? <NotificationBanner type="success" heading={saved(a)} /> : null}
      <Heading level={1} caption={`${la.name} – ${plan.title}`}>
        {a.title}
      </Heading>
      {a.isDemo ? (
        <p className="govuk-body">
          <DemoTag /> A made-up demonstration action.
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "Priority", value: a.priorityTitle },
          { key: "Theme", value: themeLabel(a.theme) },
          { key: "Owner", value: a.owner },
          { key: "Start date", value: formatDateOnly(a.startDate) },
          {
            key: "Due date",
            value: (
              <>
                {formatDateOnly(a.dueDate)} {a.overdue ? <OverdueTag /> : null}
              </>
            ),
          },
          { key: "Manager's status", value: <ActionStatusTag status={a.status} /> },
          { key: "Description", value: a.description ? <span className="whitespace-pre-line">{a.description}</span> : "–" },
          { key: "Ofsted recommendation", value: a.ofstedRecommendation ?? "–" },
          { key: "Success measure", value: <span className="whitespace-pre-line">{a.successMeasure}</span> },
          {
            key: "Evidence links",
            value: a.evidenceLinks.length === 0 ? "–" : <EvidenceLinks links={a.evidenceLinks} />,
          },
          {
            key: "Last changed",
            value: `${formatLondonDateTime(new Date(a.updatedAt))}${a.updatedByName ? ` by ${a.updatedByName}` : ""} (version ${a.version})`,
          },
        ]}
      />

      <section aria-labelledby="evidence-heading" className="govuk-!-margin-bottom-8">
        <h2 id="evidence-heading" className="govuk-heading-m">
          Is it making a difference?
        </h2>
        {a.indicator && a.target !== null ? (
          <>
            <Paragraph>
              {`Linked indicator: ${a.indicator.label}. Target ${a.target}${a.targetDate ? ` by ${formatDateOnly(a.targetDate)}` : ""}. The evidence rating is worked out from the published figures each time a new release is imported.`}
            </Paragraph>
            {evidence ? (
              <>
                <p className="govuk-body flex flex-wrap gap-2">
                  <ActionStatusTag status={a.status} />
                  <EvidenceTag rag={evidence.rag} />
                  {evidence.mismatch ? <MismatchTag /> : null}
                </p>
                {evidence.mismatch ? (
                  <WarningText>{`The manager's status (${ACTION_STATUSES[a.status]}) and the published evidence disagree. ${evidence.reason}`}</WarningText>
                ) : (
                  <Paragraph>{evidence.reason}</Paragraph>
                )}
                <Table
                  caption={`${a.indicator.label}, ${la.name}`}
                  captionSize="s"
                  head={["Year", "Figure", "Target", "Compared with the start"]}
                  numericColumns={[1, 2]}
                  rows={[
                    ...(evidence.baseline
                      ? [[`${evidence.baseline.period} (before the action started)`, evidence.baseline.raw, fmt(a.target), "Baseline"]]
                      : []),
                    ...evidence.since.map((f) => [
                      String(f.period),
                      f.raw,
                      fmt(a.target),
                      f.value === null || evidence.baseline?.value == null
                        ? "–"
                        : f.value === evidence.baseline.value
                          ? "No change"
                          : f.value > evidence.baseline.value
                            ? `Up ${(f.value - evidence.baseline.value).toFixed(1)}`
                            : `Down ${(evidence.baseline.value - f.value).toFixed(1)}`,
                    ]),
                  ]}
                />
                {evidence.since.length === 0 ? <Paragraph>No figure has been published since the action started.</Paragraph> : null}
              </>
            ) : null}
          </>
        ) : (
          <Paragraph>This action is not linked to a published indicator.</Paragraph>
        )}
      </section>

      <section aria-labelledby="history-heading" className="govuk-!-margin-bottom-8">
        <h2 id="history-heading" className="govuk-heading-m">
          Progress updates
        </h2>
        {detail.updates.length === 0 ? (
          <Paragraph>No updates yet.</Paragraph>
        ) : (
          <ol className="govuk-list">
            {detail.updates.map((u) => (
              <li key={u.id} className="govuk-!-margin-bottom-4 border-l-4 border-[#b1b4b6] pl-3">
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  {formatLondonDateTime(new Date(u.at))} – {u.authorName} –{" "}
                  {u.statusBefore === u.statusAfter
                    ? ACTION_STATUSES[u.statusAfter]
                    : `${ACTION_STATUSES[u.statusBefore]} to ${ACTION_STATUSES[u.statusAfter]}`}
                </p>
                <p className="govuk-body whitespace-pre-line">{u.narrative}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      {editable ? (
        <div className="max-w-[640px]">
          {/* keyed by the version: a save elsewhere on the page starts each form afresh (no stale outcome) */}
          <ProgressUpdateForm
            key={`progress-${a.version}`}
            action={postProgressUpdate}
            actionId={a.id}
            version={a.version}
            status={a.status}
            title={fullTitle}
          />
          {a.status !== "COMPLETE" ? (
            <CompleteActionForm
              key={`complete-${a.version}`}
              action={completePlanAction}
              actionId={a.id}
              version={a.version}
              title={fullTitle}
            />
          ) : null}
          <section aria-labelledby="edit-heading">
            <h2 id="edit-heading" className="govuk-heading-m">
              Edit the action
            </h2>
            <ActionForm
              action={updatePlanAction}
              hidden={{ actionId: a.id }}
              initial={actionFormValues({
                ...a,
                startDate: fromDateOnly(a.startDate),
                dueDate: fromDateOnly(a.dueDate),
                targetDate: a.targetDate ? fromDateOnly(a.targetDate) : null,
                indicatorId: a.indicator?.id ?? null,
              })}
              priorities={detail.priorities}
              indicators={indicatorFormChoices(indicators)}
              owners={owners}
              laName={la.name}
              submitLabel="Save changes"
              title={fullTitle}
            />
          </section>
          <section aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="govuk-heading-m">
              Delete this action
            </h2>
            <p className="govuk-body">You will be asked to confirm. Its history is kept in the audit log.</p>
            <Button href={`/la/${la.laNumber}/plan/actions/${a.id}/delete`} variant="warning">
              Delete action
            </Button>
          </section>
        </div>
      ) : null}
    </>
  );
}
