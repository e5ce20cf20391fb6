// The LA dashboard's links for one dashboard's LA and view (its CSVs, a card's trend, another grouping),
// shared by the page and its published parts.
import type { Dashboard } from "@/lib/dashboard/build";
import { viewQuery } from "@/lib/dashboard/view-schema";

/** The page's links for this dashboard's LA and view: its CSVs, a card's trend, another grouping. */
export function dashboardLinks(dashboard: Dashboard) {
  const { la, view } = dashboard;
  const base = `/la/${la.laNumber}`;
  const latestYear = dashboard.years.at(-1) ?? view.year;
  return {
    base,
    latestYear,
    /** this view's query string, without what is the default */
    query: viewQuery(view, latestYear),
    csv: (table: string, q = "") => `${base}/csv/${table}${q}`,
    card: (indicator: string) =>
      `${base}${viewQuery({ ...view, year: latestYear }, latestYear, { indicator: indicator as typeof view.indicator })}#charts`,
    grouping: (choice: string) => `${base}${viewQuery(view, latestYear, { grouping: choice })}#neighbours`,
  };
}
