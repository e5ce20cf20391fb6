// Analyst triage against real PostgreSQL with real sessions: who may read and write triage, the
// versioned single and bulk updates (bulk is all or nothing), the data-release check, and the
// importer's "changed since last review" reopen with synthetic newer releases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES, executeAction } from "@/lib/actions/execute-action";
import { today } from "@/lib/core/clock";
import { bulkUpdateTriageAction, STALE_DATA_MESSAGE, updateTriageAction } from "@/lib/triage/actions";
import type { AppAuth } from "@/lib/auth/server";
import { newestReleaseId } from "@/lib/risk/dataset";
import "@/lib/import-hooks"; // the triage reopen runs as an after-import hook
import { importFolder } from "@/lib/import/run-import";
import { publishedOn } from "@/lib/risk/publication";
import { AUTOMATIC_AUTHOR } from "@/lib/triage/config";
import { loadTriageDetail, loadTriageStates } from "@/lib/triage/queries";
import { readSnapshot } from "@/lib/triage/snapshot";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { failed, form, makeContext, NOW, signInPeople, succeeded, testAuth } from "./auth-fixtures";

const SOUTH_TYNESIDE = "393";
const BIRMINGHAM = "330";
const LIVERPOOL = "341";
const MANCHESTER = "352";
const CUMBRIA = "909"; // abolished in 2023: not in the inbox

// A fixed clock (not the wall clock) that ticks a second per reading, so saves and imports are ordered.
let ticks = 0;
const clock = () => new Date(NOW.getTime() + 1000 * ticks++);

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");

let t: TestDatabase;
let auth: AppAuth;
const people = {} as Record<"analyst" | "analyst2" | "dcs" | "manager" | "admin", { id: string; name: string; cookie: string }>;

const ctxAs = (who: keyof typeof people | "anonymous") =>
  makeContext(t.prisma, auth, { cookie: who === "anonymous" ? undefined : people[who].cookie, ip: "192.0.2.9", now: clock });
const release = async () => String(await newestReleaseId(t.prisma));
const stateOf = (laNumber: string) => t.prisma.triageState.findUnique({ where: { laNumber } });

async function update(
  who: keyof typeof people | "anonymous",
  laNumber: string,
  values: { status: string; note: string; version?: number; releaseId?: string },
) {
  const version = values.version ?? (await stateOf(laNumber))?.version ?? 0;
  return executeAction(
    updateTriageAction,
    ctxAs(who),
    form({
      laNumber,
      status: values.status,
      note: values.note,
      version: String(version),
      releaseId: values.releaseId ?? (await release()),
    }),
  );
}

function bulkForm(selected: string[], status: string, note: string, releaseId: string): FormData {
  const fd = form({ status, note, releaseId });
  for (const s of selected) fd.append("selected", s);
  return fd;
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  const specs = {
    analyst: ["dfe_analyst", null, "Ann Analyst"],
    analyst2: ["dfe_analyst", null, "Bo Analyst"],
    dcs: ["dcs", SOUTH_TYNESIDE, "Dee Director"],
    manager: ["team_manager", SOUTH_TYNESIDE, "Tim Manager"],
    admin: ["admin", null, "Ada Admin"],
  } as const;
  const { ids, cookies } = await signInPeople(t.prisma, auth, specs);
  for (const key of Object.keys(specs) as (keyof typeof specs)[]) people[key] = { id: ids[key], name: specs[key][2], cookie: cookies[key] };
});

afterAll(async () => {
  await t?.drop();
});

