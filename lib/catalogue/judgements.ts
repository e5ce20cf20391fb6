// Ofsted ILACS judgements, the one map of their wording. Stored as the ids (Prisma enum Judgement).
export const JUDGEMENTS = [
  { id: "OUTSTANDING", label: "Outstanding", short: "Outstanding", abbreviation: "Outstanding" },
  { id: "GOOD", label: "Good", short: "Good", abbreviation: "Good" },
  { id: "REQUIRES_IMPROVEMENT", label: "Requires improvement to be good", short: "Requires improvement", abbreviation: "RI" },
  { id: "INADEQUATE", label: "Inadequate", short: "Inadequate", abbreviation: "Inadequate" },
] as const satisfies readonly { id: string; label: string; short: string; abbreviation: string }[];

export type JudgementId = (typeof JUDGEMENTS)[number]["id"];
export type JudgementStyle = "label" | "short" | "abbreviation";

/** The ids, best first. */
export const JUDGEMENT_IDS = JUDGEMENTS.map((j) => j.id) as unknown as readonly [JudgementId, ...JudgementId[]];

/** The values of a judgement filter: each judgement, then NONE (not yet judged). */
export const JUDGEMENT_FILTER_VALUES = [...JUDGEMENT_IDS, "NONE"] as const;

/** Ofsted's full wording: "Requires improvement to be good". */
export const JUDGEMENT_LABELS = Object.fromEntries(JUDGEMENTS.map((j) => [j.id, j.label])) as Record<JudgementId, string>;

/** Said where an authority has no judgement yet. */
export const NOT_JUDGED_LABEL = "Not yet judged";

/** A judgement in the wording asked for ("label" = Ofsted's full wording), or "Not yet judged". */
export function judgementLabel(judgement: JudgementId | null | undefined, style: JudgementStyle = "label"): string {
  if (!judgement) return NOT_JUDGED_LABEL;
  return JUDGEMENTS.find((j) => j.id === judgement)![style];
}

/** The options of a judgement filter: each judgement in Ofsted's wording, then "Not yet judged" for NONE. */
export const JUDGEMENT_FILTER_LABELS = { ...JUDGEMENT_LABELS, NONE: NOT_JUDGED_LABEL } as Record<JudgementId | "NONE", string>;

/** A judgement filter's options (value and wording), in the order given. */
export function judgementFilterOptions(values: readonly (JudgementId | "NONE")[]): { value: string; text: string }[] {
  return values.map((value) => ({ value, text: JUDGEMENT_FILTER_LABELS[value] }));
}

/** The judgements an inspection row (and an Ofsted position) carries, as a select of those columns. */
export const JUDGEMENT_COLUMNS_SELECT = {
  overall: true,
  leadership: true,
  helpAndProtection: true,
  childrenInCare: true,
  careLeavers: true,
} as const;

/** An inspection row's judgements, copied from any row that carries them (a stored inspection, a position, an event). */
export function judgementsOf<T extends { [K in keyof typeof JUDGEMENT_COLUMNS_SELECT]: unknown }>(
  row: T,
): Pick<T, keyof typeof JUDGEMENT_COLUMNS_SELECT> {
  const { overall, leadership, helpAndProtection, childrenInCare, careLeavers } = row;
  return { overall, leadership, helpAndProtection, childrenInCare, careLeavers };
}

/** Those judgements, none given (a visit, or an LA not yet inspected). */
export const NO_JUDGEMENTS = Object.fromEntries(Object.keys(JUDGEMENT_COLUMNS_SELECT).map((k) => [k, null])) as {
  [K in keyof typeof JUDGEMENT_COLUMNS_SELECT]: null;
};
