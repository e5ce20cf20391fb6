// How the engine writes figures and periods into its one-sentence reasons.
import { periodLabel as cataloguePeriodLabel } from "@/lib/catalogue";
import { RISK_INDICATORS, type RiskIndicatorId } from "./config";
import type { MarkerCode } from "./types";

/** Short meanings of the EES markers, for "no figure (u: low reliability)". */
export const MARKER_SHORT: Record<MarkerCode, string> = {
  c: "suppressed to protect small numbers",
  low: "rounds to zero",
  u: "low reliability",
  x: "not available",
  z: "not applicable",
  k: "a share that rounds to 0%",
};

export function noFigure(marker: MarkerCode): string {
  return `no figure (${marker}: ${MARKER_SHORT[marker]})`;
}

/** "24.5%" or "21.3 cases" from a number (1 decimal place). */
export function formatNumber(indicatorId: RiskIndicatorId, value: number): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return RISK_INDICATORS[indicatorId].unit === "percent" ? `${text}%` : `${text} cases`;
}

/** A set level: "20%" or "20 cases" (no ".0" on whole numbers). */
export function formatLevel(indicatorId: RiskIndicatorId, value: number): string {
  const text = Number.isInteger(value) ? String(value) : (Math.round(value * 10) / 10).toFixed(1);
  return RISK_INDICATORS[indicatorId].unit === "percent" ? `${text}%` : `${text} cases`;
}

/** The published text with its unit: "24.5%" or "21.3 cases". */
export function formatRaw(indicatorId: RiskIndicatorId, raw: string): string {
  return RISK_INDICATORS[indicatorId].unit === "percent" ? `${raw}%` : `${raw} cases`;
}

/** A difference: "4.3 percentage points" or "2.1 cases per social worker" (whole numbers without ".0"). */
export function formatDifference(indicatorId: RiskIndicatorId, diff: number): string {
  const abs = Math.abs(diff);
  const text = Number.isInteger(abs) ? String(abs) : (Math.round(abs * 10) / 10).toFixed(1);
  return RISK_INDICATORS[indicatorId].unit === "percent" ? `${text} percentage points` : `${text} cases per social worker`;
}

/** "at 30 September 2024" or "in the year to 31 March 2024" (the series' period meaning, lib/catalogue/periods.ts). */
export function periodPhrase(indicatorId: RiskIndicatorId, period: number): string {
  return cataloguePeriodLabel(RISK_INDICATORS[indicatorId].series, period, "phrase");
}

/** "30 September 2024" or "year to 31 March 2024" (table cells). */
export function periodLabel(indicatorId: RiskIndicatorId, period: number): string {
  return cataloguePeriodLabel(RISK_INDICATORS[indicatorId].series, period, "long");
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
