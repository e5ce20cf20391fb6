// Local government reorganisations that affect children's services data, from
// prisma/data/FORMATS.md ("LA boundary / code changes"). These are facts about geography, not data
// values; the importer writes them to boundary_change / la_code and uses them for existence dates.

type BoundaryChangeDef = {
  id: string;
  kind: "MERGER" | "SPLIT" | "RECODE";
  /** first day the new arrangement applied */
  effective: string;
  description: string;
  /** predecessor → successor DfE LA numbers (a recode links an LA to itself) */
  links: ReadonlyArray<readonly [from: string, to: string]>;
  /** for recodes: the ONS code before and after */
  recode?: { laNumber: string; from: string; to: string };
};

/** A county that became a unitary council on the same area: the same LA number, a new ONS code. */
function becameUnitary(name: string, laNumber: string, effective: string, code: { from: string; to: string }): BoundaryChangeDef {
  return {
    id: `${effective.slice(0, 4)}-${name.toLowerCase().replace(/ /g, "-")}-unitary`,
    kind: "RECODE",
    effective,
    description: `${name} became a unitary council on the same area; its ONS code changed.`,
    links: [[laNumber, laNumber]],
    recode: { laNumber, ...code },
  };
}

export const BOUNDARY_CHANGES: readonly BoundaryChangeDef[] = [
  {
    id: "2019-bournemouth-poole-dorset",
    kind: "MERGER",
    effective: "2019-04-01",
    description:
      "Bournemouth, Poole and Dorset County Council (which included Christchurch) were replaced by Bournemouth, Christchurch and Poole (BCP) and a new Dorset unitary council.",
    links: [
      ["837", "839"],
      ["836", "839"],
      ["835", "839"],
      ["835", "838"],
    ],
  },
  becameUnitary("Buckinghamshire", "825", "2020-04-01", { from: "E10000002", to: "E06000060" }),
  {
    id: "2021-northamptonshire-split",
    kind: "SPLIT",
    effective: "2021-04-01",
    description: "Northamptonshire was split into North Northamptonshire and West Northamptonshire.",
    links: [
      ["928", "940"],
      ["928", "941"],
    ],
  },
  {
    id: "2023-cumbria-split",
    kind: "SPLIT",
    effective: "2023-04-01",
    description: "Cumbria was split into Cumberland and Westmorland and Furness.",
    links: [
      ["909", "942"],
      ["909", "943"],
    ],
  },
  becameUnitary("North Yorkshire", "815", "2023-04-01", { from: "E10000023", to: "E06000065" }),
  becameUnitary("Somerset", "933", "2023-04-01", { from: "E10000027", to: "E06000066" }),
];

function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Existence dates implied by the real (non-recode) changes. */
export function existenceDates(laNumber: string): { existsFrom: string | null; existsTo: string | null } {
  let existsFrom: string | null = null;
  let existsTo: string | null = null;
  for (const change of BOUNDARY_CHANGES) {
    if (change.kind === "RECODE") continue;
    if (change.links.some(([from]) => from === laNumber)) existsTo = dayBefore(change.effective);
    if (change.links.some(([, to]) => to === laNumber)) existsFrom = change.effective;
  }
  return { existsFrom, existsTo };
}

/** Validity dates of an ONS code, where a recode bounds it. */
export function codeValidity(onsCode: string): { validFrom: string | null; validTo: string | null } {
  for (const change of BOUNDARY_CHANGES) {
    if (change.recode?.from === onsCode) return { validFrom: null, validTo: dayBefore(change.effective) };
    if (change.recode?.to === onsCode) return { validFrom: change.effective, validTo: null };
  }
  return { validFrom: null, validTo: null };
}

/** Successor LAs of an LA abolished by a split or merger (empty if none). */
export function successorsOf(laNumber: string): string[] {
  return BOUNDARY_CHANGES.filter((c) => c.kind !== "RECODE").flatMap((c) =>
    c.links.filter(([from, to]) => from === laNumber && to !== laNumber).map(([, to]) => to),
  );
}

/** LA type from the ONS code prefix. */
export function laTypeFromOnsCode(onsCode: string): "COUNTY" | "UNITARY" | "METROPOLITAN_DISTRICT" | "LONDON_BOROUGH" | null {
  if (onsCode.startsWith("E10")) return "COUNTY";
  if (onsCode.startsWith("E06")) return "UNITARY";
  if (onsCode.startsWith("E08")) return "METROPOLITAN_DISTRICT";
  if (onsCode.startsWith("E09")) return "LONDON_BOROUGH";
  return null;
}

export const ENGLAND_CODE = "E92000001";
export const LONDON_CODE = "E12000007";
/** Inner and Outer London sub-regions: children of London, never summed with it. */
export const LONDON_SUBREGIONS = ["E13000001", "E13000002"] as const;
