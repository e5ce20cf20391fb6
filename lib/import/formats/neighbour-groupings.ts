// DfE statistical-neighbour groupings, kept side by side (decision 0021). Reads the 2025 layout
// (`sn_model_2025_wide.csv`, FORMATS.md §11: old_la_code, la_name, SN_1…SN_10 each followed by SN_kP)
// and writes any grouping — also the April 2021 layout (./stat-neighbours-2021.ts, whose parser is
// lib/import/parse-stat-neighbours.ts).
// Which grouping a file is comes from its name: "…_April_2021.csv", or a year whose month the catalogue
// knows from the publisher ("sn_model_2025_wide.csv" → May 2025); a file that says neither is refused.
import { readCsvRecords } from "../parse-tidy-csv";
import {
  closenessBand,
  knownGroupingMonth,
  neighbourModel,
  CLOSENESS_BANDS,
  type NeighbourModelRef,
} from "@/lib/catalogue/neighbour-models";
import { successorsOf } from "@/lib/catalogue/boundary-changes";
import { nameProblem, shown } from "@/lib/core/markers";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { ImportError } from "../types";
import { createRelease } from "../write/release";
import type { FileOutcome } from "../summary";
import { parsedFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";

/** One LA's list, nearest first; `closeness` is the label as published (trimmed). */
export type GroupingRow = {
  line: number;
  laNumber: string;
  laName: string;
  neighbours: { rank: number; laNumber: string; closeness: string }[];
};
export type GroupingFile = { rows: GroupingRow[]; legacyRows: number };
/** A parsed grouping file of either layout, with the grouping its name says it is. */
export type ParsedGrouping = ParsedFile<{ grouping: GroupingFile; model: NeighbourModelRef }>;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/**
 * The grouping a file is, from its name: a month and year ("…_April_2021.csv"), or a year alone whose month
 * lib/catalogue/neighbour-models.ts records from the publisher ("sn_model_2025_wide.csv"). Null: neither.
 */
export function groupingFromName(fileName: string): NeighbourModelRef | null {
  const dated = new RegExp(`(${MONTHS.join("|")})[_ -]?((?:19|20)\\d{2})`, "i").exec(fileName);
  if (dated) return neighbourModel(Number(dated[2]), MONTHS.indexOf(dated[1]!.toLowerCase()) + 1);
  const year = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(fileName);
  const month = year ? knownGroupingMonth(Number(year[1])) : null;
  return year && month ? neighbourModel(Number(year[1]), month) : null;
}

/** The grouping of a file, or an ImportError saying why it cannot be told. */
export function requireGrouping(fileName: string): NeighbourModelRef {
  const model = groupingFromName(fileName);
  if (model) return model;
  throw new ImportError(
    "which statistical neighbour grouping this is cannot be told: its name gives no month and year (as in …_April_2021.csv), " +
      "nor a year whose publication month lib/catalogue/neighbour-models.ts records (GROUPING_MONTHS). Each period is compared with the grouping " +
      "in force when it was published, so the date is needed; nothing was imported",
    fileName,
  );
}

/** Editions order groupings: yyyymm. */
export const editionOf = (model: NeighbourModelRef) => Number(model.id.replace("-", ""));

const norm = (c: string) =>
  c
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

/** The 2025 layout: `old_la_code`, `la_name` and SN_1…SN_10, each followed by SN_kP. */
export function looksLikeGrouping2025(header: readonly string[]): boolean {
  const h = header.map(norm);
  return h[0] === "old_la_code" && ["sn_1", "sn_1p", "sn_10", "sn_10p"].every((c) => h.includes(c));
}

export function parseGrouping2025(fileName: string, text: string): GroupingFile {
  const records = readCsvRecords(fileName, text, { relaxColumnCount: true, skipEmptyLines: false });
  const header = records[0] ?? [];
  if (!looksLikeGrouping2025(header))
    throw new ImportError("header does not start with old_la_code and SN_1…SN_10", fileName, 1, header[0]);
  const h = header.map(norm);
  const at = (name: string) => {
    const i = h.indexOf(name);
    if (i < 0) throw new ImportError(`column "${name}" is missing`, fileName, 1, name);
    return i;
  };
  const codeCol = at("old_la_code");
  const nameCol = at("la_name");
  const cols = Array.from({ length: 10 }, (_, k) => ({ rank: k + 1, la: at(`sn_${k + 1}`), label: at(`sn_${k + 1}p`) }));
  // every column is read or named: region_ind/region_name describe the LA and are not stored
  const known = new Set([codeCol, nameCol, ...cols.flatMap((c) => [c.la, c.label])]);
  const extra = header.filter((_, i) => !known.has(i) && !["region_ind", "region_name"].includes(h[i]!) && h[i] !== "");
  if (extra.length)
    throw new ImportError(`column ${shown(extra[0]!)} is not part of the statistical neighbour layout`, fileName, 1, extra[0]);

  const rows: GroupingRow[] = [];
  const firstLine = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = r + 1;
    if (rec.every((c) => c.trim() === "")) continue; // a trailing blank line
    if (rec.length !== header.length) throw new ImportError(`has ${rec.length} fields; the header has ${header.length}`, fileName, line);
    const laNumber = rec[codeCol]!.trim();
    if (!/^\d{3}$/.test(laNumber))
      throw new ImportError(`LA number ${shown(laNumber)} is not a 3-digit DfE number`, fileName, line, header[codeCol]);
    const earlier = firstLine.get(laNumber);
    if (earlier !== undefined)
      throw new ImportError(`LA ${laNumber} already has its neighbours on line ${earlier}`, fileName, line, header[codeCol]);
    firstLine.set(laNumber, line);
    const laName = rec[nameCol]!.trim();
    const problem = nameProblem(laName);
    if (problem) throw new ImportError(`LA name ${shown(laName)} ${problem}`, fileName, line, header[nameCol]);
    const neighbours = cols.map(({ rank, la, label }) => {
      const n = rec[la]!.trim();
      if (!/^\d{3}$/.test(n))
        throw new ImportError(`neighbour ${rank} ${shown(n)} is not a 3-digit DfE number`, fileName, line, header[la]);
      if (n === laNumber) throw new ImportError("an LA cannot be its own neighbour", fileName, line, header[la]);
      const text = rec[label]!;
      if (!closenessBand(text))
        throw new ImportError(
          `unknown closeness label ${shown(text)} (expected one of ${CLOSENESS_BANDS.map((b) => b.label).join(", ")}, in any case)`,
          fileName,
          line,
          header[label],
        );
      return { rank, laNumber: n, closeness: text.trim() };
    });
    if (new Set(neighbours.map((x) => x.laNumber)).size !== 10) throw new ImportError("the same neighbour appears twice", fileName, line);
    rows.push({ line, laNumber, laName, neighbours });
  }
  if (rows.length === 0) throw new ImportError("no statistical neighbour rows", fileName, 2);
  return { rows, legacyRows: 0 };
}

