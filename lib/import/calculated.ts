// Figures this service calculates from published ones, where a release does not publish them, marked
// `calculated` (decision 0014): rates per 10,000 children from a published count and the ONS 0–17
// population, percentages from published counts of one series (decision 0020), and the catalogue's
// `calculation`s from other indicators: spend per child and shares of one spending line in another
// (decision 0021). Run inside the import's transaction after its files are written.
import type { Marker } from "@/lib/generated/prisma/enums";
import { INDICATORS, RATE_DENOMINATOR, type Calculation, type CatalogueIndicator } from "@/lib/catalogue";
import { roundTo } from "@/lib/core/values";
import type { Tx } from "./formats/types";
import type { GeoLevelId } from "./parse-tidy-csv";
import { valueKey, type IncomingValue } from "./plan-values";
import type { CalculatedOutcome } from "./summary";
import { writeValues } from "./write/values";

/**
 * Rates per 10,000 children that follow from a published count and the ONS 0–17 population
 * (definitions' `perTenThousand`; population of mid-year period − 1, FORMATS.md §13). Written only
 * where no published rate exists (e.g. every 2025 rate, which the 2025 children in need release no
 * longer publishes), marked `calculated`, with the release of the count they come from. A published
 * rate is replaced only when a newer release withdrew its count (a number became a marker): the
 * revision wins, and the summary says so.
 */
export async function calculateRates(tx: Tx, log: (line: string) => void): Promise<CalculatedOutcome[]> {
  const out: CalculatedOutcome[] = [];
  for (const def of INDICATORS as readonly CatalogueIndicator[]) {
    if (!def.perTenThousand) continue;
    const rows = await tx.$queryRawUnsafe<
      {
        geoCode: string;
        geoLevel: "NATIONAL" | "REGIONAL" | "LOCAL_AUTHORITY";
        period: number;
        value: number | null;
        marker: Marker | null;
        releaseId: number;
        numRank: number;
        jointReturnId: string | null;
        pop: number | null;
        popMarker: Marker | null;
        hasPop: boolean;
        rateRaw: string | null;
        rateCalculated: boolean | null;
        rateMarker: Marker | null;
        rateRank: number | null;
      }[]
    >(
      `select n."geoCode", n."geoLevel"::text as "geoLevel", n.period, n.value, n.marker::text as marker, n."releaseId", nr."editionRank" as "numRank", n."jointReturnId",
              p.value as pop, p.marker::text as "popMarker", (p.id is not null) as "hasPop",
              r.raw as "rateRaw", r.calculated as "rateCalculated", r.marker::text as "rateMarker", rr."editionRank" as "rateRank"
         from indicator_value n
         join data_release nr on nr.id = n."releaseId"
         left join indicator_value p on p."indicatorId" = $2 and p."geoCode" = n."geoCode" and p.period = n.period + $3
         left join indicator_value r on r."indicatorId" = $4 and r."geoCode" = n."geoCode" and r.period = n.period
         left join data_release rr on rr.id = r."releaseId"
        where n."indicatorId" = $1`,
      def.perTenThousand,
      RATE_DENOMINATOR.indicatorId,
      RATE_DENOMINATOR.periodOffset,
      def.id,
    );
    const result: CalculatedOutcome = { indicatorId: def.id, written: 0, replacedWithdrawn: 0, noPopulation: [] };
    const writes: IncomingValue[] = [];
    const releaseOf = new Map<string, number>();
    for (const row of rows) {
      const published = row.rateRaw !== null && row.rateCalculated === false;
      const withdrawn = published && row.marker !== null && row.rateMarker === null && (row.numRank ?? 0) > (row.rateRank ?? 0);
      if (published && !withdrawn) continue;
      const figure = rateFigure(row);
      if (figure === null) {
        if (!result.noPopulation.includes(row.period)) result.noPopulation.push(row.period);
        continue;
      }
      if (!withdrawn && row.rateRaw === figure.raw) continue; // already calculated, same figure
      if (withdrawn) result.replacedWithdrawn++;
      const v: IncomingValue = {
        indicatorId: def.id,
        geoLevel: row.geoLevel,
        geoCode: row.geoCode,
        period: row.period,
        value: figure.value,
        marker: figure.marker,
        raw: figure.raw,
        jointReturnId: row.jointReturnId,
      };
      writes.push(v);
      releaseOf.set(valueKey(v), row.releaseId);
    }
    // one write per source release (the calculated figure carries the release of its count)
    const byRelease = new Map<number, IncomingValue[]>();
    for (const v of writes) {
      const id = releaseOf.get(valueKey(v))!;
      byRelease.set(id, [...(byRelease.get(id) ?? []), v]);
    }
    for (const [releaseId, values] of byRelease) await writeValues(tx, values, releaseId, true);
    result.written = writes.length;
    result.noPopulation.sort((a, b) => a - b);
    if (result.written || result.noPopulation.length) {
      log(
        `  calculated ${def.id} from ${def.perTenThousand} and the ONS 0–17 population: ${result.written} figures written (${result.replacedWithdrawn} replacing a published rate whose count was withdrawn)${result.noPopulation.length ? `; no population estimate to calculate ${result.noPopulation.join(", ")}` : ""}`,
      );
    }
    out.push(result);
  }
  return out;
}

