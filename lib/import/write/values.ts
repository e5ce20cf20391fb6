// Writing published figures: the values of one release, planned against what is stored (revisions
// win, an older edition cannot undo a newer one: ../plan-values.ts), in batches; and joint returns.
import type { DataSeries } from "@/lib/generated/prisma/enums";
import type { Tx } from "../formats/types";
import { columnsOf } from "./unnest";
import type { Revision } from "../summary";
import { planValueChanges, valueKey, type IncomingValue, type StoredValue, type ValuePlan } from "../plan-values";

const BATCH = 5_000;

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
      ...columnsOf(batch, ["indicatorId", "period", "geoLevel", "geoCode", "value", "marker", "raw", "jointReturnId"]),
      releaseId,
      calculated,
    );
  }
}

/** What is stored for these indicators, keyed like the incoming values (valueKey). */
export async function storedValues(tx: Tx, indicatorIds: readonly string[]): Promise<Map<string, StoredValue>> {
  const storedRows = await tx.$queryRawUnsafe<
    {
      indicatorId: string;
      geoCode: string;
      period: number;
      raw: string;
      jointReturnId: string | null;
      editionRank: number;
      calculated: boolean;
      releaseId: number;
    }[]
  >(
    `select v."indicatorId", v."geoCode", v.period, v.raw, v."jointReturnId", r."editionRank", v.calculated, v."releaseId"
       from indicator_value v join data_release r on r.id = v."releaseId"
      where v."indicatorId" = any($1::text[])`,
    indicatorIds,
  );
  return new Map<string, StoredValue>(
    storedRows.map((s) => [
      valueKey(s),
      { raw: s.raw, jointReturnId: s.jointReturnId, editionRank: s.editionRank, calculated: s.calculated, releaseId: s.releaseId },
    ]),
  );
}

/**
 * Several releases of one series in one import (the 2024 and 2025 editions side by side): a value an
 * older file would write that a newer file of the run carries too is not written twice. The older
 * file's value is kept here instead, as if stored, so the newer file is planned against it exactly as
 * in two imports one after the other (same revisions recorded, same end state), with half the writes.
 */
export type SameRunReleases = {
  /** keys (valueKey) the newer files of the run carry */
  supersededLater: ReadonlySet<string>;
  /** values an older file of the run would have written and left to a newer one, with the older release */
  pending: Map<string, { stored: StoredValue & { releaseId: number }; value: IncomingValue }>;
};

/**
 * Plans the release's values against what is stored and writes what changes. Every published figure it
 * revises is recorded (indicator_value_revision: the text before and after, and both releases) and
 * returned for the summary.
 */
export async function writeReleaseValues(
  tx: Tx,
  incoming: readonly IncomingValue[],
  indicatorIds: readonly string[],
  release: { id: number; editionRank: number },
  sameRun?: SameRunReleases,
): Promise<ValuePlan & { recorded: Revision[] }> {
  const stored = await storedValues(tx, indicatorIds);
  if (sameRun) for (const [key, p] of sameRun.pending) if (indicatorIds.includes(p.value.indicatorId)) stored.set(key, p.stored);
  const plan = planValueChanges(incoming, stored, release.editionRank);
  let writes = [...plan.inserts, ...plan.updates];
  if (sameRun) {
    const now: IncomingValue[] = [];
    for (const v of writes) {
      const key = valueKey(v);
      if (sameRun.supersededLater.has(key)) {
        const deferred = { raw: v.raw, jointReturnId: v.jointReturnId, editionRank: release.editionRank, releaseId: release.id };
        sameRun.pending.set(key, { stored: deferred, value: v });
      } else {
        sameRun.pending.delete(key);
        now.push(v);
      }
    }
    // A value an older file left to this one that this one leaves as it is (same text, same edition):
    // the older file's value is written now, with its own release, as two separate imports would have.
    const planned = new Set(writes.map(valueKey));
    const older = new Map<number, IncomingValue[]>();
    for (const v of incoming) {
      const key = valueKey(v);
      const p = sameRun.pending.get(key);
      if (!p || planned.has(key) || sameRun.supersededLater.has(key)) continue;
      sameRun.pending.delete(key);
      const list = older.get(p.stored.releaseId) ?? [];
      list.push(p.value);
      older.set(p.stored.releaseId, list);
    }
    for (const [releaseId, values] of older) await writeValues(tx, values, releaseId);
    writes = now;
  }
  await writeValues(tx, writes, release.id);
  // one revision per figure, however many members a joint return has
  const seen = new Set<string>();
  const recorded: Revision[] = [];
  const rows: {
    indicatorId: string;
    geoCode: string;
    period: number;
    previousRaw: string;
    raw: string;
    previousReleaseId: number;
    releaseId: number;
  }[] = [];
  for (const { value: v, previous } of plan.revisions) {
    const key = `${v.indicatorId}|${v.jointReturnId ?? v.geoCode}|${v.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    recorded.push({ indicatorId: v.indicatorId, geoCode: v.geoCode, period: v.period, from: previous.raw, to: v.raw });
    rows.push({
      indicatorId: v.indicatorId,
      geoCode: v.geoCode,
      period: v.period,
      previousRaw: previous.raw,
      raw: v.raw,
      previousReleaseId: previous.releaseId!,
      releaseId: release.id,
    });
  }
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await tx.$executeRawUnsafe(
      `insert into indicator_value_revision ("indicatorId", "geoCode", period, "previousRaw", raw, "previousReleaseId", "releaseId")
       select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[])`,
      ...columnsOf(batch, ["indicatorId", "geoCode", "period", "previousRaw", "raw", "previousReleaseId", "releaseId"]),
    );
  }
  return { ...plan, recorded };
}

/** Joint returns: one published figure shared by two LAs, stored against each with a link. */
export async function upsertJointReturns(
  tx: Tx,
  series: DataSeries,
  rows: readonly { laNumbers: readonly string[]; laNames: readonly string[]; period: number }[],
) {
  const joints = new Map<string, { label: string; members: readonly string[]; from: number; to: number }>();
  for (const row of rows) {
    if (row.laNumbers.length < 2) continue;
    const id = jointReturnId(series, row.laNumbers)!;
    const j = joints.get(id) ?? { label: row.laNames.join(" / "), members: row.laNumbers, from: row.period, to: row.period };
    j.from = Math.min(j.from, row.period);
    j.to = Math.max(j.to, row.period);
    joints.set(id, j);
  }
  for (const [id, j] of joints) {
    const old = await tx.jointReturn.findUnique({ where: { id } });
    const data = {
      series,
      label: j.label,
      fromPeriod: Math.min(j.from, old?.fromPeriod ?? j.from),
      toPeriod: Math.max(j.to, old?.toPeriod ?? j.to),
    };
    await tx.jointReturn.upsert({ where: { id }, create: { id, ...data }, update: data });
    await tx.jointReturnMember.createMany({ data: j.members.map((laNumber) => ({ jointReturnId: id, laNumber })), skipDuplicates: true });
  }
}

export function jointReturnId(series: DataSeries, laNumbers: readonly string[]): string | null {
  return laNumbers.length > 1 ? `${series}:${laNumbers.join("/")}` : null;
}
