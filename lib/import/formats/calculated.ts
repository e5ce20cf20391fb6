// Figures this service calculates from other catalogue indicators (`calculation` in lib/catalogue):
// spend per child from published spending and the ONS 0–17 population, and shares of one published
// line in another. Stored with `calculated` and the release of the figure they are calculated from; a
// published figure would always replace one (lib/import/plan-values.ts). Run after every import that
// wrote something, inside its transaction, so a new population estimate or a revised line recalculates.
import { INDICATORS, RATE_DENOMINATOR, type Calculation, type CatalogueIndicator } from "@/lib/catalogue";
import { roundTo } from "@/lib/core/values";
import type { Marker } from "@/lib/generated/prisma/enums";
import type { IncomingValue } from "../plan-values";
import { writeValues } from "../write-values";
import type { Tx } from "./file-format";

/** The same shape as run-import's CalculatedOutcome (declared there; not imported, to keep the modules acyclic). */
export type CalculatedFromIndicators = { indicatorId: string; written: number; replacedWithdrawn: number; noPopulation: number[] };

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

export async function calculateFromIndicators(tx: Tx, log: (line: string) => void): Promise<CalculatedFromIndicators[]> {
  const out: CalculatedFromIndicators[] = [];
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
    const result: CalculatedFromIndicators = { indicatorId: def.id, written: 0, replacedWithdrawn: 0, noPopulation: [] };
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
