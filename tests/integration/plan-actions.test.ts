// Improvement plans through the real action wrapper with real sessions on real PostgreSQL: every
// plan server action, its refusals (anonymous, wrong role, another LA), bad input (nothing saved),
// the version conflict between two concurrent sessions, soft delete with audit, and the reads
// behind the plan page, the evidence RAG and the DCS summary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES, executeAction } from "@/lib/actions/execute-action";
import {
  activatePlanAction,
  addPriorityAction,
  closePlanAction,
  completeActionAction,
  createActionAction,
  createPlanAction,
  deleteActionAction,
  postProgressUpdateAction,
  updateActionAction,
  ACTION_SELECT,
  actionFormValues,
} from "@/lib/plans/actions";
import { serialiseBase } from "@/lib/core/field-merge";
import { ACTION_FIELDS } from "@/lib/plans/field-labels";
import type { AppAuth } from "@/lib/auth/server";
import { getActionDetail, getPlanView, loadPlanSummary } from "@/lib/plans/queries";
import { OTHER_OWNER } from "@/lib/plans/owner";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { sampleActionForm } from "./plan-fixtures";
import { failed, form, makeContext, NOW, NOW_IN_LONDON as AT, runAction, signInPeople, testAuth, type TestContext } from "./auth-fixtures";

const LA = "393";
const OTHER = "330";
// The actions' clock: fixed (never the wall clock), ticking a millisecond per reading so saves made
// one after another are ordered (the minute shown stays 12:00).
let ticks = 0;
const clock = () => new Date(NOW.getTime() + ticks++);

let t: TestDatabase;
let auth: AppAuth;
const cookies: Record<string, string | undefined> = { anonymous: undefined };
let planId = "";
let priorityId = "";

function run(def: unknown, who: string, values: Record<string, string>) {
  return runAction(def, ctx(who), values);
}
/** Each of `who` is refused with the one refusal message (the wording never says why). */
async function expectRefused(def: unknown, who: string | readonly string[], values: Record<string, string>) {
  for (const w of typeof who === "string" ? [who] : who)
    expect(await run(def, w, values), w).toMatchObject({ ok: false, message: ACTION_MESSAGES.refused });
}
function ctx(who: string): TestContext {
  return makeContext(t.prisma, auth, { cookie: cookies[who], now: clock });
}

const validAction = (over: Record<string, string> = {}) => ({ planId, ...sampleActionForm(priorityId, over) });

/** The edit form as the action page draws it now: its fields, version and `original` (the base for a merge). */
async function editForm(id: string): Promise<Record<string, string>> {
  const row = await t.prisma.planAction.findUniqueOrThrow({ where: { id }, select: ACTION_SELECT });
  const { owner, version, ...fields } = actionFormValues(row);
  return {
    actionId: id,
    ...fields,
    ownerUserId: OTHER_OWNER,
    ownerOther: owner,
    version,
    original: serialiseBase(ACTION_FIELDS, actionFormValues(row)),
  };
}

async function createAction(over: Record<string, string> = {}): Promise<string> {
  const before = await t.prisma.planAction.count();
  const result = await run(createActionAction, "manager", validAction(over));
  expect(result).toMatchObject({ ok: true });
  expect(await t.prisma.planAction.count()).toBe(before + 1);
  const row = await t.prisma.planAction.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
  return row.id;
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  const people = await signInPeople(t.prisma, auth, {
    dcs: ["dcs", LA],
    manager: ["team_manager", LA, "Alex Manager"],
    manager2: ["team_manager", LA, "Sam Manager"],
    otherManager: ["team_manager", OTHER],
    otherDcs: ["dcs", OTHER],
    analyst: ["dfe_analyst", null],
    admin: ["admin", null],
  });
  Object.assign(cookies, people.cookies);
});

afterAll(async () => {
  await t?.drop();
});

