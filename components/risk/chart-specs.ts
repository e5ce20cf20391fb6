// What the national risk page's charts share between the server drawing (risk-svg.tsx) and the
// browser's charts (risk-plots.tsx): each chart's size, and the scatter chart's series, one per current
// Ofsted judgement (colour is never the only cue: each also has its own marker shape and legend entry).
import type { View } from "@/components/charts/chart-region";
import { JUDGEMENT_FILTER_LABELS } from "@/lib/catalogue/judgements";
import type { ScatterPoint } from "@/lib/risk/national";

export type ScatterSeries = {
  judgement: ScatterPoint["judgement"];
  name: string;
  fill: string;
  shape: "circle" | "square" | "triangle" | "diamond" | "cross";
};

export const SCATTER_SERIES: readonly ScatterSeries[] = [
  { judgement: "OUTSTANDING", name: JUDGEMENT_FILTER_LABELS.OUTSTANDING, fill: "#00703c", shape: "circle" },
  { judgement: "GOOD", name: JUDGEMENT_FILTER_LABELS.GOOD, fill: "#1d70b8", shape: "square" },
  { judgement: "REQUIRES_IMPROVEMENT", name: JUDGEMENT_FILTER_LABELS.REQUIRES_IMPROVEMENT, fill: "#912b88", shape: "triangle" },
  { judgement: "INADEQUATE", name: JUDGEMENT_FILTER_LABELS.INADEQUATE, fill: "#d4351c", shape: "diamond" },
  { judgement: "NONE", name: JUDGEMENT_FILTER_LABELS.NONE, fill: "#505a5f", shape: "cross" },
];

export const SCATTER_VIEW: View = { width: 640, height: 360 };
export const SCORE_VIEW: View = { width: 640, height: 280 };
/** One band per region, so the chart grows with the regions shown. */
export const regionView = (regions: number): View => ({ width: 640, height: Math.max(160, regions * 44 + 70) });