/**
 * Stores one grouping: its lists replace those of the same grouping and leave every other grouping as
 * it is. A successor LA the grouping predates (Cumberland, Westmorland and Furness in April 2021) takes
 * its predecessor's list, marked `inheritedFrom`.
 */
export async function writeNeighbourGrouping(
  tx: Tx,
  file: { fileName: string; sha256: string },
  grouping: GroupingFile,
  model: NeighbourModelRef,
  log: (line: string) => void,
): Promise<FileOutcome> {
  const present = new Set((await tx.localAuthority.findMany({ select: { laNumber: true } })).map((l) => l.laNumber));
  for (const row of grouping.rows) {
    const missing = [row.laNumber, ...row.neighbours.map((n) => n.laNumber)].find((n) => !present.has(n));
    if (missing) {
      throw new ImportError(
        `LA ${missing} is not a known local authority (import the DfE data files first or together)`,
        file.fileName,
        row.line,
      );
    }
  }
  const release = await createRelease(tx, file, {
    series: "STATISTICAL_NEIGHBOURS",
    usesDefinitions: false,
    editionRank: editionOf(model),
    edition: model.id,
    rowCount: grouping.rows.length,
    valueCount: grouping.rows.length * 10,
  });
  const link = (laNumber: string, n: GroupingRow["neighbours"][number], inheritedFrom: string | null) => ({
    model: model.id,
    laNumber,
    rank: n.rank,
    neighbourLaNumber: n.laNumber,
    closeness: n.closeness,
    band: closenessBand(n.closeness)!,
    inheritedFrom,
    releaseId: release.id,
  });
  const rows = grouping.rows.flatMap((r) => r.neighbours.map((n) => link(r.laNumber, n, null)));
  const listed = new Set(grouping.rows.map((r) => r.laNumber));
  let inherited = 0;
  for (const r of grouping.rows) {
    for (const successor of successorsOf(r.laNumber)) {
      if (listed.has(successor) || !present.has(successor)) continue;
      inherited++;
      for (const n of r.neighbours) rows.push(link(successor, n, r.laNumber));
    }
  }
  await tx.statisticalNeighbour.deleteMany({ where: { model: model.id } });
  const data = {
    label: model.label,
    publishedOn: new Date(`${model.publishedOn}T00:00:00Z`),
    releaseId: release.id,
    fileName: file.fileName,
  };
  await tx.neighbourModel.upsert({ where: { id: model.id }, create: { id: model.id, ...data }, update: data });
  await tx.statisticalNeighbour.createMany({ data: rows });
  await tx.laName.createMany({
    data: grouping.rows.map((r) => ({ source: "sn", normalized: normalizeLaName(r.laName), name: r.laName, laNumber: r.laNumber })),
    skipDuplicates: true,
  });
  const others = await tx.neighbourModel.findMany({
    where: { id: { not: model.id } },
    select: { label: true },
    orderBy: { publishedOn: "asc" },
  });
  log(
    `  imported ${file.fileName}: the ${model.label} statistical neighbour grouping for ${grouping.rows.length} LAs, ${inherited} successor LAs given their predecessor's list, ${grouping.legacyRows} legacy rows left out` +
      (others.length ? `; kept beside ${others.map((o) => o.label).join(", ")}` : ""),
  );
  return {
    fileName: file.fileName,
    kind: "stat-neighbours",
    series: "STATISTICAL_NEIGHBOURS",
    status: "imported",
    rows: grouping.rows.length,
    values: rows.length,
    markers: {},
    counts: { groupings: others.length + 1, inheritedLists: inherited },
    ...(grouping.legacyRows
      ? { notes: [`${grouping.legacyRows} lists of authorities abolished before the grouping (its "Old SNs" block) not imported`] }
      : {}),
  };
}

