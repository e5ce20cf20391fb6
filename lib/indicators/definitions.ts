// Every measure the importer reads, by meaning. `columns` lists the column names each measure has
// been published under; the importer matches them after normalising (lib/import/columns.ts), so a
// new release that renames `Re_referrals_percent` to `re_referrals_percentage` still maps.

export type SeriesId = "CSWW" | "CIN" | "REFERRALS" | "CPP_SUBSEQUENT" | "POPULATION";
export type UnitId = "PERCENT" | "COUNT" | "FTE" | "RATE_PER_10K" | "CASES_PER_FTE" | "DAYS" | "PERSONS";
export type PolarityId = "HIGHER_IS_WORSE" | "HIGHER_IS_BETTER" | "NEUTRAL";

export type IndicatorDef = {
  id: string;
  series: SeriesId;
  label: string;
  shortLabel: string;
  description: string;
  unit: UnitId;
  polarity: PolarityId;
  decimals: number;
  isHeadline?: boolean;
  /** names the column has carried in published files (first = the name it was first loaded under) */
  columns: readonly string[];
  /**
   * A rate per 10,000 children that follows from a published count of this series and the ONS 0–17
   * population: where no rate is published (the 2025 children in need release dropped them), the
   * importer calculates 10,000 × count / population of mid-year (period − 1) and marks it calculated.
   */
  perTenThousand?: string;
};

export const SERIES: Record<SeriesId, { label: string; referenceDate: string; publishedAround: string }> = {
  CSWW: {
    label: "Children's social work workforce (DfE)",
    referenceDate: "Snapshot at 30 September of the year shown (2024 = 30 September 2024).",
    publishedAround: "end of February the following year",
  },
  CIN: {
    label: "Children in need (DfE, table B1)",
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024); 'at 31 March' counts are on that day.",
    publishedAround: "end of October of the year shown",
  },
  REFERRALS: {
    label: "Referrals and re-referrals (DfE children in need, table C1)",
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
    publishedAround: "end of October of the year shown",
  },
  CPP_SUBSEQUENT: {
    label: "Repeat child protection plans (DfE children in need, table D3)",
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
    publishedAround: "end of October of the year shown",
  },
  POPULATION: {
    label: "ONS mid-year population estimates, children aged 0 to 17",
    referenceDate: "Mid-year (30 June) estimate on that year's local authority boundaries.",
    publishedAround: "the following summer",
  },
};

const csww = (d: Omit<IndicatorDef, "series">): IndicatorDef => ({ ...d, series: "CSWW" });
const cin = (d: Omit<IndicatorDef, "series">): IndicatorDef => ({ ...d, series: "CIN" });
const ref = (d: Omit<IndicatorDef, "series">): IndicatorDef => ({ ...d, series: "REFERRALS" });

