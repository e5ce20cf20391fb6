// The one-off triage re-baseline of decision 0030 against real PostgreSQL with the published data:
// reviews taken under the earlier risk design (no "position" flags, no design recorded) would all
// reopen on the next import; after `rebaselineReviewedTriage` only the LAs that figures published
// after their review made worse do. Audited, idempotent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/core/clock";
import { newestReleaseId } from "@/lib/risk/dataset";
import { buildAssessor } from "@/lib/triage/assess";
import { REBASELINE_AUTHOR, SNAPSHOT_DESIGN } from "@/lib/triage/config";
import { rebaselineReviewedTriage } from "@/lib/triage/rebaseline";
import { changesSinceReview } from "@/lib/triage/reopen";
import { reopenChangedSinceReview } from "@/lib/triage/reopen-after-import";
import { readSnapshot, snapshotOf, type TriageSnapshot } from "@/lib/triage/snapshot";
import type { Assessor } from "@/lib/risk/assess";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { NOW } from "./auth-fixtures";

/** The day the analysts reviewed (before the 2024 workforce figures, published by the end of February 2025). */
const REVIEWED_ON = "2025-01-15";
const LATER = new Date(NOW.getTime() + 60_000);

let t: TestDatabase;
let assessor: Assessor;
let releaseId: number;

/** What an analyst saw under the earlier design: no "position" flags (decision 0007 had none), no design recorded. */
function earlierDesignSnapshot(laNumber: string): TriageSnapshot {
  const s = snapshotOf(assessor.assess(laNumber, REVIEWED_ON)!, releaseId);
  const { design: _design, ...rest } = s;
  return { ...rest, flags: s.flags.filter((f) => f.kind !== "position"), score: 0 };
}

async function markReviewed(laNumber: string, snapshot: TriageSnapshot) {
  await t.prisma.triageState.create({
    data: {
      laNumber,
      status: "REVIEWED",
      version: 1,
      snapshot,
      lastReviewedAt: NOW,
      lastReviewedByName: "Ann Analyst",
      latestNote: "Reviewed",
      updatedAt: NOW,
      updatedByName: "Ann Analyst",
    },
  });
}

/** Runs the importer's reopen check in a transaction that is rolled back: what the next import would reopen. */
async function wouldReopen(): Promise<string[]> {
  const rollback = new Error("rollback");
  let reopened: string[] = [];
  await t.prisma
    .$transaction(async (tx) => {
      reopened = (await reopenChangedSinceReview(tx, { now: LATER })).reopened.map((r) => r.laNumber);
      throw rollback;
    })
    .catch((e) => {
      if (e !== rollback) throw e;
    });
  return reopened;
}

// Chosen from the data: an LA whose flags under the current design were the same on the review day as
// today ("quiet"), one that data published since made worse ("worse"), and one reviewed under the current design.
let quiet: string;
let worse: string;
let current: string;

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  assessor = await buildAssessor(t.prisma);
  releaseId = await newestReleaseId(t.prisma);
  const asAtNow = today(NOW);
  const las = (await t.prisma.localAuthority.findMany({ where: { existsTo: null }, orderBy: { laNumber: "asc" } })).map((l) => l.laNumber);
  const quietOnes: string[] = [];
  const worseOnes: string[] = [];
  for (const la of las) {
    const onTheDay = assessor.assess(la, REVIEWED_ON);
    const nowA = assessor.assess(la, asAtNow);
    if (!onTheDay || !nowA) continue;
    const sameDesign = changesSinceReview(snapshotOf(onTheDay, releaseId), snapshotOf(nowA, releaseId));
    const earlier = changesSinceReview(earlierDesignSnapshot(la), snapshotOf(nowA, releaseId));
    if (sameDesign.length === 0 && earlier.length > 0) quietOnes.push(la);
    if (sameDesign.some((c) => c.kind === "new-flag")) worseOnes.push(la);
  }
  expect(quietOnes.length).toBeGreaterThan(1);
  expect(worseOnes.length).toBeGreaterThan(0);
  [quiet, current] = quietOnes as [string, string];
  worse = worseOnes.find((la) => la !== quiet && la !== current)!;
  await markReviewed(quiet, earlierDesignSnapshot(quiet));
  await markReviewed(worse, earlierDesignSnapshot(worse));
  await markReviewed(current, snapshotOf(assessor.assess(current, REVIEWED_ON)!, releaseId));
});

afterAll(async () => {
  await t?.drop();
});

describe("triage re-baseline after the risk design changed (decision 0030)", () => {
  it("without it, the next import would reopen every LA reviewed under the earlier design, even one nothing happened to", async () => {
    expect((await wouldReopen()).sort()).toEqual([quiet, worse].sort());
  });

  it("re-takes the earlier-design snapshots as at the day of the review, with an audit row each; status, note and version unchanged", async () => {
    const outcome = await rebaselineReviewedTriage(t.prisma, { now: NOW });
    expect(outcome).toEqual({ reviewed: 3, rebaselined: [quiet, worse].sort(), current: 1, skipped: [] });
    for (const la of [quiet, worse]) {
      const state = await t.prisma.triageState.findUniqueOrThrow({ where: { laNumber: la } });
      expect(state).toMatchObject({ status: "REVIEWED", version: 1, latestNote: "Reviewed", updatedByName: "Ann Analyst" });
      const snapshot = readSnapshot(state.snapshot)!;
      expect(snapshot).toEqual(snapshotOf(assessor.assess(la, REVIEWED_ON)!, releaseId));
      expect(snapshot).toMatchObject({ design: SNAPSHOT_DESIGN, asAt: REVIEWED_ON, releaseId });
      const audit = await t.prisma.auditEvent.findMany({ where: { action: "triage.rebaseline", laNumber: la } });
      expect(audit).toHaveLength(1);
      expect(audit[0]!.before).toMatchObject({ version: 1, snapshot: earlierDesignSnapshot(la) });
      expect(audit[0]!.after).toMatchObject({ version: 1, snapshot: { design: SNAPSHOT_DESIGN, asAt: REVIEWED_ON } });
      expect(audit[0]).toMatchObject({ outcome: "SUCCESS", actorId: null, entityType: "triage_state", entityId: la });
      expect(audit[0]!.detail).toMatchObject({ by: REBASELINE_AUTHOR, design: SNAPSHOT_DESIGN });
      expect((audit[0]!.detail as { reason: string }).reason).toContain(`as at ${REVIEWED_ON}`);
    }
    // the review taken under the current design is untouched
    expect(await t.prisma.auditEvent.count({ where: { action: "triage.rebaseline", laNumber: current } })).toBe(0);
    expect(await t.prisma.triageEvent.count()).toBe(0);
  });

  it("is idempotent: a second run changes nothing and writes no audit", async () => {
    const snapshots = await t.prisma.triageState.findMany({ orderBy: { laNumber: "asc" } });
    const audits = await t.prisma.auditEvent.count({ where: { action: "triage.rebaseline" } });
    const outcome = await rebaselineReviewedTriage(t.prisma, { now: LATER });
    expect(outcome).toEqual({ reviewed: 3, rebaselined: [], current: 3, skipped: [] });
    expect(await t.prisma.triageState.findMany({ orderBy: { laNumber: "asc" } })).toEqual(snapshots);
    expect(await t.prisma.auditEvent.count({ where: { action: "triage.rebaseline" } })).toBe(audits);
  });

  it("hides nothing new: afterwards the next import reopens only the LA that figures published after its review made worse", async () => {
    expect(await wouldReopen()).toEqual([worse]);
  });
});
