// Children's social care spending (MHCLG revenue outturn, RO3 and RSX workbooks; decision 0021): the
// published lines, in £ thousand exactly as published, and three figures this service calculates from
// them (spend per child, the share spent on children in care, and children's social care as a share of
// all service spending). Spread into INDICATORS by ./indicators.ts.

/** The seven measures every RO3/RSX service line is published under, in column order. */
export const OUTTURN_MEASURES = {
  employees: "Employees (C1)",
  running: "Running Expenses (C2)",
  expenditure: "Total Expenditure (C3 = C1 + C2)",
  sales: "Sales, Fees and Charges (C4)",
  otherIncome: "Other Income (C5)",
  income: "Total Income (C6 = C4 + C5)",
  net: "Net Current Expenditure (C7 = C3 - C6)",
} as const;

/** RO3's children's social care service lines: the header text before " - <measure>". */
const LINE = {
  sureStart: "Children's social care: Sure start children's centres and early years",
  cla: "Children's social care - Children Looked After",
  claResidential: "Children's social care - Children Looked After of which residential care",
  claFostering: "Children's social care - Children Looked After of which fostering services",
  claAsylum: "Children's social care - Children Looked After of which asylum seeking children who are looked after",
  claOther: "Children's social care - Children Looked After of which other",
  otherFamilies: "Children's social care - Other children's and families services",
  familySupport: "Children's social care - Family Support Services",
  youthJustice: "Children's social care - Youth Justice",
  safeguarding: "Children's social care: Safeguarding children and young people\u2019s services",
  asylumSeekers: "Children's social care - Asylum Seekers",
  youngPeople: "Children's social care: Services for young people",
  total: "TOTAL CHILDREN SOCIAL CARE",
} as const;

const col = (line: string, measure: string) => `${line} - ${measure}`;

const SPENDING = { series: "REVENUE_OUTTURN", area: "leadership_and_workforce", polarity: "NEUTRAL" } as const;
const THOUSANDS = { ...SPENDING, unit: "POUNDS_THOUSANDS", decimals: 0 } as const;

/** Gross expenditure (C3) on one RO3 service line. */
const lineSpend = <const Id extends string>(id: Id, line: string, label: string, shortLabel: string, what: string) =>
  ({
    id,
    ...THOUSANDS,
    label: `${label}: gross expenditure (£ thousand)`,
    shortLabel,
    description: `Gross expenditure (employees plus running expenses, line C3) on ${what} in the financial year, £ thousand, as published in MHCLG's RO3 return.`,
    columns: [col(line, OUTTURN_MEASURES.expenditure)],
  }) as const;

