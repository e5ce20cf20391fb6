// Hostile input for the server actions (issue 8, part 4): every plan, user-management and triage
// action, called through the real wrapper (executeAction) with real sessions on real PostgreSQL,
// with one field of a valid form replaced by something hostile (1 MB strings, null bytes, lone
// surrogates, HTML/script, SQL-ish text, impossible dates, bad UUIDs, huge numbers…), removed,
// repeated or sent as a file, and with field names that try to reach Object.prototype.
//
// Every submission must end in one of:
//  - a field error (GOV.UK message beside the field) — nothing written;
//  - a clean refusal (record not found, a rule such as "already has a plan", a version conflict)
//    — nothing written;
//  - a legitimate save, where hostile text is stored exactly as typed (after the form's trimming):
//    React escapes it when shown (the browser check is tests/e2e/hostile-input.spec.ts).
// Never an exception, never the generic "problem with the service" (an unhandled error), never a
// message with database or stack text, never values the action cannot send back to the browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES, type ActionOutcome } from "@/lib/actions/execute-action";
import { formDataToObject } from "@/lib/core/form-data";
import * as plans from "@/lib/plans/actions";
import { sampleActionForm } from "./plan-fixtures";
import { bulkUpdateTriageAction, updateTriageAction } from "@/lib/triage/actions";
import { createUserAction, setUserDisabledAction, updateUserAction } from "@/lib/users/actions";
import type { AppAuth } from "@/lib/auth/server";
import { newestReleaseId } from "@/lib/risk/dataset";
import { applyMutation, describeMutation, mutationsFor, seededRng, type Mutation } from "../fixtures/fuzz-actions/mutate-form";
import { form, makeContext, makeUser, NOW, runAction, signInPeople, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const LA = "393";
const OTHER_LA = "330";

type Actor = "dcs" | "dcsOther" | "manager" | "analyst" | "admin";

let t: TestDatabase;
let auth: AppAuth;
const cookies: Partial<Record<Actor, string>> = {};
const ids = { plan: "", priority1: "", priority2: "", action: "", actionToComplete: "", actionToDelete: "", victim: "" };

function run(def: unknown, who: Actor, fd: FormData): Promise<ActionOutcome> {
  return runAction(def, makeContext(t.prisma, auth, { cookie: cookies[who], now: () => NOW }), fd);
}

const planVersion = async () => String((await t.prisma.improvementPlan.findUniqueOrThrow({ where: { id: ids.plan } })).version);
const actionVersion = async (id: string) => String((await t.prisma.planAction.findUniqueOrThrow({ where: { id } })).version);
const triageVersion = async (la: string) => String((await t.prisma.triageState.findUnique({ where: { laNumber: la } }))?.version ?? 0);

const actionForm = () => sampleActionForm(ids.priority1, { startDate: "2026-04-01" });

/**
 * One action under test. `valid` is a form that would succeed now; `fields` are mutated one at a
 * time; free text in `text` may be saved, and `stored` reads back what was saved for it.
 */
type Spec = {
  name: string;
  def: unknown;
  who: Actor;
  valid: () => Promise<Record<string, string>>;
  fields: string[];
  text: string[];
  stored?: () => Promise<Record<string, string | null>>;
};

const SPECS: Spec[] = [
  {
    name: "plan: start a plan",
    def: plans.createPlanAction,
    who: "dcsOther",
    valid: async () => ({ laNumber: OTHER_LA, title: "Improvement plan 2026–27", periodStart: "2026-04-01", periodEnd: "2027-03-31" }),
    fields: ["laNumber", "title", "periodStart", "periodEnd"],
    text: ["title"],
    stored: async () => ({ title: (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: OTHER_LA } })).title }),
  },
  {
    name: "plan: change details",
    def: plans.updatePlanDetailsAction,
    who: "dcs",
    valid: async () => ({
      planId: ids.plan,
      title: "Improvement plan",
      periodStart: "2026-04-01",
      periodEnd: "2027-03-31",
      version: await planVersion(),
    }),
    fields: ["planId", "title", "periodStart", "periodEnd", "version"],
    text: ["title"],
    stored: async () => ({ title: (await t.prisma.improvementPlan.findUniqueOrThrow({ where: { id: ids.plan } })).title }),
  },
  {
    name: "plan: add a priority",
    def: plans.addPriorityAction,
    who: "dcs",
    valid: async () => ({ planId: ids.plan, title: "A safe front door" }),
    fields: ["planId", "title"],
    text: ["title"],
    stored: async () => ({
      title: (await t.prisma.planPriority.findFirstOrThrow({ where: { planId: ids.plan }, orderBy: { createdAt: "desc" } })).title,
    }),
  },
  {
    name: "plan: rename a priority",
    def: plans.renamePriorityAction,
    who: "dcs",
    valid: async () => ({ priorityId: ids.priority1, title: "A stable workforce", version: await planVersion() }),
    fields: ["priorityId", "title", "version"],
    text: ["title"],
    stored: async () => ({ title: (await t.prisma.planPriority.findUniqueOrThrow({ where: { id: ids.priority1 } })).title }),
  },
  {
    name: "plan: move a priority",
    def: plans.movePriorityAction,
    who: "dcs",
    valid: async () => ({ planId: ids.plan, move: `${ids.priority2}:up`, version: await planVersion() }),
    fields: ["planId", "move", "version"],
    text: [],
  },
  {
    name: "plan: add an action",
    def: plans.createActionAction,
    who: "manager",
    valid: async () => ({ planId: ids.plan, ...actionForm() }),
    fields: ["planId", ...Object.keys(actionForm())],
    text: ["title", "description", "ofstedRecommendation", "ownerOther", "successMeasure"],
    stored: async () => {
      const a = await t.prisma.planAction.findFirstOrThrow({ where: { planId: ids.plan }, orderBy: { createdAt: "desc" } });
      return {
        title: a.title,
        description: a.description,
        ofstedRecommendation: a.ofstedRecommendation,
        ownerOther: a.owner,
        successMeasure: a.successMeasure,
      };
    },
  },
  {
    name: "plan: edit an action",
    def: plans.updateActionAction,
    who: "manager",
    valid: async () => ({ actionId: ids.action, ...actionForm(), version: await actionVersion(ids.action) }),
    fields: [
      "actionId",
      "title",
      "description",
      "ownerOther",
      "startDate",
      "dueDate",
      "status",
      "target",
      "targetDate",
      "evidenceLinks",
      "version",
    ],
    text: ["title", "description", "ownerOther"],
    stored: async () => {
      const a = await t.prisma.planAction.findUniqueOrThrow({ where: { id: ids.action } });
      return { title: a.title, description: a.description, ownerOther: a.owner };
    },
  },
  {
    name: "plan: post a progress update",
    def: plans.postProgressUpdateAction,
    who: "manager",
    valid: async () => ({
      actionId: ids.action,
      narrative: "Two agency posts converted",
      status: "ON_TRACK",
      version: await actionVersion(ids.action),
    }),
    fields: ["actionId", "narrative", "status", "version"],
    text: ["narrative"],
    stored: async () => ({
      narrative: (await t.prisma.actionUpdate.findFirstOrThrow({ where: { actionId: ids.action }, orderBy: { at: "desc" } })).narrative,
    }),
  },
  {
    name: "plan: complete an action",
    def: plans.completeActionAction,
    who: "manager",
    valid: async () => ({ actionId: ids.actionToComplete, narrative: "Done", version: await actionVersion(ids.actionToComplete) }),
    fields: ["actionId", "narrative", "version"],
    text: [],
  },
  {
    name: "plan: delete an action",
    def: plans.deleteActionAction,
    who: "manager",
    valid: async () => ({ actionId: ids.actionToDelete, version: await actionVersion(ids.actionToDelete) }),
    fields: ["actionId", "version"],
    text: [],
  },
  {
    name: "plan: approve",
    def: plans.activatePlanAction,
    who: "dcs",
    valid: async () => ({ planId: ids.plan, version: await planVersion() }),
    fields: ["planId", "version"],
    text: [],
  },
  {
    name: "users: create",
    def: createUserAction,
    who: "admin",
    valid: async () => ({
      name: "New Person",
      email: `new.${Math.random().toString(36).slice(2)}@example.com`,
      role: "team_manager",
      laNumber: LA,
      password: "harbour kettle purple lamp",
    }),
    fields: ["name", "email", "role", "laNumber", "password"],
    text: ["name"],
    stored: async () => ({ name: (await t.prisma.user.findFirstOrThrow({ orderBy: { createdAt: "desc" } })).name }),
  },
  {
    name: "users: change",
    def: updateUserAction,
    who: "admin",
    valid: async () => ({ userId: ids.victim, name: "Victim Person", role: "team_manager", laNumber: LA }),
    fields: ["userId", "name", "role", "laNumber"],
    text: ["name"],
    stored: async () => ({ name: (await t.prisma.user.findUniqueOrThrow({ where: { id: ids.victim } })).name }),
  },
  {
    name: "users: disable",
    def: setUserDisabledAction,
    who: "admin",
    valid: async () => ({ userId: ids.victim, disabled: "true" }),
    fields: ["userId", "disabled"],
    text: [],
  },
  {
    name: "triage: one LA",
    def: updateTriageAction,
    who: "analyst",
    valid: async () => ({
      laNumber: LA,
      status: "UNDER_REVIEW",
      note: "Checked the agency figures",
      version: await triageVersion(LA),
      releaseId: String(await newestReleaseId(t.prisma)),
    }),
    fields: ["laNumber", "status", "note", "version", "releaseId"],
    text: ["note"],
    stored: async () => ({ note: (await t.prisma.triageState.findUniqueOrThrow({ where: { laNumber: LA } })).latestNote }),
  },
  {
    name: "triage: several LAs",
    def: bulkUpdateTriageAction,
    who: "analyst",
    valid: async () => ({
      selected: `${OTHER_LA}:${await triageVersion(OTHER_LA)}`,
      status: "ESCALATED",
      note: "Escalated together",
      releaseId: String(await newestReleaseId(t.prisma)),
    }),
    fields: ["selected", "status", "note", "releaseId"],
    text: ["note"],
    stored: async () => ({ note: (await t.prisma.triageState.findUniqueOrThrow({ where: { laNumber: OTHER_LA } })).latestNote }),
  },
  // Last: closing the plan makes every later change to it a (clean) refusal.
  {
    name: "plan: close",
    def: plans.closePlanAction,
    who: "dcs",
    valid: async () => ({ planId: ids.plan, version: await planVersion() }),
    fields: ["planId", "version"],
    text: [],
  },
];

