// The importer: reads a folder of published files, parses every one of them first (pure parsers,
// nothing written), then writes everything in ONE transaction. Any error leaves the database as it
// was. Files already imported (same series, same sha256) are skipped, so a second run changes nothing.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { now as clockNow, type Clock } from "@/lib/core/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DataSeries, InspectionType, Judgement, Marker } from "@/lib/generated/prisma/enums";
import {
  DEFINITIONS_VERSION,
  INDICATORS,
  RATE_DENOMINATOR,
  indicatorById,
  indicatorsBy,
  seriesById,
  sourceColumns,
  type CatalogueIndicator,
  type IndicatorId,
  type SeriesId,
} from "@/lib/catalogue";
import { lockTriageWrites } from "@/lib/triage/lock";
import { reopenChangedSinceReview } from "@/lib/triage/reopen-after-import";
import { BOUNDARY_CHANGES, codeValidity, existenceDates, laTypeFromOnsCode, LONDON_CODE } from "@/lib/catalogue/boundary-changes";
import { parse as parseCsv } from "csv-parse/sync";
import { shown } from "@/lib/core/markers";
import { isKnownMeasureColumn, KEY_COLUMNS, nearestKnownName, normalizeColumn } from "./columns";
import { readOds } from "./ods";
import { recogniseOds } from "./recognise-ods";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { mergeInspections, type StoredInspection } from "./merge-inspections";
import { parseOfstedWorkbook, type LaResolver } from "./parse-ofsted";
import { looksLikeStatNeighbours, parseStatNeighbours, type StatNeighbourFile } from "./parse-stat-neighbours";
import { parseTidyCsv, type TidyFile } from "./parse-tidy-csv";
import { valueKey, type IncomingValue } from "./plan-values";
import { ImportError, type OfstedEvent, type OfstedWorkbook } from "./types";
import { emptyMarkers, planAndWriteValues, writeValues } from "./write-values";
import type { NeighbourModelRef } from "@/lib/catalogue/neighbour-models";
import { calculateFromIndicators } from "./formats/calculated";
import type { FormatOutcome, ParsedFormatFile } from "./formats/file-format";
import { csvFormatFor, FORMATS_ORDER, odsFormatFor } from "./formats";
import { editionOf, requireGrouping, writeNeighbourGrouping } from "./formats/neighbour-groupings";

type Tx = Prisma.TransactionClient;

export type FileOutcome = {
  fileName: string;
  kind: "tidy" | "stat-neighbours" | "ofsted" | "unrecognised" | FormatOutcome["kind"];
  series?: DataSeries;
  status: "imported" | "unchanged" | "not recognised";
  reason?: string;
  rows: number;
  values: number;
  markers: Partial<Record<Marker, number>>;
  counts?: Record<string, number>;
  /** columns of the file that map to no measure: named in the summary, never dropped silently */
  unmappedColumns?: string[];
  /** measures earlier releases of this series had that this file no longer publishes */
  droppedMeasures?: DroppedMeasure[];
  /** rows read but not imported, and how published notes were read (lib/import/formats) */
  notes?: string[];
};

export type DroppedMeasure = { indicatorId: string; column: string; lastPeriod: number | null; calculated: boolean };

/** Rates per 10,000 children calculated by this service from published counts (definitions' `perTenThousand`). */
export type CalculatedOutcome = {
  indicatorId: string;
  /** calculated figures written (new or changed) */
  written: number;
  /** published rates replaced because a newer release withdrew the count they were calculated from */
  replacedWithdrawn: number;
  /** periods with a count but no population estimate for the paired year: not calculated */
  noPopulation: number[];
};

export type ImportSummary = {
  folder: string;
  files: FileOutcome[];
  totals: {
    files: number;
    imported: number;
    unchanged: number;
    unrecognised: number;
    rows: number;
    values: number;
    markers: Record<Marker, number>;
  };
  calculated: CalculatedOutcome[];
  definitionsVersion: string;
  millis: number;
};

type Loaded = { fileName: string; bytes: Buffer; sha256: string };
type ParsedTidy = Loaded & { kind: "tidy"; parsed: TidyFile; editionRank: number };
type ParsedSn = Loaded & { kind: "stat-neighbours"; parsed: StatNeighbourFile; editionRank: number; model: NeighbourModelRef };
/** A file of a format registered in lib/import/formats (parsed; written by its own writer). */
type ParsedFormat = Loaded & { kind: "format"; parsed: ParsedFormatFile };
type PendingOds = Loaded & { kind: "ofsted" };
type Unrecognised = Loaded & { kind: "unrecognised"; reason: string };
type Classified = ParsedTidy | ParsedSn | ParsedFormat | PendingOds | Unrecognised;