describe("only DfE analysts read or write triage", () => {
  it("dcs, team manager, admin and anonymous cannot write (single or bulk): refused, audited, nothing saved", async () => {
    for (const who of ["dcs", "manager", "admin", "anonymous"] as const) {
      const one = await update(who, SOUTH_TYNESIDE, { status: "REVIEWED", note: `by ${who}`, version: 0 });
      expect(one).toEqual({
        ok: false,
        message: who === "anonymous" ? ACTION_MESSAGES.signedOut : ACTION_MESSAGES.refused,
        fieldErrors: {},
      });
      const many = await executeAction(
        bulkUpdateTriageAction,
        ctxAs(who),
        bulkForm([`${SOUTH_TYNESIDE}:0`, `${BIRMINGHAM}:0`], "ESCALATED", `bulk by ${who}`, await release()),
      );
      expect(many).toEqual({
        ok: false,
        message: who === "anonymous" ? ACTION_MESSAGES.signedOut : ACTION_MESSAGES.refused,
        fieldErrors: {},
      });
      const actorId = who === "anonymous" ? null : people[who].id;
      for (const action of ["triage.update", "triage.bulk_update"]) {
        const refusal = await t.prisma.auditEvent.findFirst({
          where: { action: "access.refused", actorId, detail: { path: ["action"], equals: action } },
        });
        expect(refusal?.detail).toMatchObject({ permission: "triage.edit", reason: who === "anonymous" ? "signed_out" : "role" });
      }
    }
    expect(await t.prisma.triageState.count()).toBe(0);
    expect(await t.prisma.triageEvent.count()).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { action: { startsWith: "triage." } } })).toBe(0);
  });

  it("dcs, team manager, admin and anonymous cannot read: not the states, not an LA's history, not even a count", async () => {
    const ok = await update("analyst", MANCHESTER, { status: "UNDER_REVIEW", note: "Looking at caseloads", version: 0 });
    expect(ok.ok).toBe(true);
    const viewers = {
      dcs: { role: "dcs", laNumber: SOUTH_TYNESIDE },
      manager: { role: "team_manager", laNumber: SOUTH_TYNESIDE },
      admin: { role: "admin", laNumber: null },
    } as const;
    for (const [key, v] of Object.entries(viewers)) {
      const viewer = { id: people[key as keyof typeof viewers].id, ...v };
      expect(await loadTriageStates(t.prisma, viewer)).toBeNull();
      expect(await loadTriageDetail(t.prisma, viewer, MANCHESTER)).toBeNull();
    }
    expect(await loadTriageStates(t.prisma, null)).toBeNull();
    expect(await loadTriageDetail(t.prisma, null, MANCHESTER)).toBeNull();
    const analyst = { id: people.analyst.id, role: "dfe_analyst" as const, laNumber: null };
    expect((await loadTriageStates(t.prisma, analyst))?.get(MANCHESTER)).toMatchObject({
      status: "UNDER_REVIEW",
      latestNote: "Looking at caseloads",
      version: 1,
    });
    expect((await loadTriageDetail(t.prisma, analyst, MANCHESTER))?.events).toHaveLength(1);
  });
});

