// The flag rules. Each flag says which indicator, the figure and its period, what it was compared
// with, the rule, a severity and one sentence a Director of Children's Services can read aloud.
// All numbers come from config.ts; markers are never numbers (series.ts).
import {
  INDICATOR_RULES,
  baseOf,
  INPUT_POINTS,
  RISK_INDICATOR_IDS,
  RISK_INDICATORS,
  areaOf,
  worseDirection,
  type RiskArea,
  type RiskIndicatorId,
} from "./config";
import { formatIsoDate } from "./dates";
import {
  MARKER_SHORT,
  capitalise,
  formatDifference,
  formatLevel,
  formatNumber,
  formatRaw,
  noFigure,
  periodLabel,
  periodPhrase,
} from "./format";
import {
  baseAt,
  comparatorMedian,
  isNumeric,
  isPartYear,
  positionCutoffs,
  readIndicator,
  revisionEpoch,
  worseOrEqual,
  type Comparator,
  type KnownPeriods,
  type Reading,
  type RiskIndex,
} from "./series";
import type { IsoDate, MarkerCode, Observation } from "./types";

export const FLAG_KINDS = ["threshold", "position", "neighbours", "worse-and-worsening", "deterioration", "rising"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type Severity = "red" | "amber";

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  threshold: "At or above a set level",
  position: "Among the worst in England",
  neighbours: "Worse than statistical neighbours",
  "worse-and-worsening": "Worse and worsening",
  deterioration: "Sharp deterioration",
  rising: "Rising two years running",
};

/** The kinds that are inputs of the score (decision 0024); the others are context and add nothing. */
export const SCORING_KINDS: readonly FlagKind[] = ["threshold", "position"];

/** Why a context flag adds nothing, said on the flag itself. */
export const CONTEXT_SENTENCE =
  "Context: does not add to the score. The score counts each figure's level against England (decision 0024); comparisons with neighbours and over time are shown to help read it.";

export type RiskFlag = {
  indicatorId: RiskIndicatorId;
  /** the Ofsted judgement area the figure speaks to */
  area: RiskArea;
  kind: FlagKind;
  severity: Severity;
  /** points it adds to the score (0 for a context flag, which then says why in `context`) */
  points: number;
  /** set on a flag that adds nothing: why */
  context: string | null;
  /** the figure that raised the flag, and its published text */
  value: number;
  raw: string;
  period: number;
  /** what it was compared with: a median, an earlier figure, a fixed level or England's cut-off */
  comparator: { label: string; value: number } | null;
  /** the rule in words, with its numbers */
  rule: string;
  /** one sentence */
  reason: string;
  /** set when the newest figure is a marker and this flag rests on the figure before it */
  note: string | null;
  /** on a flag that scores: the levels it is amber and red at (see `lowerIf`) */
  levels: { amber: number; red: number; direction: "higher" | "lower" } | null;
};

type FlagBase = Pick<RiskFlag, "indicatorId" | "area" | "value" | "raw" | "period" | "note">;
type FlagRest = Pick<RiskFlag, "kind" | "severity" | "points" | "context" | "comparator" | "rule" | "reason" | "levels">;

/** A flag from its figure and its rule (a literal of one shape: flags are made often). */
function withBase(b: FlagBase, r: FlagRest): RiskFlag {
  return {
    indicatorId: b.indicatorId,
    area: b.area,
    kind: r.kind,
    severity: r.severity,
    points: r.points,
    context: r.context,
    value: b.value,
    raw: b.raw,
    period: b.period,
    comparator: r.comparator,
    rule: r.rule,
    reason: r.reason,
    note: b.note,
    levels: r.levels,
  };
}

/** "Below 20% it would score nothing (1 point less).": which figure would lower the score a flag adds, and by how much. */
export function lowerIf(flag: Pick<RiskFlag, "indicatorId" | "kind" | "severity" | "levels">): string | null {
  const l = flag.levels;
  if (!l) return null;
  const fmt = flag.kind === "threshold" ? formatLevel : formatNumber;
  const word = l.direction === "higher" ? "below" : "above";
  return lower(flag.severity, `${word} ${fmt(flag.indicatorId, l.amber)}`, `${word} ${fmt(flag.indicatorId, l.red)}`);
}

/** A figure not used, or not used fully: a marker where a number would be, a small count, a part year. Shown, never a number. */
export type RiskNote = { indicatorId: RiskIndicatorId; period: number; marker: MarkerCode | null; text: string };

export type FlagResult = {
  flags: RiskFlag[];
  notes: RiskNote[];
  readings: Reading[];
  comparators: Partial<Record<RiskIndicatorId, Comparator>>;
  /** indicators whose figure is not scored (small count), with the reason */
  unscored: Partial<Record<RiskIndicatorId, string>>;
};

