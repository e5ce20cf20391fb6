// The plan page's filters and sort, held in the URL (?status=AT_RISK&owner=…&overdue=1&theme=…&sort=due).
// Unknown values are dropped rather than refused, so an edited link still shows the plan.
import { z } from "zod";
import type { ActionFilters } from "@/lib/plans/loop";
import { ACTION_STATUSES, ACTION_THEMES, type ActionStatus, type ActionTheme } from "./action-schema";

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const oneOf = <T extends string>(values: readonly T[]) =>
  z.preprocess(first, z.string().optional()).transform((s) => (s && (values as readonly string[]).includes(s) ? (s as T) : undefined));

export const SORTS = { due: "Due date", status: "Status (off track first)", title: "Title", updated: "Last updated" } as const;

const planFiltersSchema = z.object({
  status: oneOf(Object.keys(ACTION_STATUSES) as ActionStatus[]),
  theme: oneOf(Object.keys(ACTION_THEMES) as ActionTheme[]),
  owner: z.preprocess(first, z.string().optional()).transform((s) => (s?.trim() ? s.trim().slice(0, 120) : undefined)),
  overdue: z.preprocess(first, z.string().optional()).transform((s) => s === "1" || s === "true" || undefined),
  sort: oneOf(Object.keys(SORTS) as (keyof typeof SORTS)[]).transform((s) => s ?? "due"),
});

export function parsePlanFilters(params: Record<string, string | string[] | undefined>): ActionFilters {
  const parsed = planFiltersSchema.parse(params);
  return { status: parsed.status, theme: parsed.theme, owner: parsed.owner, overdue: parsed.overdue, sort: parsed.sort };
}
