// Creates a Prisma client over node-postgres. Scripts call this directly; the app uses the
// singleton in lib/core/db/index.ts, with the app's statement timeout.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseTimeouts } from "@/lib/core/env";
import { poolConfig } from "./pool";

export type Db = PrismaClient;

/**
 * Timeouts default to the scripts' settings (DB_CONNECT_TIMEOUT_MS, DB_SCRIPT_STATEMENT_TIMEOUT_MS:
 * no statement limit, so an import is never cut off); the app passes DB_STATEMENT_TIMEOUT_MS.
 */
export function createPrismaClient(connectionString: string, options: { max?: number; statementTimeoutMs?: number } = {}): PrismaClient {
  const settings = databaseTimeouts();
  const adapter = new PrismaPg(
    poolConfig(connectionString, options.max ?? 10, {
      connectTimeoutMs: settings.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: options.statementTimeoutMs ?? settings.DB_SCRIPT_STATEMENT_TIMEOUT_MS,
    }),
  );
  return new PrismaClient({ adapter });
}
