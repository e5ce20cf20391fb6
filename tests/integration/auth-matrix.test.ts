// The role × route/action matrix against real PostgreSQL with real sessions (signed in through
// the real sign-in path), including cross-LA attempts and refusal auditing.
//
// - Actions: every permission through the real wrapper (executeAction), using the test-only
//   action for each permission in auth-fixtures.ts, the real admin user actions
//   (lib/users/actions.ts) and, for triage, the real triage actions and reads (lib/triage/actions.ts,
//   lib/triage/queries.ts).
// - Pages: the page guard's decision (checkRequestAccess, what requireAccess turns into a sign-in
//   redirect or a 403) for every permission, and the real /admin/users and /admin/audit guards.
//   The browser tests (tests/e2e/auth.spec.ts) check the HTTP 403s and redirects themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_MESSAGES, executeAction, type ActionDefinition } from "@/lib/actions/execute-action";
import { bulkUpdateTriageAction, updateTriageAction } from "@/lib/triage/actions";
import { createUserAction, setUserDisabledAction, updateUserAction } from "@/lib/users/actions";
import { getSessionUser } from "@/lib/auth/session";
import { newestReleaseId } from "@/lib/risk/dataset";
import { loadTriageDetail, loadTriageStates } from "@/lib/triage/queries";
import { checkRequestAccess } from "@/lib/auth/guards";
import { PERMISSIONS, type Permission, type Resource, type ResourceFor } from "@/lib/auth/permissions";
import type { AppAuth } from "@/lib/auth/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { createTestDatabase, type TestDatabase } from "./helpers";
import {
  failed,
  form,
  isTriagePermission,
  makeContext,
  makeUser,
  runTestAction,
  signIn,
  testAuth,
  type TestContext,
} from "./auth-fixtures";

const LA_A = "393"; // South Tyneside
const LA_B = "330"; // Birmingham

type ActorName = "anonymous" | "dcsA" | "managerA" | "dcsB" | "managerB" | "analyst" | "admin" | "disabledManagerA";
const ACTOR_SPECS: Record<Exclude<ActorName, "anonymous">, { role: Role; la: string | null }> = {
  dcsA: { role: "dcs", la: LA_A },
  managerA: { role: "team_manager", la: LA_A },
  dcsB: { role: "dcs", la: LA_B },
  managerB: { role: "team_manager", la: LA_B },
  analyst: { role: "dfe_analyst", la: null },
  admin: { role: "admin", la: null },
  disabledManagerA: { role: "team_manager", la: LA_A },
};
const ACTORS = ["anonymous", ...Object.keys(ACTOR_SPECS)] as ActorName[];

// Who may do what, written out independently of lib/auth/permissions.ts.
type Cell = { permission: Permission; la?: string; allowed: ActorName[] };
const CELLS: Cell[] = [
  { permission: "public.view", allowed: ["anonymous", "dcsA", "managerA", "dcsB", "managerB", "analyst", "admin", "disabledManagerA"] },
  // Risk flags, scores and the ranking (issue 14): the national ranking for analysts only; one LA's
  // flags for analysts and that LA's own DCS and team manager. Never anonymous.
  { permission: "risk.view", allowed: ["analyst"] },
  { permission: "risk.view", la: LA_A, allowed: ["dcsA", "managerA", "analyst"] },
  { permission: "risk.view", la: LA_B, allowed: ["dcsB", "managerB", "analyst"] },
  { permission: "triage.view", allowed: ["analyst"] },
  { permission: "triage.edit", allowed: ["analyst"] },
  { permission: "plan.view", la: LA_A, allowed: ["dcsA", "managerA", "analyst"] },
  { permission: "plan.view", la: LA_B, allowed: ["dcsB", "managerB", "analyst"] },
  { permission: "plan.edit", la: LA_A, allowed: ["managerA"] },
  { permission: "plan.edit", la: LA_B, allowed: ["managerB"] },
  { permission: "plan.approve", la: LA_A, allowed: ["dcsA"] },
  { permission: "plan.approve", la: LA_B, allowed: ["dcsB"] },
  { permission: "plan.close", la: LA_A, allowed: ["dcsA"] },
  { permission: "plan.close", la: LA_B, allowed: ["dcsB"] },
  { permission: "plan.set_priorities", la: LA_A, allowed: ["dcsA"] },
  { permission: "plan.set_priorities", la: LA_B, allowed: ["dcsB"] },
  { permission: "users.manage", allowed: ["admin"] },
  { permission: "audit.view", allowed: ["admin"] },
];

