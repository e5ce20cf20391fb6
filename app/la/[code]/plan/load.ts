// Shared by the plan routes: the LA from the URL (3-digit DfE number) and the page guard.
import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireAccess } from "@/lib/auth/request";
import { getPlanAuthority } from "@/lib/data/plans";

export async function loadPlanAccess(code: string) {
  const la = await getPlanAuthority(decodeURIComponent(code));
  if (!la) notFound();
  const resource = { kind: "plan" as const, laNumber: la.laNumber };
  const user = await requireAccess("plan.view", resource);
  return {
    la,
    user,
    canEdit: can(user, "plan.edit", resource),
    canApprove: can(user, "plan.approve", resource),
    canClose: can(user, "plan.close", resource),
    canSetPriorities: can(user, "plan.set_priorities", resource),
  };
}
