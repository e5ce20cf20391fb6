// View state of the LA dashboard, held in the URL (`/la/330?indicator=…&comparator=…&year=…`) so a
// link reproduces the view. Bad values are reported to the user (GOV.UK error summary) and replaced
// by the defaults, never thrown.
import { z } from "zod";
import { currentYear } from "@/lib/core/clock";
import { firstIssue, firstValue, type RawParams } from "@/lib/core/url-query";
import { COMPARATORS, DASHBOARD_INDICATORS, type DashboardView } from "@/lib/dashboard/indicators";
import { BY_PERIOD } from "@/lib/dashboard/neighbour-models";

const NEIGHBOURS_ERROR = "Choose a statistical neighbour grouping from the list";

const viewSchema = z.object({
  indicator: z.enum(DASHBOARD_INDICATORS, { error: "Choose an indicator from the list" }),
  comparator: z.enum(COMPARATORS, { error: "Choose the median or the mean of statistical neighbours" }),
  year: z.coerce
    .number({ error: "Choose a year from the list" })
    .int("Choose a year from the list")
    .min(2000, "Choose a year from the list")
    .max(2100, "Choose a year from the list"),
  // a grouping's id ("2025-05") or "by-period"; checked against the groupings held below
  grouping: z.string({ error: NEIGHBOURS_ERROR }).regex(/^(by-period|\d{4}-\d{2})$/, NEIGHBOURS_ERROR),
});

export type ViewField = keyof DashboardView & keyof z.infer<typeof viewSchema>;
export type ViewError = { field: ViewField; message: string };

/**
 * @param yearsFor the years with figures for an indicator (ascending); the default year is the latest
 * @param neighbourModels the statistical-neighbour groupings held (`?grouping=` must name one, or "by-period")
 */
export function parseDashboardView(
  raw: RawParams,
  yearsFor: (indicator: DashboardView["indicator"]) => number[],
  neighbourModels: readonly { id: string }[] = [],
): { view: DashboardView; errors: ViewError[] } {
  const errors: ViewError[] = [];
  const pick = <F extends ViewField>(field: F): z.infer<typeof viewSchema>[F] | undefined => {
    const value = firstValue(raw[field]);
    if (value === undefined || value === "") return undefined;
    const parsed = viewSchema.shape[field].safeParse(value);
    if (parsed.success) return parsed.data as z.infer<typeof viewSchema>[F];
    errors.push({ field, message: firstIssue(parsed.error) });
    return undefined;
  };
  const indicator = pick("indicator") ?? DASHBOARD_INDICATORS[0];
  const comparator = pick("comparator") ?? "median";
  const years = yearsFor(indicator);
  const latest = years.at(-1) ?? currentYear();
  let year = pick("year");
  if (year !== undefined && !years.includes(year)) {
    errors.push({ field: "year", message: years.length ? `Choose a year from ${years[0]} to ${latest}` : "Choose a year from the list" });
    year = undefined;
  }
  let grouping = pick("grouping");
  if (grouping !== undefined && grouping !== BY_PERIOD && !neighbourModels.some((m) => m.id === grouping)) {
    errors.push({ field: "grouping", message: NEIGHBOURS_ERROR });
    grouping = undefined;
  }
  // the default (each period's grouping in force when it was published) is left out of the view
  return {
    view: { indicator, comparator, year: year ?? latest, ...(grouping && grouping !== BY_PERIOD ? { grouping } : {}) },
    errors,
  };
}

/** The query string for a view, leaving out defaults so plain `/la/330` stays the canonical link. */
export function viewQuery(view: DashboardView, latestYear: number, change: Partial<DashboardView> = {}): string {
  const v = { ...view, ...change };
  const params = new URLSearchParams();
  if (v.indicator !== DASHBOARD_INDICATORS[0]) params.set("indicator", v.indicator);
  if (v.comparator !== "median") params.set("comparator", v.comparator);
  if (v.year !== latestYear) params.set("year", String(v.year));
  if (v.grouping && v.grouping !== BY_PERIOD) params.set("grouping", v.grouping);
  const q = params.toString();
  return q ? `?${q}` : "";
}
