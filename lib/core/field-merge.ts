// Three-way merge of a record's fields (docs/decisions/0015-field-merge.md): what the person started
// from (base), what is saved now (theirs) and what they submitted (yours), each as the text the form
// shows. Pure, no I/O; used by the plan action, plan details and triage saves.
//
// Per field:
// - yours equals theirs             → theirs (nobody changed it, or both made the same change);
// - base unknown                    → conflict (we cannot tell who changed it);
// - yours equals base               → theirs (only they changed it: kept);
// - theirs equals base              → yours (only you changed it: applied);
// - all three differ                → conflict (both changed it differently).
// Line endings are compared as "\n" (browsers post textarea text with "\r\n").

export type FieldConflict<F extends string> = { field: F; base: string | null; theirs: string; yours: string };

export type FieldMerge<F extends string> = {
  /** The values to save (no conflicts) or to show in the form (conflicting fields hold yours). */
  merged: Record<F, string>;
  conflicts: FieldConflict<F>[];
  /** Fields only the other side changed: their values were kept. */
  keptTheirs: F[];
  /** Fields only you changed: your values were applied. */
  appliedYours: F[];
};

export function sameFieldValue(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, "\n") === b.replace(/\r\n?/g, "\n");
}

export function mergeFields<F extends string>(
  fields: readonly F[],
  base: Partial<Record<F, string>> | null,
  theirs: Record<F, string>,
  yours: Record<F, string>,
): FieldMerge<F> {
  const merged = {} as Record<F, string>;
  const conflicts: FieldConflict<F>[] = [];
  const keptTheirs: F[] = [];
  const appliedYours: F[] = [];
  for (const field of fields) {
    const t = theirs[field];
    const y = yours[field];
    const b = base?.[field];
    if (sameFieldValue(y, t)) merged[field] = t;
    else if (b === undefined) {
      merged[field] = y;
      conflicts.push({ field, base: null, theirs: t, yours: y });
    } else if (sameFieldValue(y, b)) {
      merged[field] = t;
      keptTheirs.push(field);
    } else if (sameFieldValue(t, b)) {
      merged[field] = y;
      appliedYours.push(field);
    } else {
      merged[field] = y;
      conflicts.push({ field, base: b, theirs: t, yours: y });
    }
  }
  return { merged, conflicts, keptTheirs, appliedYours };
}

/** Largest `original` a form may carry (a plan action's text fields add up to well under this). */
const MAX_BASE_CHARS = 100_000;

/**
 * The base a form carried as one hidden JSON field (`original`), read defensively: it comes from the
 * browser, so it only ever steers the merge (it grants nothing — authorisation and validation are
 * unchanged). Anything that is not a JSON object of strings is ignored field by field; a missing or
 * unreadable base is null, and every field that differs is then a conflict.
 */
export function parseBase<F extends string>(fields: readonly F[], raw: unknown): Partial<Record<F, string>> | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_BASE_CHARS) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = Object.hasOwn(parsed, field) ? (parsed as Record<string, unknown>)[field] : undefined;
    // PostgreSQL text cannot hold U+0000, so no saved value has one: such a base is not a real one.
    if (typeof value === "string" && !value.includes("\u0000")) out[field] = value;
  }
  return out;
}

/** The base a form carries: the listed fields of the values it was drawn from, as one JSON string. */
export function serialiseBase<F extends string>(fields: readonly F[], values: Partial<Record<F, string>>): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f, values[f] ?? ""])));
}

/** "due date", "title and due date", "title, owner and due date". */
export function listOfWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
