// What moved an LA's score since the last release of the figures it reads: the score the day before
// that release became known and now, factor by factor. Pure.
import { RISK_SERIES_IDS, type RiskArea } from "./config";
import { publishedOn } from "./publication";
import type { ScoreFactor } from "./score";
import { knownPeriods, type RiskIndex } from "./series";
import type { IsoDate } from "./types";

export type ScoreMove = { label: string; area: RiskArea; before: number; now: number; reason: string | null };
export type ScoreMoves = { since: IsoDate; before: number; now: number; moves: ScoreMove[] };

/** The day the newest release of a series the engine reads was published before `asAt` (null when none). */
export function lastReleaseDay(index: RiskIndex, asAt: IsoDate): IsoDate | null {
  const periods = knownPeriods(index, asAt);
  let last: IsoDate | null = null;
  for (const s of RISK_SERIES_IDS) {
    if (!Number.isFinite(periods[s])) continue;
    const d = publishedOn(s, periods[s]);
    if (d < asAt && (last === null || d > last)) last = d;
  }
  return last;
}

/** Factor by factor, what differs between two assessments of one LA (labels match factors). */
export function scoreMoves(
  since: IsoDate,
  before: { score: number; factors: readonly ScoreFactor[] },
  now: { score: number; factors: readonly ScoreFactor[] },
): ScoreMoves {
  const was = new Map(before.factors.map((f) => [f.label, f]));
  const is = new Map(now.factors.map((f) => [f.label, f]));
  const moves: ScoreMove[] = [];
  for (const [label, f] of is) {
    const b = was.get(label)?.points ?? 0;
    if (b !== f.points) moves.push({ label, area: f.area, before: b, now: f.points, reason: f.reason });
  }
  for (const [label, f] of was) if (!is.has(label)) moves.push({ label, area: f.area, before: f.points, now: 0, reason: null });
  moves.sort((a, b) => Math.abs(b.now - b.before) - Math.abs(a.now - a.before));
  return { since, before: before.score, now: now.score, moves };
}
