// Every cell of the access matrix (lib/auth/permissions.ts), including cross-LA requests.
import { describe, expect, it } from "vitest";
import { authorize, can, canSome, PERMISSIONS, RULES, type Actor, type Permission, type Resource } from "@/lib/auth/permissions";

const LA_A = "393";
const LA_B = "330";

const ACTORS = {
  anonymous: null,
  dcsA: { id: "u1", role: "dcs", laNumber: LA_A },
  managerA: { id: "u2", role: "team_manager", laNumber: LA_A },
  analyst: { id: "u3", role: "dfe_analyst", laNumber: null },
  admin: { id: "u4", role: "admin", laNumber: null },
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof ACTORS;
const NAMES = Object.keys(ACTORS) as ActorName[];

// Y = allowed, . = refused. Columns: anonymous, dcsA, managerA, analyst, admin.
const MATRIX: [Permission, Resource, string][] = [
  ["public.view", { kind: "public" }, "Y Y Y Y Y"],
  ["risk.view", { kind: "risk", laNumber: null }, ". . . Y ."],
  ["risk.view", { kind: "risk", laNumber: LA_A }, ". Y Y Y ."],
  ["risk.view", { kind: "risk", laNumber: LA_B }, ". . . Y ."],
  ["triage.view", { kind: "triage" }, ". . . Y ."],
  ["triage.edit", { kind: "triage" }, ". . . Y ."],
  ["plan.view", { kind: "plan", laNumber: LA_A }, ". Y Y Y ."],
  ["plan.view", { kind: "plan", laNumber: LA_B }, ". . . Y ."],
  ["plan.edit", { kind: "plan", laNumber: LA_A }, ". . Y . ."],
  ["plan.edit", { kind: "plan", laNumber: LA_B }, ". . . . ."],
  ["plan.approve", { kind: "plan", laNumber: LA_A }, ". Y . . ."],
  ["plan.approve", { kind: "plan", laNumber: LA_B }, ". . . . ."],
  ["plan.close", { kind: "plan", laNumber: LA_A }, ". Y . . ."],
  ["plan.close", { kind: "plan", laNumber: LA_B }, ". . . . ."],
  ["plan.set_priorities", { kind: "plan", laNumber: LA_A }, ". Y . . ."],
  ["plan.set_priorities", { kind: "plan", laNumber: LA_B }, ". . . . ."],
  ["users.manage", { kind: "users" }, ". . . . Y"],
  ["audit.view", { kind: "audit" }, ". . . . Y"],
];

function decide(actor: Actor | null, permission: Permission, resource: Resource) {
  // The matrix rows pair each permission with a resource of its kind (checked below).
  return authorize(actor, permission as "plan.view", resource as { kind: "plan"; laNumber: string });
}

describe("access matrix", () => {
  it("covers every permission", () => {
    expect(new Set(MATRIX.map(([p]) => p))).toEqual(new Set(Object.keys(PERMISSIONS)));
    for (const [permission, resource] of MATRIX) expect(resource.kind).toBe(PERMISSIONS[permission]);
  });

  for (const [permission, resource, row] of MATRIX) {
    const expected = row.split(" ");
    const where = resource.kind === "plan" ? ` on LA ${resource.laNumber}'s plan` : "";
    NAMES.forEach((name, i) => {
      const allowed = expected[i] === "Y";
      it(`${name} ${allowed ? "may" : "may not"} ${permission}${where}`, () => {
        expect(decide(ACTORS[name], permission, resource).allowed).toBe(allowed);
      });
    });
  }

  it("says why: signed out, wrong role, or another LA", () => {
    expect(authorize(null, "plan.view", { kind: "plan", laNumber: LA_A })).toEqual({ allowed: false, reason: "signed_out" });
    expect(authorize(ACTORS.admin, "plan.view", { kind: "plan", laNumber: LA_A })).toEqual({ allowed: false, reason: "role" });
    expect(authorize(ACTORS.managerA, "plan.edit", { kind: "plan", laNumber: LA_B })).toEqual({ allowed: false, reason: "other_la" });
    expect(authorize(ACTORS.dcsA, "plan.approve", { kind: "plan", laNumber: LA_B })).toEqual({ allowed: false, reason: "other_la" });
    expect(authorize(ACTORS.dcsA, "plan.edit", { kind: "plan", laNumber: LA_A })).toEqual({ allowed: false, reason: "role" });
  });

  it("never lets an LA role without an LA act on a plan", () => {
    const orphan: Actor = { id: "x", role: "team_manager", laNumber: null };
    expect(can(orphan, "plan.view", { kind: "plan", laNumber: LA_A })).toBe(false);
    expect(canSome(orphan, "plan.edit")).toBe(false);
  });

  it("canSome tells whether a role could hold a permission anywhere (for navigation)", () => {
    expect(canSome(ACTORS.managerA, "plan.edit")).toBe(true);
    expect(canSome(ACTORS.analyst, "plan.edit")).toBe(false);
    expect(canSome(ACTORS.analyst, "triage.edit")).toBe(true);
    expect(canSome(ACTORS.admin, "users.manage")).toBe(true);
    expect(canSome(null, "public.view")).toBe(true);
    expect(canSome(null, "plan.view")).toBe(false);
  });

  it("has exactly one rule per permission", () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });
});