function firstCsvRecord(text: string): string[] {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  try {
    return (parseCsv(firstLine, { relax_column_count: true, relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    return [];
  }
}

/** Read and classify every file of the folder; parse the CSVs. Throws ImportError on a bad file. */
export function readFolder(folder: string): Classified[] {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new ImportError("is not a folder", folder);
  }
  const names = fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith("."))
    .map((d) => d.name)
    .sort();
  return names.map((fileName): Classified => {
    const bytes = fs.readFileSync(path.join(folder, fileName));
    const loaded: Loaded = { fileName, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    const lower = fileName.toLowerCase();
    if (lower.endsWith(".ods")) {
      let sheets: ReturnType<typeof readOds> | null = null;
      try {
        sheets = readOds(new Uint8Array(bytes));
      } catch {
        // not a readable workbook: the Ofsted parser names the file and the reason
      }
      const format = sheets ? odsFormatFor(sheets) : undefined;
      if (format && sheets) return { ...loaded, kind: "format", parsed: format.parse(fileName, sheets) };
      const verdict = sheets ? recogniseOds(sheets) : ({ recognised: true } as const);
      if (!verdict.recognised) return { ...loaded, kind: "unrecognised", reason: verdict.reason };
      return { ...loaded, kind: "ofsted" };
    }
    if (!lower.endsWith(".csv")) return { ...loaded, kind: "unrecognised", reason: "not a .csv or .ods file" };
    const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    if (utf16) throw new ImportError("is UTF-16 text: save it as UTF-8 (published DfE files are UTF-8)", fileName, 1);
    if (bytes.includes(0)) throw new ImportError("contains NUL bytes: this is not a text CSV file", fileName, 1);
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\uFFFD")) {
      const line = text.slice(0, text.indexOf("\uFFFD")).split("\n").length;
      throw new ImportError("is not valid UTF-8 text (published DfE files are UTF-8)", fileName, line);
    }
    const header = firstCsvRecord(text);
    const format = csvFormatFor(header);
    if (format) return { ...loaded, kind: "format", parsed: format.parse(fileName, text) };
    if (looksLikeStatNeighbours(header)) {
      const model = requireGrouping(fileName);
      return { ...loaded, kind: "stat-neighbours", parsed: parseStatNeighbours(fileName, text), editionRank: editionOf(model), model };
    }
    const normalized = header.map(normalizeColumn);
    const isTidy =
      normalized.some((n) => (KEY_COLUMNS.time_period as readonly string[]).includes(n)) &&
      normalized.some((n) => (KEY_COLUMNS.geographic_level as readonly string[]).includes(n));
    if (!isTidy && normalized.some(isKnownMeasureColumn)) {
      // Measure columns of a known series but a key column missing or misspelt: fail, naming it
      // (parseTidyCsv's column mapping says which key is missing and the nearest column to it).
      parseTidyCsv(fileName, text);
    }
    if (!isTidy) {
      return {
        ...loaded,
        kind: "unrecognised",
        reason: "a CSV without the time_period and geographic_level columns of a DfE tidy file, nor a statistical neighbour file",
      };
    }
    const parsed = parseTidyCsv(fileName, text);
    return { ...loaded, kind: "tidy", parsed, editionRank: parsed.periods.at(-1) ?? 0 };
  });
}

/** `now` is the clock of the reopen check after the import (tests pass a fixed one). */
export async function importFolder(
  prisma: PrismaClient,
  folder: string,
  log: (line: string) => void = () => {},
  options: { now?: Clock } = {},
): Promise<ImportSummary> {
  const now = options.now ?? clockNow;
  const started = Date.now();
  log(`Reading ${folder}`);
  const classified = readFolder(folder);
  for (const f of classified) {
    if (f.kind === "tidy")
      log(
        `  parsed ${f.fileName}: ${f.parsed.series}, ${f.parsed.rows.length} rows, ${f.parsed.mapping.measures.length} measures, ${f.parsed.periods[0]}–${f.parsed.periods.at(-1)}`,
      );
    if (f.kind === "stat-neighbours") log(`  parsed ${f.fileName}: statistical neighbours for ${f.parsed.rows.length} LAs`);
    if (f.kind === "format") log(`  parsed ${f.fileName}: ${f.parsed.summary}`);
    if (f.kind === "unrecognised") log(`  NOT RECOGNISED ${f.fileName}: ${f.reason}`);
  }

  const { written: outcomes, calculated } = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("select pg_advisory_xact_lock(72707370)");
      // Issue 9 (lib/triage): triage saves wait for this import; after it, reviewed LAs whose flags or
      // score got worse return to the analysts' inbox, in this same transaction.
      await lockTriageWrites(tx);
      const written = await writeAll(tx, classified, log);
      const calculated = [
        ...(written.some((o) => o.status === "imported" && o.kind === "tidy") ? await calculateRates(tx, log) : []),
        ...(written.some((o) => o.status === "imported") ? await calculateFromIndicators(tx, log) : []),
      ];
      if (written.some((o) => o.status === "imported")) await reopenChangedSinceReview(tx, { now: now(), log });
      return { written, calculated };
    },
    { timeout: 600_000, maxWait: 30_000 },
  );

  const totals = { files: outcomes.length, imported: 0, unchanged: 0, unrecognised: 0, rows: 0, values: 0, markers: emptyMarkers() };
  for (const o of outcomes) {
    if (o.status === "imported") totals.imported++;
    if (o.status === "unchanged") totals.unchanged++;
    if (o.status === "not recognised") totals.unrecognised++;
    totals.rows += o.rows;
    totals.values += o.values;
    for (const [m, n] of Object.entries(o.markers) as [Marker, number][]) totals.markers[m] += n;
  }
  return { folder, files: outcomes, totals, calculated, definitionsVersion: DEFINITIONS_VERSION, millis: Date.now() - started };
}

