// Builds everything the LA dashboard shows from the in-memory snapshot: pure, no I/O. Every figure
// shown is a published `raw` text; numbers we compute (neighbour median/mean, changes, ranks) are
// kept apart and labelled as ours.
import { MARKER_MEANINGS } from "@/lib/core/markers";
import { indicatorById, judgementLabel, seriesById, type IndicatorId, type SeriesId } from "@/lib/catalogue";
import {
  areaJudgementHistory,
  AREA_JUDGEMENT_LABEL,
  comparisonLimit,
  DASHBOARD_AREAS,
  latestAreaJudgements,
  SMALL_POPULATION_THRESHOLD,
  smallNumberAuthorities,
  worstMovers,
  type DashboardAreaId,
} from "./areas";
import { changeBetween, directionOfTravel, type Change } from "./change";
import { roundTo, summariseNeighbours, type NeighbourSummary } from "./comparators";
import { computedCsv, formatIsoDate } from "./format";
import { DASHBOARD_INDICATORS, type ComparatorKind, type DashboardView } from "./indicators";
import { offScaleLimit } from "./outliers";
import { datePosition, periodLabel, periodShort } from "./periods";
import { quartileLabel, ranksOf, type RankEntry } from "./rank";
import { covidPeriods, periodContains, seriesAnnotations, type Annotation } from "./series-notes";
import { BY_PERIOD, modelForPeriod, type ModelForPeriod, type NeighbourChoice } from "./neighbour-models";
import type { AuthorityInfo, InspectionInfo, NeighbourLink, PositionInfo, Snapshot } from "./snapshot";
import type { CsvTable } from "./csv";
import type { Figure, IndicatorMeta, JudgementId, LaFigure, MarkerLetter } from "./types";

export const markerMeaning = (m: string): string => MARKER_MEANINGS[m as MarkerLetter] ?? m;

const judgementShort = (j: JudgementId) => judgementLabel(j, "short");

/** Text of a published figure for a table or CSV cell: its raw text, its marker letter, or "" when none. */
export { CALCULATED_NOTE } from "@/lib/core/values";
import { CALCULATED_NOTE, UNIT_LABELS } from "@/lib/core/values";
import { revisionKey, revisionNotes } from "./revisions";

export const cellText = (f: Figure | null | undefined): string => (f ? (f.marker ?? f.raw) : "");

function indicator(s: Snapshot, id: string): IndicatorMeta {
  const meta = s.indicators.find((i) => i.id === id);
  if (!meta) throw new Error(`indicator ${id} is not in the database`);
  return meta;
}

const nameOf = (s: Snapshot) => (laNumber: string) => s.authorities.get(laNumber)?.name ?? laNumber;

function ownFigures(s: Snapshot, id: string, laNumber: string): Map<number, LaFigure> {
  const out = new Map<number, LaFigure>();
  const iv = s.values.get(id);
  if (!iv) return out;
  for (const [period, byLa] of iv.local) {
    const f = byLa.get(laNumber);
    if (f) out.set(period, f);
  }
  return out;
}

export function availableYears(s: Snapshot, id: string): number[] {
  return [...(s.values.get(id)?.local.keys() ?? [])].sort((a, b) => a - b);
}

const neighbourNumbers = (links: readonly NeighbourLink[]) => links.map((l) => l.laNumber);

/** An LA's neighbours for one period of a series: the grouping the rule (or the reader's choice) gives, and its list. */
type NeighboursFor = (series: SeriesId, period: number) => { links: readonly NeighbourLink[]; grouping: ModelForPeriod | null };

function neighboursOf(s: Snapshot, laNumber: string, choice: NeighbourChoice): NeighboursFor {
  return (series, period) => {
    const grouping = modelForPeriod(s.neighbourModels, series, period, choice);
    return { links: grouping ? (s.neighbours.get(grouping.model.id)?.get(laNumber) ?? []) : [], grouping };
  };
}

/** "April 2021 grouping" — and why, when not the reader's choice and not in force at publication. */
export function groupingText(g: ModelForPeriod | null): string {
  if (!g) return "";
  return `${g.model.label} grouping${g.beforeFirst ? " (published after this figure; the earliest grouping held)" : ""}`;
}

