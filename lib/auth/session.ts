// Who is making this request: the one way a session is read (decision 0022). The session cookie's
// signature is checked with better-auth's secret, then one query finds the session row, its user and
// the user's LA (SESSION_SQL, also run by the page cache in front of Next.js, lib/page-cache/viewer.ts),
// and the row is judged by one rule (sessionUserFrom): expired, disabled, or a demo account in
// production is nobody. Nothing is remembered between requests, so signing out, an admin disabling an
// account or the session expiring takes effect on the next request. better-auth still creates and
// deletes sessions (sign-in, sign-out); only reading is here, so the page cache and the app agree.
import { parseCookies } from "better-auth/cookies";
import { constantTimeEqual, makeSignature } from "better-auth/crypto";
import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import type { AppEnv } from "@/lib/core/env";
import type { AuthContext } from "./context";
import type { Actor } from "./permissions";
import { isAccountUsable } from "./server";

export type SessionUser = Actor & {
  name: string;
  email: string;
  isDemo: boolean;
  /** The LA's name for dcs and team_manager. */
  laName: string | null;
  sessionId: string;
};

/**
 * The session with token $1, its user and the user's LA name — whether or not it is still live, so
 * the caller can tell "expired" (delete it) from "no such session". One indexed lookup.
 */
export const SESSION_SQL = `
  select s.id as "sessionId", s."expiresAt" > now() as live,
         u.id, u.name, u.email, u.role::text as role, u."laNumber", u."disabledAt", u."isDemo",
         la.name as "laName"
    from auth_session s
    join app_user u on u.id = s."userId"
    left join local_authority la on la."laNumber" = u."laNumber"
   where s.token = $1`;

const sessionRowSchema = z.object({
  sessionId: z.string(),
  live: z.boolean(),
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(Role),
  laNumber: z.string().nullable(),
  disabledAt: z.coerce.date().nullable(),
  isDemo: z.boolean(),
  laName: z.string().nullable(),
});

/** One row of SESSION_SQL. */
export type SessionRow = z.input<typeof sessionRowSchema>;

/** A session already read for this request (by the page cache), with the token it was read for. */
export type SessionRead = { token: string; row: SessionRow | null };

/**
 * Who a session row says is signed in: nobody when there is no row, the session has expired, the
 * account is disabled, it is a demo account in production, or the row is not what the query returns.
 */
export function sessionUserFrom(row: SessionRow | null | undefined, env: Pick<AppEnv, "isProduction">): SessionUser | null {
  const parsed = sessionRowSchema.safeParse(row);
  if (!parsed.success) return null;
  const { sessionId, live, id, name, email, role, laNumber, disabledAt, isDemo, laName } = parsed.data;
  if (!live || !isAccountUsable({ disabledAt, isDemo }, env)) return null;
  return { id, name, email, role, laNumber, isDemo, laName, sessionId };
}

/**
 * The session token in a signed cookie value ("token.signature", as better-auth writes it), or null
 * when the signature is not this secret's: a cookie with a known token but no valid signature is nobody.
 */
export async function verifiedSessionToken(cookieValue: string, secret: string): Promise<string | null> {
  const dot = cookieValue.lastIndexOf(".");
  if (dot < 1) return null;
  const token = cookieValue.slice(0, dot);
  const signature = cookieValue.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  return constantTimeEqual(await makeSignature(token, secret), signature) ? token : null;
}

/**
 * The signed-in user of a request, or null. `read` is the session the page cache already read for this
 * request (lib/auth/session-handoff.ts); it is used only when it was read for this cookie's token.
 */
export async function getSessionUser(
  ctx: Pick<AuthContext, "auth" | "db" | "env" | "headers">,
  read?: SessionRead,
): Promise<SessionUser | null> {
  const { secret, authCookies } = await ctx.auth.$context;
  const cookie = parseCookies(ctx.headers.get("cookie") ?? "").get(authCookies.sessionToken.name);
  if (!cookie) return null;
  const token = await verifiedSessionToken(cookie, secret);
  if (!token) return null;
  const row = read?.token === token ? read.row : ((await ctx.db.$queryRawUnsafe<SessionRow[]>(SESSION_SQL, token))[0] ?? null);
  // An expired session is deleted when it is next presented, as better-auth's own read did.
  if (row && !row.live) await ctx.db.$executeRawUnsafe(`delete from auth_session where token = $1 and "expiresAt" <= now()`, token);
  return sessionUserFrom(row, ctx.env);
}

/** The request's user through its own per-request reader when it has one (the app), else read now (tests). */
export function requestUser(ctx: AuthContext): Promise<SessionUser | null> {
  return ctx.currentUser ? ctx.currentUser() : getSessionUser(ctx);
}