async function writeAll(tx: Tx, classified: Classified[], log: (line: string) => void): Promise<FileOutcome[]> {
  const outcomes = new Map<string, FileOutcome>();
  // The import key is the file's checksum AND the definitions it was read with: after a change to
  // the catalogue (lib/catalogue/indicators.ts: a newly mapped column), files imported before are read again.
  const known = new Set(
    (await tx.dataRelease.findMany({ select: { series: true, sha256: true, definitionsVersion: true } })).map(
      (r) => `${r.series}|${r.sha256}|${r.definitionsVersion}`,
    ),
  );
  const seriesOf = (f: Classified): DataSeries | null =>
    f.kind === "tidy" || f.kind === "format"
      ? f.parsed.series
      : f.kind === "stat-neighbours"
        ? "STATISTICAL_NEIGHBOURS"
        : f.kind === "ofsted"
          ? "OFSTED"
          : null;
  const todo: Classified[] = [];
  for (const f of classified) {
    const series = seriesOf(f);
    if (f.kind === "unrecognised") {
      outcomes.set(f.fileName, {
        fileName: f.fileName,
        kind: "unrecognised",
        status: "not recognised",
        reason: f.reason,
        rows: 0,
        values: 0,
        markers: {},
      });
    } else if (
      series &&
      known.has(`${series}|${f.sha256}|${f.kind === "tidy" ? DEFINITIONS_VERSION : f.kind === "format" ? f.parsed.definitionsVersion : ""}`)
    ) {
      outcomes.set(f.fileName, {
        fileName: f.fileName,
        kind: f.kind === "format" ? f.parsed.kind : f.kind,
        series,
        status: "unchanged",
        reason: "this exact file was imported before with the same indicator definitions",
        rows: 0,
        values: 0,
        markers: {},
      });
      log(`  unchanged ${f.fileName} (already imported)`);
    } else {
      todo.push(f);
    }
  }

  await upsertIndicators(tx);
  const tidy = todo.filter((f): f is ParsedTidy => f.kind === "tidy").sort((a, b) => a.editionRank - b.editionRank);
  await upsertGeography(tx, tidy);
  await upsertBoundaryChanges(tx);

  for (const f of tidy) outcomes.set(f.fileName, await writeTidy(tx, f, log));
  for (const f of todo.filter((f): f is ParsedSn => f.kind === "stat-neighbours").sort((a, b) => a.editionRank - b.editionRank)) {
    outcomes.set(f.fileName, await writeStatNeighbours(tx, f, log));
  }
  const formatFiles = todo
    .filter((f): f is ParsedFormat => f.kind === "format")
    .sort(
      (a, b) => FORMATS_ORDER.indexOf(a.parsed.kind) - FORMATS_ORDER.indexOf(b.parsed.kind) || a.parsed.editionRank - b.parsed.editionRank,
    );
  for (const f of formatFiles) outcomes.set(f.fileName, { fileName: f.fileName, ...(await f.parsed.write(tx, f, log)) });
  const odsFiles = todo.filter((f): f is PendingOds => f.kind === "ofsted");
  if (odsFiles.length > 0) {
    const resolver = await buildResolver(tx);
    const workbooks = odsFiles
      .map((f) => ({ f, wb: parseOfstedWorkbook(f.fileName, new Uint8Array(f.bytes), resolver) }))
      .sort((a, b) => a.wb.asAt.localeCompare(b.wb.asAt));
    for (const { f, wb } of workbooks) outcomes.set(f.fileName, await writeOfsted(tx, f, wb, log));
  }
  return classified.map((f) => outcomes.get(f.fileName)!);
}