describe("the DCS sets up the plan", () => {
  it("refuses a plan from a team manager, an analyst, another LA's DCS and someone signed out; nothing saved", async () => {
    const values = { laNumber: LA, title: "Improvement plan 2026–27", periodStart: "2026-04-01", periodEnd: "2027-03-31" };
    await expectRefused(createPlanAction, ["manager", "analyst", "otherDcs", "admin"], values);
    expect(await run(createPlanAction, "anonymous", values)).toMatchObject({ ok: false, message: ACTION_MESSAGES.signedOut });
    expect(await t.prisma.improvementPlan.count()).toBe(0);
  });

  it("gives field errors for missing and inconsistent plan fields", async () => {
    const result = await run(createPlanAction, "dcs", { laNumber: LA, title: "", periodStart: "2026-04-01", periodEnd: "2026-03-01" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { title: "Enter a title for the plan", periodEnd: "The end of the plan period must be after its start" },
    });
    expect(await t.prisma.improvementPlan.count()).toBe(0);
  });

  it("creates a draft plan, adds priorities and activates it, all audited", async () => {
    const c = ctx("dcs");
    const result = await executeAction(
      createPlanAction,
      c,
      form({ laNumber: LA, title: "Improvement plan 2026–27", periodStart: "2026-04-01", periodEnd: "2027-03-31" }),
    );
    expect(result).toMatchObject({ ok: true });
    expect(c.revalidated).toEqual([`/la/${LA}/plan`]);
    const plan = await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA } });
    planId = plan.id;
    expect(plan.status).toBe("DRAFT");
    expect(
      await run(createPlanAction, "dcs", { laNumber: LA, title: "Second", periodStart: "2026-04-01", periodEnd: "2027-03-31" }),
    ).toMatchObject({ ok: false });

    await expectRefused(addPriorityAction, ["manager", "otherDcs"], { planId, title: "Workforce" });
    expect(await run(addPriorityAction, "dcs", { planId, title: "" })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Enter the priority" },
    });
    expect(await run(addPriorityAction, "dcs", { planId, title: "A stable, permanent workforce" })).toMatchObject({ ok: true });
    expect(await run(addPriorityAction, "dcs", { planId, title: "A safe front door" })).toMatchObject({ ok: true });
    priorityId = (await t.prisma.planPriority.findFirstOrThrow({ where: { planId, order: 1 } })).id;

    // adding each priority raised the plan's version (the plan and its priorities are versioned together)
    const version = (await t.prisma.improvementPlan.findUniqueOrThrow({ where: { id: planId } })).version;
    expect(version).toBe(3);
    await expectRefused(activatePlanAction, ["manager", "otherDcs"], { planId, version: "3" });
    expect(await run(activatePlanAction, "dcs", { planId, version: "1" })).toMatchObject({
      ok: false,
      conflict: { current: { version: "3", status: "DRAFT" } },
    });
    expect(await run(activatePlanAction, "dcs", { planId, version: "3" })).toMatchObject({
      ok: true,
      message: "Plan approved and active",
      redirectTo: `/la/${LA}/plan?done=activated`,
    });
    expect(await run(activatePlanAction, "dcs", { planId, version: "4" })).toMatchObject({
      ok: false,
      message: "Only a draft plan can be approved and activated",
    });
    expect((await t.prisma.improvementPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("ACTIVE");
    const audited = await t.prisma.auditEvent.findMany({
      where: { laNumber: LA, action: { startsWith: "plan." } },
      select: { action: true },
    });
    expect(audited.map((a) => a.action).sort()).toEqual(["plan.activate", "plan.create", "plan.priority.create", "plan.priority.create"]);
  });
});

