// The lead indicators the dashboard shows, in card order: workforce, then demand and practice.
export const DASHBOARD_INDICATORS = [
  "agency_rate_fte",
  "turnover_rate_fte",
  "vacancy_rate_fte",
  "caseload_fte",
  "cin_at31_rate",
  "re_referrals_percent",
  "cpp_subsequent_percent",
] as const;

export type DashboardIndicatorId = (typeof DASHBOARD_INDICATORS)[number];

export const COMPARATORS = ["median", "mean"] as const;
export type ComparatorKind = (typeof COMPARATORS)[number];

export type DashboardView = { indicator: DashboardIndicatorId; comparator: ComparatorKind; year: number };
