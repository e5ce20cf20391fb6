"use server";

// Triage server actions for DfE analysts, through the one action wrapper (definitions in lib/actions/triage.ts).
import { defineAction } from "@/lib/actions/safe-action";
import { bulkUpdateTriageAction, updateTriageAction } from "@/lib/actions/triage";

export const updateTriage = defineAction(updateTriageAction);
export const bulkUpdateTriage = defineAction(bulkUpdateTriageAction);
