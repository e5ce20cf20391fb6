// Access checks with their audit trail, independent of Next.js (lib/auth/request.ts turns the
// outcome into a redirect to sign in or a 403 page; lib/actions/execute-action.ts into an error).
import { AUDIT_ACTIONS, recordAudit } from "./audit";
import { clientIp, type AuthContext } from "./context";
import { authorize, type Permission, type RefusalReason, type Resource, type ResourceFor } from "./permissions";
import { requestUser, type SessionUser } from "./session";

type AccessCheck =
  | { outcome: "allowed"; user: SessionUser | null }
  | { outcome: "signed_out" }
  | { outcome: "refused"; user: SessionUser; reason: Exclude<RefusalReason, "signed_out"> };

function resourceLa(resource: Resource): string | null {
  return resource.kind === "plan" || resource.kind === "risk" ? resource.laNumber : null;
}

/** Writes the access.refused row: who, what permission on which resource, why, and where. */
export async function auditRefusal(
  ctx: Pick<AuthContext, "db" | "env" | "headers" | "now">,
  user: SessionUser | null,
  permission: Permission,
  resource: Resource,
  reason: RefusalReason,
  where: { path?: string; action?: string },
): Promise<void> {
  await recordAudit(ctx.db, {
    action: AUDIT_ACTIONS.accessRefused,
    outcome: "REFUSED",
    actor: user ? { id: user.id, email: user.email, role: user.role } : null,
    entityType: resource.kind,
    laNumber: resourceLa(resource),
    detail: { permission, reason, ...where, ...(user?.laNumber ? { actorLaNumber: user.laNumber } : {}) },
    ip: clientIp(ctx.headers),
    at: ctx.now(),
  });
}

/**
 * Decides a page request for `user`. Refusals of signed-in users are audited; a signed-out visitor
 * is sent to sign in by the caller (not audited: an expired session is routine).
 */
export async function checkAccess<P extends Permission>(
  ctx: Pick<AuthContext, "db" | "env" | "headers" | "now">,
  user: SessionUser | null,
  permission: P,
  resource: ResourceFor<P>,
  where: { path: string },
): Promise<AccessCheck> {
  const decision = authorize(user, permission, resource);
  if (decision.allowed) return { outcome: "allowed", user };
  if (!user || decision.reason === "signed_out") return { outcome: "signed_out" };
  await auditRefusal(ctx, user, permission, resource, decision.reason, where);
  return { outcome: "refused", user, reason: decision.reason };
}

/** The same, reading the session from the request's cookie first. */
export async function checkRequestAccess<P extends Permission>(
  ctx: AuthContext,
  permission: P,
  resource: ResourceFor<P>,
  where: { path: string },
): Promise<AccessCheck> {
  return checkAccess(ctx, await requestUser(ctx), permission, resource, where);
}
