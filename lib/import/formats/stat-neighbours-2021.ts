// DfE's statistical neighbour groupings CSV (the April 2021 layout: "LA num", "LA Name", SN1…SN10 each
// followed by a closeness label). A newer grouping replaces an older one as a whole; the edition is
// the month and year in the file's name.
import { successorsOf } from "@/lib/catalogue/boundary-changes";
import type { FileOutcome } from "../summary";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { looksLikeStatNeighbours, parseStatNeighbours, type StatNeighbourFile } from "../parse-stat-neighbours";
import { ImportError } from "../types";
import type { ImportFormat, ParsedFile, SniffedFile, Tx, WriteContext } from "./types";

type Parsed = ParsedFile<StatNeighbourFile>;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** Stat-neighbour files carry no date inside; their name does ("…_April_2021.csv"). */
function editionFromName(fileName: string): number {
  const m = new RegExp(`(${MONTHS.join("|")})[_ -]?(\\d{4})`, "i").exec(fileName);
  if (!m) return 0;
  return Number(m[2]) * 100 + MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
}

export const statNeighbours2021Format: ImportFormat<StatNeighbourFile> = {
  kind: "stat-neighbours",
  extensions: [".csv"],
  describes: "a statistical neighbour file",

  detect(file: SniffedFile) {
    return file.header && looksLikeStatNeighbours(file.header) ? { verdict: "mine" } : { verdict: "not mine" };
  },

  parse(file: SniffedFile): Parsed {
    const parsed = parseStatNeighbours(file.fileName, file.text!);
    return {
      fileName: file.fileName,
      sha256: file.sha256,
      kind: "stat-neighbours",
      series: "STATISTICAL_NEIGHBOURS",
      editionRank: editionFromName(file.fileName),
      description: `statistical neighbours for ${parsed.rows.length} LAs`,
      content: parsed,
    };
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    const out: FileOutcome[] = [];
    for (const f of [...files].sort((a, b) => a.editionRank - b.editionRank)) out.push(await writeStatNeighbours(tx, f, ctx.log));
    return out;
  },
};

async function writeStatNeighbours(tx: Tx, f: Parsed, log: (line: string) => void): Promise<FileOutcome> {
  const parsed = f.content;
  const present = new Set((await tx.localAuthority.findMany({ select: { laNumber: true } })).map((l) => l.laNumber));
  for (const row of parsed.rows) {
    const missing = [row.laNumber, ...row.neighbours.map((n) => n.laNumber)].find((n) => !present.has(n));
    if (missing) {
      throw new ImportError(
        `LA ${missing} is not a known local authority (import the DfE data files first or together)`,
        f.fileName,
        row.line,
      );
    }
  }
  // A grouping is replaced only by a newer one (its edition is the date in its name): an older or
  // undated file is recorded as a release, but the newer grouping stays.
  const newer = await tx.dataRelease.findFirst({
    where: { series: "STATISTICAL_NEIGHBOURS", editionRank: { gt: f.editionRank } },
    select: { fileName: true },
  });
  const release = await tx.dataRelease.create({
    data: {
      series: "STATISTICAL_NEIGHBOURS",
      fileName: f.fileName,
      sha256: f.sha256,
      definitionsVersion: "", // read without the indicator definitions
      editionRank: f.editionRank,
      edition: f.editionRank ? `${String(f.editionRank).slice(0, 4)}-${String(f.editionRank).slice(4)}` : "undated",
      rowCount: parsed.rows.length,
      valueCount: parsed.rows.length * 10,
      markerCount: 0,
    },
  });
  if (newer) {
    log(`  imported ${f.fileName}: kept the newer grouping from ${newer.fileName}`);
    return {
      fileName: f.fileName,
      kind: "stat-neighbours",
      series: "STATISTICAL_NEIGHBOURS",
      status: "imported",
      reason: `the newer grouping from ${newer.fileName} is kept`,
      rows: parsed.rows.length,
      values: 0,
      markers: {},
    };
  }
  const rows = parsed.rows.flatMap((r) =>
    r.neighbours.map((n) => ({
      laNumber: r.laNumber,
      rank: n.rank,
      neighbourLaNumber: n.laNumber,
      closeness: n.closeness,
      inheritedFrom: null as string | null,
      releaseId: release.id,
    })),
  );
  // A successor LA created after the grouping was published (Cumberland, Westmorland and Furness)
  // takes its predecessor's list until DfE publishes a new one.
  const listed = new Set(parsed.rows.map((r) => r.laNumber));
  let inherited = 0;
  for (const r of parsed.rows) {
    for (const successor of successorsOf(r.laNumber)) {
      if (listed.has(successor) || !present.has(successor)) continue;
      inherited++;
      for (const n of r.neighbours) {
        rows.push({
          laNumber: successor,
          rank: n.rank,
          neighbourLaNumber: n.laNumber,
          closeness: n.closeness,
          inheritedFrom: r.laNumber,
          releaseId: release.id,
        });
      }
    }
  }
  await tx.statisticalNeighbour.deleteMany({});
  await tx.statisticalNeighbour.createMany({ data: rows });
  await tx.laName.createMany({
    data: parsed.rows.map((r) => ({ source: "sn", normalized: normalizeLaName(r.laName), name: r.laName, laNumber: r.laNumber })),
    skipDuplicates: true,
  });
  log(
    `  imported ${f.fileName}: neighbours for ${parsed.rows.length} LAs, ${inherited} successor LAs given their predecessor's list, ${parsed.legacyRows} legacy rows left out`,
  );
  return {
    fileName: f.fileName,
    kind: "stat-neighbours",
    series: "STATISTICAL_NEIGHBOURS",
    status: "imported",
    rows: parsed.rows.length,
    values: rows.length,
    markers: {},
  };
}