function resourceOf(cell: Cell): Resource {
  const kind = PERMISSIONS[cell.permission];
  if (kind === "risk") return { kind, laNumber: cell.la ?? null };
  return kind === "plan" ? { kind, laNumber: cell.la ?? "" } : { kind };
}

let t: TestDatabase;
let auth: AppAuth;
const cookies = new Map<ActorName, string | undefined>();
const ids = new Map<ActorName, string>();

function ctxFor(actor: ActorName): TestContext {
  return makeContext(t.prisma, auth, { cookie: cookies.get(actor), ip: "192.0.2.44" });
}

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  auth = testAuth(t.prisma);
  cookies.set("anonymous", undefined);
  for (const [name, spec] of Object.entries(ACTOR_SPECS) as [Exclude<ActorName, "anonymous">, { role: Role; la: string | null }][]) {
    const user = await makeUser(t.prisma, spec.role, spec.la, { email: `${name.toLowerCase()}@matrix.example.com` });
    ids.set(name, user.id);
    cookies.set(name, await signIn(t.prisma, auth, user.email));
  }
  // Signed in, then disabled by an admin: the session no longer counts.
  await t.prisma.user.update({ where: { id: ids.get("disabledManagerA") }, data: { disabledAt: new Date() } });
});

afterAll(async () => {
  await t?.drop();
});

describe("role × action matrix through the server-action wrapper", () => {
  for (const cell of CELLS) {
    const { permission } = cell;
    if (isTriagePermission(permission)) continue; // the real triage actions and reads: next block
    if (permission === "risk.view" && !cell.la) continue; // the national ranking is a page, never an action's record
    for (const actor of ACTORS) {
      const signedOut = actor === "anonymous" || actor === "disabledManagerA";
      // Every server action needs a session, even on a public resource: public pages have no actions.
      const allowed = cell.allowed.includes(actor) && !signedOut;
      const where = cell.la ? ` on LA ${cell.la}'s plan` : "";
      it(`${actor} ${allowed ? "may" : "is refused"} ${cell.permission}${where}`, async () => {
        const ctx = ctxFor(actor);
        const note = `${actor}:${cell.permission}:${cell.la ?? "-"}`;
        const result = await runTestAction(permission, ctx, { laNumber: cell.la, note });
        const actorId = signedOut ? null : (ids.get(actor) ?? null);
        if (allowed) {
          expect(result).toEqual({ ok: true, message: `done ${cell.permission}` });
          expect(ctx.revalidated.length).toBe(1);
          const change = await t.prisma.auditEvent.findFirst({ where: { action: `test.${cell.permission}`, after: { equals: { note } } } });
          expect(change).toMatchObject({ outcome: "SUCCESS", actorId, ip: "192.0.2.44", laNumber: cell.la ?? null });
          return;
        }
        expect(result).toEqual({ ok: false, message: signedOut ? ACTION_MESSAGES.signedOut : ACTION_MESSAGES.refused, fieldErrors: {} });
        expect(ctx.revalidated).toEqual([]);
        expect(await t.prisma.auditEvent.count({ where: { action: `test.${cell.permission}`, after: { equals: { note } } } })).toBe(0);
        // the refusal is in the audit log, with why (another LA, wrong role, not signed in — a
        // disabled user's session no longer identifies them, so it is recorded as signed out)
        const refusal = await t.prisma.auditEvent.findFirst({
          where: {
            action: "access.refused",
            actorId,
            detail: { path: ["action"], equals: `test.${cell.permission}` },
            laNumber: cell.la ?? null,
          },
          orderBy: { id: "desc" },
        });
        expect(refusal).not.toBeNull();
        const spec = signedOut ? null : ACTOR_SPECS[actor as Exclude<ActorName, "anonymous">];
        const reason = signedOut
          ? "signed_out"
          : cell.la &&
              spec?.la &&
              spec.la !== cell.la &&
              (spec.role === "dcs" || spec.role === "team_manager") &&
              cellAllowsRoleSomewhere(cell.permission, spec.role)
            ? "other_la"
            : "role";
        expect(refusal?.detail).toMatchObject({ permission: cell.permission, reason });
        if (reason === "other_la") expect(refusal?.detail).toMatchObject({ actorLaNumber: spec?.la });
      });
    }
  }
});

