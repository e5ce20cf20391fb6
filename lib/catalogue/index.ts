// The catalogue: one typed record per series and per indicator, and the lookups everything reads
// (importer, dashboard, list page, risk engine, plans, CSVs, period labels). Nothing else declares an
// indicator or a series; their id types are derived from the records here. Decision 0016.
import { AREAS, type AreaId } from "./areas";
import { INDICATORS } from "./indicators";
import { RATE_DENOMINATOR, SERIES, type SeriesId } from "./series";
import type { IndicatorDef, IndicatorRole, LongSelection, SeriesDef } from "./types";

export { AREAS, INDICATORS, RATE_DENOMINATOR, SERIES };
export type { AreaId, SeriesId };
export type {
  AreaDef,
  Calculation,
  GeoLevel,
  IndicatorDef,
  IndicatorRole,
  LongSelection,
  PeriodMeaning,
  PolarityId,
  SeriesDef,
  SeriesLayout,
  SmallNumbersBase,
  UnitId,
} from "./types";
export { SMALL_POPULATION } from "./small-numbers";
export { periodLabel, periodMeaningText, periodReferenceTime, periodWindow, type PeriodStyle } from "./periods";
export {
  JUDGEMENTS,
  JUDGEMENT_IDS,
  JUDGEMENT_FILTER_VALUES,
  JUDGEMENT_FILTER_LABELS,
  judgementFilterOptions,
  JUDGEMENT_LABELS,
  NOT_JUDGED_LABEL,
  judgementLabel,
  type JudgementId,
  type JudgementStyle,
} from "./judgements";

type Indicator = (typeof INDICATORS)[number];
export type IndicatorId = Indicator["id"];
/** An indicator as the lookups return it (the record, widened). */
export type CatalogueIndicator = IndicatorDef<SeriesId, AreaId>;

type WithRole<R extends IndicatorRole, I = Indicator> = I extends { roles: readonly (infer X)[] } ? (R extends X ? I : never) : never;
/** Ids of the indicators with a role, as a literal union: `IndicatorIdWithRole<"risk">`. */
export type IndicatorIdWithRole<R extends IndicatorRole> = WithRole<R>["id"];
/** Series some indicator with a role belongs to: `SeriesIdWithRole<"risk">` = the series the risk engine reads. */
export type SeriesIdWithRole<R extends IndicatorRole> = WithRole<R>["series"];

const indicatorMap = new Map<string, CatalogueIndicator>(INDICATORS.map((d) => [d.id, d]));
const seriesMap = new Map<string, SeriesDef & { id: SeriesId }>(SERIES.map((s) => [s.id, s]));

/** The indicator's record; throws for an id the catalogue does not have. */
export function indicatorById(id: IndicatorId): CatalogueIndicator {
  const d = indicatorMap.get(id);
  if (!d) throw new Error(`indicator ${id} is not in the catalogue`);
  return d;
}

/** Whether a stored release's series is one of the catalogue's (Ofsted and statistical neighbours are not). */
export function isSeriesId(id: string): id is SeriesId {
  return seriesMap.has(id);
}

export function seriesById(id: SeriesId): SeriesDef & { id: SeriesId } {
  const s = seriesMap.get(id);
  if (!s) throw new Error(`series ${id} is not in the catalogue`);
  return s;
}

/** Indicators matching every criterion given, in catalogue order. */
export function indicatorsBy(q: { role?: IndicatorRole; area?: AreaId; series?: SeriesId }): CatalogueIndicator[] {
  return INDICATORS.filter(
    (d: CatalogueIndicator) =>
      (q.role === undefined || (d.roles ?? []).includes(q.role)) &&
      (q.area === undefined || d.area === q.area) &&
      (q.series === undefined || d.series === q.series),
  );
}

/** Ids of the indicators with a role, in catalogue order (non-empty: z.enum and defaults take the first). */
export function idsWithRole<R extends IndicatorRole>(role: R): readonly [IndicatorIdWithRole<R>, ...IndicatorIdWithRole<R>[]] {
  const ids = indicatorsBy({ role }).map((d) => d.id);
  if (ids.length === 0) throw new Error(`no indicator has the role ${role}`);
  return ids as unknown as readonly [IndicatorIdWithRole<R>, ...IndicatorIdWithRole<R>[]];
}

/** Series some indicator with a role belongs to, in catalogue order. */
export function seriesWithRole<R extends IndicatorRole>(role: R): readonly SeriesIdWithRole<R>[] {
  return SERIES.filter((s) => indicatorsBy({ role, series: s.id }).length > 0).map(
    (s) => s.id,
  ) as unknown as readonly SeriesIdWithRole<R>[];
}

/** The values a selection accepts in one filter column (one, or the names it has been published under). */
export function selectedValues(selection: LongSelection, column: string): readonly string[] {
  const v = selection.filters[column];
  return v === undefined ? [] : typeof v === "string" ? [v] : v;
}

/** The names an indicator's column has been published under (none for a long-layout selection). */
export function sourceColumns(d: CatalogueIndicator): readonly string[] {
  return d.columns ?? [];
}

/** What the `indicator` table and the dashboard carry of an indicator: its words, unit and source, flat. */
export function indicatorSummary(d: CatalogueIndicator) {
  return {
    label: d.label,
    shortLabel: d.shortLabel,
    description: d.description,
    unit: d.unit,
    polarity: d.polarity,
    series: d.series,
    sourceColumn: sourceColumns(d)[0] ?? d.selection?.column ?? "",
    referenceDate: seriesById(d.series).referenceDate,
    decimals: d.decimals,
  };
}

/**
 * A fingerprint of everything in the catalogue the importer reads a file with (series, ids, column
 * names or selections, calculations). It is part of the import key: a file imported under other
 * definitions is imported again, so a newly mapped column loads without anyone remembering to bump a
 * number. For column-sourced indicators the text hashed is exactly what lib/indicators/definitions.ts
 * hashed, so the value ("450442a240ad30a5") did not change when the catalogue replaced it.
 */
export const DEFINITIONS_VERSION: string = (() => {
  const text = JSON.stringify([
    RATE_DENOMINATOR,
    INDICATORS.map((d: CatalogueIndicator) => {
      const hashed = [
        d.id,
        d.series,
        d.columns ?? (d.calculation ? { calculation: d.calculation } : { selection: d.selection }),
        d.perTenThousand ?? null,
      ];
      return d.percentOf ? [...hashed, d.percentOf] : hashed;
    }),
  ]);
  // FNV-1a, 2 × 32 bits: no node:crypto here, this module is also imported by client components.
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
})();
