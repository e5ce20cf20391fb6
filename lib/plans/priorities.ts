// Pure rules for a plan's ordered priorities: moving one up or down, and numbering them 1..n again
// after a move or a removal (so "Priority 2" on the page, the report and the CSV has no gaps).

type OrderedPriority = { id: string; order: number };

type MoveResult = { ok: true; ids: string[] } | { ok: false; reason: "missing" | "first" | "last" };

/** The priorities' ids in their new order after moving `id` one place up or down. */
export function movePriority(priorities: readonly OrderedPriority[], id: string, direction: "up" | "down"): MoveResult {
  const ids = [...priorities].sort((a, b) => a.order - b.order).map((p) => p.id);
  const at = ids.indexOf(id);
  if (at === -1) return { ok: false, reason: "missing" };
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0) return { ok: false, reason: "first" };
  if (to >= ids.length) return { ok: false, reason: "last" };
  [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  return { ok: true, ids };
}

/** The updates needed so the priorities in `ids` are numbered 1..n in that order (only those whose number changes). */
export function renumber(current: readonly OrderedPriority[], ids: readonly string[]): { id: string; order: number }[] {
  const now = new Map(current.map((p) => [p.id, p.order]));
  return ids.flatMap((id, i) => (now.get(id) === i + 1 ? [] : [{ id, order: i + 1 }]));
}
