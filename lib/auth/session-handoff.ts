// A session read once per request (decision 0022). The page cache's front server (lib/page-cache)
// reads the session of every cacheable request to choose the cache entry; when it must render the
// page, it leaves that row here, under a random single-use id, and passes the id to Next.js in
// SESSION_READ_HEADER. The render takes the row back (lib/auth/request.ts) instead of reading the
// session again — still checking the cookie's signature itself, and using the row only if it was read
// for this cookie's token.
//
// Why this is safe: the front server removes SESSION_READ_HEADER from every client request
// (lib/page-cache/front-server.ts); an id is 144 random bits, used once and forgotten after 30 s, so
// it cannot be guessed or replayed; and an id that is not here (e.g. `npm run dev`, which has no front
// server) only means the session is read as usual. Both halves run in the one server process
// (scripts/serve.ts), so the store lives on globalThis, shared by the front server's modules and the
// copy Next.js bundles.
import { randomBytes } from "node:crypto";
import { boundedCache, type BoundedCache } from "@/lib/core/cache";
import type { SessionRead } from "./session";

/** Set only by the front server; never trusted from a client (it is removed from every request). */
export const SESSION_READ_HEADER = "x-csc-session-read";

const STORE = Symbol.for("csc-insight.session-reads");

function store(): BoundedCache<string, HandOff> {
  const holder = globalThis as { [STORE]?: BoundedCache<string, HandOff> };
  // 30 s is far longer than a render takes to start; 10,000 reads in flight is far more than one process serves.
  return (holder[STORE] ??= boundedCache<string, HandOff>({ max: 10_000, ttlMs: 30_000 }));
}

/**
 * A session read handed to the render, and whether the render is one the page cache will share between
 * everyone with this person's access: then the account bar shows the name slot (./account-slot.ts), which
 * the page cache fills with each viewer's own name (decision 0031).
 */
export type HandOff = SessionRead & { accountNameSlot?: boolean };

/** Leaves a session read for the render of this request; returns the id to send in SESSION_READ_HEADER. */
export function handOffSessionRead(read: HandOff): string {
  const id = randomBytes(18).toString("base64url");
  store().set(id, read);
  return id;
}

/** The session read left under `id`, once (undefined when there is none: read the session as usual). */
export function takeSessionRead(id: string | null | undefined): HandOff | undefined {
  if (!id) return undefined;
  const read = store().get(id);
  store().delete(id);
  return read;
}
