// The plan itself and its priorities, through the real action wrapper with real sessions on real
// PostgreSQL: changing the plan's title and period, approve/close/reopen, starting the next plan,
// adding/renaming/reordering/removing priorities (moving their actions), and an action's owner chosen
// from the LA's users. For each: refusals (signed out, wrong role, another LA), bad input with
// nothing saved, HTML kept as text, the audit row, and the version conflict between two sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES, executeAction } from "@/lib/actions/execute-action";
import {
  activatePlanAction,
  addPriorityAction,
  closePlanAction,
  createActionAction,
  createPlanAction,
  movePriorityAction,
  removePriorityAction,
  renamePriorityAction,
  reopenPlanAction,
  updateActionAction,
  updatePlanDetailsAction,
  planFormValues,
} from "@/lib/plans/actions";
import type { AppAuth } from "@/lib/auth/server";
import { serialiseBase } from "@/lib/core/field-merge";
import { PLAN_FIELDS } from "@/lib/plans/field-labels";
import { getPlanView, lastPlanChange, listOwnerCandidates, listPlans, loadPlanReport } from "@/lib/plans/queries";
import { OTHER_OWNER, OWNER_MESSAGES } from "@/lib/plans/owner";
import { createTestDatabase, type TestDatabase } from "./helpers";
import {
  failed,
  form,
  makeContext,
  makeUser,
  NOW,
  NOW_IN_LONDON as AT,
  runAction,
  signInPeople,
  testAuth,
  type TestContext,
} from "./auth-fixtures";

const LA = "393";
const OTHER = "330";

let t: TestDatabase;
let auth: AppAuth;
const cookies: Record<string, string | undefined> = { anonymous: undefined };
const userIds: Record<string, string> = {};

function run(def: unknown, who: string, values: Record<string, string>) {
  return runAction(def, ctx(who), values);
}
function ctx(who: string): TestContext {
  return makeContext(t.prisma, auth, { cookie: cookies[who], now: () => NOW });
}

const NOT_DCS = ["manager", "analyst", "admin", "otherDcs"] as const;

async function expectRefusedForOthers(def: unknown, values: Record<string, string>) {
  for (const who of NOT_DCS) expect(await run(def, who, values), who).toMatchObject({ ok: false, message: ACTION_MESSAGES.refused });
  expect(await run(def, "anonymous", values)).toMatchObject({ ok: false, message: ACTION_MESSAGES.signedOut });
}

async function planRow(id: string) {
  return t.prisma.improvementPlan.findUniqueOrThrow({ where: { id } });
}
const versionOf = async (id: string) => String((await planRow(id)).version);

/** Closes whatever plan the LA has open (directly), then starts a new one through the action. */
async function freshPlan(title: string): Promise<string> {
  await t.prisma.improvementPlan.updateMany({
    where: { laNumber: LA, status: { not: "CLOSED" } },
    data: { status: "CLOSED", version: { increment: 1 } },
  });
  expect(await run(createPlanAction, "dcs", { laNumber: LA, title, periodStart: "2026-04-01", periodEnd: "2027-03-31" })).toMatchObject({
    ok: true,
    redirectTo: `/la/${LA}/plan?done=created`,
  });
  return (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA, title }, orderBy: { createdAt: "desc" } })).id;
}

async function addPriorities(planId: string, titles: string[]): Promise<string[]> {
  for (const title of titles) expect(await run(addPriorityAction, "dcs", { planId, title })).toMatchObject({ ok: true });
  const rows = await t.prisma.planPriority.findMany({
    where: { planId, deletedAt: null },
    orderBy: { order: "asc" },
    select: { id: true, title: true },
  });
  return titles.map((title) => rows.find((r) => r.title === title)!.id);
}

async function order(planId: string): Promise<[string, number][]> {
  const rows = await t.prisma.planPriority.findMany({
    where: { planId, deletedAt: null },
    orderBy: { order: "asc" },
    select: { title: true, order: true },
  });
  return rows.map((r) => [r.title, r.order]);
}

const action = (planId: string, priorityId: string, over: Record<string, string> = {}) => ({
  planId,
  priorityId,
  title: "Recruit permanent social workers",
  description: "",
  theme: "WORKFORCE_STABILITY",
  ofstedRecommendation: "",
  ownerUserId: OTHER_OWNER,
  ownerOther: "Head of workforce",
  startDate: "2026-04-01",
  dueDate: "2027-03-01",
  status: "NOT_STARTED",
  successMeasure: "Vacancies filled",
  indicatorId: "",
  target: "",
  targetDate: "",
  evidenceLinks: "",
  ...over,
});

