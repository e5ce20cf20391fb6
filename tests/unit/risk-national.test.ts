import { describe, expect, it } from "vitest";
import { createAssessor } from "@/lib/risk/assess";
import {
  filterRows,
  flagsByRegion,
  riskQuery,
  scatterPoints,
  scoreDistribution,
  sortRows,
  nationalCsv,
  toNationalRows,
  toTableRows,
  type NationalRow,
} from "@/lib/risk/national";
import { buildIndex } from "@/lib/risk/series";
import { parseRiskFilters } from "@/lib/risk/filters";
import { authority, dataset, fig, inspection, mark, nationalRow, num } from "./risk-fixtures";

const row = nationalRow;

/** Charlie and Delta's figures: agency and caseload from one joint return. */
const jointFigures = {
  agency_rate_fte: fig(22, null, "CSWW:102/103"),
  caseload_fte: fig(17, null, "CSWW:102/103"),
  turnover_rate_fte: fig(15),
  vacancy_rate_fte: fig(15),
};

const rows: NationalRow[] = [
  row({
    laNumber: "100",
    name: "Alpha",
    rank: 1,
    score: 9,
    judgement: "INADEQUATE",
    red: 1,
    flags: [{ indicatorId: "agency_rate_fte", kind: "threshold", severity: "red" }],
    figures: { agency_rate_fte: fig(42), caseload_fte: fig(21), turnover_rate_fte: fig(20), vacancy_rate_fte: fig(30) },
  }),
  row({
    laNumber: "101",
    name: "Bravo",
    rank: 2,
    score: 4,
    judgement: "GOOD",
    regionCode: "E12000002",
    regionName: "North West",
    amber: 1,
    flags: [{ indicatorId: "caseload_fte", kind: "neighbours", severity: "amber" }],
    figures: { agency_rate_fte: fig(null, "u"), caseload_fte: fig(19), turnover_rate_fte: fig(15), vacancy_rate_fte: fig(15) },
  }),
  row({
    laNumber: "102",
    name: "Charlie",
    rank: 3,
    score: 1,
    judgement: "GOOD",
    jointReturnId: "CSWW:102/103",
    amber: 1,
    flags: [{ indicatorId: "agency_rate_fte", kind: "threshold", severity: "amber" }],
    figures: jointFigures,
  }),
  row({
    laNumber: "103",
    name: "Delta",
    rank: 3,
    score: 1,
    judgement: "REQUIRES_IMPROVEMENT",
    jointReturnId: "CSWW:102/103",
    amber: 1,
    flags: [{ indicatorId: "agency_rate_fte", kind: "threshold", severity: "amber" }],
    figures: jointFigures,
  }),
];

describe("filters", () => {
  it("by region, by judgement (including not yet judged) and by flag indicator, kind and severity together", () => {
    expect(filterRows(rows, { region: "E12000002" }).map((r) => r.laNumber)).toEqual(["101"]);
    expect(filterRows(rows, { judgement: "GOOD" }).map((r) => r.laNumber)).toEqual(["101", "102"]);
    expect(filterRows([...rows, row({ laNumber: "104" })], { judgement: "NONE" }).map((r) => r.laNumber)).toEqual(["104"]);
    expect(filterRows(rows, { indicator: "agency_rate_fte" }).map((r) => r.laNumber)).toEqual(["100", "102", "103"]);
    expect(filterRows(rows, { indicator: "agency_rate_fte", severity: "red" }).map((r) => r.laNumber)).toEqual(["100"]);
    expect(filterRows(rows, { kind: "neighbours", severity: "red" })).toEqual([]);
  });
});

describe("sort", () => {
  it("by score (default, highest first), by name, and with markers and missing figures last either way", () => {
    expect(sortRows(rows).map((r) => r.laNumber)).toEqual(["100", "101", "102", "103"]);
    expect(sortRows(rows, "name", "desc").map((r) => r.name)).toEqual(["Delta", "Charlie", "Bravo", "Alpha"]);
    expect(sortRows(rows, "agency", "desc").map((r) => r.laNumber)).toEqual(["100", "102", "103", "101"]);
    expect(sortRows(rows, "agency", "asc").map((r) => r.laNumber)).toEqual(["102", "103", "100", "101"]);
    expect(sortRows(rows, "judgement").map((r) => r.laNumber)).toEqual(["100", "103", "101", "102"]);
  });
});

describe("chart data counts a joint workforce return once", () => {
  it("scatter: one point for the pair, named for both, coloured by the worse judgement; markers left out", () => {
    const points = scatterPoints(rows);
    expect(points.map((p) => p.label)).toEqual(["Alpha", "Charlie and Delta (joint return)"]);
    expect(points[1]).toMatchObject({ agency: 22, caseload: 17, judgement: "REQUIRES_IMPROVEMENT", laNumbers: ["102", "103"] });
  });

  it("score distribution and flags by region", () => {
    const bins = scoreDistribution(rows);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(bins[1]!.count).toBe(1);
    expect(bins.at(-1)!.label).toBe("12 or more");
    expect(flagsByRegion(rows)).toEqual([
      { regionCode: "E12000001", regionName: "North East", red: 1, amber: 1, authorities: 3 },
      { regionCode: "E12000002", regionName: "North West", red: 0, amber: 1, authorities: 1 },
    ]);
  });
});