/** 10,000 × count / population to 1 dp; a withdrawn or suppressed count keeps its marker. Null: no population estimate. */
export function rateFigure(row: {
  value: number | null;
  marker: Marker | null;
  hasPop: boolean;
  pop: number | null;
  popMarker: Marker | null;
}): { value: number | null; marker: Marker | null; raw: string } | null {
  if (row.marker !== null) return { value: null, marker: row.marker, raw: row.marker };
  if (!row.hasPop) return null;
  if (row.popMarker !== null || row.pop === null) return { value: null, marker: "x", raw: "x" };
  if (row.pop === 0) return { value: null, marker: "z", raw: "z" };
  const value = Math.round((100_000 * row.value!) / row.pop) / 10;
  return { value, marker: null, raw: value.toFixed(1) };
}

type Part = {
  geoCode: string;
  geoLevel: GeoLevelId;
  period: number;
  value: number | null;
  marker: Marker | null;
  releaseId: number;
  jointReturnId: string | null;
};

/**
 * 100 × (sum of the numerators) / denominator, to 1 dp. A suppressed or withdrawn count gives its
 * marker (the denominator's first, then the numerators' in order); a denominator of 0 gives `z`.
 * Null: a count is not stored for this place and period, so nothing is calculated.
 */
export function percentFigure(
  numerators: readonly (Pick<Part, "value" | "marker"> | undefined)[],
  denominator: Pick<Part, "value" | "marker"> | undefined,
): { value: number | null; marker: Marker | null; raw: string } | null {
  if (!denominator || numerators.some((n) => n === undefined)) return null;
  const marked = [denominator, ...numerators].find((p) => p!.marker !== null);
  if (marked) return { value: null, marker: marked.marker, raw: marked.marker! };
  if (denominator.value === 0) return { value: null, marker: "z", raw: "z" };
  const sum = numerators.reduce((a, n) => a + n!.value!, 0);
  const value = Math.round((1000 * sum) / denominator.value!) / 10;
  return { value, marker: null, raw: value.toFixed(1) };
}

/**
 * Percentages no release publishes, calculated from published counts of the same series (the
 * catalogue's `percentOf`, e.g. initial conferences within 15 working days, FORMATS.md §15; assessment
 * factors as a share of assessments). Marked `calculated`, with the release of the denominator; only
 * figures that are new or changed are written. Never written over a published figure.
 */
export async function calculatePercentages(tx: Tx, log: (line: string) => void): Promise<CalculatedOutcome[]> {
  const defs = (INDICATORS as readonly CatalogueIndicator[]).filter((d) => d.percentOf);
  if (defs.length === 0) return [];
  // every count and every stored percentage they need, in one read
  const ids = [...new Set(defs.flatMap((d) => [d.id, d.percentOf!.denominator, ...d.percentOf!.numerators]))];
  const rows = await tx.$queryRawUnsafe<(Part & { indicatorId: string; raw: string; calculated: boolean })[]>(
    `select "indicatorId", "geoCode", "geoLevel"::text as "geoLevel", period, value, marker::text as marker, raw, calculated,
            "releaseId", "jointReturnId"
       from indicator_value where "indicatorId" = any($1::text[])`,
    ids,
  );
  const byId = new Map<string, Map<string, (typeof rows)[number]>>(ids.map((id) => [id, new Map()]));
  for (const r of rows) byId.get(r.indicatorId)!.set(`${r.geoCode}|${r.period}`, r);
  const writes = new Map<number, IncomingValue[]>();
  const out: CalculatedOutcome[] = [];
  for (const def of defs) {
    const { numerators, denominator } = def.percentOf!;
    let written = 0;
    for (const [key, d] of byId.get(denominator)!) {
      const existing = byId.get(def.id)!.get(key);
      if (existing && !existing.calculated) continue; // a published figure is never replaced
      const figure = percentFigure(
        numerators.map((id) => byId.get(id)!.get(key)),
        d,
      );
      if (figure === null || existing?.raw === figure.raw) continue;
      const list = writes.get(d.releaseId) ?? [];
      list.push({
        indicatorId: def.id,
        geoLevel: d.geoLevel,
        geoCode: d.geoCode,
        period: d.period,
        ...figure,
        jointReturnId: d.jointReturnId,
      });
      writes.set(d.releaseId, list);
      written++;
    }
    if (written) log(`  calculated ${def.id} = (${numerators.join(" + ")}) / ${denominator}: ${written} figures written`);
    out.push({ indicatorId: def.id, written, replacedWithdrawn: 0, noPopulation: [] });
  }
  for (const [releaseId, values] of writes) await writeValues(tx, values, releaseId, true);
  return out;
}

