"use server";

// Improvement plan server actions, through the one action wrapper (definitions in lib/plans/actions.ts).
import { defineAction } from "@/lib/actions/safe-action";
import * as plans from "@/lib/plans/actions";

export const createPlan = defineAction(plans.createPlanAction);
export const updatePlanDetails = defineAction(plans.updatePlanDetailsAction);
export const activatePlan = defineAction(plans.activatePlanAction);
export const closePlan = defineAction(plans.closePlanAction);
export const reopenPlan = defineAction(plans.reopenPlanAction);
export const addPriority = defineAction(plans.addPriorityAction);
export const renamePriority = defineAction(plans.renamePriorityAction);
export const movePlanPriority = defineAction(plans.movePriorityAction);
export const removePriority = defineAction(plans.removePriorityAction);
export const createPlanActionItem = defineAction(plans.createActionAction);
export const updatePlanAction = defineAction(plans.updateActionAction);
export const postProgressUpdate = defineAction(plans.postProgressUpdateAction);
export const completePlanAction = defineAction(plans.completeActionAction);
export const deletePlanAction = defineAction(plans.deleteActionAction);
