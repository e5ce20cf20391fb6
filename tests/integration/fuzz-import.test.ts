// Hostile input for the importer (issue 8, part 4): a few hundred mutated copies of the real
// published files (tests/fixtures/fuzz-import/mutate.ts, seeded, FUZZ_SEED to change), each run
// through the real importer against a private copy of the loaded database. Every case must end in
//  - a clear ImportError: the file named (and the line/column where it is about a place in the
//    file), one short line, no stack trace, no database error text — and the data tables exactly
//    as they were; or
//  - "not recognised" (only where the case allows it): reported by name, nothing written; or
//  - a legitimate import, where what is stored is checked against what the file says (and, where the
//    case says so, its summary names what was not imported, or a revision is recorded).
// The long layout, the 2025 neighbour model, the revenue outturn workbook and the Fingertips file are
// mutated by tests/fixtures/fuzz-import/formats.ts, which also holds their independent readers.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATORS, sourceColumns } from "@/lib/catalogue";
import { importFolder, type FileOutcome } from "@/lib/import/run-import";
import { formatSummary, type ImportSummary } from "@/lib/import/summary";
import { ImportError } from "@/lib/import/types";
import { DATA_TABLES } from "../../scripts/bench-faults";
import {
  buildFormatCases,
  longSeriesOf,
  readFingertipsValues,
  readLongValues,
  readOutturnValues,
  storedText,
} from "../fixtures/fuzz-import/formats";
import { buildCases, type FuzzCase } from "../fixtures/fuzz-import/mutate";
import { createTestDatabase, type TestDatabase } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const cases = (() => {
  // Identical bytes would be "unchanged" the second time (the importer keys on the checksum): every case is a distinct file.
  const seen = new Set<string>();
  return [...buildCases(SEED), ...buildFormatCases(SEED)].filter((c) => {
    const key = createHash("sha256").update(c.bytes).digest("hex");
    return !seen.has(key) && !!seen.add(key);
  });
})();

/** The importer's tables (indicator_value, ~280,000 rows with the published data, separately). */
const HASHED_TABLES = DATA_TABLES.filter((table) => table !== "indicator_value");

/**
 * In this private database only: a statement-level trigger on every importer table counts the
 * statements that wrote to it. The count is itself written in the writing transaction, so a
 * transaction that was rolled back leaves it as it was: an unchanged count means nothing at all was
 * committed — an exact check that costs one tiny query per case.
 */
async function installWriteCounter(t: TestDatabase) {
  await t.prisma.$executeRawUnsafe(`create table fuzz_write_counter (n bigint not null)`);
  await t.prisma.$executeRawUnsafe(`insert into fuzz_write_counter values (0)`);
  await t.prisma.$executeRawUnsafe(
    `create function fuzz_count_write() returns trigger language plpgsql as $$ begin update fuzz_write_counter set n = n + 1; return null; end $$`,
  );
  for (const table of DATA_TABLES) {
    await t.prisma.$executeRawUnsafe(
      `create trigger fuzz_count_write after insert or update or delete or truncate on "${table}" for each statement execute function fuzz_count_write()`,
    );
  }
}

async function committedWrites(t: TestDatabase): Promise<number> {
  return Number((await t.prisma.$queryRawUnsafe<{ n: bigint }[]>("select n from fuzz_write_counter"))[0]!.n);
}

/** The content of every importer table: an md5 of every row of the small ones, a hash sum and count of indicator_value. */
type DbState = { hashes: Record<string, string>; values: string };

async function dbState(t: TestDatabase): Promise<DbState> {
  const selects = HASHED_TABLES.map(
    (name) => `(select coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from "${name}" t) as "${name}"`,
  );
  const [row] = await t.prisma.$queryRawUnsafe<Record<string, string | bigint>[]>(
    `select ${selects.join(", ")}, (select count(*) || ':' || coalesce(sum(hashtextextended(v::text, 0)), 0) from indicator_value v) as values`,
  );
  return { hashes: Object.fromEntries(HASHED_TABLES.map((n) => [n, String(row![n])])), values: String(row!.values) };
}

const RAW_ERROR_TEXT =
  /\n\s+at |prisma|violates|constraint|duplicate key|SQLSTATE|invalid input syntax|relation "|node_modules|TypeError|RangeError|undefined|\[object /i;