const rng = seededRng(SEED);
/** Every hostile value on the main text field of these actions; the core values elsewhere. */
const FULL = new Set([
  "plan: change details",
  "plan: rename a priority",
  "plan: add an action",
  "plan: post a progress update",
  "users: create",
  "triage: one LA",
]);
const CASES = SPECS.flatMap((spec) =>
  mutationsFor(spec.fields, FULL.has(spec.name) ? (spec.text[0] ?? null) : null, rng).map((m) => ({
    spec,
    m,
    id: `${spec.name}: ${describeMutation(m)}`,
  })),
);

/** Everything an action may write. (Sessions are left out: reading one refreshes it.) */
const WRITTEN_TABLES = [
  "improvement_plan",
  "plan_priority",
  "plan_action",
  "action_update",
  "app_user",
  "triage_state",
  "triage_event",
  "audit_event",
] as const;

async function fingerprint(): Promise<Record<string, string>> {
  const selects = WRITTEN_TABLES.map(
    (name) => `(select coalesce(md5(string_agg(t::text, ',' order by t::text)), '') from "${name}" t) as "${name}"`,
  );
  const [row] = await t.prisma.$queryRawUnsafe<Record<string, string>[]>(`select ${selects.join(", ")}`);
  return { ...row! };
}

const RAW_ERROR_TEXT =
  /\n\s+at |prisma|violates|constraint|duplicate key|SQLSTATE|invalid input syntax|invalid byte sequence|relation "|node_modules|TypeError|RangeError|undefined|\[object /i;