async function createAction(planId: string, priorityId: string, over: Record<string, string> = {}): Promise<string> {
  const result = await run(createActionAction, "manager", action(planId, priorityId, over));
  expect(result).toMatchObject({ ok: true });
  return (await t.prisma.planAction.findFirstOrThrow({ where: { planId }, orderBy: { createdAt: "desc" }, select: { id: true } })).id;
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  const people = await signInPeople(t.prisma, auth, {
    dcs: ["dcs", LA, "Dana Director"],
    dcs2: ["dcs", LA, "Deputy Director"],
    manager: ["team_manager", LA, "Alex Manager"],
    otherDcs: ["dcs", OTHER, "Other Director"],
    otherManager: ["team_manager", OTHER, "Olu Other"],
    analyst: ["dfe_analyst", null, "Ana Analyst"],
    admin: ["admin", null, "Adi Admin"],
  });
  Object.assign(userIds, people.ids);
  Object.assign(cookies, people.cookies);
  userIds.disabledManager = (await makeUser(t.prisma, "team_manager", LA, { name: "Former Manager", disabled: true })).id;
});

afterAll(async () => {
  await t?.drop();
});

describe("changing the plan's title and period", () => {
  let planId = "";
  const details = (over: Record<string, string> = {}) => ({
    planId,
    title: "Plan 2026 to 2027 (revised)",
    periodStart: "2026-04-01",
    periodEnd: "2027-06-30",
    ...over,
  });

  beforeAll(async () => {
    planId = await freshPlan("Plan 2026 to 2027");
  });

  it("refuses team managers, analysts, admins, another LA's DCS and people signed out; nothing changes and refusals are audited", async () => {
    const before = await planRow(planId);
    await expectRefusedForOthers(updatePlanDetailsAction, details({ version: String(before.version) }));
    expect(await planRow(planId)).toMatchObject({ title: before.title, version: before.version });
    expect(
      await t.prisma.auditEvent.count({ where: { action: "access.refused", detail: { path: ["action"], equals: "plan.update" } } }),
    ).toBeGreaterThanOrEqual(4);
  });

  it("gives a field error for each problem and saves nothing", async () => {
    const version = await versionOf(planId);
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "title", "Enter a title for the plan"],
      [{ title: "   " }, "title", "Enter a title for the plan"],
      [{ title: "x".repeat(201) }, "title", "Title must be 200 characters or fewer"],
      [{ periodStart: "2027-02-30" }, "periodStart", "The start of the plan period must be a real date, like 2027-03-31"],
      [{ periodStart: "" }, "periodStart", "Enter the start of the plan period"],
      [{ periodEnd: "31/03/2027" }, "periodEnd", "The end of the plan period must be a real date, like 2027-03-31"],
      [{ periodEnd: "2026-03-31" }, "periodEnd", "The end of the plan period must be after its start"],
      [{ version: "" }, "version", "Reload the page and try again"],
      [{ version: "abc" }, "version", "Reload the page and try again"],
    ];
    for (const [over, field, message] of cases) {
      const result = failed(await run(updatePlanDetailsAction, "dcs", { ...details({ version }), ...over }));
      expect(result.fieldErrors[field], JSON.stringify(over)).toBe(message);
      expect(result.values?.title).toBe({ ...details(), ...over }.title); // what they typed comes back
    }
    // a field missing from the post altogether
    const { periodEnd: _dropped, ...missing } = details({ version });
    expect(failed(await run(updatePlanDetailsAction, "dcs", missing)).fieldErrors.periodEnd).toBe("Enter the end of the plan period");
    expect(await planRow(planId)).toMatchObject({ title: "Plan 2026 to 2027", version: Number(version) });
  });

  it("saves the new title and period, raises the version and audits before/after; HTML is kept as text", async () => {
    const version = await versionOf(planId);
    const c = ctx("dcs");
    const title = '<script>alert("x")</script> Plan <b>2026</b>';
    const result = await executeAction(updatePlanDetailsAction, c, form(details({ title, version })));
    expect(result).toMatchObject({ ok: true, message: "Plan details saved", redirectTo: `/la/${LA}/plan?done=updated` });
    expect(c.revalidated).toEqual([`/la/${LA}/plan`]);
    const row = await planRow(planId);
    expect(row.title).toBe(title);
    expect(row.periodEnd.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(row.version).toBe(Number(version) + 1);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "plan.update", entityId: planId },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ outcome: "SUCCESS", actorId: userIds.dcs, laNumber: LA });
    expect(audit.before).toMatchObject({ title: "Plan 2026 to 2027", periodEnd: "2027-03-31", version: version });
    expect(audit.after).toMatchObject({ title, periodEnd: "2027-06-30", version: String(Number(version) + 1) });
    expect(await lastPlanChange(t.prisma, planId)).toEqual({ by: "Dana Director", at: NOW });
  });

  it("no lost update: of two sessions saving the same version with different titles, the second is told who changed it, when, theirs / yours", async () => {
    const version = await versionOf(planId);
    const [a, b] = await Promise.all([
      run(updatePlanDetailsAction, "dcs", details({ title: "Dana's title", version })),
      run(updatePlanDetailsAction, "dcs2", details({ title: "Deputy's title", version })),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const won = a.ok ? { by: "Dana Director", title: "Dana's title" } : { by: "Deputy Director", title: "Deputy's title" };
    const lostTitle = a.ok ? "Deputy's title" : "Dana's title";
    const lost = failed(a.ok ? b : a);
    // these forms carried no `original`: without a base, a field both sent differently is a conflict
    expect(lost.message).toBe(
      `${won.by} also changed this plan (${AT}) while you were editing, and you both changed the plan title. Nothing was saved: keep one value for each, then save again.`,
    );
    expect(lost.conflict).toEqual({
      by: won.by,
      at: AT,
      current: {
        title: won.title,
        periodStart: "2026-04-01",
        periodEnd: "2027-06-30",
        status: "DRAFT",
        version: String(Number(version) + 1),
      },
      fields: [{ field: "title", label: "Plan title", theirs: won.title, yours: lostTitle, before: null }],
    });
    expect(lost.fieldErrors.title).toContain(`Theirs: “${won.title}”. Yours: “${lostTitle}”. Before: not known.`);
    expect(lost.values?.title).toBe(lostTitle); // their own wording is kept for them
    expect((await planRow(planId)).title).toBe(won.title);
    expect(
      await t.prisma.auditEvent.count({
        where: { action: "plan.update", entityId: planId, after: { path: ["title"], equals: won.title } },
      }),
    ).toBe(1);
    // saving again with the newer version (as the form does after a conflict) goes through
    expect(
      await run(updatePlanDetailsAction, a.ok ? "dcs2" : "dcs", details({ title: "Agreed title", version: String(Number(version) + 1) })),
    ).toMatchObject({ ok: true });
  });

  it("the issue's scenario for the plan: one DCS changed the end of the period, the other (from the older copy) only the title → both kept", async () => {
    const version = await versionOf(planId);
    const opened = planFormValues(await planRow(planId)); // what both forms were drawn from
    const original = serialiseBase(PLAN_FIELDS, opened);
    const first = await run(updatePlanDetailsAction, "dcs", { planId, ...opened, periodEnd: "2027-09-30", version, original });
    expect(first).toMatchObject({ ok: true, redirectTo: `/la/${LA}/plan?done=updated` });
    // a priority added meanwhile raises the plan's version too; it merges without a word
    expect(await run(addPriorityAction, "dcs", { planId, title: "Added meanwhile" })).toMatchObject({ ok: true });
    const second = await run(updatePlanDetailsAction, "dcs2", { planId, ...opened, title: "Deputy's better title", version, original });
    expect(second).toMatchObject({ ok: true, message: "Plan details saved", redirectTo: `/la/${LA}/plan?done=updated&kept=periodEnd` });
    expect(await planRow(planId)).toMatchObject({
      title: "Deputy's better title",
      periodEnd: new Date("2027-09-30T00:00:00Z"),
      version: Number(version) + 3,
    });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "plan.update", entityId: planId },
      orderBy: { id: "desc" },
    });
    expect(audit.detail).toMatchObject({ mergedFromVersion: Number(version), keptTheirs: ["periodEnd"] });
    expect(audit.after).toMatchObject({ title: "Deputy's better title", periodEnd: "2027-09-30" });
  });

  it("a field both changed differently is a conflict with theirs / yours / before; nothing saved; saving again from the newer base keeps yours", async () => {
    const version = await versionOf(planId);
    const opened = planFormValues(await planRow(planId));
    const original = serialiseBase(PLAN_FIELDS, opened);
    expect(
      await run(updatePlanDetailsAction, "dcs", {
        planId,
        ...opened,
        title: "Dana's wording",
        periodStart: "2026-05-01",
        version,
        original,
      }),
    ).toMatchObject({ ok: true });
    const clash = failed(await run(updatePlanDetailsAction, "dcs2", { planId, ...opened, title: "Deputy's wording", version, original }));
    expect(clash.message).toBe(
      `Dana Director also changed this plan (${AT}) while you were editing, and you both changed the plan title. Nothing was saved: keep one value for each, then save again. Their changes to the start of the plan period are now in the form.`,
    );
    expect(clash.conflict?.fields).toEqual([
      { field: "title", label: "Plan title", theirs: "Dana's wording", yours: "Deputy's wording", before: opened.title },
    ]);
    expect(clash.fieldErrors.title).toBe(
      `Plan title was also changed by Dana Director (${AT}) while you were editing. Theirs: “Dana's wording”. Yours: “Deputy's wording”. Before: “${opened.title}”. Keep one of them and save again.`,
    );
    // the form now shows their start date (only they changed it) and carries the newer version and values
    expect(clash.values).toMatchObject({ periodStart: "2026-05-01", title: "Deputy's wording" });
    expect(await planRow(planId)).toMatchObject({ title: "Dana's wording", version: Number(version) + 1 });
    const again = await run(updatePlanDetailsAction, "dcs2", {
      planId,
      title: "Deputy's wording",
      periodStart: "2026-05-01",
      periodEnd: opened.periodEnd,
      version: clash.conflict!.current.version!,
      original: serialiseBase(PLAN_FIELDS, clash.conflict!.current),
    });
    expect(again).toMatchObject({ ok: true, redirectTo: `/la/${LA}/plan?done=updated` });
    expect(await planRow(planId)).toMatchObject({ title: "Deputy's wording", periodStart: new Date("2026-05-01T00:00:00Z") });
    // put the title back for the next test
    expect(await run(updatePlanDetailsAction, "dcs", details({ title: "Agreed title", version: await versionOf(planId) }))).toMatchObject({
      ok: true,
    });
  });

  it("changes that are each valid but not together (their start after your end) are refused, nothing saved", async () => {
    const version = await versionOf(planId);
    const opened = planFormValues(await planRow(planId));
    const original = serialiseBase(PLAN_FIELDS, opened);
    expect(await run(updatePlanDetailsAction, "dcs", { planId, ...opened, periodStart: "2027-01-01", version, original })).toMatchObject({
      ok: true,
    });
    const clash = failed(await run(updatePlanDetailsAction, "dcs2", { planId, ...opened, periodEnd: "2026-12-31", version, original }));
    expect(clash.fieldErrors).toEqual({ periodEnd: "The end of the plan period must be after its start" });
    expect(await planRow(planId)).toMatchObject({
      periodStart: new Date("2027-01-01T00:00:00Z"),
      periodEnd: new Date(`${opened.periodEnd}T00:00:00Z`),
    });
    expect(await run(updatePlanDetailsAction, "dcs", { planId, ...opened, version: await versionOf(planId) })).toMatchObject({ ok: true });
  });

  it("refuses to change a closed plan's details", async () => {
    const version = await versionOf(planId);
    expect(await run(activatePlanAction, "dcs", { planId, version })).toMatchObject({ ok: true });
    expect(await run(closePlanAction, "dcs", { planId, version: await versionOf(planId) })).toMatchObject({ ok: true });
    const closed = await versionOf(planId);
    expect(await run(updatePlanDetailsAction, "dcs", details({ title: "Too late", version: closed }))).toMatchObject({
      ok: false,
      message: "This plan is closed: reopen it to change its title or period",
    });
    expect((await planRow(planId)).title).toBe("Agreed title");
  });
});

