// Per-test-file databases copied from the templates made in global-setup.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
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

/**
 * A private copy of a template: "loaded" has the published data imported (prisma/data/published),
 * "loaded-2024" only the files published before the 2025 releases (global-setup.ts FILES_BEFORE_2025:
 * for importing a newer release over the 2024 editions), "empty" only the schema.
 */
export async function createTestDatabase(template: "loaded" | "loaded-2024" | "empty" | "blank"): Promise<TestDatabase> {
  const name = `csc_test_${randomBytes(5).toString("hex")}`;
  // "blank": a brand-new database with no schema at all (for the migration runner's own tests)
  const source = {
    loaded: "csc_test_template_loaded",
    "loaded-2024": "csc_test_template_loaded_2024",
    empty: "csc_test_template_empty",
    blank: "template0",
  }[template];
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

/**
 * A private copy of the template for the enclosing describe block (or file): made before its tests,
 * dropped after them. Read `prisma` and `url` inside tests and hooks, not when the block is declared.
 */
export function useTestDatabase(template: Parameters<typeof createTestDatabase>[0]): TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(template);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error("the test database is made in beforeAll: use it inside tests and hooks");
    return db;
  };
  return {
    get url() {
      return current().url;
    },
    get prisma() {
      return current().prisma;
    },
    drop: () => current().drop(),
  };
}

/** A folder in the system's temporary directory holding these files (name → content), for an import. */
export function tempFolder(files: Record<string, string | Buffer>, prefix = "csc-import-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

/** One stored value (with the release it came from), or null. */
export const storedValue = (t: TestDatabase, indicatorId: string, geoCode: string, period: number) =>
  t.prisma.indicatorValue.findUnique({
    where: { indicatorId_geoCode_period: { indicatorId, geoCode, period } },
    include: { release: true },
  });