// — Calculations from other indicators of the catalogue (`calculation`, decision 0021): spend per child
// from published spending and the ONS 0–17 population, and shares of one published line in another.
// Stored with `calculated` and the release of the figure they are calculated from; a published figure
// would always replace one (./plan-values.ts). Run after every import that wrote something, so a new
// population estimate or a revised line recalculates.

export type Input = { value: number | null; marker: Marker | null } | null;

/**
 * One calculated figure at `decimals` places (half away from zero), from its first input (numerator or
 * part) and its second (population or whole). A marker in the first input is kept; a second input that
 * is a marker gives x, a zero one z. Null: the second input is not stored, so nothing can be calculated.
 */
export function calculateFigure(
  calc: Calculation,
  first: NonNullable<Input>,
  second: Input,
  decimals: number,
): { value: number | null; marker: Marker | null; raw: string } | null {
  if (first.marker !== null || first.value === null) {
    const marker = first.marker ?? "x";
    return { value: null, marker, raw: marker };
  }
  if (second === null) return null;
  if (second.marker !== null || second.value === null) return { value: null, marker: "x", raw: "x" };
  if (second.value === 0) return { value: null, marker: "z", raw: "z" };
  const exact = calc.kind === "per-child" ? (calc.scale * first.value) / second.value : (100 * first.value) / second.value;
  const value = roundTo(exact, decimals);
  return { value, marker: null, raw: value.toFixed(decimals) };
}

/** The indicators a calculation reads, and the period offset of the second one. */
function inputsOf(calc: Calculation): { first: string; second: string; offset: number } {
  return calc.kind === "per-child"
    ? { first: calc.numerator, second: RATE_DENOMINATOR.indicatorId, offset: RATE_DENOMINATOR.periodOffset }
    : { first: calc.part, second: calc.whole, offset: 0 };
}

export async function calculateFromIndicators(tx: Tx, log: (line: string) => void): Promise<CalculatedOutcome[]> {
  const out: CalculatedOutcome[] = [];
  for (const def of INDICATORS as readonly CatalogueIndicator[]) {
    if (!def.calculation) continue;
    const { first, second, offset } = inputsOf(def.calculation);
    const rows = await tx.$queryRawUnsafe<
      {
        geoCode: string;
        geoLevel: IncomingValue["geoLevel"];
        period: number;
        value: number | null;
        marker: Marker | null;
        releaseId: number;
        jointReturnId: string | null;
        secondValue: number | null;
        secondMarker: Marker | null;
        hasSecond: boolean;
        storedRaw: string | null;
        storedCalculated: boolean | null;
      }[]
    >(
      `select n."geoCode", n."geoLevel"::text as "geoLevel", n.period, n.value, n.marker::text as marker, n."releaseId", n."jointReturnId",
              d.value as "secondValue", d.marker::text as "secondMarker", (d.id is not null) as "hasSecond",
              c.raw as "storedRaw", c.calculated as "storedCalculated"
         from indicator_value n
         left join indicator_value d on d."indicatorId" = $2 and d."geoCode" = n."geoCode" and d.period = n.period + $3
         left join indicator_value c on c."indicatorId" = $4 and c."geoCode" = n."geoCode" and c.period = n.period
        where n."indicatorId" = $1`,
      first,
      second,
      offset,
      def.id,
    );
    const result: CalculatedOutcome = { indicatorId: def.id, written: 0, replacedWithdrawn: 0, noPopulation: [] };
    const notCalculated = new Set<number>();
    const byRelease = new Map<number, IncomingValue[]>();
    for (const row of rows) {
      if (row.storedRaw !== null && row.storedCalculated === false) continue; // published: never overwritten
      const figure = calculateFigure(
        def.calculation,
        { value: row.value, marker: row.marker },
        row.hasSecond ? { value: row.secondValue, marker: row.secondMarker } : null,
        def.decimals,
      );
      if (figure === null) {
        notCalculated.add(row.period);
        continue;
      }
      if (row.storedRaw === figure.raw) continue;
      const v: IncomingValue = {
        indicatorId: def.id,
        geoLevel: row.geoLevel,
        geoCode: row.geoCode,
        period: row.period,
        ...figure,
        jointReturnId: row.jointReturnId,
      };
      byRelease.set(row.releaseId, [...(byRelease.get(row.releaseId) ?? []), v]);
      result.written++;
    }
    for (const [releaseId, values] of byRelease) await writeValues(tx, values, releaseId, true);
    const periods = [...notCalculated].sort((a, b) => a - b);
    // the summary's "noPopulation" says "no ONS population estimate": only true of per-child figures
    if (def.calculation.kind === "per-child") result.noPopulation = periods;
    if (result.written || periods.length) {
      const missing =
        def.calculation.kind === "per-child" ? "no ONS population estimate for the year before" : `no ${second} figure stored`;
      log(
        `  calculated ${def.id} from ${first} and ${second}: ${result.written} figures written${periods.length ? `; not for ${periods.join(", ")}: ${missing}` : ""}`,
      );
    }
    out.push(result);
  }
  return out;
}
