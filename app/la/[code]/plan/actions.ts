"use server";

// Improvement plan server actions, through the one action wrapper (definitions in lib/plans/actions.ts).
import { defineAction } from "@/lib/actions/safe-action";
import {
  activatePlanAction,
  addPriorityAction,
  closePlanAction,
  completeActionAction,
  createActionAction,
  createPlanAction,
  deleteActionAction,
  movePriorityAction,
  postProgressUpdateAction,
  removePriorityAction,
  renamePriorityAction,
  reopenPlanAction,
  updateActionAction,
  updatePlanDetailsAction,
} from "@/lib/plans/actions";

export const createPlan = defineAction(createPlanAction);
export const updatePlanDetails = defineAction(updatePlanDetailsAction);
export const activatePlan = defineAction(activatePlanAction);
export const closePlan = defineAction(closePlanAction);
export const reopenPlan = defineAction(reopenPlanAction);
export const addPriority = defineAction(addPriorityAction);
export const renamePriority = defineAction(renamePriorityAction);
export const movePlanPriority = defineAction(movePriorityAction);
export const removePriority = defineAction(removePriorityAction);
export const createPlanActionItem = defineAction(createActionAction);
export const updatePlanAction = defineAction(updateActionAction);
export const postProgressUpdate = defineAction(postProgressUpdateAction);
export const completePlanAction = defineAction(completeActionAction);
export const deletePlanAction = defineAction(deleteActionAction);
