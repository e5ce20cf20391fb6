// Every indicator the service knows, one record each: what it is (labels, unit, decimals,
// polarity), where it comes from (its series and the column names it has been published under, or
// a selection of a long file's rows), which dashboard area it belongs to and where else it appears
// (`roles`). Adding an indicator from a file already imported is one entry here: see the README,
// "Adding an indicator", and docs/decisions/0016-indicator-catalogue.md.
import type { AreaId } from "./areas";
import type { SeriesId } from "./series";
import type { IndicatorDef } from "./types";

export const INDICATORS = [
  // — Workforce (CSWW) —
  {
    id: "agency_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Agency social worker rate (FTE)", shortLabel: "Agency rate", phrase: "agency social worker rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "list", "risk"],
    description: "Agency (locum) children and family social workers as a percentage of all social workers (agency plus employed), full-time equivalent. Public Accounts Committee (2016): 20% or more is a major problem, 40% or more means something is seriously wrong.",
    columns: ["agency_rate_fte"],
  },
  {
    id: "turnover_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social worker turnover rate (FTE)", shortLabel: "Turnover", phrase: "social worker turnover rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "list", "risk"],
    description: "Employed social workers who left in the year to 30 September as a percentage of those in post at 30 September, full-time equivalent.",
    columns: ["turnover_rate_fte"],
  },
  {
    id: "vacancy_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social worker vacancy rate (FTE)", shortLabel: "Vacancy rate", phrase: "social worker vacancy rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "list", "risk"],
    description: "Vacant social worker posts as a percentage of vacancies plus employed social workers in post, full-time equivalent, at 30 September.",
    columns: ["vacancy_rate_fte"],
  },
  {
    id: "caseload_fte", series: "CSWW", area: "leadership_and_workforce", label: "Average caseload per case-holding social worker (FTE)", shortLabel: "Caseload", phrase: "average caseload per social worker", unit: "CASES_PER_FTE", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "list", "risk"],
    description: "Cases held at 30 September divided by the full-time equivalent number of case-holding social workers.",
    columns: ["caseload_fte"],
  },
  { id: "inpost_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social workers in post (FTE)", shortLabel: "In post (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed children and family social workers in post at 30 September, full-time equivalent.", columns: ["inpost_fte"] },
  { id: "inpost_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Social workers in post (headcount)", shortLabel: "In post (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed children and family social workers in post at 30 September, headcount.", columns: ["inpost_headcount"] },
  { id: "starters_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social worker starters (FTE)", shortLabel: "Starters (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed social workers who started in the year to 30 September, full-time equivalent.", columns: ["starters_fte"] },
  { id: "starters_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Social worker starters (headcount)", shortLabel: "Starters (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed social workers who started in the year to 30 September, headcount.", columns: ["starters_headcount"] },
  { id: "leavers_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social worker leavers (FTE)", shortLabel: "Leavers (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Employed social workers who left in the year to 30 September, full-time equivalent.", columns: ["leavers_fte"] },
  { id: "leavers_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Social worker leavers (headcount)", shortLabel: "Leavers (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Employed social workers who left in the year to 30 September, headcount.", columns: ["leavers_headcount"] },
  { id: "turnover_rate_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Social worker turnover rate (headcount)", shortLabel: "Turnover (headcount)", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Leavers as a percentage of social workers in post, headcount.", columns: ["turnover_rate_headcount"] },
  { id: "agency_fte", series: "CSWW", area: "leadership_and_workforce", label: "Agency social workers (FTE)", shortLabel: "Agency (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers at 30 September, full-time equivalent.", columns: ["agency_fte"] },
  { id: "agency_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Agency social workers (headcount)", shortLabel: "Agency (headcount)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Agency social workers at 30 September, headcount.", columns: ["agency_headcount"] },
  { id: "agency_rate_headcount", series: "CSWW", area: "leadership_and_workforce", label: "Agency social worker rate (headcount)", shortLabel: "Agency rate (headcount)", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Agency social workers as a percentage of agency plus employed social workers, headcount.", columns: ["agency_rate_headcount"] },
  { id: "agency_cover_fte", series: "CSWW", area: "leadership_and_workforce", label: "Agency workers covering vacancies (FTE)", shortLabel: "Agency cover (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers covering vacant posts, full-time equivalent.", columns: ["agency_cover_fte"] },
  { id: "agency_cover_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Agency cover rate (FTE)", shortLabel: "Agency cover rate", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Agency social workers covering vacancies as a percentage of all agency social workers, full-time equivalent.", columns: ["agency_cover_rate_fte"] },
  { id: "vacancy_fte", series: "CSWW", area: "leadership_and_workforce", label: "Social worker vacancies (FTE)", shortLabel: "Vacancies (FTE)", unit: "FTE", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Vacant social worker posts at 30 September, full-time equivalent.", columns: ["vacancy_fte"] },
  { id: "vacancy_agency_cover_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Vacancies covered by agency workers (FTE)", shortLabel: "Vacancies covered", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Percentage of vacant posts covered by agency workers, full-time equivalent.", columns: ["vacancy_agency_cover_rate_fte"] },
  { id: "case_holders_fte", series: "CSWW", area: "leadership_and_workforce", label: "Case-holding social workers (FTE)", shortLabel: "Case holders (FTE)", unit: "FTE", polarity: "NEUTRAL", decimals: 1, description: "Social workers holding cases at 30 September, full-time equivalent.", columns: ["case_holders_fte"] },
  { id: "cases", series: "CSWW", area: "leadership_and_workforce", label: "Cases held by social workers", shortLabel: "Cases", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Cases held by case-holding social workers at 30 September.", columns: ["cases"] },
  { id: "working_days_lost_fte", series: "CSWW", area: "leadership_and_workforce", label: "Working days lost to sickness (FTE)", shortLabel: "Days lost", unit: "DAYS", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Working days lost to sickness absence in the year, full-time equivalent.", columns: ["working_days_lost_fte"] },
  { id: "absence_rate_fte", series: "CSWW", area: "leadership_and_workforce", label: "Sickness absence rate (FTE)", shortLabel: "Absence rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Working days lost to sickness as a percentage of available working days, full-time equivalent.", columns: ["absence_rate_fte"] },

  // — Children in need (B1) —
  {
    id: "cin_at31_rate", series: "CIN", area: "help_and_protection", label: "Children in need per 10,000 children (at 31 March)", shortLabel: "CIN rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, roles: ["headline"],
    description: "Children in need episodes open at 31 March per 10,000 children aged under 18. Higher is not in itself worse: it reflects both need and how the authority responds.",
    columns: ["At31_episodes_rate"],
    perTenThousand: "cin_at31",
  },
  { id: "cin_at31", series: "CIN", area: "help_and_protection", label: "Children in need (at 31 March)", shortLabel: "CIN at 31 March", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children in need episodes open at 31 March.", columns: ["At31_episodes"] },
  { id: "cin_anypoint_episodes", series: "CIN", area: "help_and_protection", label: "Children in need episodes at any point in the year", shortLabel: "CIN episodes in year", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need open at any point in the year.", columns: ["Anypoint_episodes"] },
  { id: "cin_anypoint_episodes_rate", series: "CIN", area: "help_and_protection", label: "Children in need episodes in the year per 10,000 children", shortLabel: "CIN episodes rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes open at any point in the year per 10,000 children.", columns: ["Anypoint_episodes_rate"], perTenThousand: "cin_anypoint_episodes" },
  { id: "cin_anypoint_child", series: "CIN", area: "help_and_protection", label: "Children in need at any point in the year", shortLabel: "CIN children in year", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children who were in need at any point in the year.", columns: ["Anypoint_child"] },
  { id: "cin_anypoint_child_rate", series: "CIN", area: "help_and_protection", label: "Children in need in the year per 10,000 children", shortLabel: "CIN children rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children in need at any point in the year per 10,000 children.", columns: ["Anypoint_child_rate"], perTenThousand: "cin_anypoint_child" },
  { id: "cin_started_episodes", series: "CIN", area: "help_and_protection", label: "Children in need episodes started", shortLabel: "Episodes started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need that started in the year.", columns: ["Started_episodes"] },
  { id: "cin_started_episodes_rate", series: "CIN", area: "help_and_protection", label: "Children in need episodes started per 10,000 children", shortLabel: "Started rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes started in the year per 10,000 children.", columns: ["Started_episodes_rate"], perTenThousand: "cin_started_episodes" },
  { id: "cin_started_child", series: "CIN", area: "help_and_protection", label: "Children starting an episode of need", shortLabel: "Children started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children who started an episode of need in the year.", columns: ["Started_child"] },
  { id: "cin_started_child_rate", series: "CIN", area: "help_and_protection", label: "Children starting an episode of need per 10,000 children", shortLabel: "Children started rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children starting an episode in the year per 10,000 children.", columns: ["Started_child_rate"], perTenThousand: "cin_started_child" },
  { id: "cin_ended_episodes", series: "CIN", area: "help_and_protection", label: "Children in need episodes ended", shortLabel: "Episodes ended", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Episodes of need that ended in the year.", columns: ["Ended_episodes"] },
  { id: "cin_ended_episodes_rate", series: "CIN", area: "help_and_protection", label: "Children in need episodes ended per 10,000 children", shortLabel: "Ended rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Episodes ended in the year per 10,000 children.", columns: ["Ended_episodes_rate"], perTenThousand: "cin_ended_episodes" },
  { id: "cin_ended_child", series: "CIN", area: "help_and_protection", label: "Children whose episode of need ended", shortLabel: "Children ended", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children whose episode of need ended in the year.", columns: ["Ended_child"] },
  { id: "cin_ended_child_rate", series: "CIN", area: "help_and_protection", label: "Children whose episode of need ended per 10,000 children", shortLabel: "Children ended rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children whose episode ended in the year per 10,000 children.", columns: ["Ended_child_rate"], perTenThousand: "cin_ended_child" },
  { id: "cin_awaiting_assessment", series: "CIN", area: "help_and_protection", label: "Children awaiting assessment (at 31 March)", shortLabel: "Awaiting assessment", unit: "COUNT", polarity: "HIGHER_IS_WORSE", decimals: 0, description: "Children referred and awaiting the start of an assessment at 31 March.", columns: ["Awaiting_assessment", "awaiting_assessment"] },
  { id: "cin_awaiting_assessment_rate", series: "CIN", area: "help_and_protection", label: "Children awaiting assessment per 10,000 children", shortLabel: "Awaiting assessment rate", unit: "RATE_PER_10K", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Children awaiting assessment at 31 March per 10,000 children.", columns: ["Awaiting_assessment_rate"], perTenThousand: "cin_awaiting_assessment" },

  // — Referrals (C1) —
  {
    id: "re_referrals_percent", series: "REFERRALS", area: "help_and_protection", label: "Re-referrals within 12 months (%)", shortLabel: "Re-referrals", phrase: "re-referral rate within 12 months", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "risk"],
    description: "Referrals in the year that came within 12 months of a previous referral, as a percentage of all referrals.",
    columns: ["Re_referrals_percent", "rereferral_percent"],
  },
  { id: "referrals", series: "REFERRALS", area: "help_and_protection", label: "Referrals", shortLabel: "Referrals", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals to children's social care in the year.", columns: ["Referrals", "referral_count"] },
  { id: "referrals_rate", series: "REFERRALS", area: "help_and_protection", label: "Referrals per 10,000 children", shortLabel: "Referral rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Referrals in the year per 10,000 children.", columns: ["Referrals_rate"], perTenThousand: "referrals" },
  { id: "re_referrals", series: "REFERRALS", area: "help_and_protection", label: "Re-referrals within 12 months", shortLabel: "Re-referrals (count)", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals within 12 months of a previous referral.", columns: ["Re_referrals", "rereferral_count"] },
  { id: "referrals_nfa", series: "REFERRALS", area: "help_and_protection", label: "Referrals with no further action", shortLabel: "No further action", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals that resulted in no further action.", columns: ["No_Further_Action", "no_further_action_count"] },
  { id: "referrals_nfa_percent", series: "REFERRALS", area: "help_and_protection", label: "Referrals with no further action (%)", shortLabel: "NFA %", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Referrals resulting in no further action as a percentage of all referrals.", columns: ["No_Further_Action_percent"] },
  { id: "referrals_not_in_need", series: "REFERRALS", area: "help_and_protection", label: "Assessed as not in need", shortLabel: "Not in need", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Referrals assessed as the child not being in need.", columns: ["Not_in_Need", "not_in_need_count"] },
  { id: "referrals_not_in_need_percent", series: "REFERRALS", area: "help_and_protection", label: "Assessed as not in need (%)", shortLabel: "Not in need %", unit: "PERCENT", polarity: "NEUTRAL", decimals: 1, description: "Referrals assessed as not in need as a percentage of all referrals.", columns: ["Not_in_Need_percent"] },
  { id: "referrals_child", series: "REFERRALS", area: "help_and_protection", label: "Children referred", shortLabel: "Children referred", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children referred in the year (a child referred twice counts once).", columns: ["Referrals_child", "referral_child_count"] },
  { id: "referrals_child_rate", series: "REFERRALS", area: "help_and_protection", label: "Children referred per 10,000 children", shortLabel: "Children referred rate", unit: "RATE_PER_10K", polarity: "NEUTRAL", decimals: 1, description: "Children referred in the year per 10,000 children.", columns: ["Referrals_child_rate"], perTenThousand: "referrals_child" },
  { id: "re_referrals_child", series: "REFERRALS", area: "help_and_protection", label: "Children re-referred within 12 months", shortLabel: "Children re-referred", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Children re-referred within 12 months of a previous referral.", columns: ["Re_referrals_child", "rereferral_child_count"] },
  { id: "re_referrals_child_percent", series: "REFERRALS", area: "help_and_protection", label: "Children re-referred within 12 months (%)", shortLabel: "Children re-referred %", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, description: "Children re-referred as a percentage of children referred.", columns: ["Re_referrals_child_percent", "rereferral_child_percent"] },

  // — Repeat child protection plans (D3) —
  {
    id: "cpp_subsequent_percent", series: "CPP_SUBSEQUENT", area: "help_and_protection", label: "Repeat child protection plans (%)", shortLabel: "Repeat CP plans", phrase: "repeat child protection plan rate", unit: "PERCENT", polarity: "HIGHER_IS_WORSE", decimals: 1, roles: ["headline", "risk"],
    description: "Child protection plans starting in the year that were a second or subsequent plan for the child, as a percentage of all plans starting.",
    columns: ["CPP_subsequent_percent"],
  },
  { id: "cpp_starts", series: "CPP_SUBSEQUENT", area: "help_and_protection", label: "Child protection plans started", shortLabel: "CP plans started", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Child protection plans starting in the year.", columns: ["CPP_start"] },
  { id: "cpp_subsequent", series: "CPP_SUBSEQUENT", area: "help_and_protection", label: "Second or subsequent child protection plans", shortLabel: "Repeat plans", unit: "COUNT", polarity: "NEUTRAL", decimals: 0, description: "Plans starting in the year that were a second or subsequent plan.", columns: ["CPP_subsequent"] },

  // — Population (ONS) —
  { id: "population_0_17", series: "POPULATION", area: "context", label: "Children aged 0 to 17 (ONS mid-year estimate)", shortLabel: "Child population", unit: "PERSONS", polarity: "NEUTRAL", decimals: 0, description: "ONS mid-year estimate of the number of children aged 0 to 17.", columns: ["population_estimate"] },
] as const satisfies readonly IndicatorDef<SeriesId, AreaId>[];
