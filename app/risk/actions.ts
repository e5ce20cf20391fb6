"use server";

// Triage server actions for DfE analysts, through the one action wrapper (definitions in lib/triage/actions.ts).
import { defineAction } from "@/lib/actions/safe-action";
import { bulkUpdateTriageAction, updateTriageAction } from "@/lib/triage/actions";

export const updateTriage = defineAction(updateTriageAction);
export const bulkUpdateTriage = defineAction(bulkUpdateTriageAction);