// ——— headline cards ———

export type Card = {
  meta: IndicatorMeta;
  period: number | null;
  periodText: string;
  latest: LaFigure | null;
  previous: (Figure & { periodText: string }) | null;
  change: Change | null;
  england: Figure | null;
  region: Figure | null;
  neighbours: NeighbourSummary | null;
  /** the statistical-neighbour grouping the neighbours' median uses (decision 0021) */
  neighbourGrouping: ModelForPeriod | null;
  rank: RankEntry | null;
  quartile: ReturnType<typeof quartileLabel> | null;
  markerMeaning: string | null;
  /** the LA's numeric figures over time (markers as null) for the sparkline */
  spark: { period: number; value: number | null }[];
  jointWith: string[];
  note: string | null;
};

function buildCard(s: Snapshot, la: AuthorityInfo, id: string, neighboursFor: NeighboursFor): Card {
  const meta = indicator(s, id);
  const iv = s.values.get(id);
  const own = ownFigures(s, id, la.laNumber);
  const periods = [...own.keys()].sort((a, b) => a - b);
  const period = periods.at(-1) ?? null;
  const latest = period !== null ? own.get(period)! : null;
  const prev = period !== null ? (own.get(period - 1) ?? null) : null;
  const latestNational = iv?.periods.at(-1) ?? null;
  const jointWith = latest?.jointReturnId
    ? (s.jointReturns.find((j) => j.id === latest.jointReturnId)?.members ?? []).filter((m) => m !== la.laNumber).map(nameOf(s))
    : [];
  const byLa = period !== null ? iv?.local.get(period) : undefined;
  const { links, grouping } = period !== null ? neighboursFor(meta.series, period) : { links: [], grouping: null };
  const rank = byLa ? (ranksOf(byLa, meta.polarity).get(la.laNumber) ?? null) : null;
  let note: string | null = null;
  if (period === null) note = `No ${meta.shortLabel.toLowerCase()} figure is published for ${la.name}.`;
  else if (latestNational !== null && period < latestNational)
    note = `No figure for ${periodLabel(meta.series, latestNational)}${la.existsTo ? `: ${la.name} was abolished on ${formatIsoDate(la.existsTo)}` : ""}.`;
  return {
    meta,
    period,
    periodText: period !== null ? periodLabel(meta.series, period) : "",
    latest,
    previous: prev && period !== null ? { ...prev, periodText: periodLabel(meta.series, period - 1) } : null,
    change: changeBetween(latest, prev, meta.polarity, meta.decimals),
    england: period !== null ? (iv?.national.get(period) ?? null) : null,
    region: period !== null ? (iv?.regional.get(la.regionCode)?.get(period) ?? null) : null,
    neighbours: byLa && links.length > 0 ? summariseNeighbours(neighbourNumbers(links), byLa, latest?.jointReturnId ?? null) : null,
    neighbourGrouping: links.length > 0 ? grouping : null,
    rank,
    quartile: rank ? quartileLabel(rank.quartile, meta.polarity) : null,
    markerMeaning: latest?.marker ? markerMeaning(latest.marker) : null,
    spark: (iv?.periods ?? [])
      .filter((p) => periods.length > 0 && p >= periods[0]! && p <= period!)
      .map((p) => ({ period: p, value: own.get(p)?.value ?? null })),
    jointWith,
    note,
  };
}

// ——— time series ———

export type TrendPoint = {
  period: number;
  label: string;
  la: number | null;
  england: number | null;
  region: number | null;
  comparator: number | null;
  laText: string;
  englandText: string;
  regionText: string;
  comparatorText: string;
};

export type InspectionMark = { at: number; date: string; label: string; judgement: JudgementId | null; typeLabel: string };

/** Periods of a trend compared with one grouping (in period order; a grouping may appear once). */
type TrendGrouping = { label: string; periods: number[]; beforeFirst: boolean; chosen: boolean };

