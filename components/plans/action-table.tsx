// One priority's actions as a table on the plan page: each title a link to the action, its theme under
// it, the evidence as tags; scrollable on a narrow screen. (The board pack has its own table, with the
// latest progress note: components/board-pack/plan-section.tsx.) Server component with nothing
// interactive: the plan page places it as a static island (<StaticPart>), so it uses no hooks.
import { StaticTable, type TableCellInput } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import { formatDateOnly } from "@/lib/plans/dates";
import { themeLabel } from "@/lib/plans/labels";
import type { ActionListItem } from "@/lib/plans/queries";
import { ActionStatusTag, EvidenceTag, MismatchTag, OverdueTag } from "./tags";

type Props = { variant: "plan"; actions: readonly ActionListItem[]; actionHref: (id: string) => string; ariaLabel: string };

/** Owner, due date (with "Overdue"), the manager's status. */
function ownerDueStatus(a: ActionListItem): TableCellInput[] {
  return [
    a.owner,
    {
      text: (
        <>
          {formatDateOnly(a.dueDate)} {a.overdue ? <OverdueTag /> : null}
        </>
      ),
    },
    { text: <ActionStatusTag status={a.status} /> },
  ];
}

export function ActionTable(props: Props) {
  return (
    <div className="overflow-x-auto" role="region" aria-label={props.ariaLabel} tabIndex={0}>
      <StaticTable
        scrollable={false}
        head={["Action", "Owner", "Due", "Manager's status", "Evidence"]}
        rows={props.actions.map((a) => [
          {
            text: (
              <>
                <Link className="govuk-link" href={props.actionHref(a.id)}>
                  {a.title}
                </Link>
                <span className="block govuk-body-s mb-0">{themeLabel(a.theme)}</span>
              </>
            ),
          },
          ...ownerDueStatus(a),
          {
            text: a.evidence ? (
              <span className="flex flex-col items-start gap-1">
                <EvidenceTag rag={a.evidence.rag} />
                {a.evidence.mismatch ? <MismatchTag /> : null}
              </span>
            ) : (
              "No linked indicator"
            ),
          },
        ])}
      />
    </div>
  );
}
