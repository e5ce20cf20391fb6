// Triage status as a GOV.UK tag: the words say it, the colour only repeats it.
import { Tag, type TagColour } from "@/components/govuk";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { TRIAGE_STATUS_LABELS } from "@/lib/triage/inbox";

export const TRIAGE_STATUS_COLOURS: Record<TriageStatus, TagColour> = {
  NEW: "blue",
  UNDER_REVIEW: "yellow",
  REVIEWED: "green",
  ESCALATED: "red",
};

export function TriageStatusTag({ status }: { status: TriageStatus }) {
  return <Tag colour={TRIAGE_STATUS_COLOURS[status]}>{TRIAGE_STATUS_LABELS[status]}</Tag>;
}

/** Shown beside "New" when the importer reopened a reviewed LA. */
export function ChangedSinceReviewTag() {
  return <Tag colour="pink">Changed since review</Tag>;
}
