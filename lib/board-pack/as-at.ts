// The board pack's date: what had been published by then. Pure, no I/O.
//
// A board pack "as at" a date shows the figures and Ofsted judgements that were public strictly before
// that date — the risk engine's point-in-time rule (lib/risk/publication.ts: a series' period counts
// from the end of the month the catalogue says it is published; a judgement from its publication date),
// so the indicators, the Ofsted history and the risk flags in one pack agree about what was known.
// The dashboard's snapshot is narrowed to that, then built by the dashboard's own pure builder.
import { AREAS, indicatorById, type AreaId, type IndicatorId, type SeriesId } from "@/lib/catalogue";
import { publishedOn, judgementKnownFrom } from "@/lib/risk/publication";
import type { Card } from "@/lib/dashboard/build";
import type { InspectionInfo, Snapshot } from "@/lib/dashboard/snapshot";

type IsoDate = string;

/** When an inspection's outcome became public: graded ones by the risk engine's rule; a visit without a date never. */
function inspectionKnownFrom(i: InspectionInfo): IsoDate | null {
  if (!i.inspectionDate) return i.publicationDate;
  return judgementKnownFrom({ inspectionDate: i.inspectionDate, publicationDate: i.publicationDate });
}

/**
 * The snapshot as it would have been read on `asAt`: each indicator's periods published before it, the
 * inspections whose outcome was public before it, and Ofsted's position list only if it was dated before it.
 * Maps of values are shared with the original (nothing is copied but the period keys).
 */
export function snapshotAsAt(s: Snapshot, asAt: IsoDate): Snapshot {
  const seriesOf = new Map(s.indicators.map((m) => [m.id, m.series as SeriesId]));
  const known = (id: string, period: number) => {
    const series = seriesOf.get(id);
    return series !== undefined && publishedOn(series, period) < asAt;
  };
  const values = new Map(
    [...s.values].map(([id, iv]) => {
      const keep = <T>(byPeriod: Map<number, T>) => new Map([...byPeriod].filter(([p]) => known(id, p)));
      return [
        id,
        {
          national: keep(iv.national),
          regional: new Map([...iv.regional].map(([code, m]) => [code, keep(m)])),
          local: keep(iv.local),
          periods: iv.periods.filter((p) => known(id, p)),
        },
      ];
    }),
  );
  const inspections = new Map(
    [...s.inspections].map(([la, list]) => [
      la,
      list.filter((i) => {
        const from = inspectionKnownFrom(i);
        return from !== null && from < asAt;
      }),
    ]),
  );
  const positionsKnown = s.positions.asAt !== null && s.positions.asAt < asAt;
  return {
    ...s,
    values,
    inspections,
    positions: positionsKnown ? s.positions : { asAt: null, byLa: new Map() },
  };
}

export type AreaCards = { id: AreaId; label: string; description: string; cards: Card[] };

/** The headline cards grouped by the catalogue's area of each indicator, in the areas' order; empty areas left out. */
export function cardsByArea(cards: readonly Card[]): AreaCards[] {
  return AREAS.map((a) => ({
    id: a.id,
    label: a.label,
    description: a.description,
    cards: cards.filter((c) => indicatorById(c.meta.id as IndicatorId).area === a.id),
  })).filter((a) => a.cards.length > 0);
}
