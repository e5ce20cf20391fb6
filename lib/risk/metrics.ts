// Evaluation metrics for the backtest: ROC AUC (ties count half), a cluster bootstrap interval, and
// precision/recall of a yes/no flag. Deterministic: the bootstrap uses a seeded generator.

/** Mulberry32: a small, fast, seedable PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Items sorted once by score, tied scores grouped, so weighted AUCs are a single pass. */
type Prepared = { groups: { positives: number[]; negatives: number[] }[] };

function prepare(scores: readonly number[], labels: readonly boolean[]): Prepared {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const groups: Prepared["groups"] = [];
  let last = Number.NaN;
  for (const i of order) {
    if (scores[i] !== last || groups.length === 0) {
      groups.push({ positives: [], negatives: [] });
      last = scores[i]!;
    }
    const g = groups[groups.length - 1]!;
    (labels[i] ? g.positives : g.negatives).push(i);
  }
  return { groups };
}

/** AUC with each item weighted (bootstrap multiplicities); NaN when a class is empty. */
function weightedAuc(p: Prepared, weight: (i: number) => number): number {
  let negBelow = 0;
  let sum = 0;
  let wPos = 0;
  let wNeg = 0;
  for (const g of p.groups) {
    let gp = 0;
    let gn = 0;
    for (const i of g.positives) gp += weight(i);
    for (const i of g.negatives) gn += weight(i);
    sum += gp * (negBelow + gn / 2);
    negBelow += gn;
    wPos += gp;
    wNeg += gn;
  }
  return wPos > 0 && wNeg > 0 ? sum / (wPos * wNeg) : Number.NaN;
}

/** ROC AUC: the chance a random adverse case scores above a random other one (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  return weightedAuc(prepare(scores, labels), () => 1);
}

export type Interval = { low: number; high: number };

/**
 * Percentile bootstrap interval for the AUC, resampling whole clusters (authorities: two inspections
 * of one LA are not independent). Resamples with only one class are skipped.
 */
export function bootstrapAuc(
  scores: readonly number[],
  labels: readonly boolean[],
  clusters: readonly string[],
  options: { resamples: number; seed: number; level?: number },
): Interval {
  const p = prepare(scores, labels);
  const ids = [...new Set(clusters)];
  const members = new Map<string, number[]>();
  clusters.forEach((c, i) => members.set(c, [...(members.get(c) ?? []), i]));
  const random = seededRandom(options.seed);
  const weights = new Float64Array(scores.length);
  const aucs: number[] = [];
  for (let r = 0; r < options.resamples; r++) {
    weights.fill(0);
    for (let k = 0; k < ids.length; k++) {
      const pick = ids[Math.floor(random() * ids.length)]!;
      for (const i of members.get(pick)!) weights[i]! += 1;
    }
    const a = weightedAuc(p, (i) => weights[i]!);
    if (!Number.isNaN(a)) aucs.push(a);
  }
  aucs.sort((a, b) => a - b);
  const level = options.level ?? 0.95;
  const at = (q: number) => aucs[Math.min(aucs.length - 1, Math.max(0, Math.round(q * (aucs.length - 1))))] ?? Number.NaN;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2) };
}

export type Confusion = { flagged: number; hits: number; adverse: number; precision: number; recall: number };

/** Precision (share of flagged that were adverse) and recall (share of adverse that were flagged). */
export function precisionRecall(flagged: readonly boolean[], labels: readonly boolean[]): Confusion {
  let f = 0;
  let hits = 0;
  let adverse = 0;
  flagged.forEach((x, i) => {
    if (x) f += 1;
    if (labels[i]) adverse += 1;
    if (x && labels[i]) hits += 1;
  });
  return { flagged: f, hits, adverse, precision: f ? hits / f : Number.NaN, recall: adverse ? hits / adverse : Number.NaN };
}

/** The score at or above which an item is in the top `share` (ties at the cut are all in). */
export function topShareCutoff(scores: readonly number[], share: number): number {
  const sorted = [...scores].sort((a, b) => b - a);
  const k = Math.max(1, Math.ceil(sorted.length * share));
  return sorted[k - 1] ?? Number.POSITIVE_INFINITY;
}
