// The small-numbers rules, declared once (decision 0030): a rate resting on a handful of cases is not
// ranked or scored as if it were firm. Two readers, one declaration each, both here in the catalogue:
// - per indicator, the count a rate is a share of (`base` on the indicator's record in ./indicators.ts,
//   read by the risk engine: "not scored: based on fewer than 20 FTE social workers in post");
// - per authority, the child population below which all its rates are marked "small numbers" on the
//   dashboard (SMALL_POPULATION, read by lib/dashboard/areas.ts).
// The numbers are those of decisions 0024 (risk) and 0026 (dashboard); moving them here changed nothing.
import type { SmallNumbersBase } from "./types";

/**
 * An authority with fewer than 5,000 children aged 0–17 (its latest ONS mid-year estimate) has rates
 * that rest on a handful of children, social workers or care leavers (decision 0026). In 2024 only the
 * Isles of Scilly (319) and the City of London (847) are below it; the next smallest, Rutland, has 8,012.
 */
export const SMALL_POPULATION = {
  indicator: "population_0_17",
  minimum: 5000,
  noun: "children aged 0 to 17",
} as const satisfies SmallNumbersBase;

/** Workforce rates: employed social workers in post (decision 0024). */
export const WORKFORCE_BASE = {
  indicator: "inpost_fte",
  minimum: 20,
  noun: "FTE social workers in post",
} as const satisfies SmallNumbersBase;

/**
 * Children-in-care rates: children looked after at 31 March. For "same placement 2+ years" it stands in
 * for the cohort (looked after 2.5 years or more), which is not held: a larger number, so it excludes fewer.
 */
export const CLA_BASE = {
  indicator: "cla_on31_total",
  minimum: 30,
  noun: "children looked after at 31 March",
} as const satisfies SmallNumbersBase;

/** Care-leaver rates: care leavers aged 19 to 21. */
export const CARE_LEAVER_BASE = {
  indicator: "care_leavers_19_21",
  minimum: 30,
  noun: "care leavers aged 19 to 21",
} as const satisfies SmallNumbersBase;
