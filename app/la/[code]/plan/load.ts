// Shared by the plan routes: the LA from the URL and the page guard. The canonical address uses the
// 3-digit DfE number; any other form the dashboard accepts (an ONS code such as E08000023, in any
// case) is redirected permanently to it, keeping the rest of the path and the query — before the
// guard, so people sign in to the canonical address.
import { readPathParam } from "@/lib/core/path-param";
import "server-only";
import { forbidden, notFound, permanentRedirect } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireAccess } from "@/lib/auth/request";
import { getPlanEditDetails, resolvePlanAuthority } from "@/lib/plans/server";

export type PlanQuery = Record<string, string | string[] | undefined> | URLSearchParams;

function queryString(query: PlanQuery | undefined): string {
  if (!query) return "";
  if (query instanceof URLSearchParams) return query.toString();
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(key, v);
  }
  return out.toString();
}

/**
 * @param code the [code] segment as routed
 * @param rest the path after /plan on this route (e.g. "/report/csv"), for the redirect
 * @param query this request's query, kept by the redirect
 */
export async function loadPlanAccess(code: string, rest = "", query?: PlanQuery) {
  const decoded = readPathParam(code);
  if (decoded === null) notFound();
  const la = await resolvePlanAuthority(decoded);
  if (!la) notFound();
  if (la.laNumber !== code) {
    const q = queryString(query);
    permanentRedirect(`/la/${la.laNumber}/plan${rest}${q ? `?${q}` : ""}`);
  }
  const resource = { kind: "plan" as const, laNumber: la.laNumber };
  const user = await requireAccess("plan.view", resource);
  return {
    la,
    user,
    /** team managers of the LA: add, edit, update, complete and delete actions */
    canEdit: can(user, "plan.edit", resource),
    /** the DCS: approve a draft plan */
    canApprove: can(user, "plan.approve", resource),
    /** the DCS: close an active plan, and reopen a closed one */
    canClose: can(user, "plan.close", resource),
    /** the DCS: start a plan, change its title and period, add/rename/reorder/remove priorities */
    canSetPriorities: can(user, "plan.set_priorities", resource),
  };
}

type Access = Awaited<ReturnType<typeof loadPlanAccess>>;
type SearchParams = Record<string, string | string[] | undefined>;

/** A plan page's props as Next.js passes them: [code] and the page's own segments, and the query. */
export type PlanPageProps<P extends Record<string, string> = Record<never, string>> = {
  params: Promise<{ code: string } & P>;
  searchParams: Promise<SearchParams>;
};

/**
 * The start of every plan page: its segments and query, the LA (other codes redirected to the canonical
 * address), the guard, and — when the page is for one role's work — 403 unless this person may do it.
 * @param rest the path after /plan on this route, from its segments (for the redirect)
 */
export async function openPlanPage<P extends Record<string, string>>(
  props: PlanPageProps<P>,
  rest: (params: { code: string } & P) => string,
  needs?: "canEdit" | "canClose" | "canSetPriorities",
): Promise<Access & { params: { code: string } & P; query: SearchParams }> {
  const params = await props.params;
  const query = await props.searchParams;
  const access = await loadPlanAccess(params.code, rest(params), query);
  if (needs && !access[needs]) forbidden();
  return { ...access, params, query };
}

/** The start of a page about the LA's current plan itself (change its details, close it): 404 if it has none. */
export async function openCurrentPlanPage(props: PlanPageProps, rest: string, needs: "canClose" | "canSetPriorities") {
  const access = await openPlanPage(props, () => rest, needs);
  const details = await getPlanEditDetails(access.la.laNumber);
  if (!details) notFound();
  return { ...access, ...details };
}
