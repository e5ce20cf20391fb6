// Every published data series the service reads: how its files are laid out (and so recognised),
// what a period means, when it is published, and which geographies it carries.
import type { SeriesDef } from "./types";

const ALL_LEVELS = ["NATIONAL", "REGIONAL", "LOCAL_AUTHORITY"] as const;
/** Tables B1, C1, C3, C4, D3 and D5 come out together, in DfE's "Children in need" release each October. */
const CHILDREN_IN_NEED_RELEASE = {
  noun: "children in need",
  layout: { kind: "wide" },
  period: { kind: "year-ending", month: 3, day: 31 },
  publication: { month: 10, yearOffset: 0 },
  publishedAround: "end of October of the year shown",
  geography: ALL_LEVELS,
} as const;
const YEAR_TO_31_MARCH = { kind: "year-ending", month: 3, day: 31 } as const;
const ACADEMIC_YEAR = { kind: "academic-year" } as const;
/** Children looked after in England, including adoptions (and its care leaver tables): published each November. */
const CLA_PUBLICATION = { publication: { month: 11, yearOffset: 0 }, publishedAround: "end of November of the year shown" } as const;
const CLA_YEAR =
  "Year ending 31 March (2025 = 1 April 2024 to 31 March 2025); 'on 31 March' counts are on that day, flows ('during the year', 'starting', 'ceasing') over the year.";
/** Outcomes for children in need, including children looked after: the academic year's results, published the following spring. */
const OUTCOMES_PUBLICATION = { publication: { month: 4, yearOffset: 1 }, publishedAround: "spring of the following year" } as const;
const OUTCOMES_COHORT = "pupils in need, on a plan or looked after for 12 months at 31 March.";
/** What the DfE outcomes series (KS2, KS4, absence) share: academic years, every level, published the spring after. */
const OUTCOMES_SERIES = {
  period: ACADEMIC_YEAR,
  referenceDate: `Academic year (2024/25 = September 2024 to August 2025); ${OUTCOMES_COHORT}`,
  ...OUTCOMES_PUBLICATION,
  geography: ALL_LEVELS,
} as const;
const SOCIAL_CARE_GROUPS = ["CINO at 31 March", "CLA 12 months at 31 March", "CPPO at 31 March"] as const;

