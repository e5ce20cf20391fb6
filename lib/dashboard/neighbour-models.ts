// Which statistical-neighbour grouping a period's figure is compared with (decision 0021). Pure.
//
// The rule: a period is compared with the grouping in force when that period's figures were published —
// the newest grouping published in or before the month the series publishes that period (the catalogue's
// `publication`: workforce at 30 September 2024 by the end of February 2025, children in need for the
// year to 31 March 2025 by the end of October 2025). A period published before the first grouping the
// service holds is compared with that first grouping, and marked so (`beforeFirst`): the grouping in
// force then is not held. The person reading the dashboard may choose one grouping for every period
// instead (`?grouping=2025-05`).
import { seriesById, type SeriesId } from "@/lib/catalogue";
import type { NeighbourModelRef } from "@/lib/catalogue/neighbour-models";

export type { NeighbourModelRef };

/** "by-period" (the rule above) or a grouping's id, e.g. "2021-04". */
export type NeighbourChoice = string;
export const BY_PERIOD = "by-period";

/** The month a series publishes a period's figures, as "yyyy-mm". */
export function publicationMonth(series: SeriesId, period: number): string {
  const { month, yearOffset } = seriesById(series).publication;
  return `${period + yearOffset}-${String(month).padStart(2, "0")}`;
}

export type ModelForPeriod = { model: NeighbourModelRef; chosen: boolean; beforeFirst: boolean };

/**
 * The grouping for a period of a series. `models` in any order; null when there are none (or the chosen
 * one is not held).
 */
export function modelForPeriod(
  models: readonly NeighbourModelRef[],
  series: SeriesId,
  period: number,
  choice: NeighbourChoice = BY_PERIOD,
): ModelForPeriod | null {
  if (models.length === 0) return null;
  if (choice !== BY_PERIOD) {
    const model = models.find((m) => m.id === choice);
    return model ? { model, chosen: true, beforeFirst: false } : null;
  }
  const published = publicationMonth(series, period);
  const sorted = [...models].sort((a, b) => a.id.localeCompare(b.id));
  const inForce = sorted.filter((m) => m.id <= published).at(-1);
  return inForce ? { model: inForce, chosen: false, beforeFirst: false } : { model: sorted[0]!, chosen: false, beforeFirst: true };
}

/** "by-period" or a grouping the service holds; anything else is not a valid choice. */
export function isNeighbourChoice(value: string, models: readonly NeighbourModelRef[]): boolean {
  return value === BY_PERIOD || models.some((m) => m.id === value);
}
