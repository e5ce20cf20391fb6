// Writing figures to indicator_value: one statement per 5,000 values, an upsert on (indicator, place,
// period). Shared by every format's writer (lib/import/run-import.ts, lib/import/formats/*).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Marker } from "@/lib/generated/prisma/enums";
import { planValueChanges, valueKey, type IncomingValue, type StoredValue, type ValuePlan } from "./plan-values";

type Tx = Prisma.TransactionClient;

export const emptyMarkers = (): Record<Marker, number> => ({ c: 0, low: 0, u: 0, x: 0, z: 0, k: 0 });

const BATCH = 5_000;

/** `calculated`: figures this service calculated from published ones (decision 0014). */
export async function writeValues(tx: Tx, values: IncomingValue[], releaseId: number, calculated = false) {
  for (let i = 0; i < values.length; i += BATCH) {
    const batch = values.slice(i, i + BATCH);
    await tx.$executeRawUnsafe(
      `insert into indicator_value ("indicatorId", period, "geoLevel", "geoCode", value, marker, raw, "jointReturnId", "releaseId", calculated)
       select t.indicator_id, t.period, t.geo_level::"GeoLevel", t.geo_code, t.value, t.marker::"Marker", t.raw, t.joint_id, $9, $10
         from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[])
           as t(indicator_id, period, geo_level, geo_code, value, marker, raw, joint_id)
       on conflict ("indicatorId", "geoCode", period) do update
          set value = excluded.value, marker = excluded.marker, raw = excluded.raw,
              "geoLevel" = excluded."geoLevel", "jointReturnId" = excluded."jointReturnId", "releaseId" = excluded."releaseId",
              calculated = excluded.calculated`,
      batch.map((v) => v.indicatorId),
      batch.map((v) => v.period),
      batch.map((v) => v.geoLevel),
      batch.map((v) => v.geoCode),
      batch.map((v) => v.value),
      batch.map((v) => v.marker),
      batch.map((v) => v.raw),
      batch.map((v) => v.jointReturnId),
      releaseId,
      calculated,
    );
  }
}

/**
 * Writes a release's published figures where they change what is stored (lib/import/plan-values.ts: an
 * older edition never overwrites a newer one), reading what is stored for `indicatorIds` first.
 */
export async function planAndWriteValues(
  tx: Tx,
  incoming: readonly IncomingValue[],
  indicatorIds: readonly string[],
  editionRank: number,
  releaseId: number,
): Promise<ValuePlan> {
  const storedRows = await tx.$queryRawUnsafe<
    {
      indicatorId: string;
      geoCode: string;
      period: number;
      raw: string;
      jointReturnId: string | null;
      editionRank: number;
      calculated: boolean;
    }[]
  >(
    `select v."indicatorId", v."geoCode", v.period, v.raw, v."jointReturnId", r."editionRank", v.calculated
       from indicator_value v join data_release r on r.id = v."releaseId"
      where v."indicatorId" = any($1::text[])`,
    [...indicatorIds],
  );
  const stored = new Map<string, StoredValue>(
    storedRows.map((s) => [
      valueKey(s),
      { raw: s.raw, jointReturnId: s.jointReturnId, editionRank: s.editionRank, calculated: s.calculated },
    ]),
  );
  const plan = planValueChanges(incoming, stored, editionRank);
  await writeValues(tx, [...plan.inserts, ...plan.updates], releaseId);
  return plan;
}
