// The importer against real PostgreSQL: counts from FORMATS.md, exact published figures, markers,
// idempotence, all-or-nothing failure, and a newer release that renames columns and revises a year.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importFolder } from "@/lib/import/run-import";
import { useTestDatabase, type TestDatabase, tempFolder, storedValue } from "./helpers";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");

async function fingerprint(t: TestDatabase): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    indicator_value: `select md5(string_agg("indicatorId"||'|'||"geoCode"||'|'||period||'|'||raw||'|'||coalesce("jointReturnId",'')||'|'||"releaseId", ',' order by "indicatorId","geoCode",period)) from indicator_value`,
    data_release: `select md5(string_agg(id||sha256||"importedAt"::text, ',' order by id)) from data_release`,
    inspection: `select md5(string_agg(i::text, ',' order by id)) from inspection i`,
    ofsted_position: `select md5(string_agg(p::text, ',' order by "asAt","laNumber")) from ofsted_position p`,
    local_authority: `select md5(string_agg(l::text, ',' order by "laNumber")) from local_authority l`,
    statistical_neighbour: `select md5(string_agg(s::text, ',' order by "laNumber",rank)) from statistical_neighbour s`,
  };
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(tables)) {
    const rows = await t.prisma.$queryRawUnsafe<{ md5: string | null }[]>(sql);
    out[name] = rows[0]?.md5 ?? "";
  }
  return out;
}

const value = storedValue;

describe("import of the published files", () => {
  const t = useTestDatabase("loaded");

  it("has the 153 current local authorities and the 5 former ones", async () => {
    expect(await t.prisma.localAuthority.count({ where: { existsTo: null } })).toBe(153);
    const former = await t.prisma.localAuthority.findMany({ where: { existsTo: { not: null } }, orderBy: { laNumber: "asc" } });
    expect(former.map((l) => l.laNumber)).toEqual(["835", "836", "837", "909", "928"]);
  });

  it("has 271 graded ILACS inspections and the 31 March 2025 position 36/67/31/19", async () => {
    expect(await t.prisma.inspection.count({ where: { type: { in: ["ILACS_STANDARD", "ILACS_SHORT"] } } })).toBe(271);
    const asAt = new Date("2025-03-31T00:00:00Z");
    const counts = await t.prisma.ofstedPosition.groupBy({ by: ["overall"], where: { asAt }, _count: true });
    const by = Object.fromEntries(counts.map((c) => [c.overall ?? "none", c._count]));
    expect(by).toEqual({ OUTSTANDING: 36, GOOD: 67, REQUIRES_IMPROVEMENT: 31, INADEQUATE: 19 });
  });

  it("stores England's 2024 workforce figures as published", async () => {
    for (const [id, raw] of [
      ["agency_rate_fte", "16.2"],
      ["turnover_rate_fte", "13.9"], // 13.8 in the 2024 edition, revised by the 2025 one (csww_indicators_2017_to_2025.csv line 165)
      ["vacancy_rate_fte", "17.3"],
      ["caseload_fte", "15.4"],
    ] as const) {
      const v = await value(t, id, "E92000001", 2024);
      expect(v?.raw).toBe(raw);
      expect(v?.value).toBe(Number(raw));
      expect(v?.marker).toBeNull();
    }
  });

  it("keeps Birmingham's 2024 agency rate as the marker u, not 0", async () => {
    const v = await value(t, "agency_rate_fte", "330", 2024);
    expect(v).toMatchObject({ marker: "u", value: null, raw: "u" });
  });

  it("stores a joint workforce return against both LAs, linked to the joint return", async () => {
    const k = await value(t, "agency_rate_fte", "314", 2024);
    const r = await value(t, "agency_rate_fte", "318", 2024);
    expect(k?.raw).toBe(r?.raw);
    expect(k?.jointReturnId).toBe("CSWW:314/318");
    const nn = await value(t, "caseload_fte", "940", 2021);
    expect(nn?.jointReturnId).toBe("CSWW:940/941");
  });

  it("gives Cumberland and Westmorland and Furness Cumbria's statistical neighbours in the April 2021 grouping, marked as inherited", async () => {
    const sn = await t.prisma.statisticalNeighbour.findMany({ where: { model: "2021-04", laNumber: "942" }, orderBy: { rank: "asc" } });
    const cumbria = await t.prisma.statisticalNeighbour.findMany({
      where: { model: "2021-04", laNumber: "909" },
      orderBy: { rank: "asc" },
    });
    expect(sn).toHaveLength(10);
    expect(sn.map((s) => s.neighbourLaNumber)).toEqual(cumbria.map((s) => s.neighbourLaNumber));
    expect(sn.every((s) => s.inheritedFrom === "909")).toBe(true);
  });

  it("records boundary changes and ONS code history", async () => {
    const links = await t.prisma.boundaryChangeLink.findMany({ where: { fromLaNumber: "909" } });
    expect(links.map((l) => l.toLaNumber).sort()).toEqual(["942", "943"]);
    const bucks = await t.prisma.laCode.findMany({ where: { laNumber: "825" }, orderBy: { onsCode: "asc" } });
    expect(bucks.map((c) => c.onsCode)).toEqual(["E06000060", "E10000002"]);
  });

  it("a second import of the same files changes nothing", async () => {
    const before = await fingerprint(t);
    const summary = await importFolder(t.prisma, published);
    expect(summary.totals.imported).toBe(0);
    expect(summary.totals.unchanged).toBe(30); // every file of prisma/data/published
    expect(await fingerprint(t)).toEqual(before);
  });

  it("reports a file it does not recognise by name", async () => {
    const dir = tempFolder({ "notes.txt": "hello", "other.csv": "a,b\n1,2\n" });
    const summary = await importFolder(t.prisma, dir);
    expect(
      summary.files
        .filter((f) => f.status === "not recognised")
        .map((f) => f.fileName)
        .sort(),
    ).toEqual(["notes.txt", "other.csv"]);
  });
});

