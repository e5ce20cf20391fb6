// The importer's run: reads a folder of published files, skips those already imported, asks each
// format (./formats) whether a file is its own and parses it (pure parsers, nothing written), then
// writes everything in ONE transaction: places, each format's files, calculated figures and the
// after-import hooks (./hooks.ts). Any error leaves the database as it was. A file already imported
// (same checksum, same indicator definitions) is skipped, so a second run writes nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { now as clockNow, type Clock } from "@/lib/core/clock";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DataSeries } from "@/lib/generated/prisma/enums";
import { DEFINITIONS_VERSION, isSeriesId, seriesById, type SeriesId } from "@/lib/catalogue";
import { parse as parseCsv } from "csv-parse/sync";
import { calculateFromIndicators, calculatePercentages, calculateRates } from "./calculated";
import { FORMATS } from "./formats";
import type { ImportFormat, LoadedFile, ParsedFile, SniffedFile, Tx } from "./formats/types";
import { importHooks } from "./hooks";
import { totalsOf, type FileKind, type FileOutcome, type ImportSummary } from "./summary";
import { ImportError } from "./types";
import { upsertBoundaryChanges, upsertGeography } from "./write/geography";
import { upsertIndicators } from "./write/indicators";

export { formatSummary } from "./summary";
export type { CalculatedOutcome, DroppedMeasure, FileOutcome, ImportSummary } from "./summary";
export { rateFigure } from "./calculated";
export type { SeriesId };

/** Arbitrary constant: one import at a time (the migration runner's lock is 72707369, triage's 72707371). */
const IMPORT_LOCK_KEY = 72707370;

type FileRef = { fileName: string; sha256: string };
type Classified =
  | { file: FileRef; state: "known"; series: DataSeries }
  | { file: FileRef; state: "unrecognised"; reason: string }
  | { file: FileRef; state: "parsed"; format: ImportFormat<unknown>; parsed: ParsedFile<unknown> };

/** The folder's files (sorted by name) with their checksums; their content is read again only when needed. */
function listFolder(folder: string): (FileRef & { path: string })[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new ImportError("is not a folder", folder);
  }
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort()
    .map((fileName) => {
      const file = path.join(folder, fileName);
      return { fileName, path: file, sha256: createHash("sha256").update(fs.readFileSync(file)).digest("hex") };
    });
}

