// Column matching by meaning. A newer release may rename a column (case, spaces, "percent" →
// "percentage"); we normalise both sides and accept the mapping only when it is unambiguous.
import { INDICATORS, sourceColumns, type CatalogueIndicator as IndicatorDef, type SeriesId } from "@/lib/catalogue";

const TOKEN_SYNONYMS: Record<string, string> = {
  percentage: "percent",
  pct: "percent",
  perc: "percent",
  rerefs: "re_referrals",
  rereferrals: "re_referrals",
  rereferral: "re_referrals",
  re_referral: "re_referrals",
  headcnt: "headcount",
  hc: "headcount",
  anypoint: "anypoint",
  at_31: "at31",
};

/** "Re-referrals (%)" → "re_referrals_percent"; "Agency Rate FTE" → "agency_rate_fte". */
export function normalizeColumn(name: string): string {
  const base = name
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/%/g, " percent ")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  const joined = base.replace(/\bre_referral(s?)\b/g, "re_referrals").replace(/\bat_31\b/g, "at31");
  return joined
    .split("_")
    .map((t) => TOKEN_SYNONYMS[t] ?? t)
    .join("_")
    .replace(/_+/g, "_");
}

/** Key columns every EES tidy file has, with the names they have been published under. */
export const KEY_COLUMNS = {
  time_period: ["time_period", "year", "period"],
  time_identifier: ["time_identifier"],
  geographic_level: ["geographic_level", "geography_level", "level"],
  country_code: ["country_code"],
  region_code: ["region_code"],
  region_name: ["region_name"],
  old_la_code: ["old_la_code", "la_number", "la_code_old", "dfe_la_code"],
  new_la_code: ["new_la_code", "la_code", "ons_la_code", "la_code_new"],
  la_name: ["la_name", "local_authority_name", "local_authority"],
} as const;

export type KeyColumn = keyof typeof KEY_COLUMNS;
export const REQUIRED_KEYS: readonly KeyColumn[] = [
  "time_period",
  "geographic_level",
  "region_code",
  "region_name",
  "old_la_code",
  "new_la_code",
  "la_name",
];
/** Descriptive columns that carry no measure: ignored without a warning. */
const DESCRIPTIVE = new Set(["time_identifier", "country_code", "country_name", "category", "age_group"]);

export type ColumnMapping = {
  series: SeriesId;
  keys: Partial<Record<KeyColumn, number>>;
  measures: { indicator: IndicatorDef; index: number; column: string }[];
  /** columns present in the file that map to nothing (reported, not silently dropped) */
  unmapped: string[];
};

export class ColumnMappingError extends Error {
  constructor(
    message: string,
    readonly column?: string,
  ) {
    super(message);
  }
}

/** Where each key column is (every required one, or a ColumnMappingError naming the nearest column). */
export function mapKeyColumns(header: readonly string[]): { keys: Partial<Record<KeyColumn, number>>; used: Set<number> } {
  const normalized = header.map(normalizeColumn);
  const keys: Partial<Record<KeyColumn, number>> = {};
  const used = new Set<number>();
  for (const [key, aliases] of Object.entries(KEY_COLUMNS) as [KeyColumn, readonly string[]][]) {
    const hits = normalized.flatMap((n, i) => (aliases.includes(n) ? [i] : []));
    // Several aliases can only collide on "la_code"-style names; prefer the canonical name.
    const exact = hits.filter((i) => normalized[i] === aliases[0]);
    const chosen = exact.length === 1 ? exact : hits;
    if (chosen.length > 1) {
      throw new ColumnMappingError(`columns ${chosen.map((i) => `"${header[i]}"`).join(" and ")} could both be ${key}`, header[chosen[1]!]);
    }
    if (chosen.length === 1 && !used.has(chosen[0]!)) {
      keys[key] = chosen[0]!;
      used.add(chosen[0]!);
    }
  }
  for (const key of REQUIRED_KEYS) {
    if (keys[key] === undefined) {
      const spare = header.filter((_, i) => !used.has(i) && !isKnownMeasureColumn(normalized[i]!));
      const near = nearestColumn(key, spare, KEY_COLUMNS[key]);
      const hint = near ? `; column "${near}" is not a name the importer knows — the nearest known name to it is "${key}"` : "";
      throw new ColumnMappingError(`required column ${key} is missing${hint}`, key);
    }
  }
  return { keys, used };
}

