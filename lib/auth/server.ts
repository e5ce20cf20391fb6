// The better-auth instance: email + password with argon2id, database sessions in PostgreSQL through
// Prisma, HTTP-only cookies with absolute expiry. Built by a factory so integration tests get one
// over their own database; the app's singleton is getAuth() in lib/auth/request.ts.
// Why better-auth and how it is wired: docs/decisions/0008-authentication.md.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "@/lib/core/db/client";
import type { AppEnv } from "@/lib/core/env";
import { hashPassword, verifyPassword } from "./password";
import { PASSWORD_MAX_LENGTH } from "./password-policy";

/** Sessions end 8 hours after sign-in (a working day), however active the user is. */
const SESSION_TTL_SECONDS = 8 * 60 * 60;
const COOKIE_PREFIX = "csc";

/** Whether a user may hold a session at all (disabled accounts, demo accounts in production). */
export function isAccountUsable(user: { disabledAt: Date | null; isDemo: boolean }, env: Pick<AppEnv, "isProduction">): boolean {
  if (user.disabledAt) return false;
  if (user.isDemo && env.isProduction) return false;
  return true;
}

export function secureCookiesFor(env: Pick<AppEnv, "isProduction" | "APP_URL">): boolean {
  return env.isProduction || Boolean(env.APP_URL?.startsWith("https://"));
}

export function createAuth(db: Db, env: AppEnv) {
  return betterAuth({
    appName: "Children's social care insight",
    baseURL: env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    secret: env.AUTH_SECRET,
    database: prismaAdapter(db, { provider: "postgresql" }),
    telemetry: { enabled: false },
    // Failed sign-ins and refusals are in the audit log; better-auth's own warnings would only repeat them.
    logger: { level: "error" },
    // Password sign-in goes only through lib/auth/sign-in.ts, which applies the per-account and
    // per-IP limits kept in PostgreSQL; better-auth's own limiter (per instance, in memory) is off.
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      // Accounts are created by an admin (or the demo seed), never by signing up.
      disableSignUp: true,
      autoSignIn: false,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => verifyPassword(hash, password),
      },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: true, input: false },
        laNumber: { type: "string", required: false, input: false },
        disabledAt: { type: "date", required: false, input: false },
        isDemo: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_TTL_SECONDS,
      disableSessionRefresh: true,
      // Every request reads the session row, so signing out or disabling a user takes effect at once.
      cookieCache: { enabled: false },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: secureCookiesFor(env),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", path: "/" },
    },
    databaseHooks: {
      session: {
        create: {
          // The one place every sign-in method (password now, OIDC later) passes through.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true, isDemo: true } });
            return user !== null && isAccountUsable(user, env);
          },
        },
      },
    },
  });
}

export type AppAuth = ReturnType<typeof createAuth>;