const SEVERITY_ORDER: Record<Severity, number> = { red: 2, amber: 1 };

/** The rule in words for an indicator and kind of flag (from config.ts; built once). */
function ruleText(id: RiskIndicatorId, kind: FlagKind): string {
  const key = `${id}|${kind}`;
  let text = RULE_TEXTS.get(key);
  if (text === undefined) {
    const rules = INDICATOR_RULES[id];
    const level = rules.level;
    const cfg = rules.context;
    const d = (x: number) => formatDifference(id, x);
    const pts = `${INPUT_POINTS.amber} point for amber, ${INPUT_POINTS.red} for red`;
    const worstWord = worseDirection(id) === "higher" ? "highest" : "lowest";
    text =
      kind === "threshold"
        ? level.kind === "set-level"
          ? `${formatLevel(id, level.amber)} or more is amber, ${formatLevel(id, level.red)} or more is red (${pts})`
          : ""
        : kind === "position"
          ? level.kind === "position"
            ? `among the ${worstWord} ${Math.round(level.amberShare * 100)}% of authorities in England for the same period is amber, the ${worstWord} ${Math.round(level.redShare * 100)}% red, ties in (${pts})`
            : ""
          : !cfg
            ? ""
            : kind === "neighbours"
              ? `${d(cfg.neighbours.amber)} or more above the comparator median is amber, ${d(cfg.neighbours.red)} or more is red`
              : kind === "worse-and-worsening"
                ? `at least ${d(cfg.worseAndWorsening.aboveBy)} above the comparator median and up at least ${d(cfg.worseAndWorsening.risenBy)} on the year before`
                : kind === "deterioration"
                  ? `up ${d(cfg.deterioration.oneYear)} in a year or ${d(cfg.deterioration.twoYears)} in two years is amber; ${d(cfg.deterioration.redTwoYears)} in two years is red`
                  : `up in each of the last two years, by ${d(cfg.rising?.minTotal ?? 0)} or more in all`;
    RULE_TEXTS.set(key, text);
  }
  return text;
}
const RULE_TEXTS = new Map<string, string>();

function label(id: RiskIndicatorId) {
  return RISK_INDICATORS[id].label;
}

/** One note per indicator whose newest figure is a marker; and the note a flag carries when it rests on an older figure. */
function markerNote(reading: Reading): { note: string | null; notes: RiskNote[] } {
  const id = reading.indicatorId;
  const newest = reading.markers[0];
  if (!newest) return { note: null, notes: [] };
  const what = newest.marker ? noFigure(newest.marker) : "no figure";
  const head = `${capitalise(RISK_INDICATORS[id].shortLabel)}, ${periodLabel(id, newest.period)}: ${what}`;
  const tail = reading.current
    ? ` — the flags use the ${periodLabel(id, reading.current.period)} figure instead.`
    : reading.markers.length > 1
      ? ", nor a number the year before, so this indicator can neither raise nor clear a flag."
      : " — no earlier figure to use, so this indicator can neither raise nor clear a flag.";
  const why = newest.marker ? ` (${newest.marker}: ${MARKER_SHORT[newest.marker]})` : "";
  const note = reading.current
    ? `There is no figure for ${periodLabel(id, newest.period)}${why}, so this uses the ${periodLabel(id, reading.current.period)} figure.`
    : null;
  return { note, notes: [{ indicatorId: id, period: newest.period, marker: newest.marker, text: head + tail }] };
}

/** "Below 20% it would score nothing (1 point less)." */
function lower(severity: Severity, amberAt: string, redAt: string): string {
  return severity === "red"
    ? `${capitalise(redAt)} it would be amber (${INPUT_POINTS.red - INPUT_POINTS.amber} point less); ${amberAt} it would score nothing (${INPUT_POINTS.red} points less).`
    : `${capitalise(amberAt)} it would score nothing (${INPUT_POINTS.amber} point less).`;
}

/** The newest of the current period and the two before it (those held) that a new authority's first part year covers, if any. */
function firstPartYear(index: RiskIndex, laNumber: string, id: RiskIndicatorId, period: number): number | null {
  const held = index.values.get(laNumber)?.get(id);
  for (const p of [period, period - 1, period - 2]) if ((p === period || held?.has(p)) && isPartYear(index, laNumber, id, p)) return p;
  return null;
}

/** An earlier figure the change rules may compare with: a number, and neither it nor the current figure a part year (`partPeriod` is one of them, or later). */
function usable(o: Observation | null, period: number, partPeriod: number | null): number | null {
  if (!isNumeric(o ?? undefined)) return null;
  return partPeriod !== null && partPeriod >= period ? null : o!.value!;
}

