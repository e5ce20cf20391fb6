// The auth core bound to the current Next.js request: the app's better-auth instance, the signed-in
// user (read once per request), and the page guards. Pages and the action wrapper use these.
//
// Once per request (decision 0022): the user is kept against the request's own Headers object, which
// Next.js creates per request and shares between a server action and the render that follows it (React
// `cache()` would cover only the render). On a page-cache miss the front server has already read the
// session for this request and hands the row over (./session-handoff.ts), so the render reads nothing.
import "server-only";
import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { db } from "@/lib/core/db";
import { now } from "@/lib/core/clock";
import { getEnv } from "@/lib/core/env";
import { accountNameSlot } from "./account-slot";
import type { AuthContext } from "./context";
import { checkAccess } from "./guards";
import type { Permission, ResourceFor } from "./permissions";
import { signInPath } from "./return-to";
import { createAuth, type AppAuth } from "./server";
import { getSessionUser, requestUser, type SessionUser } from "./session";
import { SESSION_READ_HEADER, takeSessionRead } from "./session-handoff";

let instance: AppAuth | undefined;

/** The app's better-auth instance (created on first use, so a build needs no secrets). */
function getAuth(): AppAuth {
  instance ??= createAuth(db, getEnv());
  return instance;
}

/** The signed-in user of each request in flight, by the request's Headers object (gone with the request). */
const usersByRequest = new WeakMap<Headers, Promise<SessionUser | null>>();

/** Requests the page cache renders to share between everyone with the viewer's access (decision 0031). */
const sharedRenders = new WeakSet<Headers>();

export async function requestContext(): Promise<AuthContext> {
  const ctx: AuthContext = {
    db,
    auth: getAuth(),
    env: getEnv(),
    headers: await headers(),
    now,
    revalidatePath: (path) => revalidatePath(path),
    currentUser: () => {
      let user = usersByRequest.get(ctx.headers);
      if (!user) {
        const handOff = takeSessionRead(ctx.headers.get(SESSION_READ_HEADER));
        if (handOff?.accountNameSlot) sharedRenders.add(ctx.headers);
        user = getSessionUser(ctx, handOff);
        usersByRequest.set(ctx.headers, user);
      }
      return user;
    },
  };
  return ctx;
}

/** The signed-in user, or null. One session lookup per request however many components and actions ask. */
export async function getCurrentUser(): Promise<SessionUser | null> {
  return requestUser(await requestContext());
}

/**
 * The name the account bar shows: the person's own, or — when the page cache renders this page to share
 * between everyone with the same access — the slot it fills with each viewer's name (./account-slot.ts).
 */
export async function accountDisplayName(user: SessionUser): Promise<string> {
  await getCurrentUser(); // takes this request's hand-off, which says whether the render is shared
  return sharedRenders.has(await headers()) ? accountNameSlot() : user.name;
}

/** The path being rendered, set on the request by proxy.ts. */
async function currentPath(): Promise<string> {
  return (await headers()).get("x-request-path") ?? "/";
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
