// The page cache's one query per request: the current cache epoch and, for a request with a session
// cookie, whose live session it is. Plain node-postgres (not Prisma): it runs in the HTTP server in
// front of Next.js (./server.ts), on every cacheable request, and must stay ~0.2 ms.
import pg from "pg";
import { poolConfig } from "@/lib/core/db/pool";
import { databaseTimeouts } from "@/lib/core/env";

export type ViewerLookup = { epoch: string; userId: string | null };

const QUERY = `
  select (select epoch::text from cache_epoch where id = 1) as epoch,
         (select s."userId"
            from auth_session s join app_user u on u.id = s."userId"
           where s.token = $1 and s."expiresAt" > now() and u."disabledAt" is null) as "userId"`;

export function createViewerLookup(connectionString: string) {
  // A small pool of its own; shorter timeouts than the app's so an outage — or a database that hangs
  // (the client gives up 1 s after the statement timeout) — bypasses the cache quickly.
  const { DB_CONNECT_TIMEOUT_MS } = databaseTimeouts();
  const pool = new pg.Pool(
    poolConfig(connectionString, 4, { connectTimeoutMs: Math.min(1_000, DB_CONNECT_TIMEOUT_MS), statementTimeoutMs: 500 }),
  );
  // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the process.
  pool.on("error", () => {});
  return {
    /** Epoch and user for this session token (null user: no live session, or anonymous). Throws when the database is unreachable. */
    async lookup(sessionToken: string | null): Promise<ViewerLookup> {
      const { rows } = await pool.query<{ epoch: string | null; userId: string | null }>(QUERY, [sessionToken ?? ""]);
      const row = rows[0];
      if (!row?.epoch) throw new Error("cache_epoch has no row: run the migrations");
      return { epoch: row.epoch, userId: row.userId };
    },
    end: () => pool.end(),
  };
}

export type ViewerLookupService = ReturnType<typeof createViewerLookup>;
