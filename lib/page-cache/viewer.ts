// The page cache's one query per request: the data version its entries are keyed by
// (lib/core/data-version.ts, scope "all") and, for a request with a session cookie, that session as
// the app reads it (lib/auth/session.ts SESSION_SQL: the same query, judged by the same rule). Plain
// node-postgres (not Prisma): it runs in the HTTP server in front of Next.js (./server.ts), on every
// cacheable request, and must stay ~0.2 ms.
import pg from "pg";
import { SESSION_SQL, type SessionRow } from "@/lib/auth/session";
import { dataVersionSql, type DataVersion } from "@/lib/core/data-version";
import { poolConfig } from "@/lib/core/db/pool";
import { databaseTimeouts } from "@/lib/core/env";

export type ViewerLookup = {
  /** the version of everything pages show: any committed write changes it */
  version: DataVersion;
  /** the session row for the token (live or not), or null when there is none */
  session: SessionRow | null;
};

const QUERY = `
  select ${dataVersionSql("$2")} as version, to_jsonb(s) as session
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
    /** The version and the session for this token (null: no such session, or anonymous). Throws when the database is unreachable. */
    async lookup(sessionToken: string | null): Promise<ViewerLookup> {
      // A named statement: each connection plans it once (planning was ~0.2 of the ~0.3 ms per lookup).
      // Its result types (text, jsonb) cannot change with the schema, so a migration never breaks the cached plan.
      const { rows } = await pool.query<{ version: string; session: SessionRow | null }>({
        name: "page-cache-viewer",
        text: QUERY,
        values: [sessionToken ?? "", "all"],
      });
      const row = rows[0];
      if (!row) throw new Error("the data version could not be read");
      return { version: row.version, session: row.session };
    },
    end: () => pool.end(),
  };
}

export type ViewerLookupService = ReturnType<typeof createViewerLookup>;
