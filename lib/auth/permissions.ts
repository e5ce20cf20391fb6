// The access matrix, as one pure policy: can(actor, permission, resource). No I/O, so every cell is
// unit-tested (tests/unit/auth-permissions.test.ts). Pages call it through lib/auth/guards.ts and
// server actions through lib/actions/safe-action.ts; both audit a refusal.
//
//   public pages (LA dashboards, national statistics, risk method) ... anyone, signed in or not
//   risk flags, scores and ranking: every LA ....................... dfe_analyst
//                                   one LA (its dashboard/risk page)  dcs or team_manager of that LA, dfe_analyst
//   national risk inbox triage (view, notes, "reviewed" status) ..... dfe_analyst
//   an LA's improvement plan: view ................................. dcs or team_manager of that LA, dfe_analyst
//                             edit actions ......................... team_manager of that LA
//                             approve/close plan, set priorities ... dcs of that LA
//   users, audit log ............................................... admin
import type { Role } from "./roles";

/** The signed-in person, as the policy sees them. `null` is someone not signed in. */
export type Actor = { id: string; role: Role; laNumber: string | null };

/** What is being touched. A plan is identified by its LA (each LA owns its plans). */
export type Resource =
  | { kind: "public" }
  | { kind: "triage" }
  /** Risk flags and scores: of one LA, or (laNumber null) the national ranking of every LA. */
  | { kind: "risk"; laNumber: string | null }
  | { kind: "plan"; laNumber: string }
  | { kind: "users" }
  | { kind: "audit" };

type ResourceKind = Resource["kind"];

/** Every permission and the kind of resource it applies to. */
export const PERMISSIONS = {
  "public.view": "public",
  "risk.view": "risk",
  "triage.view": "triage",
  "triage.edit": "triage",
  "plan.view": "plan",
  "plan.edit": "plan",
  "plan.approve": "plan",
  "plan.close": "plan",
  "plan.set_priorities": "plan",
  "users.manage": "users",
  "audit.view": "audit",
} as const satisfies Record<string, ResourceKind>;

export type Permission = keyof typeof PERMISSIONS;
export type ResourceFor<P extends Permission> = Extract<Resource, { kind: (typeof PERMISSIONS)[P] }>;

export type RefusalReason = "signed_out" | "role" | "other_la";
type Decision = { allowed: true } | { allowed: false; reason: RefusalReason };

type Rule = {
  /** Open to everyone, including people who are not signed in. */
  anonymous?: true;
  /** Roles allowed whatever the resource's LA. */
  anyLa?: readonly Role[];
  /** Roles allowed only on their own LA's resource. */
  ownLa?: readonly Role[];
};

export const RULES: Record<Permission, Rule> = {
  "public.view": { anonymous: true },
  // Flags, scores and the ranking are not published statistics: signed-in users only (issue 14).
  "risk.view": { anyLa: ["dfe_analyst"], ownLa: ["dcs", "team_manager"] },
  "triage.view": { anyLa: ["dfe_analyst"] },
  "triage.edit": { anyLa: ["dfe_analyst"] },
  "plan.view": { anyLa: ["dfe_analyst"], ownLa: ["dcs", "team_manager"] },
  "plan.edit": { ownLa: ["team_manager"] },
  "plan.approve": { ownLa: ["dcs"] },
  "plan.close": { ownLa: ["dcs"] },
  "plan.set_priorities": { ownLa: ["dcs"] },
  "users.manage": { anyLa: ["admin"] },
  "audit.view": { anyLa: ["admin"] },
};

const ALLOWED: Decision = { allowed: true };

function resourceLa(resource: Resource): string | null {
  return resource.kind === "plan" || resource.kind === "risk" ? resource.laNumber : null;
}

/** Decides one request and says why a refusal happened (for the audit log). */
export function authorize<P extends Permission>(actor: Actor | null, permission: P, resource: ResourceFor<P>): Decision {
  const rule = RULES[permission];
  if (rule.anonymous) return ALLOWED;
  if (!actor) return { allowed: false, reason: "signed_out" };
  if (rule.anyLa?.includes(actor.role)) return ALLOWED;
  if (rule.ownLa?.includes(actor.role)) {
    const la = resourceLa(resource);
    // Not one LA's resource (e.g. the national risk ranking): no LA role can hold it.
    if (la === null) return { allowed: false, reason: "role" };
    return la !== null && actor.laNumber !== null && la === actor.laNumber ? ALLOWED : { allowed: false, reason: "other_la" };
  }
  return { allowed: false, reason: "role" };
}

export function can<P extends Permission>(actor: Actor | null, permission: P, resource: ResourceFor<P>): boolean {
  return authorize(actor, permission, resource).allowed;
}

/**
 * Whether the actor could hold the permission on some resource (e.g. to show a navigation link):
 * a team manager can edit *a* plan (their own), an analyst cannot edit any.
 */
export function canSome(actor: Actor | null, permission: Permission): boolean {
  const rule = RULES[permission];
  if (rule.anonymous) return true;
  if (!actor) return false;
  if (rule.anyLa?.includes(actor.role)) return true;
  return Boolean(rule.ownLa?.includes(actor.role) && actor.laNumber);
}
