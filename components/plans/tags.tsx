// Status, evidence and demo tags for plans. Colour is never the only cue: the text says it.
import { Tag, type TagColour } from "@/components/govuk";
import { EVIDENCE_LABELS, type EvidenceRag } from "@/lib/plans/evidence";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/plans/labels";
import { PLAN_STATUSES } from "@/lib/plans/labels";

const STATUS_COLOURS: Record<ActionStatus, TagColour> = {
  NOT_STARTED: "grey",
  ON_TRACK: "green",
  AT_RISK: "orange",
  OFF_TRACK: "red",
  COMPLETE: "blue",
};
const EVIDENCE_COLOURS: Record<EvidenceRag, TagColour> = {
  TARGET_MET: "green",
  RIGHT_WAY: "turquoise",
  NOT_YET: "yellow",
  WRONG_WAY: "red",
};

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return <Tag colour={STATUS_COLOURS[status]}>{ACTION_STATUSES[status]}</Tag>;
}

export function EvidenceTag({ rag }: { rag: EvidenceRag }) {
  return <Tag colour={EVIDENCE_COLOURS[rag]}>{`Evidence: ${EVIDENCE_LABELS[rag]}`}</Tag>;
}

export function PlanStatusTag({ status }: { status: keyof typeof PLAN_STATUSES }) {
  return <Tag colour={status === "ACTIVE" ? "green" : status === "DRAFT" ? "grey" : "blue"}>{PLAN_STATUSES[status]}</Tag>;
}

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>;
}

export function MismatchTag() {
  return <Tag colour="pink">Status and evidence disagree</Tag>;
}

export function DemoTag() {
  return <Tag colour="yellow">Demo data</Tag>;
}
