// The board pack's improvement plan: each priority's actions with their owner, due date, RAG status,
// the published evidence for linked indicators, evidence links and the latest progress note (with the
// day the action was last updated).
import { Paragraph, StaticTable } from "@/components/govuk";
import { EvidenceLinks } from "@/components/plans/evidence-links";
import { ActionStatusTag, EvidenceTag, OverdueTag, PlanStatusTag } from "@/components/plans/tags";
import type { BoardPackAction, BoardPackPlan } from "@/lib/board-pack/plan";
import { formatIsoDate } from "@/lib/dashboard/format";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/plans/labels";
import { today } from "@/lib/core/clock";

function evidenceCell(a: BoardPackAction) {
  return (
    <>
      {a.evidence ? (
        <>
          <EvidenceTag rag={a.evidence.rag} />
          <span className="block">{a.evidence.reason}</span>
          {a.evidence.mismatch ? <span className="block font-bold">The status and the evidence disagree.</span> : null}
        </>
      ) : a.indicator ? (
        <span className="block">Linked to {a.indicator.label}; no target set.</span>
      ) : (
        <span className="block text-govuk-secondary-text">Not linked to an indicator.</span>
      )}
      {a.evidenceLinks.length > 0 ? <EvidenceLinks links={a.evidenceLinks} className="mb-0" /> : null}
    </>
  );
}

function latestNote(a: BoardPackAction) {
  const note = a.notes[0];
  return (
    <>
      {note ? (
        <>
          <span className="block">{note.narrative}</span>
          <span className="block text-govuk-secondary-text">
            {`${note.authorName}, ${formatIsoDate(today(new Date(note.at)))}${a.notes.length > 1 ? ` (and ${a.notes.length - 1} earlier)` : ""}`}
          </span>
        </>
      ) : (
        <span className="block">No progress notes.</span>
      )}
      <span className="block text-govuk-secondary-text">Last updated {formatIsoDate(a.lastUpdated)}</span>
    </>
  );
}

export function PlanSection({ plan }: { plan: BoardPackPlan | null }) {
  if (!plan) {
    return (
      <section aria-labelledby="board-pack-plan" className="board-pack-section">
        <h2 id="board-pack-plan" className="govuk-heading-l">
          Improvement plan
        </h2>
        <Paragraph>There is no improvement plan yet.</Paragraph>
      </section>
    );
  }
  const actions = plan.priorities.flatMap((p) => p.actions);
  const counts = (Object.keys(ACTION_STATUSES) as ActionStatus[])
    .map((s) => [s, actions.filter((a) => a.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${ACTION_STATUSES[s].toLowerCase()} ${n}`);
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <section aria-labelledby="board-pack-plan" className="board-pack-section">
      <h2 id="board-pack-plan" className="govuk-heading-l">
        Improvement plan: {plan.plan.title}
      </h2>
      <p className="govuk-body">
        <PlanStatusTag status={plan.plan.status} />{" "}
        {`Plan period ${formatIsoDate(plan.plan.periodStart)} to ${formatIsoDate(plan.plan.periodEnd)}. ${actions.length} actions${
          counts.length ? `: ${counts.join(", ")}` : ""
        }; ${overdue} overdue. The plan is shown as it stands today.${plan.plan.isDemo ? " Demo data: not a real plan." : ""}`}
      </p>
      {plan.priorities.map((p) => (
        <div key={p.id} className="board-pack-priority">
          <h3 className="govuk-heading-m">
            Priority {p.order}: {p.title}
          </h3>
          {p.actions.length === 0 ? (
            <Paragraph>No actions.</Paragraph>
          ) : (
            <StaticTable
              captionId={`board-pack-priority-${p.id}-caption`}
              caption={`Actions for priority ${p.order}`}
              captionSize="s"
              firstCellIsHeader
              head={["Action and owner", "Due", "Status", "Evidence", "Latest progress"]}
              rows={p.actions.map((a) => [
                {
                  text: (
                    <>
                      {a.title}
                      <span className="block font-normal text-govuk-secondary-text">{a.owner}</span>
                    </>
                  ),
                },
                formatIsoDate(a.dueDate),
                {
                  text: (
                    <>
                      <ActionStatusTag status={a.status} />
                      {a.overdue ? (
                        <span className="mt-1 block">
                          <OverdueTag />
                        </span>
                      ) : null}
                    </>
                  ),
                },
                { text: evidenceCell(a) },
                { text: latestNote(a) },
              ])}
            />
          )}
        </div>
      ))}
    </section>
  );
}