describe("approve, close, reopen, and the next plan", () => {
  let planId = "";
  beforeAll(async () => {
    planId = await freshPlan("Plan to reopen");
  });

  it("only the LA's DCS moves the plan draft → active → closed → active, each audited", async () => {
    let version = await versionOf(planId);
    await expectRefusedForOthers(activatePlanAction, { planId, version });
    expect(await run(reopenPlanAction, "dcs", { planId, version })).toMatchObject({
      ok: false,
      message: "Only a closed plan can be reopened",
    });
    expect(await run(closePlanAction, "dcs", { planId, version })).toMatchObject({
      ok: false,
      message: "Only an active plan can be closed",
    });
    expect(await run(activatePlanAction, "dcs", { planId, version })).toMatchObject({
      ok: true,
      redirectTo: `/la/${LA}/plan?done=activated`,
    });
    version = await versionOf(planId);
    await expectRefusedForOthers(closePlanAction, { planId, version });
    expect(await run(closePlanAction, "dcs", { planId, version })).toMatchObject({ ok: true, redirectTo: `/la/${LA}/plan?done=closed` });
    version = await versionOf(planId);
    await expectRefusedForOthers(reopenPlanAction, { planId, version });
    expect((await planRow(planId)).status).toBe("CLOSED");
    expect(await run(reopenPlanAction, "dcs", { planId, version: "abc" })).toMatchObject({
      ok: false,
      fieldErrors: { version: "Reload the page and try again" },
    });
    const c = ctx("dcs");
    expect(await executeAction(reopenPlanAction, c, form({ planId, version }))).toMatchObject({
      ok: true,
      message: "Plan reopened: it is active again",
      redirectTo: `/la/${LA}/plan?done=reopened`,
    });
    expect(c.revalidated).toEqual([`/la/${LA}/plan`]);
    expect(await planRow(planId)).toMatchObject({ status: "ACTIVE", version: Number(version) + 1 });
    const audits = await t.prisma.auditEvent.findMany({
      where: { entityId: planId, outcome: "SUCCESS" },
      orderBy: { id: "asc" },
      select: { action: true, before: true, after: true },
    });
    expect(audits.map((a) => a.action)).toEqual(["plan.create", "plan.activate", "plan.close", "plan.reopen"]);
    expect(audits[3]).toMatchObject({ before: { status: "CLOSED" }, after: { status: "ACTIVE" } });
  });

  it("a stale status change is refused with who changed the plan and when", async () => {
    const version = await versionOf(planId);
    expect(await run(closePlanAction, "dcs2", { planId, version })).toMatchObject({ ok: true });
    const stale = failed(await run(closePlanAction, "dcs", { planId, version }));
    expect(stale.message).toBe(`This plan was changed by Deputy Director at ${AT} — review the plan and try again. Nothing was saved.`);
    expect(stale.conflict?.current.status).toBe("CLOSED");
  });

  it("once the plan is closed the DCS can start the next one; the closed one is still readable, and cannot be reopened while another is open", async () => {
    const nextId = await (async () => {
      expect(
        await run(createPlanAction, "dcs", { laNumber: LA, title: "Next plan", periodStart: "2027-04-01", periodEnd: "2028-03-31" }),
      ).toMatchObject({ ok: true });
      return (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA, title: "Next plan" } })).id;
    })();
    expect(
      await run(createPlanAction, "dcs", { laNumber: LA, title: "A third", periodStart: "2027-04-01", periodEnd: "2028-03-31" }),
    ).toMatchObject({
      ok: false,
      message: "This local authority already has a plan that is not closed (“Next plan”). Close it before starting another.",
    });
    expect(await run(reopenPlanAction, "dcs", { planId, version: await versionOf(planId) })).toMatchObject({
      ok: false,
      message: "This local authority already has a plan that is not closed (“Next plan”). Close it before reopening this one.",
    });
    expect((await planRow(planId)).status).toBe("CLOSED");
    // the current plan is the open one; the closed one is still there by id, and not through another LA
    const plans = await listPlans(t.prisma, LA);
    expect(plans[0]?.id).toBe(nextId);
    expect(plans.map((p) => p.id)).toContain(planId);
    expect((await getPlanView(t.prisma, LA, { sort: "due" }, "2026-11-26"))?.plan.id).toBe(nextId);
    expect((await getPlanView(t.prisma, LA, { sort: "due" }, "2026-11-26", planId))?.plan.title).toBe("Plan to reopen");
    expect((await loadPlanReport(t.prisma, LA, "2026-11-26", planId))?.plan.id).toBe(planId);
    expect(await getPlanView(t.prisma, OTHER, { sort: "due" }, "2026-11-26", planId)).toBeNull();
  });

  it("two people starting a plan and reopening the old one at the same moment cannot leave two open plans", async () => {
    await t.prisma.improvementPlan.updateMany({
      where: { laNumber: LA, status: { not: "CLOSED" } },
      data: { status: "CLOSED", version: { increment: 1 } },
    });
    const version = await versionOf(planId);
    const start = (who: string, i: number) =>
      run(createPlanAction, who, { laNumber: LA, title: `Racing plan ${i}`, periodStart: "2027-04-01", periodEnd: "2028-03-31" });
    const results = await Promise.all([
      run(reopenPlanAction, "dcs", { planId, version }),
      ...[1, 2, 3, 4, 5, 6].map((i) => start(i % 2 ? "dcs" : "dcs2", i)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await t.prisma.improvementPlan.count({ where: { laNumber: LA, deletedAt: null, status: { not: "CLOSED" } } })).toBe(1);
  });
});