describe("triage (issue 9): the real actions and reads, for every actor", () => {
  const TRIAGE_ACTION_NAMES = [updateTriageAction.name, bulkUpdateTriageAction.name];
  const allowedEdit = CELLS.find((c) => c.permission === "triage.edit")!.allowed;
  const allowedView = CELLS.find((c) => c.permission === "triage.view")!.allowed;
  for (const actor of ACTORS) {
    const signedOut = actor === "anonymous" || actor === "disabledManagerA";
    const mayEdit = allowedEdit.includes(actor) && !signedOut;
    const mayView = allowedView.includes(actor) && !signedOut;
    it(`${actor} ${mayEdit ? "may" : "is refused"} triage.edit (one LA and bulk) and ${mayView ? "may" : "may not"} read triage`, async () => {
      const ctx = ctxFor(actor);
      const note = `${actor}:triage`;
      const releaseId = String(await newestReleaseId(t.prisma));
      const versionOf = async (la: string) => String((await t.prisma.triageState.findUnique({ where: { laNumber: la } }))?.version ?? 0);
      const one = await executeAction(
        updateTriageAction,
        ctx,
        form({ laNumber: LA_A, status: "UNDER_REVIEW", note, version: await versionOf(LA_A), releaseId }),
      );
      const bulk = form({ status: "ESCALATED", note, releaseId });
      bulk.append("selected", `${LA_B}:${await versionOf(LA_B)}`);
      const many = await executeAction(bulkUpdateTriageAction, ctx, bulk);
      const written = await t.prisma.triageEvent.count({ where: { note } });
      const reader = await getSessionUser(ctx);
      const detail = await loadTriageDetail(t.prisma, reader, LA_A);
      const states = await loadTriageStates(t.prisma, reader);
      const actorId = signedOut ? null : (ids.get(actor) ?? null);

      if (mayView) {
        expect(detail?.state).not.toBeNull();
        expect(states?.has(LA_B)).toBe(true);
      } else {
        expect({ detail, states }).toEqual({ detail: null, states: null });
      }
      if (mayEdit) {
        expect(one).toEqual({ ok: true, message: "South Tyneside: Under review. Your note is saved." });
        expect(many).toEqual({ ok: true, message: '1 local authority marked "Escalated" with your note' });
        expect(written).toBe(2);
        expect(ctx.revalidated).toEqual(expect.arrayContaining(["/risk", `/risk/la/${LA_A}`, `/la/${LA_A}`, `/la/${LA_B}`]));
        for (const action of TRIAGE_ACTION_NAMES) {
          const change = await t.prisma.auditEvent.findFirst({ where: { action, actorId, after: { path: ["note"], equals: note } } });
          expect(change).toMatchObject({ outcome: "SUCCESS", ip: "192.0.2.44", entityType: "triage_state" });
        }
        return;
      }
      const refused = { ok: false, message: signedOut ? ACTION_MESSAGES.signedOut : ACTION_MESSAGES.refused, fieldErrors: {} };
      expect({ one, many }).toEqual({ one: refused, many: refused });
      expect(written).toBe(0);
      expect(ctx.revalidated).toEqual([]);
      for (const action of TRIAGE_ACTION_NAMES) {
        const refusal = await t.prisma.auditEvent.findFirst({
          where: { action: "access.refused", actorId, detail: { path: ["action"], equals: action } },
          orderBy: { id: "desc" },
        });
        expect(refusal?.detail).toMatchObject({ permission: "triage.edit", reason: signedOut ? "signed_out" : "role" });
      }
    });
  }
});

function cellAllowsRoleSomewhere(permission: Permission, role: Role): boolean {
  return CELLS.some((c) => c.permission === permission && c.allowed.some((a) => a !== "anonymous" && ACTOR_SPECS[a].role === role));
}

