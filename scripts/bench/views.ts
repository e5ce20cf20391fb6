// The page views the HTTP benchmarks ask for: mixed views of an LA dashboard, the analysts' /risk inbox
// (filters and sorts) and the home list (filters and search), as people open them.
export const LA_VIEWS = [
  "",
  "?indicator=turnover_rate_fte",
  "?indicator=caseload_fte&comparator=mean",
  "?indicator=re_referrals_percent&year=2021",
  "?indicator=cin_at31_rate&comparator=mean&year=2019",
];
export const RISK_VIEWS = [
  "/risk",
  "/risk?region=E12000002",
  "/risk?severity=red",
  "/risk?sort=caseload&order=desc",
  "/risk?judgement=INADEQUATE",
  "/risk?region=E12000007&sort=name&order=asc",
];
export const HOME_VIEWS = ["/", "/?region=E12000001", "/?region=E12000007", "/?judgement=INADEQUATE", "/?q=north"];
