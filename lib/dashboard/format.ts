// Text for figures computed by us and for ISO dates. Published figures are shown as their `raw` text.
import type { Change } from "./change";
import { roundTo } from "./comparators";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-02-20" → "20 February 2023" (GOV.UK style). Plain string work: Intl formatting was a hot spot. */
export function formatIsoDate(iso: string | null): string {
  if (!iso) return "–";
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A computed number at the measure's decimals, e.g. 12.35 → "12.4" (1 dp); counts get thousands separators. */
export function formatComputed(value: number | null, decimals: number, unit: string): string {
  if (value === null) return "";
  const fixed = roundTo(value, decimals).toFixed(decimals);
  const text =
    unit === "COUNT" || unit === "PERSONS" ? fixed.replace(/^(-?\d+)/, (int) => int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")) : fixed;
  return unit === "PERCENT" ? `${text}%` : text;
}

/** Plain number text for CSV (no % sign, no thousands separators). */
export function computedCsv(value: number | null, decimals: number): string {
  return value === null ? "" : roundTo(value, decimals).toFixed(decimals);
}

export function changeText(change: Change, decimals: number, unit: string): string {
  if (change.direction === "same") return "No change";
  const size = Math.abs(change.delta).toFixed(decimals);
  const amount = unit === "PERCENT" ? `${size} percentage point${size === "1" ? "" : "s"}` : size;
  return `${change.direction === "up" ? "Up" : "Down"} ${amount}`;
}