async function upsertIndicators(tx: Tx) {
  for (const [i, d] of (INDICATORS as readonly CatalogueIndicator[]).entries()) {
    const data = {
      label: d.label,
      shortLabel: d.shortLabel,
      description: d.description,
      unit: d.unit,
      polarity: d.polarity,
      series: d.series,
      sourceColumn: sourceColumns(d)[0] ?? d.selection?.column ?? "",
      referenceDate: seriesById(d.series).referenceDate,
      decimals: d.decimals,
      isHeadline: d.roles?.includes("headline") ?? false,
      sortOrder: i,
    };
    await tx.indicator.upsert({ where: { id: d.id }, create: { id: d.id, ...data }, update: data });
  }
}

/** Regions and LAs as the newest rows of the files describe them. */
async function upsertGeography(tx: Tx, files: ParsedTidy[]) {
  const regions = new Map<string, string>();
  type LaInfo = { period: number; name: string; onsCode: string; regionCode: string; subRegionCode: string | null };
  const las = new Map<string, LaInfo>();
  const codes = new Map<string, { laNumber: string; fileName: string; line: number }>();
  const names = new Map<string, Set<string>>();
  const regionRefs = new Map<string, { fileName: string; line: number }>(); // first LA row naming each region code
  // ONS codes already stored belong to their LA for good: a file giving one to another LA is wrong.
  const storedCodes = new Map(
    (await tx.laCode.findMany({ select: { onsCode: true, laNumber: true } })).map((c) => [c.onsCode, c.laNumber]),
  );
  for (const f of files) {
    for (const row of f.parsed.rows) {
      if (row.regionCode && row.regionName) regions.set(row.regionCode, row.regionName);
      const regionCode = row.regionCode;
      if (row.level !== "LOCAL_AUTHORITY" || !regionCode) continue;
      const isLondon = regionCode.startsWith("E13");
      if (!regionRefs.has(regionCode)) regionRefs.set(regionCode, { fileName: f.fileName, line: row.line });
      row.laNumbers.forEach((laNumber, i) => {
        const onsCode = row.onsCodes[i]!;
        const seen = codes.get(onsCode);
        if (seen && seen.laNumber !== laNumber) {
          throw new ImportError(
            `ONS code ${onsCode} is given to LA ${laNumber} here but to LA ${seen.laNumber} in ${seen.fileName} line ${seen.line}`,
            f.fileName,
            row.line,
          );
        }
        const stored = storedCodes.get(onsCode);
        if (stored !== undefined && stored !== laNumber) {
          throw new ImportError(
            `ONS code ${onsCode} is given to LA ${laNumber} here but belongs to LA ${stored} in the database`,
            f.fileName,
            row.line,
            "new_la_code",
          );
        }
        codes.set(onsCode, { laNumber, fileName: f.fileName, line: row.line });
        const name = row.laNames[i] ?? row.laNames[0]!;
        if (!names.has(laNumber)) names.set(laNumber, new Set());
        names.get(laNumber)!.add(name);
        const current = las.get(laNumber);
        if (!current || row.period >= current.period) {
          las.set(laNumber, {
            period: row.period,
            name: current && row.laNumbers.length > 1 ? current.name : name,
            onsCode,
            regionCode: isLondon ? LONDON_CODE : regionCode,
            subRegionCode: isLondon ? regionCode : null,
          });
        }
      });
    }
  }
  if (regions.has("E13000001") || regions.has("E13000002")) regions.set(LONDON_CODE, regions.get(LONDON_CODE) ?? "London");
  const knownRegions = new Set([...regions.keys(), ...(await tx.region.findMany({ select: { code: true } })).map((r) => r.code)]);
  for (const [code, at] of regionRefs) {
    if (!knownRegions.has(code))
      throw new ImportError(
        `region ${code} is not known: no row of the file names it and it is not in the database`,
        at.fileName,
        at.line,
        "region_name",
      );
  }
  // Parents first, so London exists before its sub-regions reference it.
  for (const [code, name] of [...regions].sort(([a], [b]) => a.localeCompare(b))) {
    const parentCode = code.startsWith("E13") ? LONDON_CODE : null;
    await tx.region.upsert({ where: { code }, create: { code, name, parentCode }, update: { name, parentCode } });
  }
  const existing = new Map(
    (await tx.localAuthority.findMany({ select: { laNumber: true, onsCode: true } })).map((l) => [l.laNumber, l.onsCode]),
  );
  for (const [laNumber, info] of las) {
    const { existsFrom, existsTo } = existenceDates(laNumber);
    const data = {
      name: info.name,
      onsCode: info.onsCode,
      regionCode: info.regionCode,
      subRegionCode: info.subRegionCode,
      laType: laTypeFromOnsCode(info.onsCode),
      existsFrom: existsFrom ? new Date(existsFrom) : null,
      existsTo: existsTo ? new Date(existsTo) : null,
    };
    if (existing.has(laNumber)) await tx.localAuthority.update({ where: { laNumber }, data });
    else await tx.localAuthority.create({ data: { laNumber, ...data } });
  }
  for (const [onsCode, { laNumber }] of codes) {
    const { validFrom, validTo } = codeValidity(onsCode);
    const data = { laNumber, validFrom: validFrom ? new Date(validFrom) : null, validTo: validTo ? new Date(validTo) : null };
    await tx.laCode.upsert({ where: { onsCode }, create: { onsCode, ...data }, update: data });
  }
  const nameRows = [...names].flatMap(([laNumber, set]) =>
    [...set].map((name) => ({ source: "dfe", normalized: normalizeLaName(name), name, laNumber })),
  );
  if (nameRows.length) await tx.laName.createMany({ data: nameRows, skipDuplicates: true });
}

