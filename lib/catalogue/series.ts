// Every published data series the service reads: how its files are laid out (and so recognised),
// what a period means, when it is published, and which geographies it carries.
import type { SeriesDef } from "./types";

const ALL_LEVELS = ["NATIONAL", "REGIONAL", "LOCAL_AUTHORITY"] as const;
const YEAR_TO_31_MARCH = { kind: "year-ending", month: 3, day: 31 } as const;

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
    noun: "children in need",
    layout: { kind: "wide" },
    period: YEAR_TO_31_MARCH,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024); 'at 31 March' counts are on that day.",
    publication: { month: 10, yearOffset: 0 },
    publishedAround: "end of October of the year shown",
    geography: ALL_LEVELS,
  },
  {
    id: "REFERRALS",
    label: "Referrals and re-referrals (DfE children in need, table C1)",
    noun: "children in need",
    layout: { kind: "wide" },
    period: YEAR_TO_31_MARCH,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
    publication: { month: 10, yearOffset: 0 },
    publishedAround: "end of October of the year shown",
    geography: ALL_LEVELS,
  },
  {
    id: "CPP_SUBSEQUENT",
    label: "Repeat child protection plans (DfE children in need, table D3)",
    noun: "children in need",
    layout: { kind: "wide" },
    period: YEAR_TO_31_MARCH,
    referenceDate: "Year ending 31 March (2024 = 1 April 2023 to 31 March 2024).",
    publication: { month: 10, yearOffset: 0 },
    publishedAround: "end of October of the year shown",
    geography: ALL_LEVELS,
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
