// An OHID Fingertips indicator export (FORMATS.md §10: la_hospital_admissions_2324.csv) — not the DfE
// layout. One row per area × period × sex × age × category; areas by ONS code (matched to DfE LA numbers
// through la_code); "2023/24" is the period ending in 2024. The catalogue's series with a `fingertips`
// layout say which indicator id a file holds, and each of their indicators picks rows with a selection
// (persons, all ages of the indicator, no deprivation category) and a value column.
//
// Missing figures are blank cells with a `Value note`, not EES markers; they are read so:
//  - "Value for A and B combined": the area with the figure holds both areas' combined figure; both are
//    stored with it, linked as a joint return (as joint workforce returns are, decision 0004);
//  - "Not presented due to …" (a hospital trust's data-quality problem): u;
//  - "… suppressed for disclosure control …": c;
//  - any other blank figure fails, naming the line and the note.
// England's rows appear twice (Parent Code blank and E92000001): one is kept, and they must agree.
import { periodYears, readCsvRecords } from "../parse-tidy-csv";
import { INDICATORS, SERIES, selectedValues, type CatalogueIndicator, type SeriesDef, type SeriesId } from "@/lib/catalogue";
import type { Marker } from "@/lib/generated/prisma/enums";
import { MAX_ABS_VALUE, shown, type Cell } from "@/lib/core/markers";
import type { IncomingValue } from "../plan-values";
import { emptyMarkers, type FileOutcome } from "../summary";
import { ImportError } from "../types";
import { onsCodeResolver } from "../write/geography";
import { createRelease, periodSpan } from "../write/release";
import { jointReturnId, upsertJointReturns, writeReleaseValues } from "../write/values";
import { parsedFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";

const KEYS = {
  id: "Indicator ID",
  name: "Indicator Name",
  areaCode: "Area Code",
  areaName: "Area Name",
  areaType: "Area Type",
  period: "Time period",
  note: "Value note",
  category: "Category",
} as const;
/** Read to place and date a row, or descriptive: never a figure. */
const DESCRIPTIVE = ["Parent Code", "Parent Name", "Time period Sortable", "Time period range"];

type FingertipsSeries = SeriesDef & { id: SeriesId; layout: Extract<SeriesDef["layout"], { kind: "fingertips" }> };

export type FingertipsFigure = {
  line: number;
  areaCode: string;
  areaName: string;
  level: "NATIONAL" | "LOCAL_AUTHORITY";
  period: number;
  /** "2023/24" */
  periodText: string;
  cells: Map<string, Cell>;
  /** the other areas whose combined figure this is (their rows carry the same note) */
  combinedWith: string[];
};

export type FingertipsFile = {
  series: FingertipsSeries["id"];
  figures: FingertipsFigure[];
  unusedColumns: string[];
  notes: string[];
  markers: Record<Marker, number>;
};

const fingertipsSeries = () =>
  (SERIES as readonly (SeriesDef & { id: SeriesId })[]).filter((s): s is FingertipsSeries => s.layout.kind === "fingertips");

export function looksLikeFingertips(header: readonly string[]): boolean {
  const h = new Set(header.map((c) => c.replace(/^\uFEFF/, "").trim()));
  return [KEYS.id, KEYS.areaCode, KEYS.areaType, KEYS.period, "Value"].every((c) => h.has(c));
}

/** "2023/24" → 2024 (the period ends in that year); null for anything else, or a year outside periodYears(). */
export function fingertipsPeriod(text: string): number | null {
  const m = /^(\d{4})\/(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const [first, last] = periodYears();
  return (start + 1) % 100 === Number(m[2]) && start + 1 >= first && start + 1 <= last ? start + 1 : null;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
/** A rate or a count of admissions: a number, not below zero, in range. Null: fine. */
function numberProblem(raw: string): string | null {
  if (!NUMBER.test(raw)) return "is not a number";
  const n = Number(raw);
  if (n < 0) return "is negative: a rate or count of admissions cannot be below zero";
  return Number.isFinite(n) && n < MAX_ABS_VALUE ? null : "is out of range";
}

export function parseFingertips(fileName: string, text: string): FingertipsFile {
  const records = readCsvRecords(fileName, text, { relaxColumnCount: true, skipEmptyLines: true });
  const header = (records[0] ?? []).map((c) => c.trim());
  const col = new Map(header.map((c, i) => [c, i]));
  const need = (name: string) => {
    const i = col.get(name);
    if (i === undefined)
      throw new ImportError(`column "${name}" is missing: not the Fingertips layout this importer reads`, fileName, 1, name);
    return i;
  };
  const idCol = need(KEYS.id);
  const ids = new Set(records.slice(1).map((r) => (r[idCol] ?? "").trim()));
  if (ids.size !== 1)
    throw new ImportError(
      `holds ${ids.size} indicators (${[...ids].slice(0, 5).join(", ")}); one file, one indicator`,
      fileName,
      2,
      KEYS.id,
    );
  const fingertipsId = [...ids][0]!;
  const series = fingertipsSeries().find((s) => s.layout.fingertipsId === fingertipsId);
  if (!series)
    throw new ImportError(
      `Fingertips indicator ${shown(fingertipsId)} is not in the catalogue (lib/catalogue/series.ts knows ${fingertipsSeries()
        .map((s) => s.layout.fingertipsId)
        .join(", ")})`,
      fileName,
      2,
      KEYS.id,
    );
  const defs = (INDICATORS as readonly CatalogueIndicator[]).filter((d) => d.series === series.id && d.selection);
  const filterCols = series.layout.filterColumns.map((c) => [c, need(c)] as const);
  const valueCols = defs.map((d) => [d, need(d.selection!.column)] as const);
  const codeCol = need(KEYS.areaCode);
  const nameCol = need(KEYS.areaName);
  const typeCol = need(KEYS.areaType);
  const periodCol = need(KEYS.period);
  const noteCol = need(KEYS.note);
  const catCol = need(KEYS.category);
  const read = new Set<number>([
    ...filterCols.map(([, i]) => i),
    ...valueCols.map(([, i]) => i),
    codeCol,
    nameCol,
    typeCol,
    periodCol,
    noteCol,
    catCol,
    col.get(KEYS.name) ?? -1,
  ]);
  const unusedColumns = header.filter((c, i) => !read.has(i) && !DESCRIPTIVE.includes(c) && c !== "");

  const figures: FingertipsFigure[] = [];
  const byKey = new Map<string, FingertipsFigure>();
  const skipped = new Map<string, number>();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  const markers = emptyMarkers();
  const readNotes = new Map<string, number>();
  const combined = new Map<string, FingertipsFigure[]>(); // "period|note" → figures of a combined-areas note
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = r + 1;
    if (rec.length !== header.length) throw new ImportError(`has ${rec.length} fields; the header has ${header.length}`, fileName, line);
    const get = (i: number) => (rec[i] ?? "").trim();
    const off = filterCols.find(([c, i]) => !selectedValues(defs[0]!.selection!, c).includes(get(i)));
    if (off) {
      skip(`${off[0]} ${shown(get(off[1]) || "(blank)")}`);
      continue;
    }
    const areaType = get(typeCol);
    const level = areaType === "England" ? "NATIONAL" : /^Counties & UAs/i.test(areaType) ? "LOCAL_AUTHORITY" : null;
    if (!level) {
      skip(`Area Type ${shown(areaType)}`);
      continue;
    }
    const areaCode = get(codeCol);
    if (!/^E\d{8}$/.test(areaCode))
      throw new ImportError(`area code ${shown(areaCode)} is not a 9-character ONS code`, fileName, line, KEYS.areaCode);
    if (level === "NATIONAL" && areaCode !== "E92000001")
      throw new ImportError(`England's code is ${shown(areaCode)}, not E92000001`, fileName, line, KEYS.areaCode);
    const periodText = get(periodCol);
    const period = fingertipsPeriod(periodText);
    if (period === null)
      throw new ImportError(
        `time period ${shown(periodText)} is not a year such as 2023/24, ending in ${periodYears().join("–")}`,
        fileName,
        line,
        KEYS.period,
      );
    if (get(catCol) !== "")
      throw new ImportError(`a row with no category type has the category ${shown(get(catCol))}`, fileName, line, KEYS.category);
    const note = get(noteCol);
    const cells = new Map<string, Cell>();
    let combinedNote = false;
    for (const [d, i] of valueCols) {
      const raw = get(i);
      if (raw !== "") {
        const problem = numberProblem(raw);
        if (problem) throw new ImportError(`${d.selection!.column} ${shown(raw)} ${problem}`, fileName, line, d.selection!.column);
        cells.set(d.id, { value: Number(raw), marker: null, raw });
        continue;
      }
      let marker: Marker;
      if (/^Value for .+ combined$/i.test(note)) {
        combinedNote = true;
        continue; // filled from the area that holds the combined figure
      } else if (/^Not presented due to/i.test(note)) marker = "u";
      else if (/suppressed for disclosure control/i.test(note)) marker = "c";
      else
        throw new ImportError(
          `${d.selection!.column} is blank${note ? ` with the note ${shown(note)}` : " with no note"}: this importer does not know what that means`,
          fileName,
          line,
          d.selection!.column,
        );
      cells.set(d.id, { value: null, marker, raw: marker });
      markers[marker]++;
      readNotes.set(`${marker}: ${note.slice(0, 60)}…`, (readNotes.get(`${marker}: ${note.slice(0, 60)}…`) ?? 0) + 1);
    }
    const key = `${areaCode}|${period}`;
    const fig: FingertipsFigure = { line, areaCode, areaName: get(nameCol), level, period, periodText, cells, combinedWith: [] };
    const twin = byKey.get(key);
    if (twin) {
      // England twice (Parent Code blank and E92000001): the same figures, kept once
      const same = [...twin.cells].every(([id, c]) => fig.cells.get(id)?.raw === c.raw) && twin.cells.size === fig.cells.size;
      if (level !== "NATIONAL" || !same)
        throw new ImportError(
          `${fig.areaName} ${periodText} is also on line ${twin.line}${same ? "" : " with other figures"}`,
          fileName,
          line,
          KEYS.areaCode,
        );
      skip("England's duplicate rows (the same figures, Parent Code blank)");
      continue;
    }
    byKey.set(key, fig);
    figures.push(fig);
    if (/^Value for .+ combined$/i.test(note)) combined.set(`${period}|${note}`, [...(combined.get(`${period}|${note}`) ?? []), fig]);
    else if (combinedNote) throw new ImportError("a blank figure with a combined-areas note", fileName, line, KEYS.note);
  }
  if (figures.length === 0) throw new ImportError("no rows for persons of all ages without a category: nothing to import", fileName, 2);
  // Combined areas: exactly one row of each note and period holds the figures; the others share them.
  for (const [key, group] of combined) {
    const holders = group.filter((g) => g.cells.size === valueCols.length);
    const sharers = group.filter((g) => g.cells.size === 0);
    if (holders.length !== 1 || holders.length + sharers.length !== group.length) {
      throw new ImportError(
        `the note ${shown(key.split("|")[1]!)} (${group.map((g) => g.areaName).join(", ")}) should have the figures on exactly one row and none on the others`,
        fileName,
        group[0]!.line,
        KEYS.note,
      );
    }
    const holder = holders[0]!;
    holder.combinedWith = sharers.map((s) => s.areaCode);
    for (const s of sharers) {
      s.cells = new Map(holder.cells);
      s.combinedWith = [holder.areaCode];
    }
  }
  const combinedCount = [...combined.values()].reduce((n, g) => n + g.length - 1, 0);
  const notes = [
    ...[...skipped].map(([why, n]) => `${n} rows not imported: ${why}`),
    ...(combinedCount
      ? [
          `${combinedCount} area-years have no figure of their own ("Value for … combined"): they share the combined figure, stored as a joint return`,
        ]
      : []),
    ...[...readNotes].map(([text, n]) => `${n} blank figures with the note "${text.slice(3)}" stored as ${text[0]}`),
    `descriptive columns not stored: ${[KEYS.name, KEYS.areaName, ...DESCRIPTIVE].filter((c) => col.has(c)).join(", ")}`,
  ];
  return { series: series.id, figures, unusedColumns, notes, markers };
}

async function writeFingertips(tx: Tx, file: ParsedFile<FingertipsFile>, log: (line: string) => void): Promise<FileOutcome> {
  const f = file.content;
  const laOf = await onsCodeResolver(tx, file.fileName);
  const geo = (fig: FingertipsFigure) =>
    laOf({ level: fig.level, code: fig.areaCode, name: fig.areaName, line: fig.line, column: KEYS.areaCode, label: "area code" });
  const periods = f.figures.map((x) => x.period);
  const editionRank = Math.max(...periods);
  const release = await createRelease(tx, file, {
    series: f.series,
    editionRank,
    edition: periodSpan(periods),
    rowCount: f.figures.length,
    markers: f.markers,
  });
  // Combined figures: a joint return per group of areas, as for joint workforce returns (../write/values.ts).
  const names = new Map((await tx.localAuthority.findMany({ select: { laNumber: true, name: true } })).map((l) => [l.laNumber, l.name]));
  const joints: { laNumbers: string[]; laNames: string[]; period: number }[] = [];
  const incoming: IncomingValue[] = [];
  for (const fig of f.figures) {
    const geoCode = geo(fig);
    let joint: string | null = null;
    if (fig.combinedWith.length > 0) {
      const laNumbers = [geoCode, ...fig.combinedWith.map((code) => geo({ ...fig, areaCode: code }))].sort();
      joints.push({ laNumbers, laNames: laNumbers.map((m) => names.get(m) ?? m), period: fig.period });
      joint = jointReturnId(f.series, laNumbers);
    }
    for (const [indicatorId, cell] of fig.cells)
      incoming.push({
        indicatorId,
        geoLevel: fig.level,
        geoCode,
        period: fig.period,
        value: cell.value,
        marker: cell.marker,
        raw: cell.raw,
        jointReturnId: joint,
      });
  }
  await upsertJointReturns(tx, f.series, joints);
  const ids = [...new Set(incoming.map((v) => v.indicatorId))];
  const plan = await writeReleaseValues(tx, incoming, ids, { id: release.id, editionRank });
  await tx.dataRelease.update({ where: { id: release.id }, data: { valueCount: incoming.length } });
  const c = plan.counts;
  log(
    `  imported ${file.fileName}: ${f.figures.length} area-years, ${incoming.length} values (${c.inserted} new, ${c.revised} revised, ${c.reaffirmed} reaffirmed, ${c.unchanged} unchanged, ${c.keptNewer} kept from a newer release)`,
  );
  return {
    fileName: file.fileName,
    kind: "fingertips",
    series: f.series,
    status: "imported",
    rows: f.figures.length,
    values: incoming.length,
    markers: f.markers,
    counts: c,
    unmappedColumns: f.unusedColumns,
    notes: f.notes,
    ...(plan.recorded.length ? { revisions: plan.recorded } : {}),
  };
}

type Parsed = ParsedFile<FingertipsFile>;

export const fingertipsFormat: ImportFormat<FingertipsFile> = {
  kind: "fingertips",
  extensions: [".csv"],
  describes: "an OHID Fingertips indicator export (Indicator ID, Area Code, Time period, Value)",

  detect: (file: SniffedFile) => (file.header && looksLikeFingertips(file.header) ? { verdict: "mine" } : { verdict: "not mine" }),

  parse(file: SniffedFile): Parsed {
    const f = parseFingertips(file.fileName, file.text!);
    const periods = f.figures.map((x) => x.period);
    return parsedFile(file, {
      kind: "fingertips",
      series: f.series,
      editionRank: Math.max(...periods),
      description: `Fingertips ${f.series}, ${f.figures.length} area-years, ${periodSpan(periods)}`,
      content: f,
    });
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    const out: FileOutcome[] = [];
    for (const f of [...files].sort((a, b) => a.editionRank - b.editionRank)) out.push(await writeFingertips(tx, f, ctx.log));
    return out;
  },
};