describe("role × page matrix through the page guard", () => {
  for (const cell of CELLS) {
    for (const actor of ACTORS) {
      const allowed = cell.allowed.includes(actor);
      const expected = allowed ? "allowed" : actor === "anonymous" || actor === "disabledManagerA" ? "signed_out" : "refused";
      it(`${actor} → ${expected} for a page needing ${cell.permission}${cell.la ? ` on LA ${cell.la}` : ""}`, async () => {
        const path = `/matrix/${cell.permission}/${cell.la ?? "national"}/${actor}`;
        const check = await checkRequestAccess(ctxFor(actor), cell.permission, resourceOf(cell) as ResourceFor<"plan.view">, { path });
        expect(check.outcome).toBe(expected);
        const audited = await t.prisma.auditEvent.count({ where: { action: "access.refused", detail: { path: ["path"], equals: path } } });
        expect(audited).toBe(expected === "refused" ? 1 : 0);
      });
    }
  }

  for (const [path, permission, resource] of [
    ["/admin/users", "users.manage", { kind: "users" }],
    ["/admin/audit", "audit.view", { kind: "audit" }],
  ] as const) {
    it(`${path} is for admins only`, async () => {
      for (const actor of ACTORS) {
        const check = await checkRequestAccess(ctxFor(actor), permission, resource, { path });
        const expected = actor === "admin" ? "allowed" : actor === "anonymous" || actor === "disabledManagerA" ? "signed_out" : "refused";
        expect({ actor, outcome: check.outcome }).toEqual({ actor, outcome: expected });
      }
    });
  }
});