describe("a corrupted file fails clearly and leaves the previous data intact", () => {
  const t = useTestDatabase("loaded");
  const csww = fs.readFileSync(path.join(published, "csww_indicators_2017_to_2024.csv"), "utf8");
  const lines = csww.split("\n");

  const cases: [string, string, RegExp][] = [
    [
      "wrong header",
      csww.replace("old_la_code", "something_else"),
      /csww_2025\.csv, line 1, column "old_la_code": required column old_la_code is missing/,
    ],
    [
      "truncated row",
      [...lines.slice(0, 40), lines[40]!.split(",").slice(0, 12).join(","), ...lines.slice(41)].join("\n"),
      /csww_2025\.csv, line 41: cannot read this row as CSV/,
    ],
    [
      "unknown marker",
      [...lines.slice(0, 7), lines[7]!.replace(/,(\d+\.\d),/, ",q,"), ...lines.slice(8)].join("\n"),
      /csww_2025\.csv, line 8, column "[a-z_]+": unknown value "q"/,
    ],
  ];

  it.each(cases)("%s", async (_name, body, message) => {
    const before = await fingerprint(t);
    // a good newer file beside the bad one: it must not be half-imported either
    const good = fs.readFileSync(path.join(published, "d3_cpps_subsequent_plan_2013_to_2024.csv"), "utf8") + "\n"; // different checksum
    const dir = tempFolder({ "csww_2025.csv": body, "d3_copy.csv": good });
    await expect(importFolder(t.prisma, dir)).rejects.toThrow(message);
    expect(await fingerprint(t)).toEqual(before);
  });

  it("an Ofsted workbook that is not a spreadsheet fails and changes nothing", async () => {
    const before = await fingerprint(t);
    const dir = tempFolder({ "LA_Inspection_Outcomes_broken.ods": Buffer.from("not a zip at all") });
    await expect(importFolder(t.prisma, dir)).rejects.toThrow(/LA_Inspection_Outcomes_broken\.ods/);
    expect(await fingerprint(t)).toEqual(before);
  });
});

describe("a newer release with renamed columns and a revised earlier year", () => {
  // the data as it was before the 2025 releases: this release is the newer one
  const t = useTestDatabase("loaded-2024");

  it("imports, the revision wins, and provenance moves to the new release", async () => {
    const header =
      "Year,time_identifier,Geographic level,country_code,country_name,Region code,Region name,LA number,New LA code,LA name,Re-referrals (%),referrals_rate";
    const body = [
      header,
      "2025,Reporting year,National,E92000001,England,,,,,,22.5,510.0",
      "2025,Reporting year,Local authority,E92000001,England,E12000002,North West,942,E06000063,Cumberland,c,480.1",
      // revised: Cumberland 2024 re-referral percentage (published in the 2024 file) — new figure
      "2024,Reporting year,Local authority,E92000001,England,E12000002,North West,942,E06000063,Cumberland,31.4,470.2",
    ].join("\n");
    const old = await value(t, "re_referrals_percent", "942", 2024);
    expect(old?.raw).not.toBe("31.4");
    const dir = tempFolder({ "c1_referrals_2013_to_2025.csv": body });
    const summary = await importFolder(t.prisma, dir);
    const file = summary.files[0]!;
    expect(file.series).toBe("REFERRALS");
    expect(file.counts).toMatchObject({ inserted: 4, revised: 2 });
    const revised = await value(t, "re_referrals_percent", "942", 2024);
    expect(revised?.raw).toBe("31.4");
    expect(revised?.release.fileName).toBe("c1_referrals_2013_to_2025.csv");
    expect((await value(t, "re_referrals_percent", "942", 2025))?.marker).toBe("c");
    // Untouched years keep the release they came from.
    const untouched = await value(t, "referrals", "942", 2024);
    expect(untouched?.release.fileName).toBe("c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv");

    // Importing the OLDER published file again afterwards cannot undo the revision.
    const olderDir = tempFolder({
      "c1_copy.csv": fs.readFileSync(path.join(published, "c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv"), "utf8") + "\n",
    });
    await importFolder(t.prisma, olderDir);
    expect((await value(t, "re_referrals_percent", "942", 2024))?.raw).toBe("31.4");
  });
});