describe("one LA at a time", () => {
  it("saves status, note, who and when, the flags and score reviewed, a history row and an audit row", async () => {
    const first = await update("analyst", SOUTH_TYNESIDE, {
      status: "UNDER_REVIEW",
      note: "Agency use looks high; asking the region.",
      version: 0,
    });
    expect(first).toEqual({ ok: true, message: "South Tyneside: Under review. Your note is saved." });
    const second = await update("analyst", SOUTH_TYNESIDE, { status: "REVIEWED", note: "Region confirms a plan is in place.", version: 1 });
    expect(second.ok).toBe(true);
    const state = await stateOf(SOUTH_TYNESIDE);
    expect(state).toMatchObject({
      status: "REVIEWED",
      version: 2,
      latestNote: "Region confirms a plan is in place.",
      lastReviewedByName: "Ann Analyst",
      updatedById: people.analyst.id,
      reopenReason: null,
    });
    const snapshot = readSnapshot(state?.snapshot);
    expect(snapshot).toMatchObject({ releaseId: Number(await release()), asAt: today(NOW) });
    expect(typeof snapshot?.score).toBe("number");
    const events = await t.prisma.triageEvent.findMany({ where: { laNumber: SOUTH_TYNESIDE }, orderBy: { version: "asc" } });
    expect(events.map((e) => [e.statusBefore, e.statusAfter, e.version, e.authorName, e.isAutomatic])).toEqual([
      ["NEW", "UNDER_REVIEW", 1, "Ann Analyst", false],
      ["UNDER_REVIEW", "REVIEWED", 2, "Ann Analyst", false],
    ]);
    const audit = await t.prisma.auditEvent.findMany({
      where: { action: "triage.update", entityId: SOUTH_TYNESIDE },
      orderBy: { id: "asc" },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({ outcome: "SUCCESS", actorId: people.analyst.id, ip: "192.0.2.9", laNumber: SOUTH_TYNESIDE });
    expect(audit[1]?.before).toMatchObject({ status: "UNDER_REVIEW", version: 1 });
    expect(audit[1]?.after).toMatchObject({ status: "REVIEWED", version: 2, note: "Region confirms a plan is in place." });
  });

  it("refuses a save against an older version with who and when, showing the newer values; nothing is lost", async () => {
    const stale = failed(await update("analyst2", SOUTH_TYNESIDE, { status: "ESCALATED", note: "Escalating to the minister", version: 1 }));
    // both changed the status since version 1 (under review): Ann to reviewed, Bo to escalated
    expect(stale.message).toMatch(
      /^This local authority's triage was changed by Ann Analyst at \d{1,2} \w+ \d{4} at \d{2}:\d{2} while you were editing, and you both changed its status\. Nothing was saved/,
    );
    expect(stale.conflict).toMatchObject({
      by: "Ann Analyst",
      current: { status: "REVIEWED", note: "Region confirms a plan is in place.", version: "2" },
      fields: [
        { field: "status", label: "Triage status", theirs: "Reviewed: no further action", yours: "Escalated", before: "Under review" },
      ],
    });
    expect(stale.fieldErrors.status).toMatch(
      /^Triage status was also changed by Ann Analyst \(.+\) while you were editing\. Theirs: “Reviewed: no further action”\. Yours: “Escalated”\. Before: “Under review”\./,
    );
    expect(await t.prisma.triageEvent.count({ where: { laNumber: SOUTH_TYNESIDE, note: "Escalating to the minister" } })).toBe(0);
    expect(await stateOf(SOUTH_TYNESIDE)).toMatchObject({ status: "REVIEWED", version: 2 });
    // with the newer version the form now carries, saving again is a deliberate overwrite
    expect((await update("analyst2", SOUTH_TYNESIDE, { status: "REVIEWED", note: "Checked again: agree.", version: 2 })).ok).toBe(true);
  });

  it("two first saves of a never-triaged LA at once, the same status: both notes are kept, one after the other (no lost update)", async () => {
    const results = await Promise.all(
      ["analyst", "analyst2"].map((who) =>
        update(who as "analyst", LIVERPOOL, { status: "UNDER_REVIEW", note: `first by ${who}`, version: 0 }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => r.ok && / also changed its triage meanwhile /.test(r.message))).toHaveLength(1);
    const events = await t.prisma.triageEvent.findMany({ where: { laNumber: LIVERPOOL }, orderBy: { version: "asc" } });
    expect(events.map((e) => [e.version, e.statusAfter])).toEqual([
      [1, "UNDER_REVIEW"],
      [2, "UNDER_REVIEW"],
    ]);
    expect(new Set(events.map((e) => e.note))).toEqual(new Set(["first by analyst", "first by analyst2"]));
  });

  it("two first saves of a never-triaged LA at once, different statuses: exactly one wins, the other is a conflict", async () => {
    const results = await Promise.all([
      update("analyst", "392", { status: "UNDER_REVIEW", note: "first by Ann", version: 0 }),
      update("analyst2", "392", { status: "ESCALATED", note: "first by Bo", version: 0 }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ conflict: { fields: [{ field: "status", before: "New" }] } });
    expect(await t.prisma.triageEvent.count({ where: { laNumber: "392" } })).toBe(1);
  });

  it("the issue's scenario for triage: A escalates; B, from the older copy, only adds a note → A's status kept, B's note appended", async () => {
    expect((await update("analyst", "394", { status: "UNDER_REVIEW", note: "Looking at caseloads.", version: 0 })).ok).toBe(true);
    // both open the LA at version 1 (under review)
    expect((await update("analyst", "394", { status: "ESCALATED", note: "Caseloads of 30: escalating.", version: 1 })).ok).toBe(true);
    const b = succeeded(
      await update("analyst2", "394", { status: "UNDER_REVIEW", note: "Spoke to the DCS; recruitment under way.", version: 1 }),
    );
    expect(b.message).toMatch(/^Sunderland: your note is saved\. Its status stays Escalated, as Ann Analyst set it meanwhile \(.+\)\.$/);
    expect(await stateOf("394")).toMatchObject({
      status: "ESCALATED",
      version: 3,
      latestNote: "Spoke to the DCS; recruitment under way.",
      updatedById: people.analyst2.id,
    });
    const events = await t.prisma.triageEvent.findMany({ where: { laNumber: "394" }, orderBy: { version: "asc" } });
    expect(events.map((e) => [e.version, e.statusBefore, e.statusAfter, e.authorName, e.note])).toEqual([
      [1, "NEW", "UNDER_REVIEW", "Ann Analyst", "Looking at caseloads."],
      [2, "UNDER_REVIEW", "ESCALATED", "Ann Analyst", "Caseloads of 30: escalating."],
      [3, "ESCALATED", "ESCALATED", "Bo Analyst", "Spoke to the DCS; recruitment under way."],
    ]);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "triage.update", entityId: "394" },
      orderBy: { id: "desc" },
    });
    expect(audit.detail).toMatchObject({ mergedFromVersion: 1, keptTheirs: ["status"] });

    // the other way round: A only adds a note; B, from the older copy, changes the status → B's status, both notes
    expect((await update("analyst", "394", { status: "ESCALATED", note: "Minister's office informed.", version: 3 })).ok).toBe(true);
    const c = succeeded(await update("analyst2", "394", { status: "UNDER_REVIEW", note: "De-escalating: plan agreed.", version: 3 }));
    expect(c.message).toMatch(
      /^Sunderland: Under review\. Your note is saved\. Ann Analyst also changed its triage meanwhile \(.+\); their note is kept in the history\.$/,
    );
    expect(await stateOf("394")).toMatchObject({ status: "UNDER_REVIEW", version: 5, latestNote: "De-escalating: plan agreed." });
  });

  it("both changed the status differently → conflict with theirs / yours / before; nothing saved; saving again from the newer version goes through", async () => {
    const version = (await stateOf("394"))!.version; // under review
    expect((await update("analyst", "394", { status: "ESCALATED", note: "Escalating again.", version })).ok).toBe(true);
    const clash = await update("analyst2", "394", { status: "NEW", note: "Back to the inbox.", version });
    expect(clash).toMatchObject({
      ok: false,
      conflict: {
        by: "Ann Analyst",
        current: { status: "ESCALATED", version: String(version + 1) },
        fields: [{ theirs: "Escalated", yours: "New", before: "Under review" }],
      },
      values: { status: "NEW", note: "Back to the inbox." },
    });
    expect(await stateOf("394")).toMatchObject({ status: "ESCALATED", version: version + 1 });
    expect(await t.prisma.triageEvent.count({ where: { laNumber: "394", note: "Back to the inbox." } })).toBe(0);
    // the form now carries the newer version: saving again keeps the status on screen
    expect(
      await update("analyst2", "394", { status: "UNDER_REVIEW", note: "Agreed with Ann: under review.", version: version + 1 }),
    ).toMatchObject({ ok: true });
  });

  it("refuses a blank note, an unknown status and an LA that is not in the inbox", async () => {
    const blank = await update("analyst", BIRMINGHAM, { status: "REVIEWED", note: "   ", version: 0 });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { note: "Enter a note saying what you found or decided" } });
    const odd = await update("analyst", BIRMINGHAM, { status: "CLOSED", note: "x", version: 0 });
    expect(odd).toMatchObject({ ok: false, fieldErrors: { status: "Choose a status" } });
    const former = await update("analyst", CUMBRIA, { status: "REVIEWED", note: "x", version: 0 });
    expect(former).toEqual({ ok: false, message: ACTION_MESSAGES.notFound, fieldErrors: {} });
    expect(await stateOf(BIRMINGHAM)).toBeNull();
  });

  it("refuses a review made against an older data release", async () => {
    const older = String(Number(await release()) - 1);
    const result = await update("analyst", BIRMINGHAM, {
      status: "REVIEWED",
      note: "Looked at the old figures",
      version: 0,
      releaseId: older,
    });
    expect(result).toMatchObject({ ok: false, message: STALE_DATA_MESSAGE });
    expect(await stateOf(BIRMINGHAM)).toBeNull();
  });
});

