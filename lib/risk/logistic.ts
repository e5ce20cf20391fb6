// L2-regularised logistic regression by Newton's method (iteratively reweighted least squares).
// Used only as the backtest's fitted comparator for the points score (decision 0007).

export type LogisticModel = {
  /** intercept first, then one weight per standardised feature */
  weights: number[];
  /** per-feature centre, scale and the value used when a feature is missing (training median) */
  centre: number[];
  scale: number[];
  fill: number[];
};

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]!;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-12 ? 0 : row[n]! / row[i]!));
}

function columnStats(rows: readonly (readonly (number | null)[])[], j: number) {
  const present = rows
    .map((r) => r[j])
    .filter((v): v is number => v !== null && v !== undefined)
    .sort((a, b) => a - b);
  const fill = present.length ? present[present.length >> 1]! : 0;
  const filled = rows.map((r) => r[j] ?? fill);
  const mean = filled.reduce((s, v) => s + v, 0) / Math.max(1, filled.length);
  const sd = Math.sqrt(filled.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, filled.length));
  return { fill, mean, sd: sd > 1e-9 ? sd : 1 };
}

/** Fits on rows of features (null = missing, filled with the training median) and yes/no labels. */
export function fitLogistic(rows: readonly (readonly (number | null)[])[], labels: readonly boolean[], penalty: number): LogisticModel {
  const p = rows[0]?.length ?? 0;
  const stats = Array.from({ length: p }, (_, j) => columnStats(rows, j));
  const x = rows.map((r) => [1, ...r.map((v, j) => ((v ?? stats[j]!.fill) - stats[j]!.mean) / stats[j]!.sd)]);
  const w = new Array<number>(p + 1).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = new Array<number>(p + 1).fill(0);
    const h = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    x.forEach((xi, i) => {
      const z = xi.reduce((s, v, j) => s + v * w[j]!, 0);
      const mu = 1 / (1 + Math.exp(-z));
      const residual = (labels[i] ? 1 : 0) - mu;
      const s = mu * (1 - mu);
      for (let j = 0; j <= p; j++) {
        g[j]! += residual * xi[j]!;
        for (let k = 0; k <= p; k++) h[j]![k]! += s * xi[j]! * xi[k]!;
      }
    });
    for (let j = 1; j <= p; j++) {
      g[j]! -= penalty * w[j]!;
      h[j]![j]! += penalty;
    }
    const step = solve(h, g);
    let largest = 0;
    step.forEach((d, j) => {
      w[j]! += d;
      largest = Math.max(largest, Math.abs(d));
    });
    if (largest < 1e-8) break;
  }
  return { weights: w, centre: stats.map((s) => s.mean), scale: stats.map((s) => s.sd), fill: stats.map((s) => s.fill) };
}

/** Linear predictor (log-odds) for one row. */
export function logisticScore(model: LogisticModel, row: readonly (number | null)[]): number {
  return row.reduce<number>(
    (s, v, j) => s + model.weights[j + 1]! * (((v ?? model.fill[j]!) - model.centre[j]!) / model.scale[j]!),
    model.weights[0]!,
  );
}
