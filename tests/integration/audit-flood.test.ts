// Anonymous refusals through the real action wrapper on PostgreSQL (issue 14): a burst of anonymous
// POSTs to an action whose record exists no longer writes one audit row each. The first refusal per
// address, action, LA and minute is a full row; the rest of the minute become one
// `access.refused_repeated` row with the count and the first and last time — nothing is lost.
// The clock is injected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/lib/actions/execute-action";
import { updateTriageAction } from "@/lib/triage/actions";
import { flushRefusalTallies } from "@/lib/auth/refusal-tally";
import type { AppAuth } from "@/lib/auth/server";
import { form, makeContext, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";

let t: TestDatabase;
let auth: AppAuth;
const T0 = new Date("2026-11-26T10:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
}, 120_000);
afterAll(async () => {
  await t?.drop();
});

const anonymousPost = (at: Date, ip = "203.0.113.5") =>
  executeAction(
    updateTriageAction,
    makeContext(t.prisma, auth, { ip, now: () => at }),
    form({ laNumber: "393", status: "REVIEWED", note: "x", version: "0", releaseId: "1" }),
  );

const rows = (action: string) => t.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });

describe("anonymous refusals", () => {
  it("write one row per address, action and minute, plus one row counting the rest", async () => {
    for (let i = 0; i < 200; i++) await anonymousPost(new Date(T0.getTime() + i * 250)); // 4 a second for 50 s
    const first = await rows("access.refused");
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ ip: "203.0.113.5", entityType: "triage", actorId: null });
    expect(first[0]?.detail).toMatchObject({ reason: "signed_out", action: "triage.update" });

    // The minute is over: the next refusal (or an admin reading the log) writes the count.
    expect(await flushRefusalTallies(t.prisma, new Date(T0.getTime() + 61_000))).toBe(1);
    const repeated = await rows("access.refused_repeated");
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ ip: "203.0.113.5", entityType: "triage", outcome: "REFUSED" });
    expect(repeated[0]?.detail).toMatchObject({
      count: 199,
      firstAt: new Date(T0.getTime() + 250).toISOString(),
      lastAt: new Date(T0.getTime() + 199 * 250).toISOString(),
      action: "triage.update",
    });
    // Flushing again writes nothing more (the count moved exactly once).
    expect(await flushRefusalTallies(t.prisma, new Date(T0.getTime() + 120_000))).toBe(0);
  });

  it("keep each address apart, and each new minute starts with a full row", async () => {
    const t1 = new Date(T0.getTime() + 10 * 60_000);
    await anonymousPost(t1, "198.51.100.1");
    await anonymousPost(new Date(t1.getTime() + 1000), "198.51.100.2");
    await anonymousPost(new Date(t1.getTime() + 60_000), "198.51.100.1");
    const refused = (await rows("access.refused")).slice(1).map((r) => r.ip);
    expect(refused).toEqual(["198.51.100.1", "198.51.100.2", "198.51.100.1"]);
  });
});
