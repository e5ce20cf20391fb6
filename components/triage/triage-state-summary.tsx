// An LA's triage now: status (and why the importer reopened it), the latest note, when and by whom.
import { SummaryList } from "@/components/govuk";
import { formatLondonDateTime } from "@/lib/plans/dates";
import type { TriageStateView } from "@/lib/triage/inbox";
import { ChangedSinceReviewTag, TriageStatusTag } from "./status-tag";

export function TriageStateSummary({ state }: { state: TriageStateView | null }) {
  return (
    <SummaryList
      rows={[
        {
          key: "Triage status",
          value: state ? (
            <>
              <TriageStatusTag status={state.status} />
              {state.reopenReason ? (
                <>
                  {" "}
                  <ChangedSinceReviewTag />
                  <span className="block">
                    Reopened {formatLondonDateTime(new Date(state.updatedAt))}: {state.reopenReason}
                  </span>
                </>
              ) : null}
            </>
          ) : (
            <>
              <TriageStatusTag status="NEW" /> <span>Not triaged yet</span>
            </>
          ),
        },
        { key: "Latest note", value: state?.latestNote ? <span className="whitespace-pre-line">{state.latestNote}</span> : "None" },
        {
          key: "Last reviewed",
          value: state?.lastReviewedAt
            ? `${formatLondonDateTime(new Date(state.lastReviewedAt))} by ${state.lastReviewedByName ?? "an analyst"}`
            : "Never",
        },
      ]}
    />
  );
}
