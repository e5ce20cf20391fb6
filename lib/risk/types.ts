// Plain, serialisable shapes the risk engine works on. Nothing here touches the database: the
// loader (lib/risk/server-dataset.ts) turns Prisma rows into a RiskDataset, and everything in
// lib/risk/ is a pure function of it and an "as at" date.
import type { MARKERS } from "@/lib/core/markers";
import type { JudgementId, SeriesIdWithRole } from "@/lib/catalogue";

/** EES symbols published in place of a number (lib/core/markers.ts, derived from it, so a new one such as `k` needs its wording in format.ts too). Never a number here either. */
export type MarkerCode = (typeof MARKERS)[number];

export type Judgement = JudgementId;

/** The published series the engine reads (those of the catalogue's `risk` indicators), each with its own publication lag. */
export type RiskSeriesId = SeriesIdWithRole<"risk">;

/** ISO calendar date, "YYYY-MM-DD". Compared as strings (lexical order = date order). */
export type IsoDate = string;

/** One published figure for one authority and period: a number or a marker, never both. */
export type Observation = {
  period: number;
  value: number | null;
  marker: MarkerCode | null;
  /** the published text */
  raw: string;
  /** set when the figure is a joint return of two LAs (it must count once in distributions) */
  jointReturnId: string | null;
  /**
   * Earlier published versions of this figure, oldest first, when a later release revised it
   * (indicator_value_revision, decision 0020). Each was the published figure until `revisedOn`, the
   * day the release that replaced it was published; the engine uses, for a date, the version
   * published strictly before it (series.ts `asKnownOn`).
   */
  earlier?: EarlierVersion[];
};

export type EarlierVersion = { value: number | null; marker: MarkerCode | null; raw: string; revisedOn: IsoDate };

export type AuthorityInfo = {
  laNumber: string;
  name: string;
  regionCode: string;
  regionName: string;
  /** null when the LA existed before the data began */
  existsFrom: IsoDate | null;
  /** null for a current LA */
  existsTo: IsoDate | null;
};

export type GradedInspection = {
  laNumber: string;
  type: "ILACS_STANDARD" | "ILACS_SHORT";
  inspectionDate: IsoDate;
  publicationDate: IsoDate | null;
  overall: Judgement | null;
  leadership: Judgement | null;
  helpAndProtection: Judgement | null;
  /** before 1 January 2023 the combined "children in care and care leavers" judgement */
  childrenInCare: Judgement | null;
  /** judged separately from 1 January 2023 */
  careLeavers: Judgement | null;
};

/** An ungraded Ofsted visit: an input (decision 0024), never an outcome. */
export type OfstedVisit = {
  laNumber: string;
  type: "MONITORING_VISIT" | "ILACS_FOCUSED_VISIT";
  inspectionDate: IsoDate;
  publicationDate: IsoDate | null;
};

/** Everything the engine needs, loaded once per data version. */
export type RiskDataset<I extends string = string> = {
  authorities: AuthorityInfo[];
  /** laNumber → indicator → observations sorted by period ascending */
  values: Record<string, Partial<Record<I, Observation[]>>>;
  /** England figures per indicator, sorted by period ascending */
  england: Partial<Record<I, Observation[]>>;
  /** DfE statistical neighbours (nearest first) and the date the grouping was published */
  neighbours: { publishedOn: IsoDate; lists: Record<string, string[]> } | null;
  /** graded ILACS inspections (standard and short), any order */
  inspections: GradedInspection[];
  /** monitoring and focused visits, any order */
  visits?: OfstedVisit[];
  /** laNumber → count indicator → observations: the denominators of the small-count rule (config.ts RISK_BASE_IDS) */
  bases?: Record<string, Record<string, Observation[]>>;
};
