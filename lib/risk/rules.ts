// The flag rules. Each flag says which indicator, the figure and its period, what it was compared
// with, the rule, a severity and one sentence a Director of Children's Services can read aloud.
// All numbers come from config.ts; markers are never numbers (series.ts).
import { INDICATOR_RULES, RISK_INDICATOR_IDS, RISK_INDICATORS, type RiskIndicatorId } from "./config";
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
import { comparatorMedian, isNumeric, readIndicator, type Comparator, type KnownPeriods, type Reading, type RiskIndex } from "./series";
import type { IsoDate, MarkerCode } from "./types";

export const FLAG_KINDS = ["threshold", "neighbours", "worse-and-worsening", "deterioration", "rising"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type Severity = "red" | "amber";

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  threshold: "At or above a set level",
  neighbours: "Worse than statistical neighbours",
  "worse-and-worsening": "Worse and worsening",
  deterioration: "Sharp deterioration",
  rising: "Rising two years running",
};

export type RiskFlag = {
  indicatorId: RiskIndicatorId;
  kind: FlagKind;
  severity: Severity;
  /** the figure that raised the flag, and its published text */
  value: number;
  raw: string;
  period: number;
  /** what it was compared with: a median, an earlier figure, or a fixed level */
  comparator: { label: string; value: number } | null;
  /** the rule in words, with its numbers */
  rule: string;
  /** one sentence */
  reason: string;
  /** set when the newest figure is a marker and this flag rests on the figure before it */
  note: string | null;
};

/** A published marker where a number would be: shown to the user, never used as a number. */
export type RiskNote = { indicatorId: RiskIndicatorId; period: number; marker: MarkerCode | null; text: string };

export type FlagResult = {
  flags: RiskFlag[];
  notes: RiskNote[];
  readings: Reading[];
  comparators: Partial<Record<RiskIndicatorId, Comparator>>;
};

const SEVERITY_ORDER: Record<Severity, number> = { red: 2, amber: 1 };

