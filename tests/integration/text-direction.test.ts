// Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) in free text, through the real
// action wrapper with real sessions on PostgreSQL (issue 14): every free-text field of every form is
// refused with a field error, and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES } from "@/lib/actions/execute-action";
import { addPriorityAction, createActionAction, createPlanAction, postProgressUpdateAction } from "@/lib/plans/actions";
import { updateTriageAction } from "@/lib/triage/actions";
import { createUserAction } from "@/lib/users/actions";
import type { AppAuth } from "@/lib/auth/server";
import { newestReleaseId } from "@/lib/risk/dataset";
import { OTHER_OWNER } from "@/lib/plans/owner";
import { makeContext, NOW, runAction, signInPeople, testAuth } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";

const LA = "393";
const RLO = "\u202E"; // right-to-left override
const LRI = "\u2066"; // left-to-right isolate
const PDI = "\u2069";

let t: TestDatabase;
let auth: AppAuth;
const cookies: Record<string, string> = {};
const run = (def: unknown, who: string, values: Record<string, string>) =>
  runAction(def, makeContext(t.prisma, auth, { cookie: cookies[who], now: () => NOW }), values);

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  const people = await signInPeople(t.prisma, auth, {
    dcs: ["dcs", LA],
    manager: ["team_manager", LA],
    analyst: ["dfe_analyst", null],
    admin: ["admin", null],
  });
  Object.assign(cookies, people.cookies);
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

describe("hidden text-direction characters", () => {
  it("are refused in the plan's title and a priority, with the field's own message", async () => {
    const plan = { laNumber: LA, periodStart: "2026-04-01", periodEnd: "2027-03-31" };
    expect(await run(createPlanAction, "dcs", { ...plan, title: `Plan ${RLO}7202 ot 6202` })).toMatchObject({
      ok: false,
      message: ACTION_MESSAGES.invalid,
      fieldErrors: { title: "Title must not contain hidden text-direction characters" },
    });
    expect(await t.prisma.improvementPlan.count()).toBe(0);
    expect(await run(createPlanAction, "dcs", { ...plan, title: "Improvement plan 2026–27" })).toMatchObject({ ok: true });
    const planId = (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA } })).id;
    expect(await run(addPriorityAction, "dcs", { planId, title: `${LRI}Workforce${PDI}` })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Priority must not contain hidden text-direction characters" },
    });
    expect(await t.prisma.planPriority.count()).toBe(0);
  });

  it("are refused in every free-text field of an action, and in a progress update", async () => {
    const planId = (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA } })).id;
    expect(await run(addPriorityAction, "dcs", { planId, title: "Workforce" })).toMatchObject({ ok: true });
    const priorityId = (await t.prisma.planPriority.findFirstOrThrow({ where: { planId } })).id;
    const valid = {
      planId,
      priorityId,
      title: "Reduce agency use",
      description: "Convert posts",
      theme: "WORKFORCE_STABILITY",
      ofstedRecommendation: "",
      ownerUserId: OTHER_OWNER,
      ownerOther: "Head of workforce",
      startDate: "2026-04-01",
      dueDate: "2027-09-30",
      status: "NOT_STARTED",
      successMeasure: "Agency rate below 15%",
      indicatorId: "",
      target: "",
      targetDate: "",
      evidenceLinks: "",
    };
    const hostile = await run(createActionAction, "manager", {
      ...valid,
      title: `Reduce ${RLO}esu ycnega`,
      description: `Convert ${LRI}posts${PDI}`,
      ofstedRecommendation: `See ${RLO}report`,
      ownerOther: `Head ${RLO}of workforce`,
      successMeasure: `Below ${RLO}%51`,
    });
    expect(hostile).toMatchObject({
      ok: false,
      fieldErrors: {
        title: "Title must not contain hidden text-direction characters",
        description: "Description must not contain hidden text-direction characters",
        ofstedRecommendation: "The Ofsted recommendation must not contain hidden text-direction characters",
        successMeasure: "Success measure must not contain hidden text-direction characters",
      },
    });
    expect(Object.keys(hostile.ok ? {} : hostile.fieldErrors)).toContain("ownerOther");
    expect(await t.prisma.planAction.count()).toBe(0);
    expect(await run(createActionAction, "manager", valid)).toMatchObject({ ok: true });
    const actionId = (await t.prisma.planAction.findFirstOrThrow({ where: { planId } })).id;
    expect(
      await run(postProgressUpdateAction, "manager", { actionId, version: "1", narrative: `On ${RLO}kcart`, status: "ON_TRACK" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { narrative: "Update must not contain hidden text-direction characters" },
    });
  });

  it("are refused in a triage note and a user's name", async () => {
    const releaseId = String(await newestReleaseId(t.prisma));
    expect(
      await run(updateTriageAction, "analyst", { laNumber: LA, status: "REVIEWED", note: `Fine ${RLO}ton`, version: "0", releaseId }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { note: "The note must not contain hidden text-direction characters" },
    });
    expect(await t.prisma.triageState.count({ where: { laNumber: LA } })).toBe(0);
    const email = "bidi.name@example.com";
    expect(
      await run(createUserAction, "admin", {
        name: `Ann ${RLO}htimS`,
        email,
        role: "dfe_analyst",
        laNumber: "",
        password: "harbour kettle purple lamp",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: "Full name must not contain hidden text-direction characters" },
    });
    expect(await t.prisma.user.count({ where: { email } })).toBe(0);
  });

  it("are refused by the wrapper in a field no helper labels (any form)", async () => {
    const planId = (await t.prisma.improvementPlan.findFirstOrThrow({ where: { laNumber: LA } })).id;
    // An extra submitted field the schema does not even read.
    const result = await run(addPriorityAction, "dcs", { planId, title: "A safe front door", comment: `x${RLO}y` });
    expect(result).toMatchObject({ ok: false, fieldErrors: { comment: expect.stringMatching(/hidden text-direction characters/) } });
  });
});
