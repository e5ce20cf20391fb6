// Props of the client chart leaves: small, serialisable arrays computed on the server.
import type { Annotation } from "@/lib/dashboard/series-notes";
import type { InspectionMark, TrendPoint } from "@/lib/dashboard/build";

export type TrendChartProps = {
  title: string;
  description: string;
  unit: string;
  points: TrendPoint[];
  names: { la: string; england: string; region: string; comparator: string };
  annotations: Annotation[];
  inspections: InspectionMark[];
  domain: [number, number];
};

// `group`, not `role`: recharts spreads each data entry onto its SVG shape, so a `role` field would
// become an (invalid) ARIA role attribute.
export type ComparisonBar = {
  key: string;
  name: string;
  value: number;
  text: string;
  group: "subject" | "neighbour" | "other";
  offScale: boolean;
};

export type ComparisonChartProps = {
  title: string;
  description: string;
  unit: string;
  bars: ComparisonBar[];
  england: { value: number; text: string } | null;
  /** top of the value axis when some values are off-scale: those bars are drawn to the top edge */
  limit: number | null;
};

export const COLOURS = {
  la: "#1d70b8",
  england: "#0b0c0c",
  region: "#912b88",
  comparator: "#00703c",
  neighbour: "#5694ca",
  other: "#b1b4b6",
  covid: "#f3f2f1",
  boundary: "#d4351c",
} as const;

export const DASHES = { la: undefined, england: "8 4", region: "2 3", comparator: "12 4 3 4" } as const;

export const JUDGEMENT_COLOURS: Record<string, string> = {
  OUTSTANDING: "#00703c",
  GOOD: "#10403c",
  REQUIRES_IMPROVEMENT: "#594d00",
  INADEQUATE: "#d4351c",
};

export { unitSuffix } from "@/lib/core/values";
