// The places the data files name: regions, local authorities, every ONS code an LA has carried and
// the name forms DfE uses, written from the newest rows of the files being imported; and the boundary
// changes between LAs (facts in lib/reference). Shared by every format whose rows name places.
import { BOUNDARY_CHANGES, codeValidity, existenceDates, laTypeFromOnsCode, LONDON_CODE } from "@/lib/catalogue/boundary-changes";
import type { GeographySource, Tx } from "../formats/types";
import { columnsOf } from "./unnest";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { ImportError } from "../types";
import { shown } from "@/lib/core/markers";

/** ONS code → DfE LA number, every code an LA has carried (la_code, filled by the DfE files). */
export async function laNumbersByOnsCode(tx: Tx): Promise<Map<string, string>> {
  return new Map((await tx.laCode.findMany({ select: { onsCode: true, laNumber: true } })).map((c) => [c.onsCode, c.laNumber]));
}

/**
 * Resolves the ONS codes a file names to LA numbers (England's code stands for itself); an unknown code
 * is an ImportError at the place's line and column, since the DfE files that carry the codes have to be
 * imported first or together. `label` says what the file calls the code ("area code", or the sheet's).
 */
export async function onsCodeResolver(tx: Tx, fileName: string) {
  const laOf = await laNumbersByOnsCode(tx);
  return (place: { level: string; code: string; name: string; line: number; column: string; label: string }): string => {
    if (place.level === "NATIONAL") return "E92000001";
    const la = laOf.get(place.code);
    if (la) return la;
    throw new ImportError(
      `${place.label} ${place.code} (${shown(place.name)}) is not a known local authority; import the DfE data files first or together`,
      fileName,
      place.line,
      place.column,
    );
  };
}

/** Regions and LAs as the newest rows of the files describe them (`sources` in edition order, oldest first). */
export async function upsertGeography(tx: Tx, sources: readonly GeographySource[]) {
  const regions = new Map<string, string>();
  type LaInfo = { period: number; name: string; onsCode: string; regionCode: string; subRegionCode: string | null };
  const las = new Map<string, LaInfo>();
  const codes = new Map<string, { laNumber: string; fileName: string; line: number }>();
  const names = new Map<string, Set<string>>();
  const regionRefs = new Map<string, { fileName: string; line: number }>(); // first LA row naming each region code
  // ONS codes already stored belong to their LA for good: a file giving one to another LA is wrong.
  const storedCodes = await laNumbersByOnsCode(tx);
  for (const f of sources) {
    for (const row of f.rows) {
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
  // one statement each for the LAs and their codes (about 160 of each)
  const laRows = [...las].map(([laNumber, info]) => ({
    laNumber,
    ...info,
    type: laTypeFromOnsCode(info.onsCode),
    ...existenceDates(laNumber),
  }));
  if (laRows.length > 0) {
    await tx.$executeRawUnsafe(
      `insert into local_authority ("laNumber", name, "onsCode", "regionCode", "subRegionCode", "laType", "existsFrom", "existsTo")
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::"LaType"[], $7::date[], $8::date[])
       on conflict ("laNumber") do update set name = excluded.name, "onsCode" = excluded."onsCode", "regionCode" = excluded."regionCode",
          "subRegionCode" = excluded."subRegionCode", "laType" = excluded."laType", "existsFrom" = excluded."existsFrom", "existsTo" = excluded."existsTo"`,
      ...columnsOf(laRows, ["laNumber", "name", "onsCode", "regionCode", "subRegionCode", "type", "existsFrom", "existsTo"]),
    );
  }
  const codeRows = [...codes].map(([onsCode, { laNumber }]) => ({ onsCode, laNumber, ...codeValidity(onsCode) }));
  if (codeRows.length > 0) {
    await tx.$executeRawUnsafe(
      `insert into la_code ("onsCode", "laNumber", "validFrom", "validTo")
       select * from unnest($1::text[], $2::text[], $3::date[], $4::date[])
       on conflict ("onsCode") do update set "laNumber" = excluded."laNumber", "validFrom" = excluded."validFrom", "validTo" = excluded."validTo"`,
      ...columnsOf(codeRows, ["onsCode", "laNumber", "validFrom", "validTo"]),
    );
  }
  const nameRows = [...names].flatMap(([laNumber, set]) =>
    [...set].map((name) => ({ source: "dfe", normalized: normalizeLaName(name), name, laNumber })),
  );
  if (nameRows.length) await tx.laName.createMany({ data: nameRows, skipDuplicates: true });
}

export async function upsertBoundaryChanges(tx: Tx) {
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
