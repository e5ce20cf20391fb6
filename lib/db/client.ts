// Creates a Prisma client over node-postgres. Scripts call this directly; the app uses the
// singleton in lib/db.ts.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
