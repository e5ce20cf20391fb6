// Every published data series the service reads: how its files are laid out (and so recognised),
// what a period means, when it is published, and which geographies it carries.
import type { SeriesDef } from "./types";

const ALL_LEVELS = ["NATIONAL", "REGIONAL", "LOCAL_AUTHORITY"] as const;
/** Tables B1, C1 and D3 come out together, in DfE's "Children in need" release each October. */
const CHILDREN_IN_NEED_RELEASE = {
  noun: "children in need",
  layout: { kind: "wide" },
  period: { kind: "year-ending", month: 3, day: 31 },
  publication: { month: 10, yearOffset: 0 },
  publishedAround: "end of October of the year shown",
  geography: ALL_LEVELS,
} as const;

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
] as const satisfies readonly SeriesDef[];

export type SeriesId = (typeof SERIES)[number]["id"];

/** Population indicator and the year it pairs with: CIN year to 31 March Y uses the mid-(Y − 1) estimate (FORMATS.md §13). */
export const RATE_DENOMINATOR = { indicatorId: "population_0_17", periodOffset: -1 } as const;