describe("bulk update", () => {
  it("is all or nothing: one LA changed meanwhile means none is changed", async () => {
    const before = await t.prisma.triageEvent.count();
    const la = await stateOf(LIVERPOOL); // version 1 after the race above
    const result = await executeAction(
      bulkUpdateTriageAction,
      ctxAs("analyst"),
      bulkForm(
        [`${BIRMINGHAM}:0`, `${LIVERPOOL}:0`, `${MANCHESTER}:${(await stateOf(MANCHESTER))?.version}`],
        "ESCALATED",
        "Three at once",
        await release(),
      ),
    );
    expect(failed(result).message).toMatch(
      /^Nothing was saved: 1 local authority changed after you opened this page — Liverpool \(changed by (Ann|Bo) Analyst at .+; now Under review\)/,
    );
    expect(await stateOf(BIRMINGHAM)).toBeNull();
    expect(await stateOf(LIVERPOOL)).toMatchObject({ version: la?.version, status: "UNDER_REVIEW" });
    expect(await stateOf(MANCHESTER)).toMatchObject({ status: "UNDER_REVIEW" });
    expect(await t.prisma.triageEvent.count()).toBe(before);
  });

  it("is all or nothing when a write fails part-way: the LAs already written are rolled back", async () => {
    // A database error on the second LA's history row, after the first LA's rows are written.
    await t.prisma.$executeRawUnsafe(
      `CREATE FUNCTION test_fail_330() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."laNumber" = '330' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END; $$`,
    );
    await t.prisma.$executeRawUnsafe(
      `CREATE TRIGGER test_fail_330 BEFORE INSERT ON triage_event FOR EACH ROW EXECUTE FUNCTION test_fail_330()`,
    );
    const original = console.error;
    console.error = () => undefined;
    try {
      const before = await t.prisma.triageEvent.count();
      const result = await executeAction(
        bulkUpdateTriageAction,
        ctxAs("analyst"),
        bulkForm([`${MANCHESTER}:1`, `${BIRMINGHAM}:0`], "REVIEWED", "Both fine", await release()),
      );
      expect(result).toMatchObject({ ok: false, message: ACTION_MESSAGES.unexpected });
      expect(await stateOf(MANCHESTER)).toMatchObject({ status: "UNDER_REVIEW", version: 1 });
      expect(await stateOf(BIRMINGHAM)).toBeNull();
      expect(await t.prisma.triageEvent.count()).toBe(before);
      expect(await t.prisma.auditEvent.count({ where: { action: "triage.bulk_update" } })).toBe(0);
    } finally {
      console.error = original;
      await t.prisma.$executeRawUnsafe(`DROP TRIGGER test_fail_330 ON triage_event`);
      await t.prisma.$executeRawUnsafe(`DROP FUNCTION test_fail_330()`);
    }
  });

  it("marks every ticked LA with one note, each versioned, each with its own history and audit row", async () => {
    const liverpool = (await stateOf(LIVERPOOL))!.version;
    const result = await executeAction(
      bulkUpdateTriageAction,
      ctxAs("analyst"),
      bulkForm(
        [`${BIRMINGHAM}:0`, `${LIVERPOOL}:${liverpool}`, `${MANCHESTER}:1`],
        "REVIEWED",
        "Checked with the regional team: no further action.",
        await release(),
      ),
    );
    expect(result).toEqual({ ok: true, message: '3 local authorities marked "Reviewed: no further action" with your note' });
    for (const [la, version] of [
      [BIRMINGHAM, 1],
      [LIVERPOOL, liverpool + 1],
      [MANCHESTER, 2],
    ] as const) {
      expect(await stateOf(la)).toMatchObject({
        status: "REVIEWED",
        version,
        latestNote: "Checked with the regional team: no further action.",
      });
      expect(readSnapshot((await stateOf(la))?.snapshot)).not.toBeNull();
    }
    expect(await t.prisma.auditEvent.count({ where: { action: "triage.bulk_update", actorId: people.analyst.id } })).toBe(3);
    const refused = await executeAction(
      bulkUpdateTriageAction,
      ctxAs("analyst"),
      bulkForm([`${CUMBRIA}:0`], "REVIEWED", "x", await release()),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { selected: "Reload the page and select local authorities again" } });
  });
});

