// The auth core bound to the current Next.js request: the app's better-auth instance, the signed-in
// user (read once per request), and the page guards. Pages and the action wrapper use these.
import "server-only";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { db } from "@/lib/core/db";
import { now } from "@/lib/core/clock";
import { getEnv } from "@/lib/core/env";
import type { AuthContext } from "./context";
import { checkAccess } from "./guards";
import type { Permission, ResourceFor } from "./permissions";
import { signInPath } from "./return-to";
import { createAuth, type AppAuth } from "./server";
import { getSessionUser, type SessionUser } from "./session";

let instance: AppAuth | undefined;

/** The app's better-auth instance (created on first use, so a build needs no secrets). */
export function getAuth(): AppAuth {
  instance ??= createAuth(db, getEnv());
  return instance;
}

export async function requestContext(): Promise<AuthContext> {
  return {
    db,
    auth: getAuth(),
    env: getEnv(),
    headers: await headers(),
    now,
    revalidatePath: (path) => revalidatePath(path),
  };
}

/** The signed-in user, or null. One session lookup per request however many components ask. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => getSessionUser(await requestContext()));

/** The path being rendered, set on the request by proxy.ts. */
async function currentPath(): Promise<string> {
  return (await headers()).get("x-request-path") ?? "/";
}

/** Signed-in users only: anyone else goes to sign in and comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(await currentPath()));
  return user;
}

/**
 * Page guard. Call at the top of every protected page (layouts do not re-run on navigation, and
 * proxy.ts does not authorise). Not signed in → sign in; signed in but not allowed → the refusal
 * is audited and the 403 page (app/forbidden.tsx) is shown.
 */
export async function requireAccess<P extends Permission>(permission: P, resource: ResourceFor<P>): Promise<SessionUser> {
  const ctx = await requestContext();
  const path = await currentPath();
  const user = await getCurrentUser();
  const check = await checkAccess(ctx, user, permission, resource, { path });
  if (check.outcome === "signed_out" || !user) redirect(signInPath(path));
  if (check.outcome === "refused") forbidden();
  return user;
}

/** Copies Set-Cookie headers from better-auth onto the response (server actions only). */
export async function applySetCookies(setCookies: string[]): Promise<void> {
  if (setCookies.length === 0) return;
  const jar = await cookies();
  for (const header of setCookies) {
    parseSetCookieHeader(header).forEach((value, name) => {
      if (name) jar.set(name, value.value, toCookieOptions(value));
    });
  }
}