async function upsertBoundaryChanges(tx: Tx) {
  const present = new Set((await tx.localAuthority.findMany({ select: { laNumber: true } })).map((l) => l.laNumber));
  for (const c of BOUNDARY_CHANGES) {
    if (!c.links.every(([from, to]) => present.has(from) && present.has(to))) continue;
    const data = { kind: c.kind, effective: new Date(c.effective), description: c.description };
    await tx.boundaryChange.upsert({ where: { id: c.id }, create: { id: c.id, ...data }, update: data });
    await tx.boundaryChangeLink.createMany({
      data: c.links.map(([fromLaNumber, toLaNumber]) => ({ changeId: c.id, fromLaNumber, toLaNumber })),
      skipDuplicates: true,
    });
  }
}

function geoCodeOf(row: TidyFile["rows"][number]): string[] {
  if (row.level === "NATIONAL") return ["E92000001"];
  if (row.level === "REGIONAL") return [row.regionCode!];
  return row.laNumbers;
}

async function writeTidy(tx: Tx, f: ParsedTidy, log: (line: string) => void): Promise<FileOutcome> {
  const { parsed } = f;
  const droppedMeasures = await checkMeasuresAgainstEarlierReleases(tx, f);
  const release = await tx.dataRelease.create({
    data: {
      series: parsed.series,
      fileName: f.fileName,
      sha256: f.sha256,
      definitionsVersion: DEFINITIONS_VERSION,
      editionRank: f.editionRank,
      edition: `${parsed.periods[0]}–${parsed.periods.at(-1)}`,
      rowCount: parsed.rows.length,
      valueCount: 0,
      markerCount: 0,
    },
  });

  // Joint returns: one published figure shared by two LAs, stored against each with a link.
  const joints = new Map<string, { label: string; members: string[]; from: number; to: number }>();
  for (const row of parsed.rows) {
    if (row.laNumbers.length < 2) continue;
    const id = `${parsed.series}:${row.laNumbers.join("/")}`;
    const j = joints.get(id) ?? { label: row.laNames.join(" / "), members: row.laNumbers, from: row.period, to: row.period };
    j.from = Math.min(j.from, row.period);
    j.to = Math.max(j.to, row.period);
    joints.set(id, j);
  }
  for (const [id, j] of joints) {
    const old = await tx.jointReturn.findUnique({ where: { id } });
    const data = {
      series: parsed.series,
      label: j.label,
      fromPeriod: Math.min(j.from, old?.fromPeriod ?? j.from),
      toPeriod: Math.max(j.to, old?.toPeriod ?? j.to),
    };
    await tx.jointReturn.upsert({ where: { id }, create: { id, ...data }, update: data });
    await tx.jointReturnMember.createMany({ data: j.members.map((laNumber) => ({ jointReturnId: id, laNumber })), skipDuplicates: true });
  }

  const incoming: IncomingValue[] = [];
  const markers = emptyMarkers();
  for (const row of parsed.rows) {
    const jointReturnId = row.laNumbers.length > 1 ? `${parsed.series}:${row.laNumbers.join("/")}` : null;
    for (const geoCode of geoCodeOf(row)) {
      for (const [indicatorId, cell] of row.cells) {
        incoming.push({
          indicatorId,
          geoLevel: row.level,
          geoCode,
          period: row.period,
          value: cell.value,
          marker: cell.marker,
          raw: cell.raw,
          jointReturnId,
        });
      }
    }
    // markers counted once per published cell, not per joint member
    for (const cell of row.cells.values()) if (cell.marker) markers[cell.marker]++;
  }

  const indicatorIds = parsed.mapping.measures.map((m) => m.indicator.id);
  const plan = await planAndWriteValues(tx, incoming, indicatorIds, f.editionRank, release.id);

  const markerCount = Object.values(markers).reduce((a, b) => a + b, 0);
  await tx.dataRelease.update({ where: { id: release.id }, data: { valueCount: incoming.length, markerCount } });
  const c = plan.counts;
  log(
    `  imported ${f.fileName}: ${incoming.length} values (${c.inserted} new, ${c.revised} revised, ${c.reaffirmed} reaffirmed, ${c.unchanged} unchanged, ${c.keptNewer} kept from a newer release)`,
  );
  if (parsed.mapping.unmapped.length) log(`    columns not used: ${parsed.mapping.unmapped.join(", ")}`);
  for (const d of droppedMeasures) {
    log(
      `    no longer published: ${d.column} (${d.indicatorId}; latest stored ${d.lastPeriod ?? "none"})${d.calculated ? " — calculated by this service from published counts where no published figure exists" : ""}`,
    );
  }
  return {
    fileName: f.fileName,
    kind: "tidy",
    series: parsed.series,
    status: "imported",
    rows: parsed.rows.length,
    values: incoming.length,
    markers,
    counts: c,
    unmappedColumns: parsed.mapping.unmapped,
    droppedMeasures,
  };
}

