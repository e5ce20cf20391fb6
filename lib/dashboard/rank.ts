// National ranks and quartile bands. A joint return (one published figure for two LAs) is one
// ranking unit; markers and missing figures are not ranked. Ties share the best rank ("1, 2, 2, 4").
import type { LaFigure, Polarity } from "./types";

type RankUnit = { key: string; laNumbers: string[]; value: number; jointReturnId: string | null };
export type RankEntry = { rank: number; of: number; tied: boolean; quartile: 1 | 2 | 3 | 4 };

/** Groups LA figures into ranking units: one per joint return, else one per LA. Markers are left out. */
export function rankingUnits(figures: readonly LaFigure[]): RankUnit[] {
  const units = new Map<string, RankUnit>();
  for (const f of figures) {
    if (f.value === null || f.marker !== null) continue;
    const key = f.jointReturnId ?? f.laNumber;
    const unit = units.get(key);
    if (unit) unit.laNumbers.push(f.laNumber);
    else units.set(key, { key, laNumbers: [f.laNumber], value: f.value, jointReturnId: f.jointReturnId });
  }
  return [...units.values()];
}

/** Rank 1 is the best value (lowest when higher is worse, highest when higher is better); for a
 * neutral measure rank 1 is simply the lowest value. */
function rankDirection(polarity: Polarity): "ascending" | "descending" {
  return polarity === "HIGHER_IS_BETTER" ? "descending" : "ascending";
}

/** Quartile of a rank among n: ranks 1…n split into four bands as evenly as possible. */
export function quartileOf(rank: number, n: number): 1 | 2 | 3 | 4 {
  if (n <= 0 || rank < 1) throw new Error(`bad rank ${rank} of ${n}`);
  return Math.min(4, Math.floor((4 * (rank - 1)) / n) + 1) as 1 | 2 | 3 | 4;
}

/** Ranks every LA with a numeric figure; members of a joint return share their unit's rank. */
export function rankAuthorities(figures: readonly LaFigure[], polarity: Polarity): Map<string, RankEntry> {
  const units = rankingUnits(figures);
  const sign = rankDirection(polarity) === "ascending" ? 1 : -1;
  const sorted = [...units].sort((a, b) => sign * (a.value - b.value));
  const n = sorted.length;
  const result = new Map<string, RankEntry>();
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const unit = sorted[i]!;
    if (i === 0 || sorted[i - 1]!.value !== unit.value) rank = i + 1;
    const tied = (i > 0 && sorted[i - 1]!.value === unit.value) || (i < n - 1 && sorted[i + 1]!.value === unit.value);
    for (const la of unit.laNumbers) result.set(la, { rank, of: n, tied, quartile: quartileOf(rank, n) });
  }
  return result;
}

/** Ranks already worked out, per figures map of the snapshot (a new release is a new snapshot with new maps). */
const rankedFigures = new WeakMap<ReadonlyMap<string, LaFigure>, Map<Polarity, Map<string, RankEntry>>>();

/**
 * rankAuthorities of one indicator's figures for one period (the snapshot's own map of them), worked out
 * once and then shared by every LA's dashboard built from that snapshot: each dashboard ranks 30+ cards
 * and a comparison, each a sort of 150 figures (issue 19 item 4: precompute per data release).
 */
export function ranksOf(byLa: ReadonlyMap<string, LaFigure>, polarity: Polarity): ReadonlyMap<string, RankEntry> {
  let byPolarity = rankedFigures.get(byLa);
  if (!byPolarity) rankedFigures.set(byLa, (byPolarity = new Map()));
  let ranks = byPolarity.get(polarity);
  if (!ranks) byPolarity.set(polarity, (ranks = rankAuthorities([...byLa.values()], polarity)));
  return ranks;
}

/** "Best 25%" … "Worst 25%" when the measure has a direction; "Lowest 25%" … "Highest 25%" when neutral. */
export function quartileLabel(
  quartile: 1 | 2 | 3 | 4,
  polarity: Polarity,
): { label: string; assessment: "better" | "worse" | "middle" | null } {
  if (polarity === "NEUTRAL") {
    return {
      label: ["Lowest 25% of authorities", "Second-lowest 25%", "Second-highest 25%", "Highest 25% of authorities"][quartile - 1]!,
      assessment: null,
    };
  }
  const label = ["Best 25% of authorities", "Second-best 25%", "Second-worst 25%", "Worst 25% of authorities"][quartile - 1]!;
  return { label, assessment: quartile === 1 ? "better" : quartile === 4 ? "worse" : "middle" };
}

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${s}`;
}
