// The migration runner (lib/core/db/migrate.ts) against real PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/core/db/migrate";
import { createTestDatabase, type TestDatabase } from "./helpers";

const real = path.resolve(import.meta.dirname, "../../prisma/migrations");

function folder(migrations: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-migrations-"));
  for (const [name, sql] of Object.entries(migrations)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function rows(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("migrate", () => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
    t = undefined;
  });

  it("applies the committed migrations once and records them as Prisma does", async () => {
    t = await createTestDatabase("blank");
    const first = await migrate(t.url, real);
    expect(first.applied).toEqual(readMigrations(real).map((m) => m.name));
    const second = await migrate(t.url, real);
    expect(second.applied).toEqual([]);
    const recorded = await rows(t.url, `select migration_name, checksum, finished_at from "_prisma_migrations" order by migration_name`);
    expect(recorded.map((r) => r.migration_name)).toEqual(first.applied);
    expect(recorded.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at)).toBe(true);
  });

  it("keeps a schema snapshot beside every migration, and the last one matches prisma/schema.prisma", () => {
    const names = readMigrations(real).map((m) => m.name);
    for (const name of names) expect(fs.existsSync(path.join(real, name, "schema.prisma"))).toBe(true);
    const last = fs.readFileSync(path.join(real, names.at(-1)!, "schema.prisma"), "utf8");
    expect(last).toBe(fs.readFileSync(path.resolve(real, "../schema.prisma"), "utf8"));
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    t = await createTestDatabase("blank");
    const dir = folder({
      "20260101000000_ok": "create table a (id int);",
      "20260101000001_bad": "create table b (id int); select * from no_such_table;",
    });
    await expect(migrate(t.url, dir)).rejects.toThrow(/20260101000001_bad failed and was rolled back/);
    const tables = await rows(
      t.url,
      `select table_name from information_schema.tables where table_schema='public' and table_name in ('a','b') order by 1`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(["a"]);
    const recorded = await rows(t.url, `select migration_name from "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["20260101000000_ok"]);
  });

  it("refuses a migration edited after it was applied", async () => {
    t = await createTestDatabase("blank");
    const dir = folder({ "20260101000000_ok": "create table a (id int);" });
    await migrate(t.url, dir);
    fs.writeFileSync(path.join(dir, "20260101000000_ok", "migration.sql"), "create table a (id bigint);");
    await expect(migrate(t.url, dir)).rejects.toThrow(/was changed after it was applied/);
  });
});
