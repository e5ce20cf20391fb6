// The risk engine over the real published data in PostgreSQL: what it loads, what the backtest
// reports, and that the in-process cache is invalidated when an import adds a data release.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRiskDataset } from "../../lib/risk/dataset";
import { aucLine, runBacktest } from "../../lib/risk/backtest";
import type { RiskDataset } from "../../lib/risk/types";
import { createTestDatabase, type TestDatabase } from "./helpers";

let database: TestDatabase;
let dataset: RiskDataset;

beforeAll(async () => {
  database = await createTestDatabase("loaded");
  dataset = await loadRiskDataset(database.prisma);
});

afterAll(async () => {
  const { db } = await import("../../lib/core/db");
  await db.$disconnect();
  await database.drop();
});

describe("the risk dataset loaded from the published files", () => {
  it("has every LA (153 current, 5 former), the 271 graded ILACS inspections and the April 2021 neighbour grouping", () => {
    expect(dataset.authorities).toHaveLength(158);
    expect(dataset.authorities.filter((a) => a.existsTo === null)).toHaveLength(153);
    expect(dataset.inspections).toHaveLength(271);
    expect(dataset.inspections.filter((i) => ["837", "909", "928"].includes(i.laNumber))).toHaveLength(3);
    expect(dataset.neighbours?.publishedOn).toBe("2021-04-01");
    expect(dataset.neighbours?.lists["942"]).toEqual(dataset.neighbours?.lists["909"]);
  });

  it("keeps markers as markers: Birmingham's agency rate at 30 September 2024 is 'u', not a number", () => {
    const agency = dataset.values["330"]?.agency_rate_fte?.find((o) => o.period === 2024);
    expect(agency).toMatchObject({ value: null, marker: "u", raw: "u" });
  });

  it("carries joint workforce returns on both member LAs", () => {
    const k = dataset.values["314"]?.caseload_fte?.find((o) => o.period === 2024);
    const r = dataset.values["318"]?.caseload_fte?.find((o) => o.period === 2024);
    expect(k?.jointReturnId).toBe("CSWW:314/318");
    expect(r?.raw).toBe(k?.raw);
  });
});

describe("the backtest on the published history", () => {
  it("scores all 271 inspections point-in-time, splits development and held-out, and reports the held-out AUC with its interval", () => {
    const result = runBacktest(dataset, { resamples: 200 });
    expect(result.inspections).toBe(271);
    expect(result.development.inspections + result.heldOut.inspections + result.neither).toBe(271);
    expect(result.heldOut.inspections).toBe(103);
    // dated in 2022 but published in 2023: in neither set
    expect(result.neither).toBe(10);
    const held = result.heldOut.outcomes.inadequateAny;
    expect(held.adverse).toBe(12);
    const composite = held.methods.find((m) => m.id === "composite")!;
    expect(composite.n).toBe(103);
    expect(composite.ci.low).toBeLessThanOrEqual(composite.auc);
    const agency = held.methods.find((m) => m.id === "agency20")!;
    expect(agency.rule?.flagged).toBeGreaterThan(0);
    expect(aucLine(result)).toMatch(
      /^held-out ROC AUC \(Inadequate in any sub-judgement, inspections from 2023\): (0\.\d\d|1\.00) \(95% CI (0\.\d\d|1\.00)–(0\.\d\d|1\.00)\)$/,
    );
    // an inspection in January 2018 predates the first workforce figures held (30 September 2017, public March 2018)
    expect(result.cases.find((c) => c.inspectionDate === "2018-01-29")?.workforcePeriod).toBe(Number.NEGATIVE_INFINITY);
  });

  it("keeps every published version: a figure revised by the 2025 release is read as first published before that release", () => {
    // Sunderland (394): turnover at 30 September 2024 published as 0.9 (2024 release), withdrawn as "u" by the 2025 release
    const turnover = dataset.values["394"]?.turnover_rate_fte?.find((o) => o.period === 2024);
    expect(turnover?.raw).toBe("u");
    expect(turnover?.earlier).toEqual([{ value: 0.9, marker: null, raw: "0.9", revisedOn: "2026-02-28" }]);
  });
});

describe("server-side reads (lib/risk/server.ts)", () => {
  it("cache the assessment and recompute when an import adds a data release", async () => {
    process.env.DATABASE_URL = database.url;
    const risk = await import("../../lib/risk/server");
    const first = await risk.getCurrentRisk();
    expect(first.rows).toHaveLength(153);
    expect(await risk.getCurrentRisk()).toBe(first);

    const birmingham = await risk.getAuthorityRisk("330");
    expect(birmingham?.kind).toBe("current");
    expect((await risk.getAuthorityRisk("909"))?.kind).toBe("former");
    expect(await risk.getAuthorityRisk("999")).toBeNull();

    // What the importer does with a newer release: a data_release row, then revised values.
    const target = first.rows.find((r) => r.figures.agency_rate_fte?.value !== null && (r.figures.agency_rate_fte?.value ?? 100) < 20)!;
    const release = await database.prisma.dataRelease.create({
      data: {
        series: "CSWW",
        fileName: "test-revision.csv",
        sha256: "f".repeat(64),
        editionRank: 2024,
        edition: "2017–2024",
        rowCount: 1,
        valueCount: 1,
        markerCount: 0,
      },
    });
    await database.prisma.indicatorValue.update({
      where: {
        indicatorId_geoCode_period: {
          indicatorId: "agency_rate_fte",
          geoCode: target.laNumber,
          period: target.figures.agency_rate_fte!.period,
        },
      },
      data: { value: 45, raw: "45", releaseId: release.id },
    });

    const second = await risk.getCurrentRisk();
    expect(second).not.toBe(first);
    const row = second.rows.find((r) => r.laNumber === target.laNumber)!;
    expect(row.figures.agency_rate_fte?.raw).toBe("45");
    expect(row.flags).toContainEqual({ indicatorId: "agency_rate_fte", kind: "threshold", severity: "red" });
  });

  it("filter and sort the national view, with chart data for exactly the rows shown", async () => {
    const risk = await import("../../lib/risk/server");
    const view = await risk.listNationalRisk({ region: "E12000002", sort: "name", order: "asc" });
    expect(view.rows.length).toBeGreaterThan(10);
    expect(view.rows.every((r) => r.regionName === "North West")).toBe(true);
    expect(view.rows.map((r) => r.name)).toEqual([...view.rows.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
    expect(view.charts.byRegion).toHaveLength(1);
    expect(view.charts.distribution.reduce((s, b) => s + b.count, 0)).toBe(view.rows.length);
  });
});