/**
 * Measures earlier releases of this series carried (values stored, not calculated) that this file
 * lacks. When the file also has a column nobody maps, that column is most likely the missing measure
 * under a misspelt or new name: fail, naming both and the nearest known name, rather than import a
 * release without it. Otherwise the release stopped publishing them: returned, for the summary.
 */
async function checkMeasuresAgainstEarlierReleases(tx: Tx, f: ParsedTidy): Promise<DroppedMeasure[]> {
  const { parsed } = f;
  const seriesIds: string[] = indicatorsBy({ series: parsed.series }).map((d) => d.id);
  const mapped = new Set(parsed.mapping.measures.map((m) => m.indicator.id));
  const earlier = await tx.$queryRawUnsafe<{ indicatorId: string; lastPeriod: number }[]>(
    `select "indicatorId", max(period) as "lastPeriod" from indicator_value
      where "indicatorId" = any($1::text[]) and not calculated group by "indicatorId"`,
    seriesIds,
  );
  const missing = earlier
    .filter((e) => !mapped.has(e.indicatorId))
    .sort((a, b) => seriesIds.indexOf(a.indicatorId) - seriesIds.indexOf(b.indicatorId));
  const defOf = (id: string) => indicatorById(id as IndicatorId);
  const unmapped = parsed.mapping.unmapped;
  if (missing.length > 0 && unmapped.length > 0) {
    const knownNames = indicatorsBy({ series: parsed.series }).flatMap((d) => sourceColumns(d));
    const hints = unmapped.map((col) => {
      const near = nearestKnownName(col, knownNames);
      return `"${col}" (nearest known name: "${near?.name}")`;
    });
    const missingText = missing
      .map((m) => `"${sourceColumns(defOf(m.indicatorId))[0]}" (${m.indicatorId}, published up to ${m.lastPeriod})`)
      .join(", ");
    throw new ImportError(
      `this ${parsed.series} file lacks ${missing.length === 1 ? "a measure" : "measures"} earlier releases had — ${missingText} — and has ${unmapped.length === 1 ? "a column" : "columns"} no measure maps: ${hints.join(", ")}. ` +
        `If a column was renamed, add its new name to the measure's columns in lib/catalogue/indicators.ts; nothing was imported`,
      f.fileName,
      1,
      unmapped[0],
    );
  }
  return missing.map((m) => ({
    indicatorId: m.indicatorId,
    column: sourceColumns(defOf(m.indicatorId))[0]!,
    lastPeriod: m.lastPeriod,
    calculated: defOf(m.indicatorId).perTenThousand !== undefined,
  }));
}

