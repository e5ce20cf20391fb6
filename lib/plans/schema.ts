// Schemas for the plan itself and its priorities, shared by the forms (components/plans/*) and the
// server actions (lib/plans/actions.ts). Actions on the plan: ./plan-action.ts.
//
// Versioning: the plan and its list of priorities are one record for optimistic locking — every
// change to the plan's details, status or priorities raises improvement_plan.version by one, and
// every form that could overwrite someone else's change (details, status, rename, reorder, remove)
// carries the version the person saw (docs/decisions/0009).
import { withDateInputs } from "@/lib/core/date-input-schema";
import { z } from "zod";
import { PLAN_FIELDS } from "@/lib/plans/field-labels";
import { mergeBaseField } from "@/lib/core/merge-base";
import { dateField, optionalChoice, requiredText, versionField } from "./field-schema";
import { TITLE_MAX } from "@/lib/plans/labels";

export { PLAN_STATUSES, type PlanStatusKey } from "@/lib/plans/labels";

/** A plan has a few priorities for the year, not a long list. */
export const MAX_PRIORITIES = 8;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For ids in URLs (?plan=…, /priorities/[id]): anything else is "not found" without asking the database. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const laTargetSchema = z.object({ laNumber: z.string().regex(/^\d{3}$/) });
export const planTargetSchema = z.object({ planId: z.uuid() });
export const priorityTargetSchema = z.object({ priorityId: z.uuid() });

const planFields = {
  title: requiredText("Enter a title for the plan", "Title", TITLE_MAX),
  periodStart: dateField("start of the plan period"),
  periodEnd: dateField("end of the plan period"),
};

function periodInOrder(v: { periodStart: string; periodEnd: string }, ctx: z.RefinementCtx) {
  if (v.periodEnd <= v.periodStart)
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The end of the plan period must be after its start" });
}

/** The plan form's date inputs (each posted as three boxes). */
export const PLAN_DATE_FIELDS = ["periodStart", "periodEnd"] as const;

/** Starting a plan. */
export function planSchema() {
  return withDateInputs(PLAN_DATE_FIELDS, z.object(planFields).superRefine(periodInOrder));
}

/**
 * Changing the plan's title and period (the same rules), against the version the person saw and the
 * values they started from (`original`, for a field-by-field merge: decision 0015).
 */
export function planDetailsSchema() {
  return withDateInputs(
    PLAN_DATE_FIELDS,
    z.object({ ...planFields, version: versionField, original: mergeBaseField(PLAN_FIELDS) }).superRefine(periodInOrder),
  );
}

/** Approve (draft → active), close (active → closed) and reopen (closed → active). */
export const planStatusChangeSchema = z.object({ version: versionField });

const priorityTitle = requiredText("Enter the priority", "Priority", TITLE_MAX);

export const prioritySchema = z.object({ title: priorityTitle });

export const renamePrioritySchema = z.object({ title: priorityTitle, version: versionField });

type MoveDirection = "up" | "down";

/**
 * Reordering: each "Move up"/"Move down" button in the one priorities form submits
 * move=<priority id>:<up|down> (a submit button's name and value are sent without JavaScript too).
 */
export const movePrioritySchema = z.object({
  version: versionField,
  move: z
    .string({ error: "Choose a priority to move" })
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:(up|down)$/i, "Choose a priority to move")
    .transform((s) => {
      const [priorityId, direction] = s.split(":") as [string, MoveDirection];
      return { priorityId: priorityId.toLowerCase(), direction };
    }),
});

/**
 * Removing a priority. Its live actions are never orphaned: if it has any, the person chooses
 * which of the plan's other priorities they move to (`moveTo`); the handler refuses without one.
 * `otherPriorityIds` are the plan's other live priorities.
 */
export function removePrioritySchema(otherPriorityIds: readonly string[]) {
  return z.object({
    version: versionField,
    moveTo: optionalChoice(otherPriorityIds, "Choose one of the plan's other priorities"),
  });
}
