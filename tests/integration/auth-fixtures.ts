// Shared by the auth integration tests: a request context over a test database with a real
// better-auth instance, user factories, real sign-in (cookies from Set-Cookie), and a test-only
// action for the permissions whose real actions the matrix does not drive itself — so every cell
// runs through the real wrapper. Triage (issue 9) has no test-only action: the matrix runs the real
// triage actions and reads (lib/triage/actions.ts, lib/triage/queries.ts).
import { expect } from "vitest";
import { z } from "zod";
import { executeAction, onFixedResource, type ActionDefinition, type ActionOutcome } from "@/lib/actions/execute-action";
import { createAccount } from "@/lib/auth/accounts";
import type { AuthContext } from "@/lib/auth/context";
import { now } from "@/lib/core/clock";
import { PERMISSIONS, type Permission, type ResourceFor } from "@/lib/auth/permissions";
import { createAuth, type AppAuth } from "@/lib/auth/server";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { Db } from "@/lib/core/db/client";
import { parseEnv, type AppEnv } from "@/lib/core/env";
import { CLIENT_IP_HEADER } from "@/lib/auth/context";
import type { Role } from "@/lib/generated/prisma/enums";

// One secret for both, so a cookie made by one instance is genuine to the other.
const SECRET = "integration-test-secret-0123456789-abcdefghij";
export const TEST_ENV: AppEnv = parseEnv({ APP_ENV: "test", AUTH_SECRET: SECRET });
export const PRODUCTION_ENV: AppEnv = parseEnv({ APP_ENV: "production", AUTH_SECRET: SECRET, APP_URL: "https://csc.example.gov.uk" });
export const PASSWORD = "harbour kettle purple lamp";

/** The fixed time the action tests run at (never the wall clock), and how pages write it: London, GMT in November. */
export const NOW = new Date("2026-11-26T12:00:00Z");
export const NOW_IN_LONDON = "26 November 2026 at 12:00";

export type TestContext = AuthContext & { revalidated: string[] };

export function makeContext(
  db: Db,
  auth: AppAuth,
  options: { cookie?: string; ip?: string; now?: () => Date; env?: AppEnv } = {},
): TestContext {
  const headers = new Headers({ "user-agent": "vitest", [CLIENT_IP_HEADER]: options.ip ?? "198.51.100.7" });
  if (options.cookie) headers.set("cookie", options.cookie);
  const revalidated: string[] = [];
  return {
    db,
    auth,
    env: options.env ?? TEST_ENV,
    headers,
    now: options.now ?? now,
    revalidatePath: (path) => revalidated.push(path),
    revalidated,
  };
}

export function testAuth(db: Db, env: AppEnv = TEST_ENV): AppAuth {
  return createAuth(db, env);
}

let counter = 0;

export async function makeUser(
  db: Db,
  role: Role,
  laNumber: string | null,
  extra: { email?: string; password?: string; isDemo?: boolean; disabled?: boolean; name?: string } = {},
) {
  counter += 1;
  const email = extra.email ?? `${role}.${laNumber ?? "national"}.${counter}.${Date.now()}@example.com`;
  const user = await createAccount(db, {
    name: extra.name ?? `Test ${role} ${counter}`,
    email,
    role,
    laNumber,
    password: extra.password ?? PASSWORD,
    isDemo: extra.isDemo,
  });
  if (extra.disabled) await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  return user;
}

/** "name=value; name2=value2" from Set-Cookie headers, as a browser would send back. */
export function cookieHeader(setCookies: string[]): string {
  return setCookies
    .map((c) => c.split(";")[0] ?? "")
    .filter((pair) => pair.includes("=") && !pair.endsWith("="))
    .join("; ");
}

/** Signs in through the real path (limits, better-auth, audit) and returns the browser's cookie. */
export async function signIn(db: Db, auth: AppAuth, email: string, password = PASSWORD, env: AppEnv = TEST_ENV): Promise<string> {
  const result = await signInWithPassword(makeContext(db, auth, { env }), { email, password });
  if (!result.ok) throw new Error(`sign-in failed for ${email}: ${result.reason}`);
  return cookieHeader(result.setCookies);
}

/**
 * One account per entry — `[role, LA or null, name?]` — each signed in through the real path:
 * their user ids and browser cookies, by the entry's key.
 */
export async function signInPeople<K extends string>(
  db: Db,
  auth: AppAuth,
  people: Record<K, readonly [Role, string | null, string?]>,
): Promise<{ ids: Record<K, string>; cookies: Record<K, string> }> {
  const ids = {} as Record<K, string>;
  const cookies = {} as Record<K, string>;
  for (const key of Object.keys(people) as K[]) {
    const [role, laNumber, name] = people[key];
    const user = await makeUser(db, role, laNumber, { name });
    ids[key] = user.id;
    cookies[key] = await signIn(db, auth, user.email);
  }
  return { ids, cookies };
}