function expectClearRefusal(c: FuzzCase, error: unknown) {
  expect(error, `${c.id}: not an ImportError: ${String(error)}`).toBeInstanceOf(ImportError);
  const message = (error as ImportError).message;
  expect(message.startsWith(`${c.fileName}`), `${c.id}: the message does not start with the file name: ${message}`).toBe(true);
  expect(message, `${c.id}: one short line`).not.toMatch(/\n/);
  expect(message.length, `${c.id}: message of ${message.length} characters`).toBeLessThan(600);
  expect(message, `${c.id}: raw error text`).not.toMatch(RAW_ERROR_TEXT);
  if (c.line) expect(message, `${c.id}: no line`).toMatch(/, line \d+/);
  if (c.column) expect(message, `${c.id}: no column`).toMatch(/, column "/);
  if (c.message) expect(message, c.id).toMatch(c.message);
}

// ── What the file says (an independent reading, not the importer's) ─────────────────────────────

const squash = (s: string) =>
  s
    .replace(/^\uFEFF+/, "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
const INDICATOR_BY_COLUMN = new Map(INDICATORS.flatMap((d) => sourceColumns(d).map((c) => [squash(c), d.id] as const)));
function expectedTidyValues(bytes: Buffer): Map<string, string> {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF+/, "");
  const records = parse(text, { skip_empty_lines: true }) as string[][];
  const header = records[0]!.map(squash);
  const col = (name: string) => header.indexOf(name);
  const [period, level, region, la] = [col("timeperiod"), col("geographiclevel"), col("regioncode"), col("oldlacode")];
  const measures = header.flatMap((h, i) => (INDICATOR_BY_COLUMN.has(h) ? [[i, INDICATOR_BY_COLUMN.get(h)!] as const] : []));
  const out = new Map<string, string>();
  for (const rec of records.slice(1)) {
    const p = rec[period]!.trim();
    const year = /^\d{4}$/.test(p) ? p : String(Number(p.slice(0, 2) + p.slice(-2)));
    const lv = rec[level]!.trim().toLowerCase();
    const geos = lv === "national" ? ["E92000001"] : lv === "regional" ? [rec[region]!.trim()] : rec[la]!.split("/").map((s) => s.trim());
    for (const geo of geos) for (const [i, id] of measures) out.set(`${id}|${geo}|${year}`, storedText(rec[i]!));
  }
  return out;
}

async function releaseOf(t: TestDatabase, c: FuzzCase) {
  const sha = createHash("sha256").update(c.bytes).digest("hex");
  return t.prisma.dataRelease.findFirstOrThrow({ where: { sha256: sha }, select: { id: true, editionRank: true, series: true } });
}

/** Every figure the file says ("indicator|geo|period" → text) is stored as it says, and nothing else from its release. */
async function expectStoredAsPublished(t: TestDatabase, c: FuzzCase, expected: Map<string, string>) {
  const release = await releaseOf(t, c);
  const ids = [...new Set([...expected.keys()].map((k) => k.split("|")[0]!))];
  const geos = [...new Set([...expected.keys()].map((k) => k.split("|")[1]!))];
  // Every value of this release (wherever the importer put it), and what is stored for the file's places.
  const stored = await t.prisma.$queryRawUnsafe<{ key: string; raw: string; releaseId: number; editionRank: number }[]>(
    `select v."indicatorId" || '|' || v."geoCode" || '|' || v.period as key, v.raw, v."releaseId", r."editionRank"
       from indicator_value v join data_release r on r.id = v."releaseId"
      where v."releaseId" = $3 or (v."indicatorId" = any($1::text[]) and v."geoCode" = any($2::text[]))`,
    ids,
    geos,
    release.id,
  );
  const byKey = new Map(stored.map((s) => [s.key, s]));
  for (const [key, raw] of expected) {
    const s = byKey.get(key);
    expect(s, `${c.id}: ${key} not stored`).toBeDefined();
    // Either this release's text, or a newer edition's value that an older file must not overwrite.
    if (s!.releaseId === release.id || s!.editionRank <= release.editionRank) expect(s!.raw, `${c.id}: ${key}`).toBe(raw);
  }
  // …and nothing from this release that the file does not say.
  for (const s of stored)
    if (s.releaseId === release.id) expect(expected.get(s.key), `${c.id}: ${s.key} stored but not in the file`).toBe(s.raw);
}

/** Each statistical-neighbour grouping's rows, hashed (decision 0021: groupings are kept side by side). */
async function groupingHashes(t: TestDatabase): Promise<Map<string, string>> {
  const rows = await t.prisma.$queryRawUnsafe<{ model: string; md5: string }[]>(
    `select model, md5(string_agg(s::text, ',' order by s::text)) as md5 from statistical_neighbour s group by model`,
  );
  return new Map(rows.map((r) => [r.model, r.md5]));
}

/** The file's own grouping (its month and year) is stored exactly as published; every other grouping is left as it was. */
async function expectNeighboursAsPublished(t: TestDatabase, c: FuzzCase, before: Map<string, string>) {
  const release = await releaseOf(t, c);
  const model = `${String(release.editionRank).slice(0, 4)}-${String(release.editionRank).slice(4)}`;
  expect((await t.prisma.neighbourModel.findUnique({ where: { id: model } }))?.releaseId, `${c.id}: grouping ${model}`).toBe(release.id);
  const after = await groupingHashes(t);
  for (const [other, hash] of before) if (other !== model) expect(after.get(other), `${c.id}: grouping ${other} changed`).toBe(hash);
  const records = parse(new TextDecoder().decode(c.bytes).replace(/^\uFEFF+/, ""), { relax_column_count: true }) as string[][];
  // SN1…SN10 (2021) or SN_1…SN_10 (2025), found by name
  const rankColumns = Array.from({ length: 10 }, (_, k) => records[0]!.findIndex((h) => squash(h) === `sn${k + 1}`));
  const expected = new Set<string>();
  for (const rec of records.slice(1)) {
    if ((rec[0] ?? "").trim() === "") break;
    rankColumns.forEach((i, k) => expected.add(`${rec[0]!.trim()}|${k + 1}|${rec[i]!.trim()}`));
  }
  const stored = await t.prisma.statisticalNeighbour.findMany({
    where: { model, inheritedFrom: null },
    select: { laNumber: true, rank: true, neighbourLaNumber: true },
  });
  expect(new Set(stored.map((s) => `${s.laNumber}|${s.rank}|${s.neighbourLaNumber}`)), c.id).toEqual(expected);
}

type Revised = NonNullable<FuzzCase["revision"]>;
async function storedRaw(t: TestDatabase, r: Revised): Promise<string | undefined> {
  const v = await t.prisma.indicatorValue.findUnique({
    where: { indicatorId_geoCode_period: { indicatorId: r.indicatorId, geoCode: r.geoCode, period: r.period } },
    select: { raw: true },
  });
  return v?.raw;
}

/** The figure the case revises is recorded in indicator_value_revision: from what was stored to what the file says. */
async function expectRevisionRecorded(t: TestDatabase, c: FuzzCase, before: string | undefined) {
  const r = c.revision!;
  const release = await releaseOf(t, c);
  expect(before, `${c.id}: nothing was stored for ${r.indicatorId} ${r.geoCode} ${r.period} before`).toBeDefined();
  const now = await storedRaw(t, r);
  expect(now, `${c.id}: the revised figure`).not.toBe(before);
  const recorded = await t.prisma.indicatorValueRevision.findMany({
    where: { ...r, releaseId: release.id },
    select: { previousRaw: true, raw: true },
  });
  expect(recorded, c.id).toEqual([{ previousRaw: before, raw: now }]);
}

type OfstedSnapshot = { positions: string[]; inspections: number };
async function ofstedSnapshot(t: TestDatabase): Promise<OfstedSnapshot> {
  const positions = await t.prisma.ofstedPosition.findMany({
    where: { asAt: new Date("2025-03-31T00:00:00Z") },
    orderBy: { laNumber: "asc" },
  });
  return {
    positions: positions.map(({ releaseId: _r, ...rest }) => JSON.stringify(rest)),
    inspections: await t.prisma.inspection.count(),
  };
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────────

type Tally = { tried: number; refused: number; imported: number; notRecognised: number };

describe(`importer fuzz: ${cases.length} mutated copies of the published files (seed ${SEED})`, () => {
  let t: TestDatabase;
  let ofsted: OfstedSnapshot;
  /** What the tables held after the last case that was allowed to write (a legitimate import). */
  let content: DbState;
  const tally = new Map<string, Tally>();
  const dirs: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("loaded");
    ofsted = await ofstedSnapshot(t);
    await installWriteCounter(t);
    content = await dbState(t);
  });

  afterAll(async () => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    await t?.drop();
    const total = [...tally.values()].reduce(
      (a, b) => ({
        tried: a.tried + b.tried,
        refused: a.refused + b.refused,
        imported: a.imported + b.imported,
        notRecognised: a.notRecognised + b.notRecognised,
      }),
      {
        tried: 0,
        refused: 0,
        imported: 0,
        notRecognised: 0,
      },
    );
    const bySource = new Map<string, Tally>();
    for (const [key, v] of tally) {
      const source = key.split(" ")[0]!;
      const s = bySource.get(source) ?? { tried: 0, refused: 0, imported: 0, notRecognised: 0 };
      bySource.set(source, {
        tried: s.tried + v.tried,
        refused: s.refused + v.refused,
        imported: s.imported + v.imported,
        notRecognised: s.notRecognised + v.notRecognised,
      });
    }
    console.log(
      [
        `importer fuzz (seed ${SEED}): ${total.tried} cases, ${tally.size} kinds — ${total.refused} refused with a clear error, ${total.imported} imported legitimately, ${total.notRecognised} reported as not recognised`,
        ...[...bySource].map(
          ([s, v]) => `  ${s}: ${v.tried} cases (${v.refused} refused, ${v.imported} imported, ${v.notRecognised} not recognised)`,
        ),
      ].join("\n"),
    );
  });

  it("the write counter sees a committed write, and not a rolled-back one", async () => {
    const n = await committedWrites(t);
    await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`update region set name = name where code = 'E12000001'`);
    });
    expect(await committedWrites(t)).toBe(n + 1);
    await expect(
      t.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`delete from la_name`);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await committedWrites(t)).toBe(n + 1);
    expect(await dbState(t)).toEqual(content);
  });

  it.each(cases.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-fuzz-"));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, c.fileName), c.bytes);
    const writesBefore = await committedWrites(t);
    const groupingsBefore = c.source === "stat-neighbours" ? await groupingHashes(t) : new Map<string, string>();
    const key = `${c.source} ${c.kind}`;
    const count = tally.get(key) ?? { tried: 0, refused: 0, imported: 0, notRecognised: 0 };
    tally.set(key, count);
    count.tried++;

    const revisedBefore = c.revision ? await storedRaw(t, c.revision) : undefined;
    let outcome: FileOutcome | undefined;
    let summary: ImportSummary | undefined;
    let error: unknown;
    try {
      summary = await importFolder(t.prisma, dir);
      outcome = summary.files[0];
    } catch (e) {
      error = e;
    }

    if (error !== undefined) {
      count.refused++;
      expect(c.expect, `${c.id} was refused: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`).not.toBe("import");
      expectClearRefusal(c, error);
      expect(await committedWrites(t), `${c.id}: a refused import committed a write`).toBe(writesBefore);
      return;
    }
    expect(outcome, `${c.id}: no outcome for the file`).toBeDefined();
    if (outcome!.status === "not recognised") {
      count.notRecognised++;
      expect(["any", "reject"], `${c.id} was not recognised (${outcome!.reason})`).toContain(c.expect);
      expect(outcome!.reason).toMatch(/\w/);
      // (the import still refreshes the indicator definitions, so compare content, not the write count)
      expect(await dbState(t), `${c.id}: a file that was not recognised changed the data`).toEqual(content);
      return;
    }
    count.imported++;
    expect(outcome!.status, c.id).toBe("imported");
    expect(["refuse", "reject"], `${c.id} was imported, but must be refused`).not.toContain(c.expect);
    const text = formatSummary(summary!);
    for (const name of c.names ?? []) expect(text, `${c.id}: the summary does not name ${name}`).toContain(name);
    if (outcome!.kind === "tidy") await expectStoredAsPublished(t, c, expectedTidyValues(c.bytes));
    else if (outcome!.kind === "long") {
      expect(outcome!.series, `${c.id}: the series`).toBe(longSeriesOf(c.fileName));
      await expectStoredAsPublished(t, c, readLongValues(c.bytes, longSeriesOf(c.fileName)));
    } else if (outcome!.kind === "outturn") await expectStoredAsPublished(t, c, readOutturnValues(c.bytes));
    else if (outcome!.kind === "fingertips") await expectStoredAsPublished(t, c, readFingertipsValues(c.bytes));
    else if (outcome!.kind === "stat-neighbours") await expectNeighboursAsPublished(t, c, groupingsBefore);
    else expect(await ofstedSnapshot(t), `${c.id}: a harmless copy of the workbook changed what is stored`).toEqual(ofsted);
    if (c.revision) await expectRevisionRecorded(t, c, revisedBefore);
    content = await dbState(t);
  });

  it("after every case: the tables hold what the last legitimate import left, byte for byte", async () => {
    expect(await dbState(t)).toEqual(content);
  });
});