/** A grouping file of either layout, parsed: the grouping is told from the name first (refused when it cannot be). */
function parsedGrouping(file: SniffedFile, parse: (fileName: string, text: string) => GroupingFile): ParsedGrouping {
  const model = requireGrouping(file.fileName);
  const grouping = parse(file.fileName, file.text!);
  return parsedFile(file, {
    kind: "stat-neighbours",
    series: "STATISTICAL_NEIGHBOURS",
    editionRank: editionOf(model),
    description: `statistical neighbours, ${model.label} grouping, ${grouping.rows.length} LAs`,
    content: { grouping, model },
  });
}

/** Writes grouping files, oldest grouping first: each replaces only its own grouping's lists. */
async function writeGroupings(tx: Tx, files: ParsedGrouping[], ctx: WriteContext): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  for (const f of [...files].sort((a, b) => a.editionRank - b.editionRank))
    out.push(await writeNeighbourGrouping(tx, f, f.content.grouping, f.content.model, ctx.log));
  return out;
}

/**
 * A layout of the statistical neighbour file (registered in ./index.ts): the layouts differ only in how
 * a file is recognised and parsed; every grouping is written alike.
 */
export function groupingLayout(
  describes: string,
  looksLike: (header: readonly string[]) => boolean,
  parse: (fileName: string, text: string) => GroupingFile,
): ImportFormat<ParsedGrouping["content"]> {
  return {
    kind: "stat-neighbours",
    extensions: [".csv"],
    describes,
    detect: (file) => (file.header && looksLike(file.header) ? { verdict: "mine" } : { verdict: "not mine" }),
    parse: (file) => parsedGrouping(file, parse),
    write: writeGroupings,
  };
}

/** The 2025 layout. */
export const neighbourGrouping2025Format = groupingLayout(
  "a statistical neighbour file in the 2025 layout (old_la_code, SN_1…SN_10)",
  looksLikeGrouping2025,
  parseGrouping2025,
);