export const SERIES = [
  {
    id: "CSWW",
    label: "Children's social work workforce (DfE)",
    noun: "workforce",
    layout: { kind: "wide" },
    period: { kind: "snapshot", month: 9, day: 30 },
    referenceDate: "Snapshot at 30 September of the year shown (2024 = 30 September 2024).",
    publication: { month: 2, yearOffset: 1 },
    publishedAround: "end of February the following year",
    geography: ALL_LEVELS,
  },
  {
    id: "CIN",
    label: "Children in need (DfE, table B1)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024); 'at 31 March' counts are on that day.",
  },
  {
    id: "REFERRALS",
    label: "Referrals and re-referrals (DfE children in need, table C1)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
  },
  {
    id: "CPP_SUBSEQUENT",
    label: "Repeat child protection plans (DfE children in need, table D3)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
  },
  {
    id: "CPP_DURATION",
    label: "Child protection plans at 31 March by length (DfE children in need, table D5)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Plans open at 31 March of the year shown, by how long they had been open on that day.",
  },
  {
    id: "S47_ICPC",
    label: "Section 47 enquiries and initial child protection conferences (DfE children in need, table C4)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Year ending 31 March (2025 = 1 April 2024 to 31 March 2025).",
  },
  {
    id: "ASSESSMENT_FACTORS",
    label: "Factors identified at the end of assessment (DfE children in need, table C3)",
    ...CHILDREN_IN_NEED_RELEASE,
    referenceDate: "Assessments completed in the year ending 31 March (2025 = 1 April 2024 to 31 March 2025).",
  },
  {
    id: "CLA_NUMBERS",
    label: "Children looked after: numbers and rates per 10,000 children (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        population_type: [
          "Children ceasing to be looked after each year",
          "Children looked after on 31 March each year",
          "Children starting to be looked after each year",
        ],
      },
      valueColumns: ["population_estimate", "children_count", "rate_per_10000"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: CLA_YEAR,
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CLA_PLACEMENT_STABILITY",
    label: "Children looked after: placement stability (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        cla_group: [
          "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
          "CLA 2 years on 31 March",
          "CLA on 31 March",
        ],
        placement_stability: [
          "Living with the same carer for at least 2 years",
          "Total children",
          "With 3 or more placements during the previous 2 years",
          "With 3 or more placements during the year",
        ],
      },
      valueColumns: ["children_count", "children_percent"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: CLA_YEAR,
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CLA_NEW_PLACEMENTS",
    label: "Children looked after: new placements in the year, where and why (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        characteristic: ["Location of new placements during the year", "Reason for placement change during the year"],
        breakdown: [
          "Distance not known or not recorded",
          "Placed inside LA boundary less than 20 miles from home",
          "Placed inside LA boundary more than 20 miles from home",
          "Placed outside LA boundary less than 20 miles from home",
          "Placed outside LA boundary more than 20 miles from home",
          "Total new placements",
          "Allegation (s47)",
          "Approval removed",
          "Carer requests placement end other than due to child's behaviour",
          "Carer requests placement ends due to child's behaviour",
          "Change in the status of a placement only",
          "Change to/implementation of care plan",
          "Child requests placement to end",
          "Custody arrangement",
          "Other",
          "Resignation or closure of provision",
          "Responsible/area authority requests placement ends",
          "Standards of care concern",
          "Total placements changing",
        ],
      },
      valueColumns: ["children_count", "children_percent"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: CLA_YEAR,
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CLA_SCHOOL_MOVES",
    label: "Children looked after: school moves (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        cla_group: ["CLA 2 years on 31 March", "CLA on 31 March"],
        move_measure: ["Any moves", "Mid-year moves"],
        school_stability: [
          "Total children",
          "With one or more moves during the previous 2 years",
          "With one or more mid-year moves during the previous 2 years",
          "With one or more moves during the year",
          "With one or more mid-year moves during the year",
        ],
      },
      valueColumns: ["number", "percentage"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: CLA_YEAR,
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CLA_SOCIAL_WORKERS",
    label: "Children looked after: social worker changes (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        cla_group: ["CLA on 31 March"],
        sw_stability: ["Total children", "3 or more social workers during the year"],
      },
      valueColumns: ["number", "percentage"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: CLA_YEAR,
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CARE_LEAVERS_ACTIVITY",
    label: "Care leavers: education, employment and training (DfE)",
    noun: "care leavers",
    layout: {
      kind: "long",
      filters: {
        care_leaver_age: ["17 to 18 years", "19 to 21 years"],
        breakdown: [
          "Education other than higher education",
          "Higher education i.e. studies beyond A level",
          "In an apprenticeship",
          "In training or employment",
          "In training or employment (excl. apprenticeship)",
          "Not in education, training or employment, owing to illness or disability",
          "Not in education, training or employment, owing to other reasons",
          "Not in education, training or employment, owing to pregnancy or parenting",
          "Total",
          "Total in education, employment or training",
          "Total information not known",
          "Total not in education, employment or training",
        ],
      },
      valueColumns: ["care_leaver_count", "care_leaver_percent"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate:
      "Care leavers whose 17th to 21st birthday fell in the year ending 31 March, and what they were doing around that birthday.",
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CARE_LEAVERS_ACCOMMODATION",
    label: "Care leavers: suitability of accommodation (DfE)",
    noun: "care leavers",
    layout: {
      kind: "long",
      filters: {
        care_leaver_age: ["17 to 18 years", "19 to 21 years"],
        breakdown: ["Accommodation considered suitable", "Accommodation considered unsuitable", "No information", "Suitability total"],
      },
      valueColumns: ["care_leaver_count", "care_leaver_percent"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: "Care leavers whose 17th to 21st birthday fell in the year ending 31 March, and where they lived around that birthday.",
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "CLA_HEALTH_OFFENDING",
    label: "Children looked after: health, development and convictions (DfE)",
    noun: "children looked after",
    layout: {
      kind: "long",
      filters: {
        characteristic: [
          "Development assessments: Children looked after ages 0 to 4 years",
          "Convictions: Children looked after Ages 10 to 17 years",
          "Health assessments: Children looked after all ages",
          "Ages 5 to 16 years with SDQ score",
          "Substance misuse: Children looked after all ages",
        ],
        breakdown: [
          "Development assessments up to date",
          "Total ages 0 to 4 years",
          "Convicted or subject to youth cautions, or youth conditional cautions during the year",
          "Total ages 10 to 17 years",
          "Had their annual health assessment",
          "Had their immunisations up to date",
          "Had their teeth checked by a dentist",
          "Total all ages",
          "SDQ score is a cause for concern",
          "SDQ score is borderline",
          "SDQ score is normal",
          "SDQ score was received",
          "Total ages 5 to 16 years",
          "Identified as having a substance misuse problem",
          "Offered intervention but refused it",
          "Received an intervention for their substance misuse problem",
          "SDQ average score",
        ],
      },
      valueColumns: ["children_count", "children_percent"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate: "Children looked after continuously for 12 months at 31 March of the year shown; convictions during that year.",
    ...CLA_PUBLICATION,
    geography: ALL_LEVELS,
  },
  {
    id: "KS2_SOCIAL_CARE",
    label: "Key stage 2 attainment of children in need and looked after (DfE outcomes)",
    noun: "outcomes",
    layout: {
      kind: "long",
      filters: { social_care_group: SOCIAL_CARE_GROUPS },
      valueColumns: [
        "t_read_eligible_pupils",
        "t_read_met_expected_standard",
        "pt_read_met_expected_standard",
        "t_writta_eligible_pupils",
        "t_writta_met_expected_standard",
        "pt_writta_met_expected_standard",
        "t_mat_eligible_pupils",
        "t_mat_met_expected_standard",
        "pt_mat_met_expected_standard",
        "t_rwm_eligible_pupils",
        "t_rwm_met_expected_standard",
        "pt_rwm_met_expected_standard",
      ],
      descriptiveColumns: ["version"],
    },
    ...OUTCOMES_SERIES,
  },
  {
    id: "KS4_SOCIAL_CARE",
    label: "Key stage 4 attainment of children in need and looked after (DfE outcomes)",
    noun: "outcomes",
    layout: {
      kind: "long",
      filters: { social_care_group: SOCIAL_CARE_GROUPS },
      valueColumns: ["t_pupils", "t_att8", "avg_att8", "t_l2basics_94", "pt_l2basics_94"],
      descriptiveColumns: ["version"],
    },
    ...OUTCOMES_SERIES,
  },
  {
    id: "ABSENCE_SOCIAL_CARE",
    label: "School absence of children in need and looked after (DfE outcomes)",
    noun: "outcomes",
    layout: {
      kind: "long",
      filters: {
        absence_terms: ["six half terms"],
        social_care_group: SOCIAL_CARE_GROUPS,
        phase_type_grouping: [
          "Total",
          "State-funded secondary",
          "State-funded primary",
          "State-funded alternative provision school",
          "Special",
        ],
      },
      valueColumns: ["t_pupils", "t_sess_possible", "t_sess_overall", "pt_overall", "t_pupils_pa_10_exact", "pt_pupils_pa_10_exact"],
    },
    ...OUTCOMES_SERIES,
    referenceDate: `Academic year (2024/25 = September 2024 to August 2025), all six half terms; ${OUTCOMES_COHORT}`,
  },
  {
    id: "POPULATION",
    label: "ONS mid-year population estimates, children aged 0 to 17",
    noun: "population",
    layout: { kind: "wide" },
    period: { kind: "mid-year" },
    referenceDate: "Mid-year (30 June) estimate on that year's local authority boundaries.",
    // ONS publishes mid-year Y in the summer of Y + 1 (FORMATS.md §2): taken as the end of July
    publication: { month: 7, yearOffset: 1 },
    publishedAround: "the following summer",
    geography: ALL_LEVELS,
  },
  {
    id: "REVENUE_OUTTURN",
    label: "Revenue outturn: social care (RO3) and service expenditure summary (RSX), MHCLG",
    noun: "spending",
    // one row per authority, one column per service line and measure (lib/import/formats/outturn-ods.ts)
    layout: { kind: "wide" },
    period: YEAR_TO_31_MARCH,
    referenceDate:
      "Financial year ending 31 March (2025 = 1 April 2024 to 31 March 2025). Spending is published in £ thousand; figures per child and shares are calculated by this service.",
    // the 2024-25 workbooks were last updated on 4 December 2025 (their front page)
    publication: { month: 12, yearOffset: 0 },
    publishedAround: "by December after the financial year ends",
    geography: ["NATIONAL", "LOCAL_AUTHORITY"],
  },
  {
    id: "HOSPITAL_ADMISSIONS",
    label: "Hospital admissions caused by unintentional and deliberate injuries, children aged 0 to 14 (OHID Fingertips indicator 90284)",
    noun: "hospital admissions",
    layout: {
      kind: "fingertips",
      fingertipsId: "90284",
      filterColumns: ["Indicator ID", "Sex", "Age", "Category Type"],
      valueColumns: ["Value", "Count"],
    },
    period: YEAR_TO_31_MARCH,
    referenceDate:
      'Financial year ending 31 March: the file labels periods "2023/24" without saying so, and Hospital Episode Statistics years run from 1 April to 31 March (2024 = 1 April 2023 to 31 March 2024). Every year is on April 2023 local authority boundaries, so authorities created since have figures for years before they existed.',
    // 2023/24 figures were in DfE's CSC outcomes and enablers repository by 25 June 2025
    publication: { month: 6, yearOffset: 1 },
    publishedAround: "by June after the year ends",
    geography: ["NATIONAL", "LOCAL_AUTHORITY"],
  },
] as const satisfies readonly SeriesDef[];

export type SeriesId = (typeof SERIES)[number]["id"];

/** Population indicator and the year it pairs with: CIN year to 31 March Y uses the mid-(Y − 1) estimate (FORMATS.md §13). */
export const RATE_DENOMINATOR = { indicatorId: "population_0_17", periodOffset: -1 } as const;
