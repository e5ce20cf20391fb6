// The fields of a plan action and of the plan itself as their forms show them (text), with the label
// people see. One list each: the forms draw their fields and carry their base (`original`) from them,
// and the server merges and names conflicts with them (lib/plans/actions.ts). Free of zod and Prisma
// so client components can import it.
import { formatDateOnly } from "./dates";
import { ACTION_STATUSES, themeLabel } from "./labels";

/** An action's stored fields as text (lib/plans/actions.ts actionFormValues): what a merge compares. */
export const ACTION_FIELDS = [
  "priorityId",
  "title",
  "description",
  "theme",
  "ofstedRecommendation",
  "owner",
  "startDate",
  "dueDate",
  "status",
  "successMeasure",
  "indicatorId",
  "target",
  "targetDate",
  "evidenceLinks",
] as const;

export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTION_FIELD_LABELS: Record<ActionField, string> = {
  priorityId: "Priority",
  title: "Title",
  description: "Description",
  theme: "Theme",
  ofstedRecommendation: "Ofsted recommendation it answers",
  owner: "Owner",
  startDate: "Start date",
  dueDate: "Due date",
  status: "Status",
  successMeasure: "Success measure",
  indicatorId: "Linked indicator",
  target: "Target",
  targetDate: "Target date",
  evidenceLinks: "Evidence links",
};

/** The plan's own editable fields (its status and priorities have their own forms). */
export const PLAN_FIELDS = ["title", "periodStart", "periodEnd"] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];

export const PLAN_FIELD_LABELS: Record<PlanField, string> = {
  title: "Plan title",
  periodStart: "Start of the plan period",
  periodEnd: "End of the plan period",
};

/** Lower-case labels for sentences ("their change to the due date was kept"). */
export function fieldWord(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** How an action field's stored text reads to a person (names, not ids; labels, not keys). */
export function describeActionValue(
  field: ActionField,
  value: string,
  lookups: { priorities: readonly { id: string; title: string }[]; indicators: readonly { id: string; label: string }[] },
): string {
  if (field === "priorityId") return lookups.priorities.find((p) => p.id === value)?.title ?? value;
  if (field === "indicatorId") return lookups.indicators.find((i) => i.id === value)?.label ?? value;
  if (field === "theme") return themeLabel(value);
  if (field === "status") return ACTION_STATUSES[value as keyof typeof ACTION_STATUSES] ?? value;
  return describeDate(value);
}

/** A yyyy-mm-dd value as "31 March 2027"; anything else unchanged. */
export function describeDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateOnly(value) : value;
}
