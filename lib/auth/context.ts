// Everything the auth core needs about one request. In the app it is built from the singletons and
// next/headers (lib/auth/request.ts); integration tests build it over their own database with real
// session cookies and a controllable clock, so both run exactly the same code.
import type { Db } from "@/lib/db/client";
import type { AppEnv } from "@/lib/env";
import type { AppAuth } from "./server";

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
};

/**
 * The client's IP address. `next start` puts the socket address in X-Forwarded-For only when the
 * request has none, so the header is trustworthy only when a reverse proxy we run appends to it:
 * with `hops` such proxies the client is the `hops`-th entry from the right. With none (a laptop),
 * the right-most entry is used — a client could forge it, which is why the per-account limit does
 * not depend on it.
 */
export function clientIp(headers: Headers, hops: number): string | null {
  const forwarded = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (forwarded && forwarded.length > 0) {
    const index = Math.max(0, forwarded.length - Math.max(1, hops));
    return normaliseIp(forwarded[index] ?? "");
  }
  const real = headers.get("x-real-ip")?.trim();
  return real ? normaliseIp(real) : null;
}

function normaliseIp(ip: string): string | null {
  const v4mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const value = (v4mapped?.[1] ?? ip).toLowerCase();
  return /^[0-9a-f.:]{2,45}$/.test(value) ? value : null;
}