type Trend = {
  meta: IndicatorMeta;
  comparator: ComparatorKind;
  comparatorLabel: string;
  /** which statistical-neighbour grouping each stretch of periods is compared with */
  groupings: TrendGrouping[];
  points: TrendPoint[];
  annotations: Annotation[];
  inspections: InspectionMark[];
  domain: [number, number];
  table: CsvTable;
};

const TYPE_LABEL: Record<InspectionInfo["type"], string> = {
  ILACS_STANDARD: "Standard inspection",
  ILACS_SHORT: "Short inspection",
  ILACS_FOCUSED_VISIT: "Focused visit",
  MONITORING_VISIT: "Monitoring visit",
};

function buildTrend(s: Snapshot, la: AuthorityInfo, id: string, comparator: ComparatorKind, neighboursFor: NeighboursFor): Trend {
  const meta = indicator(s, id);
  const iv = s.values.get(id);
  const periods = iv?.periods ?? [];
  const own = ownFigures(s, id, la.laNumber);
  const annotations = seriesAnnotations({
    series: meta.series,
    periods,
    own,
    la,
    nameOf: nameOf(s),
    jointReturns: s.jointReturns,
    boundaryChanges: s.boundaryChanges,
    markerMeaning,
  });
  const covid = new Set(covidPeriods(meta.series, periods));
  const graded = (s.inspections.get(la.laNumber) ?? []).filter(
    (i) => i.inspectionDate && (i.type === "ILACS_STANDARD" || i.type === "ILACS_SHORT"),
  );
  const first = periods[0] ?? 0;
  const last = periods.at(-1) ?? 0;
  const inspections: InspectionMark[] = graded
    .map((i) => ({
      at: datePosition(meta.series, i.inspectionDate!),
      date: i.inspectionDate!,
      judgement: i.overall,
      typeLabel: TYPE_LABEL[i.type],
      label: i.overall ? judgementShort(i.overall) : "Not judged",
    }))
    .filter((m) => m.at >= first - 0.5 && m.at <= last + 1)
    .sort((a, b) => a.at - b.at);
  const comparatorLabel = `Statistical neighbours ${comparator} (computed by us)`;

  const rows: string[][] = [];
  const groupings: TrendGrouping[] = [];
  const revisedPlaces = [
    [la.name, la.laNumber],
    ["England", "E92000001"],
    [la.regionName, la.regionCode],
  ] as const;
  const releasesById = new Map(s.releases.map((r) => [r.id, r]));
  const points: TrendPoint[] = periods.map((p) => {
    const f = own.get(p) ?? null;
    const england = iv?.national.get(p) ?? null;
    const region = iv?.regional.get(la.regionCode)?.get(p) ?? null;
    const byLa = iv?.local.get(p);
    const { links, grouping } = neighboursFor(meta.series, p);
    const sn = byLa && links.length > 0 ? summariseNeighbours(neighbourNumbers(links), byLa, f?.jointReturnId ?? null) : null;
    const previousGrouping = groupings.at(-1);
    const groupingLabel = sn && grouping ? grouping.model.label : null;
    if (groupingLabel && grouping) {
      if (previousGrouping?.label === groupingLabel && previousGrouping.beforeFirst === grouping.beforeFirst)
        previousGrouping.periods.push(p);
      else groupings.push({ label: groupingLabel, periods: [p], beforeFirst: grouping.beforeFirst, chosen: grouping.chosen });
    }
    const comp = sn ? (comparator === "median" ? sn.median : sn.mean) : null;
    const compRounded = comp === null ? null : roundTo(comp, meta.decimals);
    const notes: string[] = [];
    if (f?.marker) notes.push(`${f.marker}: ${markerMeaning(f.marker)}`);
    if (f?.jointReturnId) notes.push("joint return");
    if (f?.calculated || england?.calculated || region?.calculated) notes.push(CALCULATED_NOTE);
    if (covid.has(p)) notes.push("COVID-19 period");
    // Say which grouping only where it is not the one in force when the figure was published, or where it changes.
    if (sn && grouping?.beforeFirst) notes.push(`statistical neighbours: ${groupingText(grouping)}`);
    else if (sn && grouping && !grouping.chosen && previousGrouping && previousGrouping.label !== grouping.model.label)
      notes.push(`statistical neighbours: ${groupingText(grouping)} from this period`);
    for (const [place, code] of revisedPlaces)
      notes.push(...revisionNotes(place, s.revisions.get(revisionKey(id, code, p)) ?? [], meta.series, meta.unit, releasesById));
    for (const i of graded)
      if (periodContains(meta.series, p, i.inspectionDate!))
        notes.push(
          `Ofsted ${TYPE_LABEL[i.type].toLowerCase()} ${formatIsoDate(i.inspectionDate)}: ${i.overall ? judgementShort(i.overall) : "not judged"}`,
        );
    const label = periodShort(meta.series, p);
    rows.push([
      label,
      cellText(f),
      cellText(england),
      cellText(region),
      computedCsv(compRounded, meta.decimals),
      sn ? `${sn.counted} of ${sn.listed}` : "",
      notes.join("; "),
    ]);
    return {
      period: p,
      label,
      la: f?.marker ? null : (f?.value ?? null),
      england: england?.value ?? null,
      region: region?.value ?? null,
      comparator: compRounded,
      laText: f ? (f.marker ? `${f.marker} (${markerMeaning(f.marker)})` : f.raw) : "no figure",
      englandText: england ? cellText(england) : "no figure",
      regionText: region ? cellText(region) : "no figure",
      comparatorText: compRounded === null ? "none" : computedCsv(compRounded, meta.decimals),
    };
  });
  const lastMark = inspections.at(-1)?.at ?? last;
  return {
    meta,
    comparator,
    comparatorLabel,
    groupings,
    points,
    annotations,
    inspections,
    domain: [first, Math.max(last, Math.ceil(lastMark * 4) / 4)],
    table: {
      head: ["Period", la.name, "England", la.regionName, `Statistical neighbours ${comparator} (computed)`, "Neighbours counted", "Notes"],
      rows,
    },
  };
}