/** Only text and lists of text go back to the browser (a function or object cannot be serialised by a server action). */
function expectSerialisableValues(values: unknown, id: string) {
  if (values === undefined) return;
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    const ok = typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"));
    expect(ok, `${id}: echoed value ${k} is ${typeof v}`).toBe(true);
  }
  expect(Object.getPrototypeOf(values), `${id}: echoed values have a replaced prototype`).toBe(Object.prototype);
}

/** What the form's trimming leaves of a hostile value, as FormData delivers it (lone surrogates become U+FFFD). */
function expectedStored(value: string): string | null {
  const trimmed = value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD").trim();
  return trimmed === "" ? null : trimmed;
}

type Tally = { tried: number; fieldError: number; refused: number; saved: number };

describe(`server-action fuzz: ${CASES.length} hostile submissions to ${SPECS.length} actions (seed ${SEED})`, () => {
  const tally = new Map<string, Tally>();

  beforeAll(async () => {
    t = await createTestDatabase("loaded");
    auth = testAuth(t.prisma);
    const people = await signInPeople<Actor>(t.prisma, auth, {
      dcs: ["dcs", LA],
      dcsOther: ["dcs", OTHER_LA],
      manager: ["team_manager", LA],
      analyst: ["dfe_analyst", null],
      admin: ["admin", null],
    });
    Object.assign(cookies, people.cookies);
    ids.victim = (await makeUser(t.prisma, "team_manager", LA, { name: "Victim Person" })).id;

    // A plan with two priorities and three actions, made through the real actions.
    const ok = async (def: unknown, who: Actor, values: Record<string, string>) =>
      expect(await run(def, who, form(values))).toMatchObject({ ok: true });
    await ok(plans.createPlanAction, "dcs", {
      laNumber: LA,
      title: "Improvement plan",
      periodStart: "2026-04-01",
      periodEnd: "2027-03-31",
    });
    ids.plan = (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA } })).id;
    await ok(plans.addPriorityAction, "dcs", { planId: ids.plan, title: "A stable workforce" });
    await ok(plans.addPriorityAction, "dcs", { planId: ids.plan, title: "A safe front door" });
    const priorities = await t.prisma.planPriority.findMany({ where: { planId: ids.plan }, orderBy: { order: "asc" } });
    ids.priority1 = priorities[0]!.id;
    ids.priority2 = priorities[1]!.id;
    for (const key of ["action", "actionToComplete", "actionToDelete"] as const) {
      await ok(plans.createActionAction, "manager", { planId: ids.plan, ...actionForm(), title: key });
      ids[key] = (await t.prisma.planAction.findFirstOrThrow({ where: { title: key } })).id;
    }
  });

  afterAll(async () => {
    await t?.drop();
    const total = { tried: 0, fieldError: 0, refused: 0, saved: 0 };
    for (const v of tally.values()) for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += v[k];
    console.log(
      [
        `server-action fuzz (seed ${SEED}): ${total.tried} submissions to ${tally.size} actions — ${total.fieldError} field errors, ${total.refused} clean refusals, ${total.saved} saved as typed`,
        ...[...tally].map(([name, v]) => `  ${name}: ${v.tried} (${v.fieldError} field errors, ${v.refused} refused, ${v.saved} saved)`),
      ].join("\n"),
    );
  });

  it("a form field cannot reach Object.prototype", () => {
    const fd = new FormData();
    for (const key of ["__proto__", "constructor", "toString", "toString"]) fd.append(key, "x");
    const raw = formDataToObject(fd);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.keys(raw).sort()).toEqual(["__proto__", "constructor", "toString"]);
    expect(raw.toString).toEqual(["x", "x"]);
    expect(raw.constructor).toBe("x");
  });

  it.each(CASES.map((c) => [c.id, c] as const))("%s", async (id, { spec, m }: { spec: Spec; m: Mutation }) => {
    const count = tally.get(spec.name) ?? { tried: 0, fieldError: 0, refused: 0, saved: 0 };
    tally.set(spec.name, count);
    count.tried++;
    const valid = await spec.valid();
    const before = await fingerprint();

    const result = await run(spec.def, spec.who, applyMutation(valid, m));

    expect(result.message, id).not.toMatch(RAW_ERROR_TEXT);
    expect(result.message.length, id).toBeLessThan(400);
    if (!result.ok) {
      expect(result.message, `${id}: an unhandled error reached the wrapper`).not.toBe(ACTION_MESSAGES.unexpected);
      expect(result.message, `${id}: the session was lost`).not.toBe(ACTION_MESSAGES.signedOut);
      for (const [field, message] of Object.entries(result.fieldErrors)) {
        // beside a field the form has (or the whole form), so the page can show it there
        expect([...Object.keys(valid), "_form"], `${id}: error on an unknown field ${field}`).toContain(field);
        expect(typeof message, `${id}: ${field}`).toBe("string");
        expect(message!.length, `${id}: ${field}`).toBeLessThan(300);
        expect(message, `${id}: ${field}`).not.toMatch(RAW_ERROR_TEXT);
      }
      expectSerialisableValues(result.values, id);
      expect(await fingerprint(), `${id}: a refused submission changed the database`).toEqual(before);
      if (Object.keys(result.fieldErrors).length > 0) count.fieldError++;
      else count.refused++;
      return;
    }

    count.saved++;
    // Saved: hostile text is stored as typed (trimmed), never altered or half-written.
    if (m.kind === "value" && spec.text.includes(m.field) && spec.stored) {
      const stored = await spec.stored();
      expect(stored[m.field], `${id}: stored text`).toBe(expectedStored(m.value));
    }
  });
});
