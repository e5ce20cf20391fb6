// DfE's statistical-neighbour groupings ("models") and their closeness bands. Plain data, read by the
// importer (which grouping a file is), the dashboard (which grouping a period is compared with, and the
// band of each neighbour) and client components. Decision 0021.

/** The five closeness labels, nearest first. The 2021 file writes "Very Close", the 2025 file "Very close" and "Close " (trailing space). */
export const CLOSENESS_BANDS = [
  { id: "EXTREMELY_CLOSE", label: "Extremely close" },
  { id: "VERY_CLOSE", label: "Very close" },
  { id: "CLOSE", label: "Close" },
  { id: "SOMEWHAT_CLOSE", label: "Somewhat close" },
  { id: "NOT_CLOSE", label: "Not close" },
] as const;

export type ClosenessBandId = (typeof CLOSENESS_BANDS)[number]["id"];

/** A published closeness label → its band, after trimming and case-folding; null when it is none of the five. */
export function closenessBand(text: string): ClosenessBandId | null {
  const t = text.trim().replace(/\s+/g, " ").toLowerCase();
  return CLOSENESS_BANDS.find((b) => b.label.toLowerCase() === t)?.id ?? null;
}

export function closenessLabel(band: ClosenessBandId): string {
  return CLOSENESS_BANDS.find((b) => b.id === band)!.label;
}

/**
 * Groupings whose file name gives the year but not the month (`sn_model_2025_wide.csv`), with the month
 * the publisher gives for them. April 2021 needs no entry: its file is named "…_April_2021.csv".
 */
export const GROUPING_MONTHS: readonly { year: number; month: number; source: string }[] = [
  {
    year: 2025,
    month: 5,
    source:
      "DfE's CSC outcomes and enablers dashboard (dfe-analytical-services/CSC_outcomes_and_enablers, R/data_sources.R at 2f5d11a) lists the \"Children's services statistical neighbour benchmarking tool (last updated: May 2025)\"; sn_model_2025_wide.csv entered that repository on 19 June 2025",
  },
];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A grouping as the dashboard and the importer name it. */
export type NeighbourModelRef = {
  /** "2021-04" */
  id: string;
  /** "April 2021" */
  label: string;
  /** ISO date of the first day of the month it was published */
  publishedOn: string;
};

/** The grouping published in `month` of `year`. */
export function neighbourModel(year: number, month: number): NeighbourModelRef {
  const mm = String(month).padStart(2, "0");
  return { id: `${year}-${mm}`, label: `${MONTHS[month - 1]} ${year}`, publishedOn: `${year}-${mm}-01` };
}

/** The month a grouping of `year` was published, when only its year is known from the file; null if not listed. */
export function knownGroupingMonth(year: number): number | null {
  return GROUPING_MONTHS.find((g) => g.year === year)?.month ?? null;
}
