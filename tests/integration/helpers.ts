// Per-test-file databases copied from the templates made in global-setup.ts.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "../../lib/core/db/client";
import { withDatabase } from "../../lib/core/db/url";

export type TestDatabase = { url: string; prisma: Db; drop: () => Promise<void> };

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("serverUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A private copy of the template: "loaded" has the published data imported, "empty" only the schema. */
export async function createTestDatabase(template: "loaded" | "empty" | "blank"): Promise<TestDatabase> {
  const name = `csc_test_${randomBytes(5).toString("hex")}`;
  // "blank": a brand-new database with no schema at all (for the migration runner's own tests)
  const source = template === "loaded" ? "csc_test_template_loaded" : template === "empty" ? "csc_test_template_empty" : "template0";
  await admin((c) => c.query(`create database "${name}" template "${source}"`));
  const url = withDatabase(inject("serverUrl"), name);
  const prisma = createPrismaClient(url, { max: 4 });
  return {
    url,
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