export const SPENDING_INDICATORS = [
  {
    id: "csc_spend_total",
    ...THOUSANDS,
    label: "Children's social care: gross expenditure (£ thousand)",
    shortLabel: "CSC spend",
    description:
      "Total children's social care gross expenditure (employees plus running expenses, RO3 line 30, column C3) in the financial year, £ thousand, as published by MHCLG.",
    columns: [col(LINE.total, OUTTURN_MEASURES.expenditure)],
  },
  {
    id: "csc_spend_net",
    ...THOUSANDS,
    label: "Children's social care: net current expenditure (£ thousand)",
    shortLabel: "CSC net spend",
    description:
      "Total children's social care gross expenditure less income from sales, fees, charges and other income (RO3 line 30, column C7), £ thousand.",
    columns: [col(LINE.total, OUTTURN_MEASURES.net)],
  },
  {
    id: "csc_spend_employees",
    ...THOUSANDS,
    label: "Children's social care: employee costs (£ thousand)",
    shortLabel: "CSC employee costs",
    description: "Children's social care spending on the authority's own employees (RO3 line 30, column C1), £ thousand.",
    columns: [col(LINE.total, OUTTURN_MEASURES.employees)],
  },
  {
    id: "csc_income",
    ...THOUSANDS,
    label: "Children's social care: total income (£ thousand)",
    shortLabel: "CSC income",
    description: "Children's social care income from sales, fees, charges and other income (RO3 line 30, column C6), £ thousand.",
    columns: [col(LINE.total, OUTTURN_MEASURES.income)],
  },
  {
    id: "csc_spend_agency_staff",
    ...THOUSANDS,
    label: "Children's social care: agency staff costs (£ thousand)",
    shortLabel: "CSC agency staff costs",
    description:
      "What children's social care spent on agency staff, a memorandum item included in the totals above (RO3 line 301), £ thousand.",
    columns: [`${LINE.total} - Children's Social Care - agency staff cost memorandum item`],
  },
  lineSpend(
    "csc_spend_sure_start",
    LINE.sureStart,
    "Sure Start children's centres and early years",
    "Sure Start",
    "Sure Start children's centres and early years",
  ),
  lineSpend("csc_spend_cla", LINE.cla, "Children looked after", "Children in care", "children looked after (all placement types)"),
  lineSpend(
    "csc_spend_cla_residential",
    LINE.claResidential,
    "Children looked after: residential care",
    "Residential care",
    "residential care for children looked after (part of children looked after)",
  ),
  lineSpend(
    "csc_spend_cla_fostering",
    LINE.claFostering,
    "Children looked after: fostering services",
    "Fostering",
    "fostering services for children looked after (part of children looked after)",
  ),
  lineSpend(
    "csc_spend_cla_asylum",
    LINE.claAsylum,
    "Children looked after: unaccompanied asylum-seeking children",
    "Asylum-seeking children in care",
    "asylum-seeking children who are looked after (part of children looked after)",
  ),
  lineSpend(
    "csc_spend_cla_other",
    LINE.claOther,
    "Children looked after: other",
    "Other care costs",
    "other costs of children looked after (part of children looked after)",
  ),
  lineSpend(
    "csc_spend_other_families",
    LINE.otherFamilies,
    "Other children's and families services",
    "Other family services",
    "other children's and families services",
  ),
  lineSpend("csc_spend_family_support", LINE.familySupport, "Family support services", "Family support", "family support services"),
  lineSpend("csc_spend_youth_justice", LINE.youthJustice, "Youth justice", "Youth justice", "youth justice"),
  lineSpend(
    "csc_spend_safeguarding",
    LINE.safeguarding,
    "Safeguarding children and young people's services",
    "Safeguarding",
    "safeguarding children and young people's services",
  ),
  lineSpend(
    "csc_spend_asylum_seekers",
    LINE.asylumSeekers,
    "Asylum seekers",
    "Asylum seekers",
    "asylum seekers (other than children looked after)",
  ),
  lineSpend("csc_spend_young_people", LINE.youngPeople, "Services for young people", "Young people", "services for young people"),
  {
    id: "service_spend_total",
    ...THOUSANDS,
    label: "All services: gross expenditure (£ thousand)",
    shortLabel: "All service spend",
    description:
      "The authority's gross expenditure on all services (RSX, Total Service Expenditure, column C3) in the financial year, £ thousand: the denominator of children's social care's share.",
    columns: [col("Total Service Expenditure", OUTTURN_MEASURES.expenditure)],
  },
  {
    id: "csc_spend_per_child",
    ...SPENDING,
    unit: "POUNDS",
    decimals: 0,
    label: "Children's social care gross expenditure per child (£)",
    shortLabel: "CSC spend per child",
    description:
      "Children's social care gross expenditure (RO3 line 30, C3) × 1,000 divided by the ONS estimate of children aged 0 to 17 at mid-year of the year the financial year starts (mid-2024 for 2024-25), in pounds. Calculated by this service; MHCLG does not publish it.",
    calculation: { kind: "per-child", numerator: "csc_spend_total", scale: 1000 },
  },
  {
    id: "csc_spend_cla_share",
    ...SPENDING,
    unit: "PERCENT",
    decimals: 1,
    label: "Share of children's social care spending on children in care (%)",
    shortLabel: "Share on children in care",
    description:
      "Gross expenditure on children looked after (RO3 line 13, C3) as a percentage of total children's social care gross expenditure (line 30, C3). Calculated by this service.",
    calculation: { kind: "share", part: "csc_spend_cla", whole: "csc_spend_total" },
  },
  {
    id: "csc_spend_share_of_services",
    ...SPENDING,
    unit: "PERCENT",
    decimals: 1,
    label: "Children's social care as a share of all service spending (%)",
    shortLabel: "CSC share of all spending",
    description:
      "Children's social care gross expenditure (RO3 line 30, C3) as a percentage of gross expenditure on all services (RSX, C3). Calculated by this service.",
    calculation: { kind: "share", part: "csc_spend_total", whole: "service_spend_total" },
  },
] as const;

/** Which workbook carries each published line: the importer requires exactly these columns of each. */
export const OUTTURN_WORKBOOK_INDICATORS = {
  RO3: [
    "csc_spend_total",
    "csc_spend_net",
    "csc_spend_employees",
    "csc_income",
    "csc_spend_agency_staff",
    "csc_spend_sure_start",
    "csc_spend_cla",
    "csc_spend_cla_residential",
    "csc_spend_cla_fostering",
    "csc_spend_cla_asylum",
    "csc_spend_cla_other",
    "csc_spend_other_families",
    "csc_spend_family_support",
    "csc_spend_youth_justice",
    "csc_spend_safeguarding",
    "csc_spend_asylum_seekers",
    "csc_spend_young_people",
  ],
  RSX: ["service_spend_total"],
} as const satisfies Record<string, readonly (typeof SPENDING_INDICATORS)[number]["id"][]>;