/** Descriptive columns every EES file may carry that hold no measure (read as nothing, like the key columns). */
export function isDescriptiveColumn(normalized: string): boolean {
  return DESCRIPTIVE.has(normalized);
}

/** Work out which series a header belongs to and where each key and measure column is. */
export function mapColumns(header: readonly string[], fileName: string): ColumnMapping {
  const normalized = header.map(normalizeColumn);
  const { keys, used } = mapKeyColumns(header);

  // Score each series by how many of its measures the header carries.
  const candidates = new Map<SeriesId, { indicator: IndicatorDef; index: number; column: string }[]>();
  for (const indicator of INDICATORS as readonly IndicatorDef[]) {
    // long-layout selections have no columns of their own: a wide file never matches them
    const aliases = sourceColumns(indicator).map(normalizeColumn);
    const hits = normalized.flatMap((n, i) => (!used.has(i) && aliases.includes(n) ? [i] : []));
    if (hits.length > 1) {
      throw new ColumnMappingError(
        `columns ${hits.map((i) => `"${header[i]}"`).join(" and ")} both look like ${indicator.id}; cannot tell which to use`,
        header[hits[1]!],
      );
    }
    if (hits.length === 1) {
      const list = candidates.get(indicator.series) ?? [];
      list.push({ indicator, index: hits[0]!, column: header[hits[0]!]! });
      candidates.set(indicator.series, list);
    }
  }
  const ranked = [...candidates.entries()].sort((a, b) => b[1].length - a[1].length);
  const best = ranked[0];
  if (!best) {
    throw new ColumnMappingError(
      `no measure column is recognised (looked for the columns of the workforce, children in need, referrals, child protection and population series in ${fileName})`,
    );
  }
  if (ranked[1] && ranked[1][1].length === best[1].length) {
    throw new ColumnMappingError(`the measure columns fit both ${best[0]} and ${ranked[1][0]} equally; cannot tell which series this is`);
  }
  const measures = best[1];
  const measureIdx = new Set(measures.map((m) => m.index));
  const unmapped = header.filter((_, i) => !used.has(i) && !measureIdx.has(i) && !DESCRIPTIVE.has(normalized[i]!));
  return { series: best[0], keys, measures, unmapped };
}

const knownMeasureNames = new Set(INDICATORS.flatMap((d) => sourceColumns(d).map(normalizeColumn)));
export function isKnownMeasureColumn(normalized: string): boolean {
  return knownMeasureNames.has(normalized);
}

/** Edit distance (Levenshtein) between two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Of `columns` (as they appear in a file), the one closest to any of `knownNames`, if it is close
 * enough to be a misspelling (at most a third of the name's length, and at most 4 edits).
 */
export function nearestColumn(_label: string, columns: readonly string[], knownNames: readonly string[]): string | null {
  let best: { column: string; d: number } | null = null;
  for (const column of columns) {
    const n = normalizeColumn(column);
    for (const known of knownNames.map(normalizeColumn)) {
      const d = editDistance(n, known);
      if (d <= Math.min(4, Math.ceil(known.length / 3)) && (!best || d < best.d)) best = { column, d };
    }
  }
  return best?.column ?? null;
}

/** The known name (as published) closest to `column`, with its distance. */
export function nearestKnownName(column: string, knownNames: readonly string[]): { name: string; distance: number } | null {
  const n = normalizeColumn(column);
  let best: { name: string; distance: number } | null = null;
  for (const name of knownNames) {
    const d = editDistance(n, normalizeColumn(name));
    if (!best || d < best.distance) best = { name, distance: d };
  }
  return best;
}

/** Every key column name, for "nearest known name" messages. */
export const ALL_KEY_NAMES: readonly string[] = Object.values(KEY_COLUMNS).flat();
