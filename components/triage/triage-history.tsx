// One LA's triage history, newest first: who, when, the status change and the note — or, for an
// automatic reopen, the reason citing the figures. Server component; the data comes from
// lib/triage/server.ts (analysts only).
import { Table } from "@/components/govuk";
import { formatLondonDateTime } from "@/lib/plans/dates";
import { TRIAGE_STATUS_LABELS } from "@/lib/triage/inbox";
import type { TriageHistoryEntry } from "@/lib/triage/queries";

function change(e: TriageHistoryEntry): string {
  if (e.statusBefore === e.statusAfter) return `Note added (still ${TRIAGE_STATUS_LABELS[e.statusAfter]})`;
  return `${TRIAGE_STATUS_LABELS[e.statusBefore]} → ${TRIAGE_STATUS_LABELS[e.statusAfter]}`;
}

export function TriageHistory({ events, laName, total }: { events: TriageHistoryEntry[]; laName: string; total: number }) {
  if (events.length === 0) return <p className="govuk-body">Nobody has triaged {laName} yet: it is new in the inbox.</p>;
  return (
    <Table
      caption={`Triage history for ${laName}, newest first${total > events.length ? ` (latest ${events.length} of ${total})` : ""}`}
      captionSize="s"
      head={["When", "Who", "Change", "Note", "Score then"]}
      numericColumns={[4]}
      rows={events.map((e) => [
        formatLondonDateTime(new Date(e.at)),
        e.authorName,
        change(e),
        {
          text: e.isAutomatic ? (
            <>Reopened because the figures changed since the review: {e.reason}</>
          ) : (
            <span className="whitespace-pre-line">{e.note}</span>
          ),
        },
        e.score,
      ])}
    />
  );
}
