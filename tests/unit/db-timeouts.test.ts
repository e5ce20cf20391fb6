// The database timeouts (lib/core/env.ts) and the pool options they become (lib/core/db/pool.ts).
import { describe, expect, it } from "vitest";
import { poolConfig } from "@/lib/core/db/pool";
import { databaseTimeouts, parseEnv } from "@/lib/core/env";

describe("database timeouts", () => {
  it("default to seconds for the app and no statement limit for scripts", () => {
    expect(databaseTimeouts({})).toEqual({
      DB_CONNECT_TIMEOUT_MS: 3_000,
      DB_STATEMENT_TIMEOUT_MS: 5_000,
      DB_SCRIPT_STATEMENT_TIMEOUT_MS: 0,
    });
    expect(parseEnv({}).DB_STATEMENT_TIMEOUT_MS).toBe(5_000);
    expect(databaseTimeouts({ DB_STATEMENT_TIMEOUT_MS: "8000", DB_CONNECT_TIMEOUT_MS: "" }).DB_STATEMENT_TIMEOUT_MS).toBe(8_000);
    expect(() => databaseTimeouts({ DB_CONNECT_TIMEOUT_MS: "soon" })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });

  it("become a server-side statement timeout with a client-side limit 1 s later, or none for scripts", () => {
    const app = poolConfig("postgresql://x@127.0.0.1/db", 10, { connectTimeoutMs: 3_000, statementTimeoutMs: 5_000 });
    expect(app).toMatchObject({ max: 10, connectionTimeoutMillis: 3_000, statement_timeout: 5_000, query_timeout: 6_000 });
    const script = poolConfig("postgresql://x@127.0.0.1/db", 10, { connectTimeoutMs: 3_000, statementTimeoutMs: 0 });
    expect(script.statement_timeout).toBeUndefined();
    expect(script.query_timeout).toBeUndefined();
  });
});