/**
 * Rates per 10,000 children that follow from a published count and the ONS 0–17 population
 * (definitions' `perTenThousand`; population of mid-year period − 1, FORMATS.md §13). Written only
 * where no published rate exists (e.g. every 2025 rate, which the 2025 children in need release no
 * longer publishes), marked `calculated`, with the release of the count they come from. A published
 * rate is replaced only when a newer release withdrew its count (a number became a marker): the
 * revision wins, and the summary says so.
 */
async function calculateRates(tx: Tx, log: (line: string) => void): Promise<CalculatedOutcome[]> {
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

/** The April 2021 layout; both layouts are written by lib/import/formats/neighbour-groupings.ts (decision 0021). */
async function writeStatNeighbours(tx: Tx, f: ParsedSn, log: (line: string) => void): Promise<FileOutcome> {
  return { fileName: f.fileName, ...(await writeNeighbourGrouping(tx, f, f.parsed, f.model, log)) };
}

/** Resolve Ofsted's LA references (ONS code, or a name in the 2024 layout) to DfE LA numbers. */
async function buildResolver(tx: Tx): Promise<LaResolver> {
  const las = await tx.localAuthority.findMany({
    select: { laNumber: true, existsTo: true, codes: { select: { onsCode: true } }, names: { select: { normalized: true } } },
  });
  const byCode = new Map<string, string>();
  const byName = new Map<string, { laNumber: string; current: boolean }[]>();
  for (const la of las) {
    for (const c of la.codes) byCode.set(c.onsCode, la.laNumber);
    for (const n of new Set(la.names.map((x) => x.normalized))) {
      const list = byName.get(n) ?? [];
      list.push({ laNumber: la.laNumber, current: la.existsTo === null });
      byName.set(n, list);
    }
  }
  return (ref, where) => {
    if (ref.onsCode) {
      const hit = byCode.get(ref.onsCode);
      if (hit) return hit;
    }
    const candidates = byName.get(normalizeLaName(ref.name)) ?? [];
    // "Dorset" is both the abolished county (835) and today's unitary (838): Ofsted's tables name current LAs.
    const chosen =
      candidates.length === 1
        ? candidates[0]
        : candidates.filter((c) => c.current).length === 1
          ? candidates.find((c) => c.current)
          : undefined;
    if (chosen) return chosen.laNumber;
    throw new ImportError(
      `local authority ${shown(ref.name)}${ref.onsCode ? ` (${shown(ref.onsCode)})` : ""} is not known${candidates.length > 1 ? " unambiguously" : ""}; import the DfE data files first or together`,
      where,
    );
  };
}

function dateOrNull(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

const isoOrNull = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function writeOfsted(tx: Tx, f: PendingOds, wb: OfstedWorkbook, log: (line: string) => void): Promise<FileOutcome> {
  const release = await tx.dataRelease.create({
    data: {
      series: "OFSTED",
      fileName: f.fileName,
      sha256: f.sha256,
      definitionsVersion: "", // read without the indicator definitions
      editionRank: Number(wb.asAt.replaceAll("-", "")),
      edition: `as at ${wb.asAt}`,
      rowCount: wb.positions.length + wb.events.length,
      valueCount: wb.positions.length,
      markerCount: 0,
    },
  });
  const stored = await tx.inspection.findMany();
  const existing: StoredInspection[] = stored.map((s) => ({
    id: s.id,
    laNumber: s.laNumber,
    type: s.type,
    inspectionDate: isoOrNull(s.inspectionDate),
    publicationDate: isoOrNull(s.publicationDate),
    overall: s.overall,
    leadership: s.leadership,
    helpAndProtection: s.helpAndProtection,
    childrenInCare: s.childrenInCare,
    careLeavers: s.careLeavers,
    visitTheme: s.visitTheme,
    source: `inspection ${s.id}`,
  }));
  const { updates, inserts } = mergeInspections(existing, wb.events);
  const toData = (e: OfstedEvent) => ({
    laNumber: e.laNumber,
    type: e.type as InspectionType,
    inspectionDate: dateOrNull(e.inspectionDate),
    publicationDate: dateOrNull(e.publicationDate),
    overall: e.overall as Judgement | null,
    leadership: e.leadership,
    helpAndProtection: e.helpAndProtection,
    childrenInCare: e.childrenInCare,
    careLeavers: e.careLeavers,
    visitTheme: e.visitTheme,
    releaseId: release.id,
  });
  for (const u of updates) await tx.inspection.update({ where: { id: u.id }, data: toData(u) });
  if (inserts.length) await tx.inspection.createMany({ data: inserts.map(toData) });

  const asAt = new Date(`${wb.asAt}T00:00:00Z`);
  await tx.ofstedPosition.deleteMany({ where: { asAt } });
  await tx.ofstedPosition.createMany({
    data: wb.positions.map((p) => ({
      asAt,
      laNumber: p.laNumber,
      inspectionDate: dateOrNull(p.inspectionDate),
      publicationDate: dateOrNull(p.publicationDate),
      overall: p.overall,
      leadership: p.leadership,
      helpAndProtection: p.helpAndProtection,
      childrenInCare: p.childrenInCare,
      careLeavers: p.careLeavers,
      releaseId: release.id,
    })),
  });
  log(
    `  imported ${f.fileName}: position as at ${wb.asAt} for ${wb.positions.length} LAs; ${wb.events.length} inspection/visit rows (${inserts.length} new, ${updates.length} updated)`,
  );
  return {
    fileName: f.fileName,
    kind: "ofsted",
    series: "OFSTED",
    status: "imported",
    rows: wb.positions.length + wb.events.length,
    values: wb.positions.length,
    markers: {},
    counts: {
      positions: wb.positions.length,
      events: wb.events.length,
      newInspections: inserts.length,
      updatedInspections: updates.length,
    },
  };
}

export function formatSummary(s: ImportSummary): string {
  const lines = [
    `Import summary for ${s.folder}`,
    `  files: ${s.totals.files} (${s.totals.imported} imported, ${s.totals.unchanged} unchanged, ${s.totals.unrecognised} not recognised)`,
    `  rows read: ${s.totals.rows}; values written or checked: ${s.totals.values}`,
    `  markers: ${(Object.entries(s.totals.markers) as [Marker, number][]).map(([m, n]) => `${m}=${n}`).join(", ")}`,
  ];
  lines.push(`  indicator definitions: version ${s.definitionsVersion} (a file imported under other definitions is read again)`);
  for (const f of s.files) {
    if (f.status === "not recognised") lines.push(`  not recognised: ${f.fileName} — ${f.reason}`);
    if (f.unmappedColumns?.length)
      lines.push(`  ${f.fileName}: columns not mapped to any measure (not imported): ${f.unmappedColumns.join(", ")}`);
    for (const note of f.notes ?? []) lines.push(`  ${f.fileName}: ${note}`);
    for (const d of f.droppedMeasures ?? []) {
      lines.push(
        `  ${f.fileName}: no longer publishes ${d.column} (${d.indicatorId}); figures up to ${d.lastPeriod} are kept from earlier releases` +
          (d.calculated ? "; later years are calculated by this service from published counts" : "; later years have no figure"),
      );
    }
  }
  for (const c of s.calculated) {
    if (c.written === 0 && c.noPopulation.length === 0) continue;
    lines.push(
      `  calculated by this service from published counts: ${c.indicatorId}, ${c.written} figures` +
        (c.replacedWithdrawn ? ` (${c.replacedWithdrawn} replace a published rate whose count a newer release withdrew)` : "") +
        (c.noPopulation.length ? `; not calculated for ${c.noPopulation.join(", ")}: no ONS population estimate for the year before` : ""),
    );
  }
  lines.push(`  time: ${(s.millis / 1000).toFixed(1)} s`);
  return lines.join("\n");
}

export type { SeriesId };