describe("priorities: add, rename, reorder, remove", () => {
  let planId = "";
  let ids: string[] = [];
  beforeAll(async () => {
    planId = await freshPlan("Plan with priorities");
    ids = await addPriorities(planId, ["Workforce", "Front door", "Oversight"]);
  });

  it("adding: only the LA's DCS; bad input refused; at most 8; each add raises the plan's version and is audited", async () => {
    await expectRefusedForOthers(addPriorityAction, { planId, title: "Sneaky" });
    expect(await run(addPriorityAction, "dcs", { planId, title: "" })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Enter the priority" },
    });
    expect(await run(addPriorityAction, "dcs", { planId, title: "x".repeat(201) })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Priority must be 200 characters or fewer" },
    });
    expect(await run(addPriorityAction, "dcs", { planId: "not-a-uuid", title: "x" })).toMatchObject({
      ok: false,
      message: ACTION_MESSAGES.notFound,
    });
    expect(await order(planId)).toEqual([
      ["Workforce", 1],
      ["Front door", 2],
      ["Oversight", 3],
    ]);
    expect(await versionOf(planId)).toBe("4"); // created at 1, three priorities added
    const extra = await addPriorities(planId, ["Four", "Five", "Six", "Seven", "Eight"]);
    expect(await run(addPriorityAction, "dcs", { planId, title: "Nine" })).toMatchObject({
      ok: false,
      fieldErrors: { title: "A plan can have at most 8 priorities" },
    });
    expect(await t.prisma.planPriority.count({ where: { planId, deletedAt: null } })).toBe(8);
    expect(
      await t.prisma.auditEvent.count({ where: { action: "plan.priority.create", after: { path: ["planId"], equals: planId } } }),
    ).toBe(8);
    // tidy up for the next tests: remove the five extra (none has actions)
    for (const id of extra)
      expect(await run(removePriorityAction, "dcs", { priorityId: id, version: await versionOf(planId) })).toMatchObject({ ok: true });
  });

  it("renaming: only the LA's DCS; bad input refused; HTML kept as text; audited", async () => {
    const version = await versionOf(planId);
    await expectRefusedForOthers(renamePriorityAction, { priorityId: ids[1]!, title: "Renamed", version });
    expect(await run(renamePriorityAction, "dcs", { priorityId: ids[1]!, title: " ", version })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Enter the priority" },
    });
    expect(await run(renamePriorityAction, "dcs", { priorityId: ids[1]!, title: "y".repeat(201), version })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Priority must be 200 characters or fewer" },
    });
    expect(await run(renamePriorityAction, "dcs", { priorityId: ids[1]!, title: "Renamed" })).toMatchObject({
      ok: false,
      fieldErrors: { version: "Reload the page and try again" },
    });
    expect(await versionOf(planId)).toBe(version);
    const title = "<img src=x onerror=alert(1)> A safe front door";
    expect(await run(renamePriorityAction, "dcs", { priorityId: ids[1]!, title, version })).toMatchObject({
      ok: true,
      redirectTo: `/la/${LA}/plan/priorities?done=renamed`,
    });
    expect((await t.prisma.planPriority.findUniqueOrThrow({ where: { id: ids[1]! } })).title).toBe(title);
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.priority.rename", entityId: ids[1]! } })).toMatchObject({
      before: { title: "Front door" },
      after: { title, planId },
    });
    expect(await versionOf(planId)).toBe(String(Number(version) + 1));
  });

  it("renaming: of two sessions renaming at once, the second is told who changed the plan", async () => {
    const version = await versionOf(planId);
    const [a, b] = await Promise.all([
      run(renamePriorityAction, "dcs", { priorityId: ids[0]!, title: "Dana's words", version }),
      run(renamePriorityAction, "dcs2", { priorityId: ids[0]!, title: "Deputy's words", version }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const lost = failed(a.ok ? b : a);
    expect(lost.message).toBe(
      `This plan was changed by ${a.ok ? "Dana Director" : "Deputy Director"} at ${AT} — review the priority and try again. Nothing was saved.`,
    );
    expect((await t.prisma.planPriority.findUniqueOrThrow({ where: { id: ids[0]! } })).title).toBe(
      a.ok ? "Dana's words" : "Deputy's words",
    );
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.priority.rename", entityId: ids[0]! } })).toBe(1);
  });

  it("reordering: move up and down renumbers 1..n; the ends, unknown priorities and garbage are refused; audited", async () => {
    const [first, second, third] = (
      await t.prisma.planPriority.findMany({
        where: { planId, deletedAt: null },
        orderBy: { order: "asc" },
        select: { id: true, title: true },
      })
    ).map((p) => p);
    let version = await versionOf(planId);
    await expectRefusedForOthers(movePriorityAction, { planId, version, move: `${third!.id}:up` });
    expect(await run(movePriorityAction, "dcs", { planId, version, move: `${first!.id}:up` })).toMatchObject({
      ok: false,
      message: "That priority is already first",
    });
    expect(await run(movePriorityAction, "dcs", { planId, version, move: `${third!.id}:down` })).toMatchObject({
      ok: false,
      message: "That priority is already last",
    });
    expect(await run(movePriorityAction, "dcs", { planId, version, move: `${third!.id}:sideways` })).toMatchObject({
      ok: false,
      fieldErrors: { move: "Choose a priority to move" },
    });
    expect(await run(movePriorityAction, "dcs", { planId, version })).toMatchObject({
      ok: false,
      fieldErrors: { move: "Choose a priority to move" },
    });
    expect(await run(movePriorityAction, "dcs", { planId, version, move: "00000000-0000-4000-8000-000000000000:up" })).toMatchObject({
      ok: false,
      message: "That priority has been removed. Review the priorities below.",
    });
    expect(await versionOf(planId)).toBe(version); // refusals roll back the version rise

    const c = ctx("dcs");
    expect(await executeAction(movePriorityAction, c, form({ planId, version, move: `${third!.id}:up` }))).toMatchObject({
      ok: true,
      message: `"${third!.title}" moved up: it is now priority 2`,
    });
    expect(c.revalidated).toEqual([`/la/${LA}/plan`, `/la/${LA}/plan/priorities`]);
    expect((await order(planId)).map(([title]) => title)).toEqual([first!.title, third!.title, second!.title]);
    version = await versionOf(planId);
    expect(await run(movePriorityAction, "dcs", { planId, version, move: `${first!.id.toUpperCase()}:down` })).toMatchObject({ ok: true });
    expect(await order(planId)).toEqual([
      [third!.title, 1],
      [first!.title, 2],
      [second!.title, 3],
    ]);
    // a second move against the version before the first is a conflict, not a silent reorder
    expect(await run(movePriorityAction, "dcs2", { planId, version, move: `${second!.id}:up` })).toMatchObject({
      ok: false,
      conflict: { by: "Dana Director" },
    });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.priority.reorder", entityId: first!.id } });
    expect(audit.after).toMatchObject({ order: [third!.id, first!.id, second!.id], planId, moved: "down" });
    // the page reads them in the new order
    expect((await getPlanView(t.prisma, LA, { sort: "due" }, "2026-11-26"))?.priorities.map((p) => [p.title, p.order])).toEqual(
      await order(planId),
    );
  });

  it("removing: a priority with actions needs somewhere to move them; they move with their versions raised; the rest is renumbered; audited", async () => {
    const [p1, p2, p3] = await t.prisma.planPriority.findMany({
      where: { planId, deletedAt: null },
      orderBy: { order: "asc" },
      select: { id: true, title: true },
    });
    const a1 = await createAction(planId, p2!.id, { title: "First action" });
    const a2 = await createAction(planId, p2!.id, { title: "Second action" });
    let version = await versionOf(planId);
    await expectRefusedForOthers(removePriorityAction, { priorityId: p2!.id, version, moveTo: p1!.id });

    const refused = failed(await run(removePriorityAction, "dcs", { priorityId: p2!.id, version }));
    expect(refused.message).toBe(`“${p2!.title}” still has 2 actions. Choose the priority to move them to.`);
    expect(refused.fieldErrors.moveTo).toBe("Choose the priority to move its 2 actions to");
    expect(await run(removePriorityAction, "dcs", { priorityId: p2!.id, version, moveTo: p2!.id })).toMatchObject({
      ok: false,
      fieldErrors: { moveTo: "Choose one of the plan's other priorities" },
    });
    expect(
      await run(removePriorityAction, "dcs", { priorityId: p2!.id, version, moveTo: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, fieldErrors: { moveTo: "Choose one of the plan's other priorities" } });
    // nothing happened: still live, actions where they were, version unchanged
    expect((await t.prisma.planPriority.findUniqueOrThrow({ where: { id: p2!.id } })).deletedAt).toBeNull();
    expect(await versionOf(planId)).toBe(version);
    expect(await t.prisma.planAction.count({ where: { priorityId: p2!.id, deletedAt: null } })).toBe(2);

    const c = ctx("dcs");
    expect(await executeAction(removePriorityAction, c, form({ priorityId: p2!.id, version, moveTo: p3!.id }))).toMatchObject({
      ok: true,
      message: `Priority "${p2!.title}" removed and its 2 actions moved`,
      redirectTo: `/la/${LA}/plan/priorities?done=removed`,
    });
    expect((await t.prisma.planPriority.findUniqueOrThrow({ where: { id: p2!.id } })).deletedAt).toEqual(NOW);
    const moved = await t.prisma.planAction.findMany({ where: { id: { in: [a1, a2] } } });
    expect(moved.map((a) => [a.priorityId, a.version, a.updatedByName])).toEqual([
      [p3!.id, 2, "Dana Director"],
      [p3!.id, 2, "Dana Director"],
    ]);
    expect(await order(planId)).toEqual([
      [p1!.title, 1],
      [p3!.title, 2],
    ]);
    expect(await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.priority.remove", entityId: p2!.id } })).toMatchObject({
      before: { title: p2!.title },
      after: { planId, movedTo: p3!.id },
    });
    // a team manager's edit opened before the move is told about it rather than moving the action back
    const stale = failed(
      await run(updateActionAction, "manager", { ...action(planId, p3!.id, { title: "Edited" }), actionId: a1, version: "1" }),
    );
    expect(stale.conflict?.by).toBe("Dana Director");
    // a removed priority cannot be renamed, moved or removed again
    version = await versionOf(planId);
    expect(await run(renamePriorityAction, "dcs", { priorityId: p2!.id, title: "Back", version })).toMatchObject({
      ok: false,
      message: ACTION_MESSAGES.notFound,
    });
    expect(await run(removePriorityAction, "dcs", { priorityId: p2!.id, version })).toMatchObject({
      ok: false,
      message: ACTION_MESSAGES.notFound,
    });
  });

  it("removing the only priority that has actions is refused with a reason; an empty one can go", async () => {
    const [p1, p3] = await t.prisma.planPriority.findMany({
      where: { planId, deletedAt: null },
      orderBy: { order: "asc" },
      select: { id: true, title: true },
    });
    expect(await run(removePriorityAction, "dcs", { priorityId: p1!.id, version: await versionOf(planId) })).toMatchObject({
      ok: true,
      message: `Priority "${p1!.title}" removed`,
    });
    const result = failed(await run(removePriorityAction, "dcs", { priorityId: p3!.id, version: await versionOf(planId) }));
    expect(result.message).toBe(
      `“${p3!.title}” is the plan's only priority and still has 2 actions. Add another priority to move them to, then remove this one.`,
    );
    expect(await order(planId)).toEqual([[p3!.title, 1]]);
  });

  it("removing and reordering against a stale version is a conflict; nothing changes once the plan is closed", async () => {
    const [onlyOne] = await t.prisma.planPriority.findMany({ where: { planId, deletedAt: null }, select: { id: true } });
    const [extra] = await addPriorities(planId, ["Extra"]);
    const version = await versionOf(planId);
    expect(await run(removePriorityAction, "dcs", { priorityId: extra!, version: String(Number(version) - 1) })).toMatchObject({
      ok: false,
      conflict: { by: "Dana Director", current: { version } },
    });
    expect((await t.prisma.planPriority.findUniqueOrThrow({ where: { id: extra! } })).deletedAt).toBeNull();

    expect(await run(activatePlanAction, "dcs", { planId, version })).toMatchObject({ ok: true });
    expect(await run(closePlanAction, "dcs", { planId, version: await versionOf(planId) })).toMatchObject({ ok: true });
    const closed = await versionOf(planId);
    const message = "This plan is closed: reopen it to change its priorities";
    expect(await run(addPriorityAction, "dcs", { planId, title: "Late" })).toMatchObject({ ok: false, message });
    expect(await run(renamePriorityAction, "dcs", { priorityId: extra!, title: "Late", version: closed })).toMatchObject({
      ok: false,
      message,
    });
    expect(await run(movePriorityAction, "dcs", { planId, version: closed, move: `${extra!}:up` })).toMatchObject({ ok: false, message });
    expect(await run(removePriorityAction, "dcs", { priorityId: onlyOne!.id, version: closed, moveTo: extra! })).toMatchObject({
      ok: false,
      message,
    });
    expect(await versionOf(planId)).toBe(closed);
  });
});

describe("an action's owner, chosen from the LA's users or typed", () => {
  let planId = "";
  let priorityId = "";
  beforeAll(async () => {
    planId = await freshPlan("Plan for owners");
    priorityId = (await addPriorities(planId, ["Workforce"]))[0]!;
  });

  it("offers the LA's enabled directors and team managers, by name — not other LAs, analysts or disabled accounts", async () => {
    const candidates = await listOwnerCandidates(t.prisma, LA);
    expect(candidates.map((c) => c.name)).toEqual(["Alex Manager", "Dana Director", "Deputy Director"]);
    expect(candidates.find((c) => c.name === "Alex Manager")).toEqual({ id: userIds.manager, name: "Alex Manager", role: "team_manager" });
  });

  it("stores the chosen user's name, or the typed person or role, as text", async () => {
    const chosen = await createAction(planId, priorityId, { title: "Owned by Alex", ownerUserId: userIds.manager!, ownerOther: "" });
    expect((await t.prisma.planAction.findUniqueOrThrow({ where: { id: chosen } })).owner).toBe("Alex Manager");
    const typed = await createAction(planId, priorityId, {
      title: "Owned by a role",
      ownerUserId: OTHER_OWNER,
      ownerOther: "  Head of <i>MASH</i> ",
    });
    expect((await t.prisma.planAction.findUniqueOrThrow({ where: { id: typed } })).owner).toBe("Head of <i>MASH</i>");
    const noChoice = await createAction(planId, priorityId, {
      title: "Typed without choosing",
      ownerUserId: "",
      ownerOther: "Principal social worker",
    });
    expect((await t.prisma.planAction.findUniqueOrThrow({ where: { id: noChoice } })).owner).toBe("Principal social worker");
    // editing: switch from the typed role to a person
    const edited = await run(updateActionAction, "manager", {
      ...action(planId, priorityId, { title: "Owned by a role", ownerUserId: userIds.dcs!, ownerOther: "" }),
      actionId: typed,
      version: "1",
    });
    expect(edited).toMatchObject({ ok: true });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "plan.action.update", entityId: typed } });
    expect(audit).toMatchObject({ before: { owner: "Head of <i>MASH</i>" }, after: { owner: "Dana Director" } });
  });

  it("refuses an unknown, another LA's or a disabled user, an empty choice, both a person and other text, and over-long text", async () => {
    const before = await t.prisma.planAction.count({ where: { planId } });
    const cases: [Record<string, string>, string, string][] = [
      [{ ownerUserId: "", ownerOther: "" }, "ownerUserId", OWNER_MESSAGES.choose],
      [{ ownerUserId: OTHER_OWNER, ownerOther: "   " }, "ownerOther", OWNER_MESSAGES.enterOther],
      [{ ownerUserId: userIds.otherManager!, ownerOther: "" }, "ownerUserId", OWNER_MESSAGES.unknown],
      [{ ownerUserId: userIds.disabledManager!, ownerOther: "" }, "ownerUserId", OWNER_MESSAGES.unknown],
      [{ ownerUserId: userIds.analyst!, ownerOther: "" }, "ownerUserId", OWNER_MESSAGES.unknown],
      [{ ownerUserId: "<script>", ownerOther: "" }, "ownerUserId", OWNER_MESSAGES.unknown],
      [{ ownerUserId: userIds.manager!, ownerOther: "Someone else" }, "ownerOther", OWNER_MESSAGES.both],
      [{ ownerUserId: OTHER_OWNER, ownerOther: "z".repeat(121) }, "ownerOther", OWNER_MESSAGES.tooLong],
    ];
    for (const [over, field, message] of cases) {
      const result = failed(await run(createActionAction, "manager", action(planId, priorityId, over)));
      expect(result.fieldErrors[field], JSON.stringify(over)).toBe(message);
      expect(result.values?.ownerOther).toBe(over.ownerOther);
    }
    // owner problems are reported together with the others, so the error summary lists them all at once
    const many = failed(
      await run(
        createActionAction,
        "manager",
        action(planId, priorityId, { ownerUserId: "", ownerOther: "", dueDate: "2027-02-30", successMeasure: "" }),
      ),
    );
    expect(Object.keys(many.fieldErrors).sort()).toEqual(["dueDate", "ownerUserId", "successMeasure"]);
    expect(await t.prisma.planAction.count({ where: { planId } })).toBe(before);
  });

  it("another LA's team manager cannot add an action (with any owner) to this plan", async () => {
    expect(
      await run(createActionAction, "otherManager", action(planId, priorityId, { ownerUserId: userIds.otherManager!, ownerOther: "" })),
    ).toMatchObject({ ok: false, message: ACTION_MESSAGES.refused });
  });
});
