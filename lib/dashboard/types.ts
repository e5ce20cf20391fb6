// Plain, serialisable shapes shared by the dashboard's pure logic, its data layer and its components.
// No Prisma imports: client components and unit tests use these too. Series, polarity and judgement
// ids come from the catalogue (lib/catalogue).
import type { JudgementId, PolarityId, SeriesId, UnitId } from "@/lib/catalogue";

export type { JudgementId };
export type MarkerLetter = "c" | "low" | "u" | "x" | "z" | "k";
export type Polarity = PolarityId;

/** A published figure: the number, or the publisher's marker in its place. `raw` is the published text. */
/** `calculated`: not published — calculated by this service from published counts (e.g. a CIN rate per 10,000 a release stopped publishing). */
export type Figure = { value: number | null; marker: MarkerLetter | null; raw: string; calculated?: boolean };

/** A published LA figure, with the joint return it belongs to (Kingston/Richmond, N/W Northamptonshire). */
export type LaFigure = Figure & { laNumber: string; jointReturnId: string | null };

/** What the dashboard shows about an indicator: its catalogue record, flattened (serialisable). */
export type IndicatorMeta = {
  id: string;
  label: string;
  shortLabel: string;
  description: string;
  unit: UnitId;
  polarity: Polarity;
  series: SeriesId;
  referenceDate: string;
  sourceColumn: string;
  decimals: number;
};