/** "fewer than 20 FTE social workers in post (12)": the small-count reason, or null when the base is big enough or not held. */
function smallCount(index: RiskIndex, laNumber: string, id: RiskIndicatorId, period: number, asAt: IsoDate): string | null {
  const base = baseOf(id);
  if (!base) return null;
  const o = baseAt(index, laNumber, base.indicator, period, asAt);
  if (!o) return null;
  if (o.marker === "c" || o.marker === "low")
    return `not scored: based on fewer than ${base.minimum} ${base.noun} (the count is published as "${o.marker}", too small to show)`;
  if (o.value !== null && o.value < base.minimum) return `not scored: based on fewer than ${base.minimum} ${base.noun} (${o.raw})`;
  return null;
}

/** Flags for one indicator from its point-in-time reading. */
function flagsForReading(
  index: RiskIndex,
  laNumber: string,
  reading: Reading,
  asAt: IsoDate,
  epoch: number,
): { flags: RiskFlag[]; notes: RiskNote[]; comparator: Comparator | null; unscored: string | null } {
  const { note, notes } = markerNote(reading);
  const current = reading.current;
  if (!current) return { flags: [], notes, comparator: null, unscored: null };
  const id = reading.indicatorId;
  const rules = INDICATOR_RULES[id];
  const cfg = rules.context;
  const area = areaOf(id);
  const v = current.value;

  // Small counts: the rate is not scored, and no flag rests on it.
  const small = smallCount(index, laNumber, id, current.period, asAt);
  if (small) {
    const text = `${capitalise(RISK_INDICATORS[id].shortLabel)}, ${periodLabel(id, current.period)}: ${formatRaw(id, current.raw)} — ${small}.`;
    return {
      flags: [],
      notes: [...notes, { indicatorId: id, period: current.period, marker: null, text }],
      comparator: null,
      unscored: small,
    };
  }

  const base = { indicatorId: id, area, value: v, raw: current.raw, period: current.period, note };
  const flags: RiskFlag[] = [];

  // 1. Level: the input that scores (a set level for agency staff; otherwise the position in England)
  const level = rules.level;
  if (level.kind === "set-level") {
    if (v >= level.amber) {
      const severity: Severity = v >= level.red ? "red" : "amber";
      const at = severity === "red" ? level.red : level.amber;
      const meaning = severity === "red" ? level.redMeaning : level.amberMeaning;
      flags.push(
        withBase(base, {
          context: null,
          kind: "threshold",
          severity,
          points: INPUT_POINTS[severity],
          comparator: { label: "set level", value: at },
          rule: ruleText(id, "threshold"),
          reason: `The ${label(id)} was ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}, at or above ${formatLevel(id, at)}: ${meaning}.`,
          levels: { amber: level.amber, red: level.red, direction: "higher" },
        }),
      );
    }
  } else {
    const cut = positionCutoffs(index, id, current.period, asAt, epoch);
    if (cut && worseOrEqual(v, cut.amber, cut.direction)) {
      const severity: Severity = worseOrEqual(v, cut.red, cut.direction) ? "red" : "amber";
      const share = severity === "red" ? level.redShare : level.amberShare;
      const at = severity === "red" ? cut.red : cut.amber;
      const word = cut.direction === "higher" ? "highest" : "lowest";
      flags.push(
        withBase(base, {
          context: null,
          kind: "position",
          severity,
          points: INPUT_POINTS[severity],
          comparator: { label: `England's ${word} ${Math.round(share * 100)}% start at`, value: at },
          rule: ruleText(id, "position"),
          levels: { amber: cut.amber, red: cut.red, direction: cut.direction },
          reason: `The ${label(id)} was ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}, among the ${word} ${Math.round(share * 100)}% of ${cut.count} authorities in England (${cut.direction === "higher" ? "at or above" : "at or below"} ${formatNumber(id, at)}).`,
        }),
      );
    }
  }
  if (!cfg) return { flags, notes, comparator: null, unscored: null };

  // 2. Context: relative to the comparator group, and over time. A new authority's part-year figure is
  // never compared with a full year.
  const comparator = comparatorMedian(index, laNumber, id, current.period, current, asAt);
  const from = index.authorities.get(laNumber)?.existsFrom ?? null;
  const partPeriod = from === null ? null : firstPartYear(index, laNumber, id, current.period);
  const previous = usable(reading.previous, current.period - 1, partPeriod);
  const twoBefore = usable(reading.twoBefore, current.period - 2, partPeriod);
  if (partPeriod !== null) {
    notes.push({
      indicatorId: id,
      period: partPeriod,
      marker: null,
      text: `${capitalise(RISK_INDICATORS[id].shortLabel)}, ${periodLabel(id, partPeriod)}: covers only part of a year (the authority began on ${formatIsoDate(from!)}), so it is not compared with a full year.`,
    });
  }
  if (comparator) {
    const gap = v - comparator.median;
    const whose = comparator.kind === "neighbours" ? "its statistical neighbours'" : `the ${comparator.label}'`;
    const cmp = {
      label: comparator.kind === "neighbours" ? "statistical-neighbour median" : `median of ${comparator.label}`,
      value: comparator.median,
    };
    if (gap >= cfg.neighbours.amber) {
      const severity: Severity = gap >= cfg.neighbours.red ? "red" : "amber";
      flags.push(
        withBase(base, {
          points: 0,
          context: CONTEXT_SENTENCE,
          levels: null,
          kind: "neighbours",
          severity,
          comparator: cmp,
          rule: ruleText(id, "neighbours"),
          reason: `The ${label(id)} was ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}, ${formatDifference(id, gap)} above ${whose} median of ${formatNumber(id, comparator.median)}.`,
        }),
      );
    }
    // Worse and worsening (as public health profiles do)
    if (previous !== null && gap >= cfg.worseAndWorsening.aboveBy && v - previous >= cfg.worseAndWorsening.risenBy) {
      flags.push(
        withBase(base, {
          points: 0,
          context: CONTEXT_SENTENCE,
          levels: null,
          kind: "worse-and-worsening",
          severity: "amber",
          comparator: cmp,
          rule: ruleText(id, "worse-and-worsening"),
          reason: `The ${label(id)} was ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}, worse than ${whose} median (${formatNumber(id, comparator.median)}) and up ${formatDifference(id, v - previous)} on the year before.`,
        }),
      );
    }
  }

  // Deterioration over one or two years: one flag, the worse of the two (red over amber, then the larger rise)
  const rise1 = previous !== null && v - previous >= cfg.deterioration.oneYear ? v - previous : null;
  const rise2 = twoBefore !== null && v - twoBefore >= cfg.deterioration.twoYears ? v - twoBefore : null;
  const red2 = rise2 !== null && rise2 >= cfg.deterioration.redTwoYears;
  const years: 1 | 2 | null = rise2 !== null && (red2 || rise1 === null || rise2 >= rise1) ? 2 : rise1 !== null ? 1 : null;
  if (years !== null) {
    const fromPeriod = current.period - years;
    const from = years === 2 ? twoBefore! : previous!;
    flags.push(
      withBase(base, {
        points: 0,
        context: CONTEXT_SENTENCE,
        levels: null,
        kind: "deterioration",
        severity: years === 2 && red2 ? "red" : "amber",
        comparator: { label: `${periodLabel(id, fromPeriod)} figure`, value: from },
        rule: ruleText(id, "deterioration"),
        reason: `The ${label(id)} rose by ${formatDifference(id, v - from)} in ${years === 1 ? "a year" : "two years"}, from ${formatNumber(id, from)} ${periodPhrase(id, fromPeriod)} to ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}.`,
      }),
    );
  }

  // Rising two years running (re-referrals, repeat plans) — not repeated when a deterioration flag already says it
  if (
    cfg.rising &&
    years === null &&
    previous !== null &&
    twoBefore !== null &&
    v > previous &&
    previous > twoBefore &&
    v - twoBefore >= cfg.rising.minTotal
  ) {
    flags.push(
      withBase(base, {
        points: 0,
        context: CONTEXT_SENTENCE,
        levels: null,
        kind: "rising",
        severity: "amber",
        comparator: { label: `${periodLabel(id, current.period - 2)} figure`, value: twoBefore },
        rule: ruleText(id, "rising"),
        reason: `The ${label(id)} has risen two years running, from ${formatNumber(id, twoBefore)} ${periodPhrase(id, current.period - 2)} to ${formatRaw(id, current.raw)} ${periodPhrase(id, current.period)}.`,
      }),
    );
  }
  return { flags, notes, comparator, unscored: null };
}

/** All flags for one LA at a date, reddest first. */
export function evaluateFlags(index: RiskIndex, laNumber: string, periods: KnownPeriods, asAt: IsoDate): FlagResult {
  const flags: RiskFlag[] = [];
  const notes: RiskNote[] = [];
  const readings: Reading[] = [];
  const comparators: FlagResult["comparators"] = {};
  const unscored: FlagResult["unscored"] = {};
  const epoch = revisionEpoch(index, asAt);
  for (const id of RISK_INDICATOR_IDS) {
    const reading = readIndicator(index, laNumber, id, periods, asAt);
    readings.push(reading);
    const r = flagsForReading(index, laNumber, reading, asAt, epoch);
    flags.push(...r.flags);
    notes.push(...r.notes);
    if (r.comparator) comparators[id] = r.comparator;
    if (r.unscored) unscored[id] = r.unscored;
  }
  // scoring flags first, then reddest
  flags.sort((a, b) => b.points - a.points || SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  return { flags, notes, readings, comparators, unscored };
}