describe("CSV", () => {
  it("has one header and one line per row shown, markers as letters, quoting and CRLF line ends", () => {
    const csv = nationalCsv(sortRows(rows, "name", "asc"), "2026-11-26");
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^rank,joint_rank,la_number,local_authority,region,ofsted_overall_effectiveness,/);
    expect(lines).toHaveLength(rows.length + 2);
    expect(lines.at(-1)).toBe("");
    expect(lines[2]).toContain(",u,");
    expect(lines[1]).toContain("Agency rate: At or above a set level (red)");
  });

  it("neutralises spreadsheet formulas and quotes commas", () => {
    const csv = nationalCsv([row({ laNumber: "999", name: "=HYPERLINK(1)", regionName: "Bristol, City of" })], "2026-11-26");
    expect(csv).toContain(",'=HYPERLINK(1),");
    expect(csv).toContain('"Bristol, City of"');
  });
});

describe("rows from assessments", () => {
  it("ranks with shared ranks for equal scores and carries the trend and current judgement", () => {
    const ds = dataset({
      count: 3,
      years: [2022, 2023, 2024],
      authorities: [authority("100", { name: "Zulu" }), authority("101", { name: "Yankee" }), authority("102", { name: "X-ray" })],
      values: {
        "100": { caseload_fte: [num(2022, 18), num(2023, 19), num(2024, 20)] },
        "101": { caseload_fte: [num(2022, 16), num(2023, 16), mark(2024, "u")] },
      },
      inspections: [inspection("100", "2023-05-01", "INADEQUATE", { publicationDate: "2023-07-01" })],
    });
    const assessor = createAssessor(buildIndex(ds));
    const list = toNationalRows(assessor.assessAll("2025-03-01"), new Map([["100", [{ period: 2024, score: 4 }]]]));
    // three LAs with equal ordinary figures are all tied into the worst 5% (red, 2 points) on turnover,
    // vacancy, re-referrals and repeat plans (8); Zulu adds its red caseload (2) and its Inadequate inspection (2)
    expect(list.map((r) => [r.name, r.rank, r.joint, r.score])).toEqual([
      ["Zulu", 1, false, 12],
      ["X-ray", 2, true, 8],
      ["Yankee", 2, true, 8],
    ]);
    expect(list[0]).toMatchObject({ judgement: "INADEQUATE", trend: [{ period: 2024, score: 4 }] });
    const slim = toTableRows(list);
    expect(slim[2]).toMatchObject({ caseload: { raw: "u", marker: "u" }, trend: [] });

    // given a function, each row's trend is worked out when first read, once, and the rows are the same
    const asked: string[] = [];
    const lazy = toNationalRows(assessor.assessAll("2025-03-01"), (la) => {
      asked.push(la);
      return la === "100" ? [{ period: 2024, score: 4 }] : [];
    });
    expect(asked).toEqual([]);
    expect(lazy[0]!.trend).toEqual([{ period: 2024, score: 4 }]);
    expect(lazy[0]!.trend).toBe(lazy[0]!.trend);
    expect(asked).toEqual(["100"]);
    expect(lazy).toEqual(list);
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(JSON.parse(JSON.stringify(list)));
    expect(asked.sort()).toEqual(["100", "101", "102"].filter((la) => list.some((r) => r.laNumber === la)));
  });
});

describe("URL filters", () => {
  it("accepts good values and reports bad ones without throwing", () => {
    const ok = parseRiskFilters({
      region: "E12000002",
      judgement: "NONE",
      indicator: "caseload_fte",
      kind: "worse-and-worsening",
      severity: "red",
      sort: "caseload",
      order: "asc",
    });
    expect(ok.errors).toEqual([]);
    expect(riskQuery(ok.filters)).toBe(
      "?region=E12000002&judgement=NONE&indicator=caseload_fte&kind=worse-and-worsening&severity=red&sort=caseload&order=asc",
    );
    const bad = parseRiskFilters({
      region: "nowhere",
      judgement: "AMAZING",
      indicator: "biscuits",
      kind: "x",
      severity: "purple",
      sort: "DROP TABLE",
      order: "up",
    });
    expect(bad.filters).toEqual({});
    expect(bad.errors.map((e) => e.field)).toEqual(["region", "judgement", "indicator", "kind", "severity", "sort", "order"]);
    expect(bad.errors[0]!.message).toBe("Choose a region from the list");
    expect(parseRiskFilters({ region: ["E12000001", "E12000002"], severity: "" }).filters).toEqual({ region: "E12000001" });
  });
});