describe("changed since last review: the importer reopens reviewed LAs whose figures got worse", () => {
  const csww = fs.readFileSync(path.join(published, "csww_indicators_2017_to_2025.csv"), "utf8").split(/\r?\n/);
  const header = csww[0]!;
  const agency = header.split(",").indexOf("agency_rate_fte");

  /** The published 2025 workforce figures republished, with some LAs' agency rates replaced. */
  function release2025(agencyRates: Record<string, string>, suffix = ""): string {
    const rows = csww
      .filter((l) => l.startsWith("2025,"))
      .map((l) => {
        const cells = l.split(",");
        const rate = agencyRates[cells[7] ?? ""];
        if (rate) cells[agency] = rate;
        return cells.join(",");
      });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-triage-"));
    fs.writeFileSync(path.join(dir, `csww_indicators_2017_to_2025${suffix}.csv`), `${[header, ...rows].join("\n")}\n${suffix ? "\n" : ""}`);
    return dir;
  }

  it("2025 workforce figures count as published by the test's clock (else this test could not show anything)", () => {
    expect(publishedOn("CSWW", 2025) < today(NOW)).toBe(true);
  });

  it("a new red flag reopens a reviewed LA with the reason; unchanged and not-reviewed LAs are left alone", async () => {
    // South Tyneside, Birmingham, Liverpool and Manchester are reviewed; an LA under review is left as it is.
    expect((await update("analyst", SOUTH_TYNESIDE, { status: "REVIEWED", note: "Fine as of the 2024 figures." })).ok).toBe(true);
    expect((await update("analyst", "390", { status: "UNDER_REVIEW", note: "Gateshead: watching agency." })).ok).toBe(true);
    const before = await stateOf(SOUTH_TYNESIDE);
    const quiet = await t.prisma.triageEvent.count({ where: { laNumber: { in: [LIVERPOOL, "390"] } } });

    const summary = await importFolder(t.prisma, release2025({ [SOUTH_TYNESIDE]: "41.7", "390": "45.0" }), undefined, { now: clock });
    expect(summary.files.map((f) => f.status)).toEqual(["imported"]);

    const reopened = await stateOf(SOUTH_TYNESIDE);
    expect(reopened).toMatchObject({
      status: "NEW",
      version: before!.version + 1,
      updatedById: null,
      updatedByName: AUTOMATIC_AUTHOR,
      latestNote: "Fine as of the 2024 figures.",
    });
    expect(reopened?.reopenReason).toMatch(/^agency rate 2025: 41\.7%, \d* ?new red flags?/);
    expect(reopened?.reopenReason).toMatch(/score up [\d.]+ points? \([\d.]+ → [\d.]+\)$/);
    const event = await t.prisma.triageEvent.findFirstOrThrow({ where: { laNumber: SOUTH_TYNESIDE }, orderBy: { version: "desc" } });
    expect(event).toMatchObject({
      isAutomatic: true,
      statusBefore: "REVIEWED",
      statusAfter: "NEW",
      note: null,
      authorId: null,
      authorName: AUTOMATIC_AUTHOR,
      reason: reopened?.reopenReason,
      releaseId: await newestReleaseId(t.prisma),
    });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "triage.reopen", entityId: SOUTH_TYNESIDE } });
    expect(audit).toMatchObject({ actorId: null, outcome: "SUCCESS", laNumber: SOUTH_TYNESIDE });
    expect(audit.after).toMatchObject({ status: "NEW", reason: reopened?.reopenReason });

    // Liverpool's figures did not get worse; Gateshead's did, but it was under review, not reviewed.
    expect(await stateOf(LIVERPOOL)).toMatchObject({ status: "REVIEWED", reopenReason: null });
    expect(await stateOf("390")).toMatchObject({ status: "UNDER_REVIEW", reopenReason: null });
    expect(await t.prisma.triageEvent.count({ where: { laNumber: { in: [LIVERPOOL, "390"] } } })).toBe(quiet);

    // An analyst's form drawn before the import is out of date twice over: data and version.
    const stale = await update("analyst", SOUTH_TYNESIDE, {
      status: "REVIEWED",
      note: "Still fine?",
      version: before!.version,
      releaseId: String(before && readSnapshot(before.snapshot)?.releaseId),
    });
    expect(stale).toMatchObject({ ok: false, message: STALE_DATA_MESSAGE });
    // (reviewed → reopened by the import, reviewed → escalated by the analyst: both changed the status)
    const conflict = failed(
      await update("analyst", SOUTH_TYNESIDE, { status: "ESCALATED", note: "Still fine?", version: before!.version }),
    );
    expect(conflict.message).toMatch(/^This local authority's triage was changed by the automatic check after new data was imported at /);

    // The history, newest first, says why.
    const detail = await loadTriageDetail(t.prisma, { id: people.analyst.id, role: "dfe_analyst", laNumber: null }, SOUTH_TYNESIDE);
    expect(detail?.events[0]).toMatchObject({ isAutomatic: true, authorName: AUTOMATIC_AUTHOR, reason: reopened?.reopenReason });
  });

  it("stays reviewed when a newer release changes nothing for it, and an unchanged file does not even check", async () => {
    const current = await stateOf(SOUTH_TYNESIDE);
    expect(
      (
        await update("analyst", SOUTH_TYNESIDE, {
          status: "REVIEWED",
          note: "41.7% confirmed; recruitment plan agreed.",
          version: current!.version,
        })
      ).ok,
    ).toBe(true);
    const reviewed = await stateOf(SOUTH_TYNESIDE);
    const events = await t.prisma.triageEvent.count();

    // The same figures republished (a different file, so it is imported): nothing got worse.
    const again = await importFolder(t.prisma, release2025({ [SOUTH_TYNESIDE]: "41.7", "390": "45.0" }, "_republished"), undefined, {
      now: clock,
    });
    expect(again.files.map((f) => f.status)).toEqual(["imported"]);
    expect(await stateOf(SOUTH_TYNESIDE)).toMatchObject({ status: "REVIEWED", version: reviewed!.version, reopenReason: null });
    expect(await t.prisma.triageEvent.count()).toBe(events);

    // The exact same file again is "unchanged": no release, no check, nothing written.
    const dir = release2025({ [SOUTH_TYNESIDE]: "41.7", "390": "45.0" }, "_republished");
    expect((await importFolder(t.prisma, dir, undefined, { now: clock })).files.map((f) => f.status)).toEqual(["unchanged"]);
    expect(await t.prisma.triageEvent.count()).toBe(events);

    // A figure that is better than at the review does not reopen it either.
    await importFolder(t.prisma, release2025({ [SOUTH_TYNESIDE]: "12.0", "390": "45.0" }, "_revised"), undefined, { now: clock });
    const revised = await t.prisma.indicatorValue.findUniqueOrThrow({
      where: { indicatorId_geoCode_period: { indicatorId: "agency_rate_fte", geoCode: SOUTH_TYNESIDE, period: 2025 } },
    });
    expect(revised.raw).toBe("12.0");
    expect(await stateOf(SOUTH_TYNESIDE)).toMatchObject({ status: "REVIEWED", version: reviewed!.version });
  });

  it("a save made while an import runs waits for it, then is refused as made against the older figures; no deadlock", async () => {
    const releaseBefore = await release();
    const version = (await stateOf(LIVERPOOL))!.version;
    const lockHeld = async (granted: boolean) =>
      Number(
        (
          await t.prisma.$queryRaw<
            { n: bigint }[]
          >`select count(*) as n from pg_locks where locktype = 'advisory' and objid = 72707371 and granted = ${granted}`
        )[0]?.n,
      );
    // Hold the import up at its first write (the indicator rows), after it has taken the triage lock.
    const blocker = new pg.Client({ connectionString: t.url });
    await blocker.connect();
    try {
      await blocker.query("begin");
      await blocker.query(`select id from indicator where id = 'agency_rate_fte' for update`);
      const importing = importFolder(t.prisma, release2025({ [SOUTH_TYNESIDE]: "12.5", "390": "44.0" }, "_third"), undefined, {
        now: clock,
      });
      await expect.poll(() => lockHeld(true), { timeout: 30_000, interval: 50 }).toBe(1);
      const saving = update("analyst", LIVERPOOL, {
        status: "ESCALATED",
        note: "Saved during the import",
        version,
        releaseId: releaseBefore,
      });
      await expect.poll(() => lockHeld(false), { timeout: 30_000, interval: 50 }).toBe(1); // the save waits for the import
      await blocker.query("commit");
      expect((await importing).files.map((f) => f.status)).toEqual(["imported"]);
      expect(await saving).toMatchObject({ ok: false, message: STALE_DATA_MESSAGE });
    } finally {
      await blocker.end();
    }
    expect(await stateOf(LIVERPOOL)).toMatchObject({ version, status: "REVIEWED" });
    expect(await t.prisma.triageEvent.count({ where: { note: "Saved during the import" } })).toBe(0);
  });

  it("a bulk update and single saves on the same LAs at once: one way or the other, never a deadlock", async () => {
    const versions = await Promise.all([BIRMINGHAM, MANCHESTER].map(async (la) => (await stateOf(la))!.version));
    const results = await Promise.all([
      executeAction(
        bulkUpdateTriageAction,
        ctxAs("analyst"),
        bulkForm([`${BIRMINGHAM}:${versions[0]}`, `${MANCHESTER}:${versions[1]}`], "ESCALATED", "Both, in bulk", await release()),
      ),
      update("analyst2", MANCHESTER, { status: "UNDER_REVIEW", note: "Manchester alone", version: versions[1] }),
      update("analyst2", BIRMINGHAM, { status: "UNDER_REVIEW", note: "Birmingham alone", version: versions[0] }),
    ]);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.message !== ACTION_MESSAGES.unexpected)).toBe(true);
    const bulkWon = results[0]!.ok;
    expect(results.filter((r) => r.ok)).toHaveLength(bulkWon ? 1 : 2);
    expect(await t.prisma.triageEvent.count({ where: { note: "Both, in bulk" } })).toBe(bulkWon ? 2 : 0);
  });
});
