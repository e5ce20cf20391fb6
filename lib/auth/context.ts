// Everything the auth core needs about one request. In the app it is built from the singletons and
// next/headers (lib/auth/request.ts); integration tests build it over their own database with real
// session cookies and a controllable clock, so both run exactly the same code.
import type { Db } from "@/lib/core/db/client";
import type { AppEnv } from "@/lib/core/env";
import type { AppAuth } from "./server";
import type { SessionUser } from "./session";

export type AuthContext = {
  db: Db;
  auth: AppAuth;
  env: AppEnv;
  /** The request's headers (cookie, x-forwarded-for, user-agent). */
  headers: Headers;
  /** The clock: lib/core/clock.ts `now` in the app, a fixed one in tests. */
  now: () => Date;
  /** next/cache revalidatePath in the app; a recorder in tests. */
  revalidatePath: (path: string) => void;
  /**
   * The signed-in user, read at most once per request (lib/auth/request.ts in the app). Without it
   * (tests) every call reads the session afresh: lib/auth/session.ts `requestUser`.
   */
  currentUser?: () => Promise<SessionUser | null>;
};

/**
 * Set by the front server (lib/page-cache/front-server.ts) on every request to the client's address,
 * after removing any X-Forwarded-For, X-Real-IP or copy of this header the client sent. Nothing else
 * is trusted: a client can write any header it likes.
 */
export const CLIENT_IP_HEADER = "x-csc-client-ip";

/**
 * The client's IP address, as the front server vouches for it (the socket's peer, or what our own
 * TRUSTED_PROXY_HOPS proxies recorded). Null when the request did not come through the front
 * server (e.g. `npm run dev`): per-IP limits then share one "unknown" bucket.
 */
export function clientIp(headers: Headers): string | null {
  const value = headers.get(CLIENT_IP_HEADER)?.trim();
  return value ? normaliseIp(value) : null;
}

function normaliseIp(ip: string): string | null {
  const v4mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const value = (v4mapped?.[1] ?? ip).toLowerCase();
  return /^[0-9a-f.:]{2,45}$/.test(value) ? value : null;
}
