// The app's one Prisma client (one pool per server process).
import "server-only";
import { createPrismaClient } from "@/lib/core/db/client";
import { resolveDatabaseUrl } from "@/lib/core/db/url";
import { databaseTimeouts } from "@/lib/core/env";

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };

export const db =
  globalForPrisma.prisma ??
  createPrismaClient(resolveDatabaseUrl().url, {
    max: Number(process.env.DB_POOL_MAX ?? 10),
    statementTimeoutMs: databaseTimeouts().DB_STATEMENT_TIMEOUT_MS,
  });

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