/** The rule in words for an indicator and kind of flag (from config.ts; built once). */
function ruleText(id: RiskIndicatorId, kind: FlagKind): string {
  const key = `${id}|${kind}`;
  let text = RULE_TEXTS.get(key);
  if (text === undefined) {
    const cfg = INDICATOR_RULES[id];
    const d = (x: number) => formatDifference(id, x);
    text =
      kind === "threshold"
        ? `${formatLevel(id, cfg.threshold.amber)} or more is amber, ${formatLevel(id, cfg.threshold.red)} or more is red`
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

/** Flags for one indicator from its point-in-time reading. */
function flagsForReading(
  index: RiskIndex,
  laNumber: string,
  reading: Reading,
  asAt: IsoDate,
): { flags: RiskFlag[]; notes: RiskNote[]; comparator: Comparator | null } {
  const { note, notes } = markerNote(reading);
  const current = reading.current;
  if (!current) return { flags: [], notes, comparator: null };
  const id = reading.indicatorId;
  const cfg = INDICATOR_RULES[id];
  const v = current.value;
  const shown = formatRaw(id, current.raw);
  const when = periodPhrase(id, current.period);
  const base = { indicatorId: id, value: v, raw: current.raw, period: current.period, note };
  const flags: RiskFlag[] = [];

  // 1. Level
  if (v >= cfg.threshold.amber) {
    const severity: Severity = v >= cfg.threshold.red ? "red" : "amber";
    const level = severity === "red" ? cfg.threshold.red : cfg.threshold.amber;
    const meaning = severity === "red" ? cfg.threshold.redMeaning : cfg.threshold.amberMeaning;
    flags.push({
      ...base,
      kind: "threshold",
      severity,
      comparator: { label: "set level", value: level },
      rule: ruleText(id, "threshold"),
      reason: `The ${label(id)} was ${shown} ${when}, at or above ${formatLevel(id, level)}: ${meaning}.`,
    });
  }

  // 2. Relative to the comparator group
  const comparator = comparatorMedian(index, laNumber, id, current.period, current, asAt);
  const previous = isNumeric(reading.previous ?? undefined) ? reading.previous!.value! : null;
  const twoBefore = isNumeric(reading.twoBefore ?? undefined) ? reading.twoBefore!.value! : null;
  if (comparator) {
    const gap = v - comparator.median;
    const whose = comparator.kind === "neighbours" ? "its statistical neighbours'" : `the ${comparator.label}'`;
    const cmp = {
      label: comparator.kind === "neighbours" ? "statistical-neighbour median" : `median of ${comparator.label}`,
      value: comparator.median,
    };
    if (gap >= cfg.neighbours.amber) {
      const severity: Severity = gap >= cfg.neighbours.red ? "red" : "amber";
      flags.push({
        ...base,
        kind: "neighbours",
        severity,
        comparator: cmp,
        rule: ruleText(id, "neighbours"),
        reason: `The ${label(id)} was ${shown} ${when}, ${formatDifference(id, gap)} above ${whose} median of ${formatNumber(id, comparator.median)}.`,
      });
    }
    // 3. Worse and worsening (as public health profiles do)
    if (previous !== null && gap >= cfg.worseAndWorsening.aboveBy && v - previous >= cfg.worseAndWorsening.risenBy) {
      flags.push({
        ...base,
        kind: "worse-and-worsening",
        severity: "amber",
        comparator: cmp,
        rule: ruleText(id, "worse-and-worsening"),
        reason: `The ${label(id)} was ${shown} ${when}, worse than ${whose} median (${formatNumber(id, comparator.median)}) and up ${formatDifference(id, v - previous)} on the year before.`,
      });
    }
  }

  // 4. Deterioration over one or two years: one flag, the worse of the two (red over amber, then the larger rise)
  const rise1 = previous !== null && v - previous >= cfg.deterioration.oneYear ? v - previous : null;
  const rise2 = twoBefore !== null && v - twoBefore >= cfg.deterioration.twoYears ? v - twoBefore : null;
  const red2 = rise2 !== null && rise2 >= cfg.deterioration.redTwoYears;
  const years: 1 | 2 | null = rise2 !== null && (red2 || rise1 === null || rise2 >= rise1) ? 2 : rise1 !== null ? 1 : null;
  if (years !== null) {
    const fromPeriod = current.period - years;
    const from = years === 2 ? twoBefore! : previous!;
    flags.push({
      ...base,
      kind: "deterioration",
      severity: years === 2 && red2 ? "red" : "amber",
      comparator: { label: `${periodLabel(id, fromPeriod)} figure`, value: from },
      rule: ruleText(id, "deterioration"),
      reason: `The ${label(id)} rose by ${formatDifference(id, v - from)} in ${years === 1 ? "a year" : "two years"}, from ${formatNumber(id, from)} ${periodPhrase(id, fromPeriod)} to ${shown} ${when}.`,
    });
  }

  // 5. Rising two years running (re-referrals, repeat plans) — not repeated when a deterioration flag already says it
  if (
    cfg.rising &&
    years === null &&
    previous !== null &&
    twoBefore !== null &&
    v > previous &&
    previous > twoBefore &&
    v - twoBefore >= cfg.rising.minTotal
  ) {
    flags.push({
      ...base,
      kind: "rising",
      severity: "amber",
      comparator: { label: `${periodLabel(id, current.period - 2)} figure`, value: twoBefore },
      rule: ruleText(id, "rising"),
      reason: `The ${label(id)} has risen two years running, from ${formatNumber(id, twoBefore)} ${periodPhrase(id, current.period - 2)} to ${shown} ${when}.`,
    });
  }
  return { flags, notes, comparator };
}

/** All flags for one LA at a date, reddest first. */
export function evaluateFlags(index: RiskIndex, laNumber: string, periods: KnownPeriods, asAt: IsoDate): FlagResult {
  const flags: RiskFlag[] = [];
  const notes: RiskNote[] = [];
  const readings: Reading[] = [];
  const comparators: FlagResult["comparators"] = {};
  for (const id of RISK_INDICATOR_IDS) {
    const reading = readIndicator(index, laNumber, id, periods);
    readings.push(reading);
    const r = flagsForReading(index, laNumber, reading, asAt);
    flags.push(...r.flags);
    notes.push(...r.notes);
    if (r.comparator) comparators[id] = r.comparator;
  }
  flags.sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  return { flags, notes, readings, comparators };
}