function firstCsvRecord(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  try {
    return (parseCsv(firstLine, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

/** The file with what recognising it needs; a CSV that is not UTF-8 text fails here, naming the file. */
function sniff(file: LoadedFile): SniffedFile {
  const extension = path.extname(file.fileName).toLowerCase();
  if (extension !== ".csv") return { ...file, extension };
  const { bytes, fileName } = file;
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) throw new ImportError("is UTF-16 text: save it as UTF-8 (published DfE files are UTF-8)", fileName, 1);
  if (bytes.includes(0)) throw new ImportError("contains NUL bytes: this is not a text CSV file", fileName, 1);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  if (text.includes("\uFFFD")) {
    const line = text.slice(0, text.indexOf("\uFFFD")).split("\n").length;
    throw new ImportError("is not valid UTF-8 text (published DfE files are UTF-8)", fileName, line);
  }
  return { ...file, extension, text, header: firstCsvRecord(text) };
}

/** Which format reads the file, and the file parsed by it; or why no format can. */
function classify(loaded: LoadedFile): Classified {
  const sniffed = sniff(loaded);
  const file: FileRef = { fileName: loaded.fileName, sha256: loaded.sha256 };
  if (createHash("sha256").update(loaded.bytes).digest("hex") !== loaded.sha256) {
    throw new ImportError("changed while it was being imported; run the import again", loaded.fileName);
  }
  const formats = (FORMATS as readonly ImportFormat<unknown>[]).filter((f) => f.extensions.includes(sniffed.extension));
  if (formats.length === 0) {
    const extensions = [...new Set(FORMATS.flatMap((f) => f.extensions))];
    return { file, state: "unrecognised", reason: `not a ${extensions.join(" or ")} file` };
  }
  for (const format of formats) {
    const d = format.detect(sniffed);
    if (d.verdict === "unrecognised") return { file, state: "unrecognised", reason: d.reason };
    if (d.verdict === "mine") return { file, state: "parsed", format, parsed: format.parse(sniffed) };
  }
  return {
    file,
    state: "unrecognised",
    reason: `a ${sniffed.extension} file that is not ${formats.map((f) => f.describes).join(", nor ")}`,
  };
}

/**
 * The import key of a stored release: its checksum and the definitions it was read with. Files of the
 * catalogue's series are read with the indicator definitions (a file imported under other definitions
 * is read again); Ofsted and statistical-neighbour files without (`""`).
 */
const expectedVersion = (series: DataSeries) => (isSeriesId(series) ? DEFINITIONS_VERSION : "");

async function knownReleases(db: Pick<Tx, "dataRelease">, shas: string[]): Promise<Map<string, DataSeries>> {
  const rows = await db.dataRelease.findMany({
    where: { sha256: { in: shas } },
    select: { series: true, sha256: true, definitionsVersion: true },
  });
  return new Map(rows.filter((r) => r.definitionsVersion === expectedVersion(r.series)).map((r) => [r.sha256, r.series]));
}

function kindOfSeries(series: DataSeries): FileKind {
  if (series === "OFSTED") return "ofsted";
  if (series === "STATISTICAL_NEIGHBOURS") return "stat-neighbours";
  if (series === "REVENUE_OUTTURN") return "outturn";
  const layout = isSeriesId(series) ? seriesById(series).layout.kind : "wide";
  return layout === "long" ? "long" : layout === "fingertips" ? "fingertips" : "tidy";
}

function unchangedOutcome(file: Pick<LoadedFile, "fileName">, series: DataSeries): FileOutcome {
  return {
    fileName: file.fileName,
    kind: kindOfSeries(series),
    series,
    status: "unchanged",
    reason: "this exact file was imported before with the same indicator definitions",
    rows: 0,
    values: 0,
    markers: {},
  };
}

/** `now` is the clock the after-import hooks read (tests pass a fixed one). */
export async function importFolder(
  prisma: PrismaClient,
  folder: string,
  log: (line: string) => void = () => {},
  options: { now?: Clock } = {},
): Promise<ImportSummary> {
  const now = options.now ?? clockNow;
  const started = Date.now();
  log(`Reading ${folder}`);
  const files = listFolder(folder);
  // Files imported before are not parsed again (checked once more under the import lock below). The
  // others are read, recognised and parsed one at a time: only what each parser keeps stays in memory.
  const knownBefore = await knownReleases(
    prisma,
    files.map((f) => f.sha256),
  );
  const classified: Classified[] = files.map(({ path: file, ...ref }) => {
    const series = knownBefore.get(ref.sha256);
    return series ? { file: ref, state: "known", series } : classify({ ...ref, bytes: fs.readFileSync(file) });
  });
  for (const c of classified) {
    if (c.state === "parsed" && c.parsed.kind !== "ofsted") log(`  parsed ${c.file.fileName}: ${c.parsed.description}`);
    if (c.state === "unrecognised") log(`  NOT RECOGNISED ${c.file.fileName}: ${c.reason}`);
    if (c.state === "known") log(`  unchanged ${c.file.fileName} (already imported)`);
  }

  const { outcomes, calculated } = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
      for (const hook of importHooks()) await hook.beforeWrite?.(tx);
      const outcomes = await writeAll(tx, classified, log);
      const imported = outcomes.filter((o) => o.status === "imported");
      const calculated = [
        ...(imported.some((o) => o.kind === "tidy" || o.kind === "long")
          ? [...(await calculateRates(tx, log)), ...(await calculatePercentages(tx, log))]
          : []),
        // spend per child and spending shares (the catalogue's `calculation`): their inputs come from
        // several formats (outturn workbooks, the ONS population), so after any import that wrote something
        ...(imported.length > 0 ? await calculateFromIndicators(tx, log) : []),
      ];
      if (imported.length > 0) {
        const ctx = { now: now(), log, files: outcomes };
        for (const hook of importHooks()) await hook.afterWrite?.(tx, ctx);
      }
      return { outcomes, calculated };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );

  return {
    folder,
    files: outcomes,
    totals: totalsOf(outcomes),
    calculated,
    definitionsVersion: DEFINITIONS_VERSION,
    millis: Date.now() - started,
  };
}

async function writeAll(tx: Tx, classified: Classified[], log: (line: string) => void): Promise<FileOutcome[]> {
  const outcomes = new Map<string, FileOutcome>();
  // Under the lock: a file another import wrote since we looked is unchanged too.
  const known = await knownReleases(
    tx,
    classified.filter((c) => c.state === "parsed").map((c) => c.file.sha256),
  );
  const todo = new Map<ImportFormat<unknown>, ParsedFile<unknown>[]>();
  for (const c of classified) {
    if (c.state === "known") outcomes.set(c.file.fileName, unchangedOutcome(c.file, c.series));
    else if (c.state === "unrecognised") {
      outcomes.set(c.file.fileName, {
        fileName: c.file.fileName,
        kind: "unrecognised",
        status: "not recognised",
        reason: c.reason,
        rows: 0,
        values: 0,
        markers: {},
      });
    } else if (known.has(c.file.sha256)) {
      outcomes.set(c.file.fileName, unchangedOutcome(c.file, c.parsed.series));
      log(`  unchanged ${c.file.fileName} (imported meanwhile)`);
    } else {
      todo.set(c.format, [...(todo.get(c.format) ?? []), c.parsed]);
    }
  }

  await upsertIndicators(tx);
  const places = [...todo].flatMap(([format, parsed]) => (format.geography ? parsed.map((p) => format.geography!(p)) : []));
  if (places.length > 0) {
    await upsertGeography(
      tx,
      places.sort((a, b) => a.editionRank - b.editionRank),
    );
    await upsertBoundaryChanges(tx);
  }
  for (const format of FORMATS as readonly ImportFormat<unknown>[]) {
    const parsed = todo.get(format);
    if (!parsed?.length) continue;
    for (const outcome of await format.write(tx, parsed, { log })) outcomes.set(outcome.fileName, outcome);
  }
  return classified.map((c) => outcomes.get(c.file.fileName)!);
}
