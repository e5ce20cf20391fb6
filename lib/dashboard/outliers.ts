// Values so far from the rest that they would squash an all-LA chart (Isles of Scilly's 100% agency
// rate): beyond Q3 + 3 × IQR. They stay in the data and the table; the chart marks them off-scale.
function quartiles(sorted: readonly number[]): { q1: number; q3: number } {
  const at = (p: number) => {
    const i = (sorted.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
  };
  return { q1: at(0.25), q3: at(0.75) };
}

export function offScaleLimit(values: readonly number[]): number | null {
  if (values.length < 8) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const { q1, q3 } = quartiles(sorted);
  const limit = q3 + 3 * (q3 - q1);
  return sorted.at(-1)! > limit ? limit : null;
}