export const INDICATORS: readonly IndicatorDef[] = [
  // — Workforce (CSWW) —
  csww({ id: "agency_rate_fte", label: "Agency social worker rate (FTE)", shortLabel: "Agency rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Agency (locum) children and family social workers as a percentage of all social workers (agency plus employed), full-time equivalent. Public Accounts Committee (2016): 20% or more is a major problem, 40% or more means something is seriously wrong.",
    columns: ["agency_rate_fte"] }),
  csww({ id: "turnover_rate_fte", label: "Social worker turnover rate (FTE)", shortLabel: "Turnover", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Employed social workers who left in the year to 30 September as a percentage of those in post at 30 September, full-time equivalent.",
    columns: ["turnover_rate_fte"] }),
  csww({ id: "vacancy_rate_fte", label: "Social worker vacancy rate (FTE)", shortLabel: "Vacancy rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Vacant social worker posts as a percentage of vacancies plus employed social workers in post, full-time equivalent, at 30 September.",
    columns: ["vacancy_rate_fte"] }),
  csww({ id: "caseload_fte", label: "Average caseload per case-holding social worker (FTE)", shortLabel: "Caseload", unit: "CASES_PER_FTE", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Cases held at 30 September divided by the full-time equivalent number of case-holding social workers.",
    columns: ["caseload_fte"] }),
  csww({ id: "inpost_fte", label: "Social workers in post (FTE)", shortLabel: "In post (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed children and family social workers in post at 30 September, full-time equivalent.", columns: ["inpost_fte"] }),
  csww({ id: "inpost_headcount", label: "Social workers in post (headcount)", shortLabel: "In post (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed children and family social workers in post at 30 September, headcount.", columns: ["inpost_headcount"] }),
  csww({ id: "starters_fte", label: "Social worker starters (FTE)", shortLabel: "Starters (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed social workers who started in the year to 30 September, full-time equivalent.", columns: ["starters_fte"] }),
  csww({ id: "starters_headcount", label: "Social worker starters (headcount)", shortLabel: "Starters (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed social workers who started in the year to 30 September, headcount.", columns: ["starters_headcount"] }),
  csww({ id: "leavers_fte", label: "Social worker leavers (FTE)", shortLabel: "Leavers (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed social workers who left in the year to 30 September, full-time equivalent.", columns: ["leavers_fte"] }),
  csww({ id: "leavers_headcount", label: "Social worker leavers (headcount)", shortLabel: "Leavers (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed social workers who left in the year to 30 September, headcount.", columns: ["leavers_headcount"] }),
  csww({ id: "turnover_rate_headcount", label: "Social worker turnover rate (headcount)", shortLabel: "Turnover (headcount)", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Leavers as a percentage of social workers in post, headcount.", columns: ["turnover_rate_headcount"] }),
  csww({ id: "agency_fte", label: "Agency social workers (FTE)", shortLabel: "Agency (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers at 30 September, full-time equivalent.", columns: ["agency_fte"] }),
  csww({ id: "agency_headcount", label: "Agency social workers (headcount)", shortLabel: "Agency (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Agency social workers at 30 September, headcount.", columns: ["agency_headcount"] }),
  csww({ id: "agency_rate_headcount", label: "Agency social worker rate (headcount)", shortLabel: "Agency rate (headcount)", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Agency social workers as a percentage of agency plus employed social workers, headcount.", columns: ["agency_rate_headcount"] }),
  csww({ id: "agency_cover_fte", label: "Agency workers covering vacancies (FTE)", shortLabel: "Agency cover (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers covering vacant posts, full-time equivalent.", columns: ["agency_cover_fte"] }),
  csww({ id: "agency_cover_rate_fte", label: "Agency cover rate (FTE)", shortLabel: "Agency cover rate", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers covering vacancies as a percentage of all agency social workers, full-time equivalent.", columns: ["agency_cover_rate_fte"] }),
  csww({ id: "vacancy_fte", label: "Social worker vacancies (FTE)", shortLabel: "Vacancies (FTE)", unit: "FTE", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Vacant social worker posts at 30 September, full-time equivalent.", columns: ["vacancy_fte"] }),
  csww({ id: "vacancy_agency_cover_rate_fte", label: "Vacancies covered by agency workers (FTE)", shortLabel: "Vacancies covered", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Percentage of vacant posts covered by agency workers, full-time equivalent.", columns: ["vacancy_agency_cover_rate_fte"] }),
  csww({ id: "case_holders_fte", label: "Case-holding social workers (FTE)", shortLabel: "Case holders (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Social workers holding cases at 30 September, full-time equivalent.", columns: ["case_holders_fte"] }),
  csww({ id: "cases", label: "Cases held by social workers", shortLabel: "Cases", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Cases held by case-holding social workers at 30 September.", columns: ["cases"] }),
  csww({ id: "working_days_lost_fte", label: "Working days lost to sickness (FTE)", shortLabel: "Days lost", unit: "DAYS", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Working days lost to sickness absence in the year, full-time equivalent.", columns: ["working_days_lost_fte"] }),
  csww({ id: "absence_rate_fte", label: "Sickness absence rate (FTE)", shortLabel: "Absence rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Working days lost to sickness as a percentage of available working days, full-time equivalent.", columns: ["absence_rate_fte"] }),

  // — Children in need (B1) —
  cin({ id: "cin_at31_rate", label: "Children in need per 10,000 children (at 31 March)", shortLabel: "CIN rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, isHeadline: true,
    description: "Children in need episodes open at 31 March per 10,000 children aged under 18. Higher is not in itself worse: it reflects both need and how the authority responds.",
    columns: ["At31_episodes_rate"], perTenThousand: "cin_at31" }),
  cin({ id: "cin_at31", label: "Children in need (at 31 March)", shortLabel: "CIN at 31 March", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children in need episodes open at 31 March.", columns: ["At31_episodes"] }),
  cin({ id: "cin_anypoint_episodes", label: "Children in need episodes at any point in the year", shortLabel: "CIN episodes in year", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need open at any point in the year.", columns: ["Anypoint_episodes"] }),
  cin({ id: "cin_anypoint_episodes_rate", label: "Children in need episodes in the year per 10,000 children", shortLabel: "CIN episodes rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes open at any point in the year per 10,000 children.", columns: ["Anypoint_episodes_rate"], perTenThousand: "cin_anypoint_episodes" }),
  cin({ id: "cin_anypoint_child", label: "Children in need at any point in the year", shortLabel: "CIN children in year", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children who were in need at any point in the year.", columns: ["Anypoint_child"] }),
  cin({ id: "cin_anypoint_child_rate", label: "Children in need in the year per 10,000 children", shortLabel: "CIN children rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children in need at any point in the year per 10,000 children.", columns: ["Anypoint_child_rate"], perTenThousand: "cin_anypoint_child" }),
  cin({ id: "cin_started_episodes", label: "Children in need episodes started", shortLabel: "Episodes started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need that started in the year.", columns: ["Started_episodes"] }),
  cin({ id: "cin_started_episodes_rate", label: "Children in need episodes started per 10,000 children", shortLabel: "Started rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes started in the year per 10,000 children.", columns: ["Started_episodes_rate"], perTenThousand: "cin_started_episodes" }),
  cin({ id: "cin_started_child", label: "Children starting an episode of need", shortLabel: "Children started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children who started an episode of need in the year.", columns: ["Started_child"] }),
  cin({ id: "cin_started_child_rate", label: "Children starting an episode of need per 10,000 children", shortLabel: "Children started rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children starting an episode in the year per 10,000 children.", columns: ["Started_child_rate"], perTenThousand: "cin_started_child" }),
  cin({ id: "cin_ended_episodes", label: "Children in need episodes ended", shortLabel: "Episodes ended", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need that ended in the year.", columns: ["Ended_episodes"] }),
  cin({ id: "cin_ended_episodes_rate", label: "Children in need episodes ended per 10,000 children", shortLabel: "Ended rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes ended in the year per 10,000 children.", columns: ["Ended_episodes_rate"], perTenThousand: "cin_ended_episodes" }),
  cin({ id: "cin_ended_child", label: "Children whose episode of need ended", shortLabel: "Children ended", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children whose episode of need ended in the year.", columns: ["Ended_child"] }),
  cin({ id: "cin_ended_child_rate", label: "Children whose episode of need ended per 10,000 children", shortLabel: "Children ended rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children whose episode ended in the year per 10,000 children.", columns: ["Ended_child_rate"], perTenThousand: "cin_ended_child" }),
  cin({ id: "cin_awaiting_assessment", label: "Children awaiting assessment (at 31 March)", shortLabel: "Awaiting assessment", unit: "COUNT", polarity: "HIGHER_IS_WORSE", decimals: 0, description: "Children referred and awaiting the start of an assessment at 31 March.", columns: ["Awaiting_assessment", "awaiting_assessment"] }),
  cin({ id: "cin_awaiting_assessment_rate", label: "Children awaiting assessment per 10,000 children", shortLabel: "Awaiting assessment rate", unit: "RATE_PER_10K", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Children awaiting assessment at 31 March per 10,000 children.", columns: ["Awaiting_assessment_rate"], perTenThousand: "cin_awaiting_assessment" }),

  // — Referrals (C1) —
  ref({ id: "re_referrals_percent", label: "Re-referrals within 12 months (%)", shortLabel: "Re-referrals", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Referrals in the year that came within 12 months of a previous referral, as a percentage of all referrals.",
    columns: ["Re_referrals_percent", "rereferral_percent"] }),
  ref({ id: "referrals", label: "Referrals", shortLabel: "Referrals", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals to children's social care in the year.", columns: ["Referrals", "referral_count"] }),
  ref({ id: "referrals_rate", label: "Referrals per 10,000 children", shortLabel: "Referral rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Referrals in the year per 10,000 children.", columns: ["Referrals_rate"], perTenThousand: "referrals" }),
  ref({ id: "re_referrals", label: "Re-referrals within 12 months", shortLabel: "Re-referrals (count)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals within 12 months of a previous referral.", columns: ["Re_referrals", "rereferral_count"] }),
  ref({ id: "referrals_nfa", label: "Referrals with no further action", shortLabel: "No further action", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals that resulted in no further action.", columns: ["No_Further_Action", "no_further_action_count"] }),
  ref({ id: "referrals_nfa_percent", label: "Referrals with no further action (%)", shortLabel: "NFA %", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Referrals resulting in no further action as a percentage of all referrals.", columns: ["No_Further_Action_percent"] }),
  ref({ id: "referrals_not_in_need", label: "Assessed as not in need", shortLabel: "Not in need", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals assessed as the child not being in need.", columns: ["Not_in_Need", "not_in_need_count"] }),
  ref({ id: "referrals_not_in_need_percent", label: "Assessed as not in need (%)", shortLabel: "Not in need %", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Referrals assessed as not in need as a percentage of all referrals.", columns: ["Not_in_Need_percent"] }),
  ref({ id: "referrals_child", label: "Children referred", shortLabel: "Children referred", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children referred in the year (a child referred twice counts once).", columns: ["Referrals_child", "referral_child_count"] }),
  ref({ id: "referrals_child_rate", label: "Children referred per 10,000 children", shortLabel: "Children referred rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children referred in the year per 10,000 children.", columns: ["Referrals_child_rate"], perTenThousand: "referrals_child" }),
  ref({ id: "re_referrals_child", label: "Children re-referred within 12 months", shortLabel: "Children re-referred", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children re-referred within 12 months of a previous referral.", columns: ["Re_referrals_child", "rereferral_child_count"] }),
  ref({ id: "re_referrals_child_percent", label: "Children re-referred within 12 months (%)", shortLabel: "Children re-referred %", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Children re-referred as a percentage of children referred.", columns: ["Re_referrals_child_percent", "rereferral_child_percent"] }),

  // — Repeat child protection plans (D3) —
  { id: "cpp_subsequent_percent", series: "CPP_SUBSEQUENT", label: "Repeat child protection plans (%)", shortLabel: "Repeat CP plans", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, isHeadline: true,
    description: "Child protection plans starting in the year that were a second or subsequent plan for the child, as a percentage of all plans starting.",
    columns: ["CPP_subsequent_percent"] },
  { id: "cpp_starts", series: "CPP_SUBSEQUENT", label: "Child protection plans started", shortLabel: "CP plans started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Child protection plans starting in the year.", columns: ["CPP_start"] },
  { id: "cpp_subsequent", series: "CPP_SUBSEQUENT", label: "Second or subsequent child protection plans", shortLabel: "Repeat plans", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Plans starting in the year that were a second or subsequent plan.", columns: ["CPP_subsequent"] },

  // — Population (ONS) —
  { id: "population_0_17", series: "POPULATION", label: "Children aged 0 to 17 (ONS mid-year estimate)", shortLabel: "Child population", unit: "PERSONS", polarity: "NEUTRAL", decimals: 0, description: "ONS mid-year estimate of the number of children aged 0 to 17.", columns: ["population_estimate"] },
];

export const HEADLINE_INDICATOR_IDS = INDICATORS.filter((d) => d.isHeadline).map((d) => d.id);

const byId = new Map(INDICATORS.map((d) => [d.id, d]));
export function getIndicatorDef(id: string): IndicatorDef | undefined {
  return byId.get(id);
}

/** Population indicator and the year it pairs with: CIN year to 31 March Y uses the mid-(Y − 1) estimate (FORMATS.md §13). */
export const RATE_DENOMINATOR = { indicatorId: "population_0_17", periodOffset: -1 } as const;

/**
 * A fingerprint of everything in this file the importer reads a file with (series, ids, column names,
 * calculations). It is part of the import key: a file imported under other definitions is imported
 * again, so a newly mapped column loads without anyone remembering to bump a number.
 */
export const DEFINITIONS_VERSION: string = (() => {
  const text = JSON.stringify([RATE_DENOMINATOR, INDICATORS.map((d) => [d.id, d.series, d.columns, d.perTenThousand ?? null])]);
  // FNV-1a, 2 × 32 bits: no node:crypto here, this module is also imported by client components.
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
})();