describe("team managers keep actions current", () => {
  it("refuses creating an action for the DCS, an analyst, another LA's manager and someone signed out", async () => {
    await expectRefused(createActionAction, ["dcs", "analyst", "otherManager", "admin"], validAction());
    expect(await run(createActionAction, "anonymous", validAction())).toMatchObject({ ok: false, message: ACTION_MESSAGES.signedOut });
    expect(await t.prisma.planAction.count()).toBe(0);
    expect(
      await t.prisma.auditEvent.count({ where: { action: "access.refused", detail: { path: ["action"], equals: "plan.action.create" } } }),
    ).toBeGreaterThanOrEqual(4);
  });

  it("rejects bad input with a field error for each problem and saves nothing", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "title", "Enter a title"],
      [{ title: "x".repeat(201) }, "title", "Title must be 200 characters or fewer"],
      [{ description: "x".repeat(4001) }, "description", "Description must be 4000 characters or fewer"],
      [{ ownerUserId: "", ownerOther: "" }, "ownerUserId", "Choose who owns this action"],
      [{ dueDate: "2025-01-01", startDate: "2024-01-01" }, "dueDate", "The due date must be today or in the future"],
      [{ dueDate: "2027-02-30" }, "dueDate", "The due date must be a real date, like 2027-03-31"],
      [{ indicatorId: "not_an_indicator" }, "indicatorId", "Choose an indicator from the list"],
      [{ target: "" }, "target", "Enter a target for the linked indicator"],
      [{ priorityId: "00000000-0000-4000-8000-000000000000" }, "priorityId", "Choose the priority this action belongs to"],
      [
        { evidenceLinks: "javascript:alert(1)" },
        "evidenceLinks",
        "Each evidence link must be a web address starting http:// or https://, one per line",
      ],
      [{ theme: "NOPE" }, "theme", "Choose a theme"],
    ];
    for (const [over, field, message] of cases) {
      const result = failed(await run(createActionAction, "manager", validAction(over)));
      expect(result.fieldErrors[field], JSON.stringify(over)).toBe(message);
      expect(result.values?.title).toBe(validAction(over).title);
    }
    expect(await t.prisma.planAction.count()).toBe(0);
  });

  it("stores HTML as text (React renders it inert) and audits the creation", async () => {
    const id = await createAction({ title: '<script>alert("x")</script> Recruit', indicatorId: "", target: "", targetDate: "" });
    const row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row.title).toBe('<script>alert("x")</script> Recruit');
    expect(row.version).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.action.create", entityId: id, outcome: "SUCCESS" } })).toBe(1);
  });

  it("edits, posts a progress update and marks complete, bumping the version each time", async () => {
    const id = await createAction();
    const edited = await run(updateActionAction, "manager", {
      ...validAction({ title: "Cut agency use", status: "ON_TRACK" }),
      actionId: id,
      version: "1",
    });
    expect(edited).toMatchObject({ ok: true, message: "Changes to the action saved" });
    let row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "Cut agency use", status: "ON_TRACK", version: 2, updatedByName: "Alex Manager" });

    expect(await run(postProgressUpdateAction, "manager", { actionId: id, version: "2", narrative: "", status: "AT_RISK" })).toMatchObject({
      ok: false,
      fieldErrors: { narrative: "Enter an update" },
    });
    await expectRefused(postProgressUpdateAction, "otherManager", { actionId: id, version: "2", narrative: "x", status: "AT_RISK" });
    await expectRefused(postProgressUpdateAction, "analyst", { actionId: id, version: "2", narrative: "x", status: "AT_RISK" });
    expect(
      await run(postProgressUpdateAction, "manager", { actionId: id, version: "2", narrative: "Two offers withdrawn.", status: "AT_RISK" }),
    ).toMatchObject({ ok: true });
    row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "AT_RISK", version: 3 });

    await expectRefused(completeActionAction, "dcs", { actionId: id, version: "3" });
    expect(await run(completeActionAction, "manager", { actionId: id, version: "3", narrative: "All posts filled." })).toMatchObject({
      ok: true,
    });
    row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "COMPLETE", version: 4 });
    const updates = await t.prisma.actionUpdate.findMany({ where: { actionId: id }, orderBy: { at: "asc" } });
    expect(updates.map((u) => [u.statusBefore, u.statusAfter])).toEqual([
      ["NOT_STARTED", "ON_TRACK"],
      ["ON_TRACK", "AT_RISK"],
      ["AT_RISK", "COMPLETE"],
    ]);
    const audits = await t.prisma.auditEvent.findMany({
      where: { entityId: id },
      orderBy: { id: "asc" },
      select: { action: true, before: true },
    });
    expect(audits.map((a) => a.action)).toEqual([
      "plan.action.create",
      "plan.action.update",
      "plan.action.progress",
      "plan.action.complete",
    ]);
    expect(audits[1]?.before).toMatchObject({ title: "Reduce reliance on agency social workers", version: "1" });
  });

  it("no lost updates: of two sessions saving the same version, the second is told who changed it, when, and theirs / yours", async () => {
    const id = await createAction();
    // these forms carry no `original`: without a base, a field both sent differently is a conflict
    const a = { ...validAction({ title: "Alex's wording", ownerOther: "Alex" }), actionId: id, version: "1" };
    const b = { ...validAction({ title: "Sam's wording", ownerOther: "Sam" }), actionId: id, version: "1" };
    const [ra, rb] = await Promise.all([run(updateActionAction, "manager", a), run(updateActionAction, "manager2", b)]);
    expect([ra, rb].filter((r) => r.ok)).toHaveLength(1);
    const lost = failed(ra.ok ? rb : ra);
    const won = ra.ok ? { name: "Alex Manager", title: "Alex's wording" } : { name: "Sam Manager", title: "Sam's wording" };
    expect(lost).toMatchObject({ ok: false, conflict: { by: won.name, at: AT, current: { title: won.title, version: "2" } } });
    // the time is the injected clock's (updatedAt is written from ctx.now()), in London
    expect(lost.message).toBe(
      `${won.name} also changed this action (${AT}) while you were editing, and you both changed the title and owner. Nothing was saved: keep one value for each, then save again.`,
    );
    expect(lost.conflict?.fields?.map((f) => [f.field, f.theirs, f.before])).toEqual([
      ["title", won.title, null],
      ["owner", won.title.startsWith("Alex") ? "Alex" : "Sam", null],
    ]);
    expect(Object.keys(lost.fieldErrors)).toEqual(["title", "ownerUserId"]);
    expect(lost.values?.title).not.toBe(won.title); // what they typed is kept for them to re-apply
    const row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: won.title, version: 2 });
    expect(row.updatedAt.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(0); // from the injected clock, not the wall clock
    expect(row.updatedAt.getTime() - NOW.getTime()).toBeLessThan(60_000);
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.action.update", entityId: id } })).toBe(1);

    // a progress update against the stale version is refused the same way, and nothing is recorded
    const stale = await run(postProgressUpdateAction, "manager", { actionId: id, version: "1", narrative: "late", status: "ON_TRACK" });
    expect(stale).toMatchObject({ ok: false, conflict: { by: won.name } });
    expect(await t.prisma.actionUpdate.count({ where: { actionId: id, narrative: "late" } })).toBe(0);
  });

  it("the issue's scenario: A changes the due date; B, from the older copy, changes only the title → both kept", async () => {
    const id = await createAction();
    const opened = await editForm(id); // both open the form at version 1
    const a = await run(updateActionAction, "manager", { ...opened, dueDate: "2028-03-31" });
    expect(a).toMatchObject({ ok: true, message: "Changes to the action saved" });
    const b = await run(updateActionAction, "manager2", { ...opened, title: "Recruit and retain permanent social workers" });
    expect(b).toEqual({
      ok: true,
      message: "Saved. Alex Manager also changed this action meanwhile; their changes to the due date were kept.",
    });
    const row = await t.prisma.planAction.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      title: "Recruit and retain permanent social workers",
      dueDate: new Date("2028-03-31T00:00:00Z"),
      version: 3,
      updatedByName: "Sam Manager",
    });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: "plan.action.update", entityId: id },
      orderBy: { id: "desc" },
    });
    expect(audit.before).toMatchObject({ title: "Reduce reliance on agency social workers", dueDate: "2028-03-31", version: "2" });
    expect(audit.after).toMatchObject({ title: "Recruit and retain permanent social workers", dueDate: "2028-03-31", version: "3" });
    expect(audit.detail).toMatchObject({ mergedFromVersion: 1, keptTheirs: ["dueDate"] });
  });

  it("the same change from both → saved; a status change merged in gets its history row", async () => {
    const id = await createAction();
    const opened = await editForm(id);
    expect(
      await run(updateActionAction, "manager", { ...opened, status: "ON_TRACK", successMeasure: "Agency rate below 12%" }),
    ).toMatchObject({ ok: true });
    expect(await run(updateActionAction, "manager2", { ...opened, successMeasure: "Agency rate below 12%" })).toMatchObject({
      ok: true,
      message: "Saved. Alex Manager also changed this action meanwhile; their changes to the status were kept.",
    });
    expect(await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "ON_TRACK",
      successMeasure: "Agency rate below 12%",
      version: 3,
    });
    expect(await t.prisma.actionUpdate.count({ where: { actionId: id } })).toBe(1); // Alex's status change, not a second one
  });

  it("a field both changed differently is a conflict: theirs / yours / before and who; nothing saved; their other changes fill the form; saving again keeps yours", async () => {
    const id = await createAction();
    const opened = await editForm(id);
    expect(await run(updateActionAction, "manager", { ...opened, dueDate: "2028-03-31", ownerOther: "Head of service" })).toMatchObject({
      ok: true,
    });
    const clash = failed(await run(updateActionAction, "manager2", { ...opened, dueDate: "2028-06-30", title: "Sam's title" }));
    expect(clash.message).toBe(
      `Alex Manager also changed this action (${AT}) while you were editing, and you both changed the due date. Nothing was saved: keep one value for each, then save again. Their changes to the owner are now in the form.`,
    );
    expect(clash.conflict?.fields).toEqual([
      { field: "dueDate", label: "Due date", theirs: "31 March 2028", yours: "30 June 2028", before: "30 September 2027" },
    ]);
    expect(clash.fieldErrors).toEqual({
      dueDate: `Due date was also changed by Alex Manager (${AT}) while you were editing. Theirs: “31 March 2028”. Yours: “30 June 2028”. Before: “30 September 2027”. Keep one of them and save again.`,
    });
    // the re-shown form: yours where you changed something, theirs where only they did, the newer base
    expect(clash.values).toMatchObject({
      title: "Sam's title",
      dueDate: "2028-06-30",
      ownerUserId: OTHER_OWNER,
      ownerOther: "Head of service",
    });
    expect(clash.conflict?.current).toMatchObject({ dueDate: "2028-03-31", owner: "Head of service", version: "2" });
    expect(await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Reduce reliance on agency social workers",
      dueDate: new Date("2028-03-31T00:00:00Z"),
      version: 2,
    });

    // resubmitting the re-shown form (new version and base) saves Sam's choices and keeps Alex's owner
    const { conflict, values } = clash;
    const resubmit = {
      ...(values as Record<string, string>),
      version: conflict!.current.version!,
      original: serialiseBase(ACTION_FIELDS, conflict!.current),
    };
    expect(await run(updateActionAction, "manager2", resubmit)).toMatchObject({ ok: true, message: "Changes to the action saved" });
    expect(await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Sam's title",
      dueDate: new Date("2028-06-30T00:00:00Z"),
      owner: "Head of service",
      version: 3,
    });
  });

  it("changes that are each valid but not together are refused with the reason; nothing saved", async () => {
    const id = await createAction({ indicatorId: "", target: "", targetDate: "" });
    const opened = await editForm(id);
    expect(await run(updateActionAction, "manager", { ...opened, startDate: "2027-08-01" })).toMatchObject({ ok: true });
    const clash = await run(updateActionAction, "manager2", { ...opened, dueDate: "2027-07-31" });
    expect(clash).toMatchObject({ ok: false, fieldErrors: { dueDate: "The due date must be on or after the start date" } });
    expect(await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).toMatchObject({
      dueDate: new Date("2027-09-30T00:00:00Z"),
      version: 2,
    });
  });

  it("a forged `original` grants nothing: another LA's manager is still refused, and garbage is treated as no base", async () => {
    const id = await createAction();
    const opened = await editForm(id);
    await expectRefused(updateActionAction, "otherManager", { ...opened, title: "Hijack" });
    expect(await run(updateActionAction, "manager", { ...opened, description: "Changed" })).toMatchObject({ ok: true });
    expect(await run(updateActionAction, "manager2", { ...opened, original: "{not json", description: "Other" })).toMatchObject({
      ok: false,
      conflict: { fields: [{ field: "description", before: null }] },
    });
  });

  it("soft-deletes with an audit row; the action disappears from the plan but stays in the table", async () => {
    const id = await createAction({ title: "To be deleted" });
    expect(await run(deleteActionAction, "manager", { actionId: id, version: "9" })).toMatchObject({ ok: false, conflict: {} });
    await expectRefused(deleteActionAction, "otherManager", { actionId: id, version: "1" });
    const c = ctx("manager");
    expect(await executeAction(deleteActionAction, c, form({ actionId: id, version: "1" }))).toMatchObject({
      ok: true,
      redirectTo: `/la/${LA}/plan?deleted=1`,
    });
    expect((await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { action: "plan.action.delete", entityId: id } })).toBe(1);
    expect(await run(updateActionAction, "manager", { ...validAction(), actionId: id, version: "2" })).toMatchObject({
      ok: false,
      message: ACTION_MESSAGES.notFound,
    });
    const view = await getPlanView(t.prisma, LA, { sort: "due" }, "2026-11-26");
    expect(view?.priorities.flatMap((p) => p.actions).some((a) => a.id === id)).toBe(false);
  });
});

