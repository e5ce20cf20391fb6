// One LA, or all LAs, assessed at a date: flags, notes, score with its factors, the figures shown,
// and the latest Ofsted judgement public at that date. Pure; memoised per "information epoch"
// (the set of periods known), because nothing else the engine reads changes between publications.
import { RISK_INDICATOR_IDS, RISK_SERIES_IDS, type RiskIndicatorId } from "./config";
import { knownInspections } from "./publication";
import { evaluateFlags, type FlagResult, type RiskFlag, type RiskNote } from "./rules";
import { historyFlags, scoreAssessment, type HistoryFlag, type ScoreFactor } from "./score";
import { existedOn, knownPeriods, revisionEpoch, type KnownPeriods, type RiskIndex } from "./series";
import type { AuthorityInfo, GradedInspection, IsoDate, MarkerCode } from "./types";
import { judgementsOf } from "@/lib/catalogue/judgements";

/** The newest figure known for an indicator: a number, or a marker shown as such. */
export type ShownFigure = { period: number; value: number | null; marker: MarkerCode | null; raw: string; jointReturnId: string | null };

export type LaAssessment = {
  laNumber: string;
  name: string;
  regionCode: string;
  regionName: string;
  asAt: IsoDate;
  score: number;
  factors: ScoreFactor[];
  flags: RiskFlag[];
  /** inspection-history inputs at amber or red (they score, like the indicator flags) */
  history: HistoryFlag[];
  notes: RiskNote[];
  /** indicators whose figure is not scored (small count), with the reason */
  unscored: FlagResult["unscored"];
  figures: Record<RiskIndicatorId, ShownFigure | null>;
  /** the numbers the rules used (null when there was none — a marker is never a number) */
  values: Record<RiskIndicatorId, number | null>;
  /** the comparator median each number was compared with, when there was one */
  medians: Record<RiskIndicatorId, number | null>;
  /** the workforce joint return the LA's newest workforce figures belong to, if any (count once in distributions) */
  jointReturnId: string | null;
  /** the latest graded inspection whose outcome was public at `asAt` */
  lastInspection: Pick<
    GradedInspection,
    "inspectionDate" | "publicationDate" | "overall" | "leadership" | "helpAndProtection" | "childrenInCare" | "careLeavers"
  > | null;
};

/** Identifies the information available at a date: equal keys → identical flags and scores. */
function epochKey(index: RiskIndex, periods: KnownPeriods, asAt: IsoDate): string {
  const sn = index.dataset.neighbours;
  let key = "";
  for (const s of RISK_SERIES_IDS) key += `${periods[s]}|`;
  return `${key}${sn && sn.publishedOn < asAt ? 1 : 0}|${index.revisionDates.length ? revisionEpoch(index, asAt) : 0}`;
}

export type AssessmentCore = Omit<LaAssessment, "asAt" | "lastInspection">;
/** What depends only on the figures known (memoised per epoch): everything but the inspection history. */
type Core = Omit<AssessmentCore, "history">;

function assessCore(index: RiskIndex, la: AuthorityInfo, periods: KnownPeriods, asAt: IsoDate): Core {
  const result = evaluateFlags(index, la.laNumber, periods, asAt);
  const { score, factors } = scoreAssessment(result);
  const figures = {} as Record<RiskIndicatorId, ShownFigure | null>;
  const values = {} as Record<RiskIndicatorId, number | null>;
  const medians = {} as Record<RiskIndicatorId, number | null>;
  for (const reading of result.readings) {
    values[reading.indicatorId] = reading.current?.value ?? null;
    medians[reading.indicatorId] = result.comparators[reading.indicatorId]?.median ?? null;
    const newest = reading.markers[0] ?? reading.current;
    figures[reading.indicatorId] = newest
      ? { period: newest.period, value: newest.value, marker: newest.marker, raw: newest.raw, jointReturnId: newest.jointReturnId }
      : null;
  }
  const jointReturnId = RISK_INDICATOR_IDS.map((id) => figures[id]?.jointReturnId ?? null).find((j) => j !== null) ?? null;
  return {
    laNumber: la.laNumber,
    name: la.name,
    regionCode: la.regionCode,
    regionName: la.regionName,
    score,
    factors,
    flags: result.flags,
    notes: result.notes,
    unscored: result.unscored,
    figures,
    values,
    medians,
    jointReturnId,
  };
}

function lastInspection(index: RiskIndex, laNumber: string, asAt: IsoDate): LaAssessment["lastInspection"] {
  const known = knownInspections(index.inspections.get(laNumber) ?? [], asAt);
  const last = known.at(-1);
  return last
    ? {
        inspectionDate: last.inspectionDate,
        publicationDate: last.publicationDate,
        ...judgementsOf(last),
      }
    : null;
}

/** The core plus the inspection history known at `asAt`: the full score. */
function withHistory(index: RiskIndex, c: Core, asAt: IsoDate): AssessmentCore {
  const history = historyFlags(index, c.laNumber, asAt);
  if (history.length === 0) return { ...c, history };
  const { score, factors } = scoreAssessment(c, history);
  return { ...c, history, score, factors };
}

/**
 * An assessor memoises per-LA results by information epoch: the backtest asks for hundreds of dates
 * but there are only about two new publications a year.
 */
export function createAssessor(index: RiskIndex) {
  const cache = new Map<string, Map<string, Core>>();
  const dates = new Map<IsoDate, { periods: KnownPeriods; key: string }>();
  function core(la: AuthorityInfo, asAt: IsoDate): Core {
    let date = dates.get(asAt);
    if (!date) {
      const p = knownPeriods(index, asAt);
      dates.set(asAt, (date = { periods: p, key: epochKey(index, p, asAt) }));
    }
    const { periods, key } = date;
    let epoch = cache.get(key);
    if (!epoch) cache.set(key, (epoch = new Map()));
    let c = epoch.get(la.laNumber);
    if (!c) epoch.set(la.laNumber, (c = assessCore(index, la, periods, asAt)));
    return c;
  }
  return {
    /** One LA at a date (whether or not it existed then). */
    assess(laNumber: string, asAt: IsoDate): LaAssessment | null {
      const la = index.authorities.get(laNumber);
      if (!la) return null;
      return { ...withHistory(index, core(la, asAt), asAt), asAt, lastInspection: lastInspection(index, laNumber, asAt) };
    },
    /** Every LA that existed on the date, highest score first (then by name). */
    assessAll(asAt: IsoDate): LaAssessment[] {
      return index.dataset.authorities
        .filter((la) => existedOn(la, asAt))
        .map((la) => ({ ...withHistory(index, core(la, asAt), asAt), asAt, lastInspection: lastInspection(index, la.laNumber, asAt) }))
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    },
    /** Flags, score and figures (no inspection lookup) of every LA that existed on the date. */
    crossSection(asAt: IsoDate): AssessmentCore[] {
      return index.dataset.authorities.filter((la) => existedOn(la, asAt)).map((la) => withHistory(index, core(la, asAt), asAt));
    },
  };
}

export type Assessor = ReturnType<typeof createAssessor>;

/** Distinct reporting units: an LA pair sharing a joint workforce return counts once. */
export function distinctUnits<T extends { jointReturnId: string | null }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    if (!i.jointReturnId) return true;
    if (seen.has(i.jointReturnId)) return false;
    seen.add(i.jointReturnId);
    return true;
  });
}
