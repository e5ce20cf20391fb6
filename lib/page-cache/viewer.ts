// The page cache's one query per request: the versions of the data-version scopes the page may show
// (lib/core/data-version.ts; which scopes: ./scopes.ts) and, for a request with a session cookie, that session as
// the app reads it (lib/auth/session.ts SESSION_SQL: the same query, judged by the same rule). Plain
// node-postgres (not Prisma): it runs in the HTTP server in front of Next.js (./server.ts), on every
// cacheable request, and must stay ~0.2 ms.
import pg from "pg";
import { SESSION_SQL, type SessionRow } from "@/lib/auth/session";
import { dataVersionsSql, type DataScope, type DataVersion } from "@/lib/core/data-version";
import { poolConfig } from "@/lib/core/db/pool";
import { databaseTimeouts } from "@/lib/core/env";

export type ViewerLookup = {
  /** the version of each scope asked for that has ever been written (a scope not here is at "0") */
  versions: Record<string, DataVersion>;
  /** the session row for the token (live or not), or null when there is none */
  session: SessionRow | null;
};

const QUERY = `
  select ${dataVersionsSql("$2")} as versions, to_jsonb(s) as session
    from (select 1) one left join lateral (${SESSION_SQL}) s on true`;

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
    /** These scopes' versions and the session for this token (null: no such session, or anonymous). Throws when the database is unreachable. */
    async lookup(sessionToken: string | null, scopes: readonly DataScope[] = ["all"]): Promise<ViewerLookup> {
      // A named statement: each connection plans it once (planning was ~0.2 of the ~0.3 ms per lookup).
      // Its result types (jsonb, jsonb) cannot change with the schema, so a migration never breaks the cached plan.
      const { rows } = await pool.query<{ versions: Record<string, DataVersion>; session: SessionRow | null }>({
        name: "page-cache-viewer-scopes",
        text: QUERY,
        values: [sessionToken ?? "", scopes],
      });
      const row = rows[0];
      if (!row) throw new Error("the data version could not be read");
      return { versions: row.versions, session: row.session };
    },
    end: () => pool.end(),
  };
}

export type ViewerLookupService = ReturnType<typeof createViewerLookup>;