describe("closing the loop and the DCS summary", () => {
  it("computes the evidence RAG from the imported figures and flags a mismatch with the manager's status", async () => {
    // South Tyneside's agency rate rose after 2022; a target of 1% is not met, and "on track" disagrees if it moved the wrong way.
    const id = await createAction({ title: "Evidence check", status: "ON_TRACK", startDate: "2022-04-01", target: "1" });
    const detail = await getActionDetail(t.prisma, LA, id, "2026-11-26");
    expect(detail?.evidence).not.toBeNull();
    const ev = detail!.evidence!;
    expect(ev.baseline?.period).toBe(2021);
    expect(ev.since.every((f) => f.period >= 2022)).toBe(true);
    expect(["RIGHT_WAY", "WRONG_WAY", "NOT_YET"]).toContain(ev.rag);
    expect(ev.mismatch).toBe(ev.rag === "WRONG_WAY");
    // another LA cannot read this action through its own plan URL
    expect(await getActionDetail(t.prisma, OTHER, id, "2026-11-26")).toBeNull();
  });

  it("summarises actions by status, overdue, at risk, recent updates and mismatches", async () => {
    await createAction({
      title: "Overdue one",
      startDate: "2025-01-01",
      dueDate: "2026-12-01",
      status: "OFF_TRACK",
      indicatorId: "",
      target: "",
      targetDate: "",
    });
    const summary = await loadPlanSummary(t.prisma, LA, "2027-01-01");
    expect(summary).not.toBeNull();
    const s = summary!;
    expect(Object.values(s.byStatus).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(s.byStatus.COMPLETE).toBe(1);
    expect(s.overdue).toBeGreaterThanOrEqual(1);
    expect(s.atRisk.some((a) => a.title === "Overdue one")).toBe(true);
    expect(s.recentUpdates.length).toBeGreaterThan(0);
    expect(s.recentUpdates[0]!.at >= s.recentUpdates.at(-1)!.at).toBe(true);
    expect(await loadPlanSummary(t.prisma, OTHER, "2027-01-01")).toBeNull();
  });

  it("filters by status, owner, overdue and theme", async () => {
    const all = await getPlanView(t.prisma, LA, { sort: "title" }, "2027-01-01");
    const only = await getPlanView(
      t.prisma,
      LA,
      { sort: "due", status: "OFF_TRACK", overdue: true, owner: "head of", theme: "WORKFORCE_STABILITY" },
      "2027-01-01",
    );
    expect(only!.shown).toBe(1);
    expect(all!.shown).toBe(all!.total);
  });

  it("closing the plan stops further changes", async () => {
    await expectRefused(closePlanAction, "manager", { planId, version: "4" });
    expect(await run(closePlanAction, "dcs", { planId, version: "4" })).toMatchObject({ ok: true, message: "Plan closed" });
    const any = await t.prisma.planAction.findFirstOrThrow({ where: { planId, deletedAt: null, status: { not: "COMPLETE" } } });
    expect(
      await run(postProgressUpdateAction, "manager", {
        actionId: any.id,
        version: String(any.version),
        narrative: "x",
        status: "ON_TRACK",
      }),
    ).toMatchObject({
      ok: false,
      message: "This plan is closed: its actions can no longer be changed",
    });
  });
});
