// The audit log's action names for improvement plans (written by lib/plans/actions.ts, read by
// lib/plans/queries.ts to say who last changed a plan).
export const PLAN_AUDIT = {
  planCreate: "plan.create",
  planUpdate: "plan.update",
  planActivate: "plan.activate",
  planClose: "plan.close",
  planReopen: "plan.reopen",
  priorityCreate: "plan.priority.create",
  priorityRename: "plan.priority.rename",
  priorityReorder: "plan.priority.reorder",
  priorityRemove: "plan.priority.remove",
  actionCreate: "plan.action.create",
  actionUpdate: "plan.action.update",
  actionProgress: "plan.action.progress",
  actionComplete: "plan.action.complete",
  actionDelete: "plan.action.delete",
} as const;

/** Changes to the plan record itself: its details, status and priorities (all raise the plan's version). */
export const PLAN_CHANGE_ACTIONS = [
  PLAN_AUDIT.planCreate,
  PLAN_AUDIT.planUpdate,
  PLAN_AUDIT.planActivate,
  PLAN_AUDIT.planClose,
  PLAN_AUDIT.planReopen,
  PLAN_AUDIT.priorityCreate,
  PLAN_AUDIT.priorityRename,
  PLAN_AUDIT.priorityReorder,
  PLAN_AUDIT.priorityRemove,
] as const;