type AnyDefinition = ActionDefinition<never, never, never, never>;

/** Runs any action definition through the real wrapper, with a form from `values`. */
export function runAction(def: unknown, ctx: AuthContext, values: Record<string, string> | FormData): Promise<ActionOutcome> {
  return executeAction(def as AnyDefinition, ctx, values instanceof FormData ? values : form(values));
}

/** `result` narrowed to a refusal; fails the test (showing the result) when it succeeded. */
export function failed<R extends { ok?: boolean }>(result: R): Extract<R, { ok: false }> {
  expect(result.ok, JSON.stringify(result)).toBe(false);
  return result as Extract<R, { ok: false }>;
}

/** `result` narrowed to a success; fails the test (showing the result) when it was refused. */
export function succeeded<R extends { ok?: boolean }>(result: R): Exclude<R, { ok: false }> {
  expect(result.ok, JSON.stringify(result)).not.toBe(false);
  return result as Exclude<R, { ok: false }>;
}

export function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  return fd;
}

// ── Test-only actions, one per permission ─────────────────────────────────────────────────────

/** Permissions on one LA's resource: its plan, or its risk flags. */
type PlanPermission = { [K in Permission]: (typeof PERMISSIONS)[K] extends "plan" | "risk" ? K : never }[Permission];
type TriagePermission = { [K in Permission]: (typeof PERMISSIONS)[K] extends "triage" ? K : never }[Permission];
type NationalPermission = Exclude<Permission, PlanPermission | TriagePermission>;

const planTarget = z.object({ laNumber: z.string().regex(/^\d{3}$/) });
const noteSchema = z.object({ note: z.string().trim().min(1, "Enter a note").max(200) });

function planAction(
  permission: PlanPermission,
): ActionDefinition<PlanPermission, z.infer<typeof planTarget>, typeof noteSchema, undefined> {
  return {
    name: `test.${permission}`,
    permission,
    target: planTarget,
    locate: async ({ laNumber }, ctx) => {
      const la = await ctx.db.localAuthority.findUnique({ where: { laNumber }, select: { laNumber: true } });
      return la
        ? { resource: { kind: PERMISSIONS[permission], laNumber: la.laNumber } as ResourceFor<PlanPermission>, record: undefined }
        : null;
    },
    schema: noteSchema,
    handler: async ({ input, target, audit, ctx }) => {
      await audit(ctx.db, { action: `test.${permission}`, entityType: "plan", laNumber: target.laNumber, after: { note: input.note } });
      return { message: `done ${permission}`, revalidate: [`/la/${target.laNumber}/plan`] };
    },
  };
}

function nationalAction(
  permission: NationalPermission,
  resource: ResourceFor<NationalPermission>,
): ActionDefinition<NationalPermission, Record<string, never>, typeof noteSchema, undefined> {
  return {
    name: `test.${permission}`,
    ...onFixedResource(permission, resource),
    schema: noteSchema,
    handler: async ({ input, audit, ctx }) => {
      await audit(ctx.db, { action: `test.${permission}`, entityType: resource.kind, after: { note: input.note } });
      return { message: `done ${permission}`, revalidate: ["/risk"] };
    },
  };
}

const PLAN_ACTIONS: Record<PlanPermission, ReturnType<typeof planAction>> = {
  "risk.view": planAction("risk.view"),
  "plan.view": planAction("plan.view"),
  "plan.edit": planAction("plan.edit"),
  "plan.approve": planAction("plan.approve"),
  "plan.close": planAction("plan.close"),
  "plan.set_priorities": planAction("plan.set_priorities"),
};

const NATIONAL_ACTIONS: Record<NationalPermission, ReturnType<typeof nationalAction>> = {
  "public.view": nationalAction("public.view", { kind: "public" }),
  "users.manage": nationalAction("users.manage", { kind: "users" }),
  "audit.view": nationalAction("audit.view", { kind: "audit" }),
};

function isPlanPermission(p: Permission): p is PlanPermission {
  return PERMISSIONS[p] === "plan" || PERMISSIONS[p] === "risk";
}

export function isTriagePermission(p: Permission): p is TriagePermission {
  return PERMISSIONS[p] === "triage";
}

/** Runs the test action for `permission` through the real wrapper (plan ones on `laNumber`'s plan). Not for triage: use the real actions. */
export function runTestAction(
  permission: Exclude<Permission, TriagePermission>,
  ctx: AuthContext,
  values: { laNumber?: string; note?: string } = {},
) {
  const fd = form({ note: values.note ?? "checked", ...(values.laNumber ? { laNumber: values.laNumber } : {}) });
  return isPlanPermission(permission)
    ? executeAction(PLAN_ACTIONS[permission], ctx, fd)
    : executeAction(NATIONAL_ACTIONS[permission], ctx, fd);
}