// ——— all-LA comparison ———

type ComparisonUnit = {
  key: string;
  name: string;
  laNumbers: string[];
  figure: Figure;
  rank: RankEntry | null;
  role: "subject" | "neighbour" | "other";
  offScale: boolean;
  /** fewer children than the small-numbers threshold (decision 0026) */
  small: boolean;
};

type Comparison = {
  meta: IndicatorMeta;
  year: number;
  periodText: string;
  units: ComparisonUnit[];
  england: Figure | null;
  offScaleLimit: number | null;
  table: CsvTable;
  ranked: number;
};

function buildComparison(
  s: Snapshot,
  la: AuthorityInfo,
  id: string,
  year: number,
  neighboursFor: NeighboursFor,
  small: ReadonlySet<string>,
): Comparison {
  const meta = indicator(s, id);
  const { links } = neighboursFor(meta.series, year);
  const iv = s.values.get(id);
  const byLa = iv?.local.get(year) ?? new Map<string, LaFigure>();
  const ranks = ranksOf(byLa, meta.polarity);
  const neighbours = new Set(neighbourNumbers(links));
  const groups = new Map<string, LaFigure[]>();
  for (const f of byLa.values()) {
    const key = f.jointReturnId ?? f.laNumber;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const units: ComparisonUnit[] = [...groups.entries()].map(([key, members]) => {
    const numbers = members.map((m) => m.laNumber).sort();
    const first = members[0]!;
    return {
      key,
      name: numbers.map(nameOf(s)).join(" / "),
      laNumbers: numbers,
      figure: { value: first.value, marker: first.marker, raw: first.raw },
      rank: ranks.get(first.laNumber) ?? null,
      role: numbers.includes(la.laNumber) ? "subject" : numbers.some((n) => neighbours.has(n)) ? "neighbour" : "other",
      offScale: false,
      small: numbers.every((n) => small.has(n)),
    };
  });
  units.sort((a, b) =>
    a.rank && b.rank ? a.rank.rank - b.rank.rank || a.name.localeCompare(b.name) : a.rank ? -1 : b.rank ? 1 : a.name.localeCompare(b.name),
  );
  // the chart's axis stops a little above the outlier limit of the authorities that are not small, or above
  // their highest figure when only a small authority is beyond it; bars beyond it are drawn to the top edge
  const plotted = (wantSmall: boolean) =>
    units.flatMap((u) => (u.rank && u.figure.value !== null && u.small === wantSmall ? [u.figure.value] : []));
  const limit = comparisonLimit(plotted(false), plotted(true), offScaleLimit);
  for (const u of units) u.offScale = limit !== null && u.figure.value !== null && u.figure.value > limit;
  const rows = units.map((u) => {
    const notes: string[] = [];
    if (u.role === "subject") notes.push("this authority");
    if (u.role === "neighbour" || (u.role === "subject" && u.laNumbers.some((n) => neighbours.has(n)))) notes.push("statistical neighbour");
    if (u.laNumbers.length > 1) notes.push("joint return, counted once");
    if (u.figure.marker) notes.push(`not ranked: ${markerMeaning(u.figure.marker)}`);
    if (u.small) notes.push(`small numbers: fewer than ${SMALL_POPULATION_THRESHOLD.toLocaleString("en-GB")} children`);
    if (u.offScale) notes.push("beyond the chart's scale");
    return [u.rank ? `${u.rank.tied ? "=" : ""}${u.rank.rank}` : "", u.name, u.laNumbers.join(" / "), cellText(u.figure), notes.join("; ")];
  });
  return {
    meta,
    year,
    periodText: periodLabel(meta.series, year),
    units,
    england: iv?.national.get(year) ?? null,
    offScaleLimit: limit,
    ranked: units.filter((u) => u.rank).length,
    table: { head: ["Rank", "Local authority", "LA number", meta.shortLabel, "Notes"], rows },
  };
}

// ——— statistical neighbours ———

type NeighbourRow = {
  rank: number;
  laNumber: string;
  name: string;
  /** the label as published, and its band */
  closeness: string;
  band: NeighbourLink["band"];
  abolished: string | null;
  lastFigures: string | null;
  latest: { id: string; period: number | null; figure: Figure | null; text: string }[];
};

function lastFigureText(s: Snapshot, laNumber: string): string | null {
  // by the series' noun ("workforce", "children in need"): the newest period and a series to label it
  const bySeries = new Map<string, { series: SeriesId; period: number }>();
  for (const id of DASHBOARD_INDICATORS) {
    const meta = s.indicators.find((i) => i.id === id);
    if (!meta) continue;
    const last = [...ownFigures(s, id, laNumber).keys()].sort((a, b) => a - b).at(-1);
    const key = seriesById(meta.series).noun;
    if (last !== undefined)
      bySeries.set(key, { series: bySeries.get(key)?.series ?? meta.series, period: Math.max(bySeries.get(key)?.period ?? 0, last) });
  }
  if (bySeries.size === 0) return null;
  return [...bySeries.entries()].map(([k, { series, period }]) => `${k} ${periodShort(series, period)}`).join(", ");
}

/** The neighbours of the view's indicator and year: the grouping in force when that figure was published, or the reader's choice. */
function buildNeighbours(s: Snapshot, la: AuthorityInfo, view: DashboardView, neighboursFor: NeighboursFor) {
  const { links, grouping } = neighboursFor(indicator(s, view.indicator).series, view.year);
  const rows: NeighbourRow[] = links.map((l) => {
    const n = s.authorities.get(l.laNumber);
    const latest = DASHBOARD_INDICATORS.map((id) => {
      const iv = s.values.get(id);
      const meta = s.indicators.find((i) => i.id === id);
      const period = iv?.periods.at(-1) ?? null;
      const figure = period !== null ? (iv?.local.get(period)?.get(l.laNumber) ?? null) : null;
      return { id, period, figure, text: meta && period !== null ? periodLabel(meta.series, period) : "" };
    });
    return {
      rank: l.rank,
      laNumber: l.laNumber,
      name: n?.name ?? l.laNumber,
      closeness: l.closeness,
      band: l.band,
      abolished: n?.existsTo ?? null,
      lastFigures: n?.existsTo ? lastFigureText(s, l.laNumber) : null,
      latest,
    };
  });
  const inheritedFrom = links.find((l) => l.inheritedFrom)?.inheritedFrom ?? null;
  return {
    rows,
    inheritedFrom: inheritedFrom ? { laNumber: inheritedFrom, name: nameOf(s)(inheritedFrom) } : null,
    grouping,
    /** every grouping held, oldest first, and whether this LA has a list in it (for the switch) */
    models: s.neighbourModels.map((m) => ({ ...m, hasList: (s.neighbours.get(m.id)?.get(la.laNumber)?.length ?? 0) > 0 })),
    choice: view.grouping ?? BY_PERIOD,
  };
}

// ——— Ofsted ———

function buildOfsted(s: Snapshot, laNumber: string) {
  const all = s.inspections.get(laNumber) ?? [];
  const byDateDesc = (a: InspectionInfo, b: InspectionInfo) =>
    (b.inspectionDate ?? b.publicationDate ?? "").localeCompare(a.inspectionDate ?? a.publicationDate ?? "");
  const graded = all.filter((i) => i.type === "ILACS_STANDARD" || i.type === "ILACS_SHORT").sort(byDateDesc);
  const visits = all.filter((i) => i.type === "ILACS_FOCUSED_VISIT" || i.type === "MONITORING_VISIT").sort(byDateDesc);
  const position: PositionInfo | null = s.positions.byLa.get(laNumber) ?? null;
  const latest = graded[0] ?? null;
  const previous = graded[1] ?? null;
  return {
    asAt: s.positions.asAt,
    position,
    graded,
    visits,
    previous,
    travel: directionOfTravel(previous?.overall ?? null, latest?.overall ?? null),
    table: {
      head: [
        "Inspected",
        "Published",
        "Type",
        "Overall effectiveness",
        "Leaders",
        "Help and protection",
        "Children in care",
        "Care leavers",
      ],
      rows: graded.map((i) => [
        i.inspectionDate ?? "",
        i.publicationDate ?? "",
        TYPE_LABEL[i.type],
        ...[i.overall, i.leadership, i.helpAndProtection, i.childrenInCare].map((j) => (j ? judgementShort(j) : "")),
        i.inspectionDate && i.inspectionDate < "2023-01-01" ? "with children in care" : i.careLeavers ? judgementShort(i.careLeavers) : "",
      ]),
    } satisfies CsvTable,
  };
}

// ——— definitions ———

function buildDefinitions(s: Snapshot) {
  return DASHBOARD_INDICATORS.flatMap((id) => {
    const meta = s.indicators.find((i) => i.id === id);
    if (!meta) return [];
    const release = s.releases.filter((r) => r.series === meta.series).sort((a, b) => b.id - a.id)[0] ?? null;
    return [{ meta, seriesLabel: seriesById(meta.series).label, release, years: availableYears(s, id) }];
  });
}

// ——— headline table (the cards' twin) ———

/** What a row of the cards' twin needs said in words: markers, joint returns, figures we calculated. */
function headlineNotes(c: Card): string {
  const notes: string[] = [];
  if (c.latest?.marker) notes.push(`${c.latest.marker}: ${markerMeaning(c.latest.marker)}`);
  if (c.latest?.jointReturnId) notes.push("joint return");
  const figures: [string, Figure | null][] = [
    ["this authority", c.latest],
    ["previous period", c.previous],
    ["England", c.england],
    ["region", c.region],
  ];
  const calculated = figures.filter(([, f]) => f?.calculated).map(([who]) => who);
  if (calculated.length > 0) notes.push(`${CALCULATED_NOTE} (${calculated.join(", ")})`);
  return notes.join("; ");
}

function headlineTable(cards: readonly Card[], la: AuthorityInfo): CsvTable {
  return {
    head: [
      "Indicator",
      "Period",
      la.name,
      "Previous period",
      "Previous figure",
      "England",
      la.regionName,
      "Neighbours median (computed)",
      "Neighbours counted",
      "National rank",
      "Authorities ranked",
      "Quartile",
      "Neighbour grouping",
      "Unit",
      "Notes",
    ],
    rows: cards.map((c) => [
      c.meta.label,
      c.periodText,
      cellText(c.latest),
      c.previous?.periodText ?? "",
      cellText(c.previous),
      cellText(c.england),
      cellText(c.region),
      computedCsv(
        c.neighbours?.median === null || c.neighbours?.median === undefined ? null : roundTo(c.neighbours.median, c.meta.decimals),
        c.meta.decimals,
      ),
      c.neighbours ? `${c.neighbours.counted} of ${c.neighbours.listed}` : "",
      c.rank ? `${c.rank.tied ? "=" : ""}${c.rank.rank}` : "",
      c.rank ? String(c.rank.of) : "",
      c.quartile?.label ?? "",
      groupingText(c.neighbourGrouping),
      UNIT_LABELS[c.meta.unit] ?? "",
      headlineNotes(c),
    ]),
  };
}

/** The dashboard area a card belongs to (the catalogue's). */
export const areaOf = (c: Card) => indicatorById(c.meta.id as IndicatorId).area;

// ——— everything ———

export function buildDashboard(s: Snapshot, laNumber: string, view: DashboardView) {
  const la = s.authorities.get(laNumber);
  if (!la) throw new Error(`unknown LA ${laNumber}`);
  const neighboursFor = neighboursOf(s, laNumber, view.grouping ?? BY_PERIOD);
  const name = nameOf(s);
  const changes = s.boundaryChanges.filter((c) => c.kind !== "RECODE");
  const cards = DASHBOARD_INDICATORS.filter((id) => s.values.has(id)).map((id) => buildCard(s, la, id, neighboursFor));
  const small = smallNumberAuthorities(s.smallNumbersBase);
  const inspections = s.inspections.get(laNumber) ?? [];
  const population = s.smallNumbersBase.get(laNumber) ?? null;
  return {
    la,
    /** the view it was built for (which indicator, comparator, year and grouping) */
    view,
    successors: changes.flatMap((c) =>
      c.links
        .filter((l) => l.from === laNumber && l.to !== laNumber)
        .map((l) => ({ laNumber: l.to, name: name(l.to), effective: c.effective })),
    ),
    predecessors: changes.flatMap((c) =>
      c.links
        .filter((l) => l.to === laNumber && l.from !== laNumber)
        .map((l) => ({ laNumber: l.from, name: name(l.from), effective: c.effective })),
    ),
    jointReturns: s.jointReturns
      .filter((j) => j.members.includes(laNumber))
      .map((j) => ({ ...j, memberNames: j.members.map((m) => ({ laNumber: m, name: name(m) })) })),
    cards,
    headlineTable: headlineTable(cards, la),
    areas: DASHBOARD_AREAS.map((a) => {
      const areaCards = cards.filter((c) => areaOf(c) === a.id);
      return {
        id: a.id as DashboardAreaId,
        label: a.label,
        description: a.description,
        cards: areaCards,
        table: headlineTable(areaCards, la),
        judgementLabel: AREA_JUDGEMENT_LABEL[a.id],
        judgements: areaJudgementHistory(inspections, a.id),
      };
    }),
    /** the first screen (issue 18): Ofsted per area, the indicators moving most the wrong way */
    latestJudgements: latestAreaJudgements(s.positions.byLa.get(laNumber) ?? null),
    movers: worstMovers(cards.map((c) => ({ ...c, id: c.meta.id, previousValue: c.previous?.value ?? null }))).map((m) => m.card),
    /** this authority's figures rest on small numbers (decision 0026): its child population, or null */
    smallNumbers: small.has(laNumber) ? { population: population!, threshold: SMALL_POPULATION_THRESHOLD } : null,
    trend: buildTrend(s, la, view.indicator, view.comparator, neighboursFor),
    comparison: buildComparison(s, la, view.indicator, view.year, neighboursFor, small),
    neighbours: buildNeighbours(s, la, view, neighboursFor),
    ofsted: buildOfsted(s, laNumber),
    definitions: buildDefinitions(s),
    years: availableYears(s, view.indicator),
  };
}

export type Dashboard = ReturnType<typeof buildDashboard>;