describe("admin user actions (real routes' actions)", () => {
  it("only an admin can create a user; everyone else is refused and nothing is created", async () => {
    for (const actor of ACTORS) {
      const email = `created-by-${actor.toLowerCase()}@example.com`;
      const result = await executeAction(
        createUserAction,
        ctxFor(actor),
        form({ name: `Made by ${actor}`, email, role: "team_manager", laNumber: LA_B, password: "harbour kettle purple lamp" }),
      );
      const exists = (await t.prisma.user.count({ where: { email } })) === 1;
      if (actor === "admin") {
        expect(result).toMatchObject({ ok: true, redirectTo: expect.stringMatching(/^\/admin\/users\?created=/) });
        expect(exists).toBe(true);
        const row = await t.prisma.auditEvent.findFirstOrThrow({
          where: { action: "user.create", after: { path: ["email"], equals: email } },
        });
        expect(row).toMatchObject({ actorId: ids.get("admin"), outcome: "SUCCESS", laNumber: LA_B });
        expect(JSON.stringify(row.after)).not.toMatch(/argon2|password/i);
      } else {
        expect(result.ok).toBe(false);
        expect(exists).toBe(false);
      }
    }
  });

  it("only an admin can change a role or LA, with before/after audited; a cross-LA manager cannot promote themselves", async () => {
    const target = await makeUser(t.prisma, "team_manager", LA_A);
    for (const actor of ACTORS.filter((a) => a !== "admin")) {
      const result = await executeAction(
        updateUserAction,
        ctxFor(actor),
        form({ userId: target.id, name: "Hacked", role: "admin", laNumber: "" }),
      );
      expect(result.ok).toBe(false);
    }
    const self = await executeAction(
      updateUserAction,
      ctxFor("managerB"),
      form({ userId: ids.get("managerB") ?? "", name: "Me", role: "dcs", laNumber: LA_A }),
    );
    expect(self).toEqual({ ok: false, message: ACTION_MESSAGES.refused, fieldErrors: {} });
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: target.id }, select: { role: true, name: true } })).toEqual({
      role: "team_manager",
      name: target.name,
    });

    const ok = await executeAction(
      updateUserAction,
      ctxFor("admin"),
      form({ userId: target.id, name: "Renamed", role: "dcs", laNumber: LA_B }),
    );
    expect(ok).toEqual({ ok: true, message: "Changes to Renamed saved" });
    const row = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.update", entityId: target.id } });
    expect(row.before).toMatchObject({ role: "team_manager", laNumber: LA_A, name: target.name });
    expect(row.after).toMatchObject({ role: "dcs", laNumber: LA_B, name: "Renamed" });
  });

  it("validates only after authorising: a refused caller gets the refusal, not field errors", async () => {
    const refused = await executeAction(createUserAction, ctxFor("dcsA"), form({ name: "", email: "nope", role: "wizard", password: "x" }));
    expect(refused).toEqual({ ok: false, message: ACTION_MESSAGES.refused, fieldErrors: {} });
    const invalid = await executeAction(
      createUserAction,
      ctxFor("admin"),
      form({ name: "", email: "nope", role: "team_manager", laNumber: "", password: "x" }),
    );
    expect(invalid).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "Enter the person's full name",
        email: "Enter an email address in the correct format, like name@example.com",
      },
      values: { name: "", email: "nope", role: "team_manager", laNumber: "" },
    });
    expect(failed(invalid).values).not.toHaveProperty("password");
  });

  it("refuses a duplicate email and an unknown LA with field errors, saving nothing", async () => {
    const dup = await executeAction(
      createUserAction,
      ctxFor("admin"),
      form({ name: "Dup", email: "DCSA@matrix.example.com", role: "dfe_analyst", password: "harbour kettle purple lamp" }),
    );
    expect(dup).toMatchObject({ ok: false, fieldErrors: { email: "A user with this email address already exists" } });
    const la = await executeAction(
      createUserAction,
      ctxFor("admin"),
      form({ name: "No LA", email: "nola@example.com", role: "dcs", laNumber: "999", password: "harbour kettle purple lamp" }),
    );
    expect(la).toMatchObject({ ok: false, fieldErrors: { laNumber: "Select a local authority from the list" } });
    expect(await t.prisma.user.count({ where: { email: "nola@example.com" } })).toBe(0);
  });

  it("disabling a user signs them out everywhere; an admin cannot disable themselves", async () => {
    const target = await makeUser(t.prisma, "dfe_analyst", null);
    const cookie = await signIn(t.prisma, auth, target.email);
    const refused = await executeAction(setUserDisabledAction, ctxFor("analyst"), form({ userId: target.id, disabled: "true" }));
    expect(refused.ok).toBe(false);
    const done = await executeAction(setUserDisabledAction, ctxFor("admin"), form({ userId: target.id, disabled: "true" }));
    expect(done.ok).toBe(true);
    expect(await t.prisma.session.count({ where: { userId: target.id } })).toBe(0);
    const check = await checkRequestAccess(makeContext(t.prisma, auth, { cookie }), "triage.view", { kind: "triage" }, { path: "/risk" });
    expect(check.outcome).toBe("signed_out");
    const row = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: "user.disable", entityId: target.id } });
    expect(row.before).toMatchObject({ disabledAt: null });
    expect(row.after).toMatchObject({ disabledAt: expect.any(String) });

    const self = await executeAction(setUserDisabledAction, ctxFor("admin"), form({ userId: ids.get("admin") ?? "", disabled: "true" }));
    expect(self).toMatchObject({ ok: false, message: "You cannot disable your own account" });
  });

  it("reports a record that does not exist without running the handler", async () => {
    const result = await executeAction(updateUserAction, ctxFor("admin"), form({ userId: "no-such-user", name: "X", role: "admin" }));
    expect(result).toEqual({ ok: false, message: ACTION_MESSAGES.notFound, fieldErrors: {} });
  });
});

describe("wrapper error handling", () => {
  it("never returns an exception's message, and saves nothing", async () => {
    const exploding: ActionDefinition<"users.manage", Record<string, never>, z.ZodObject<Record<string, never>>, undefined> = {
      name: "test.explode",
      permission: "users.manage",
      target: z.object({}),
      locate: async () => ({ resource: { kind: "users" }, record: undefined }),
      schema: z.object({}),
      handler: async () => {
        throw new Error('relation "app_user" violates constraint at 10.0.0.5:5432 password=hunter2');
      },
    };
    const original = console.error;
    console.error = () => undefined;
    try {
      const result = await executeAction(exploding, ctxFor("admin"), form({}));
      expect(result).toEqual({ ok: false, message: ACTION_MESSAGES.unexpected, fieldErrors: {}, values: {} });
    } finally {
      console.error = original;
    }
  });
});
