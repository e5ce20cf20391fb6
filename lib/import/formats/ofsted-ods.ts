// Ofsted's "LA inspection outcomes as at 31 March YYYY" workbooks (.ods, FORMATS.md §3): the position
// per LA as at the workbook's date, and the inspections and visits, merged with what earlier releases
// gave (../merge-inspections.ts). LAs are resolved against the places already written in this
// transaction, so these workbooks are parsed in `write`, after the data files.
import type { InspectionType, Judgement } from "@/lib/generated/prisma/enums";
import type { FileOutcome } from "../summary";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { mergeInspections, type StoredInspection } from "../merge-inspections";
import type { OdsSheet } from "../ods";
import { parseOfstedWorkbook, type LaResolver } from "../parse-ofsted";
import { recogniseOds } from "../recognise-ods";
import { createRelease } from "../write/release";
import { shown } from "@/lib/core/markers";
import { ImportError, type OfstedEvent, type OfstedWorkbook } from "../types";
import { parsedFile, type ImportFormat, type ParsedFile, type SniffedFile, type Tx, type WriteContext } from "./types";
import { sheetsOf } from "./workbook";
import { judgementsOf } from "@/lib/catalogue/judgements";

/** The workbook's bytes and sheets (when readable): it is parsed in `write`. */
type Workbook = { bytes: Buffer; sheets: OdsSheet[] | null };
type Parsed = ParsedFile<Workbook>;

export const ofstedOdsFormat: ImportFormat<Workbook> = {
  kind: "ofsted",
  extensions: [".ods"],
  describes: "an Ofsted LA inspection outcomes workbook (.ods)",

  detect(file: SniffedFile) {
    // not a readable workbook (null): the Ofsted parser names the file and the reason
    const sheets = sheetsOf(file);
    const verdict = sheets ? recogniseOds(sheets) : ({ recognised: true } as const);
    return verdict.recognised ? { verdict: "mine" } : { verdict: "unrecognised", reason: verdict.reason };
  },

  parse(file: SniffedFile): Parsed {
    // The workbook is read in `write`, once the LAs it names can be resolved.
    return parsedFile(file, {
      kind: "ofsted",
      series: "OFSTED",
      editionRank: 0,
      description: "Ofsted workbook",
      content: { bytes: file.bytes, sheets: sheetsOf(file) },
    });
  },

  async write(tx: Tx, files: Parsed[], ctx: WriteContext) {
    if (files.length === 0) return [];
    const resolver = await buildResolver(tx);
    const workbooks = files
      .map((f) => ({ f, wb: parseOfstedWorkbook(f.fileName, new Uint8Array(f.content.bytes), resolver, f.content.sheets ?? undefined) }))
      .sort((a, b) => a.wb.asAt.localeCompare(b.wb.asAt));
    const out: FileOutcome[] = [];
    for (const { f, wb } of workbooks) out.push(await writeOfsted(tx, f, wb, ctx.log));
    return out;
  },
};

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

async function writeOfsted(tx: Tx, f: Parsed, wb: OfstedWorkbook, log: (line: string) => void): Promise<FileOutcome> {
  const release = await createRelease(tx, f, {
    series: "OFSTED",
    usesDefinitions: false,
    editionRank: Number(wb.asAt.replaceAll("-", "")),
    edition: `as at ${wb.asAt}`,
    rowCount: wb.positions.length + wb.events.length,
    valueCount: wb.positions.length,
  });
  const stored = await tx.inspection.findMany();
  const existing: StoredInspection[] = stored.map((s) => ({
    id: s.id,
    laNumber: s.laNumber,
    type: s.type,
    inspectionDate: isoOrNull(s.inspectionDate),
    publicationDate: isoOrNull(s.publicationDate),
    ...judgementsOf(s),
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
      ...judgementsOf(p),
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
