// The importer's after-import hooks (lib/import/hooks.ts): a registered hook runs in the import's own
// transaction — its writes commit with the data, and a hook that fails rolls the whole import back.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importHooks, registerImportHook } from "@/lib/import/hooks";
import { importFolder } from "@/lib/import/run-import";
import { createTestDatabase, type TestDatabase } from "./helpers";

const published = path.resolve(import.meta.dirname, "../../prisma/data/published");

/** The 2024 repeat-plan file cut to its first `rows` data rows (newest year: England, regions, LAs). */
function smallFolder(rows: number, suffix: string): string {
  const lines = fs.readFileSync(path.join(published, "d3_cpps_subsequent_plan_2013_to_2024.csv"), "utf8").split("\n");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "csc-hooks-"));
  fs.writeFileSync(path.join(dir, `d3_${suffix}.csv`), lines.slice(0, rows + 1).join("\n") + "\n");
  return dir;
}

describe("after-import hooks", () => {
  let t: TestDatabase;
  const calls: string[] = [];
  let fail = false;
  beforeAll(async () => {
    t = await createTestDatabase("empty");
    registerImportHook({
      name: "test hook",
      beforeWrite: async (tx) => {
        calls.push(`before: ${await tx.dataRelease.count()} releases`);
      },
      afterWrite: async (tx, ctx) => {
        calls.push(`after: ${await tx.dataRelease.count()} releases, ${ctx.files.map((f) => `${f.fileName} ${f.status}`).join("; ")}`);
        await tx.region.update({ where: { code: "E12000001" }, data: { name: "North East (seen by the hook)" } });
        if (fail) throw new Error("the hook failed");
      },
    });
  });
  afterAll(async () => t.drop());

  it("runs before anything is written and after everything is, in the same transaction", async () => {
    const summary = await importFolder(t.prisma, smallFolder(30, "a"));
    expect(summary.totals.imported).toBe(1);
    expect(calls).toEqual(["before: 0 releases", "after: 1 releases, d3_a.csv imported"]);
    expect((await t.prisma.region.findUnique({ where: { code: "E12000001" } }))?.name).toBe("North East (seen by the hook)");
  });

  it("does not run after an import that imported nothing", async () => {
    calls.length = 0;
    const summary = await importFolder(t.prisma, smallFolder(30, "a"));
    expect(summary.totals.unchanged).toBe(1);
    expect(calls.filter((c) => c.startsWith("after"))).toEqual([]);
  });

  it("a hook that fails rolls the whole import back", async () => {
    fail = true;
    const releases = await t.prisma.dataRelease.count();
    const values = await t.prisma.indicatorValue.count();
    await expect(importFolder(t.prisma, smallFolder(40, "b"))).rejects.toThrow("the hook failed");
    expect(await t.prisma.dataRelease.count()).toBe(releases);
    expect(await t.prisma.indicatorValue.count()).toBe(values);
    fail = false;
  });

  it("registers a hook once per name", () => {
    const n = importHooks().length;
    registerImportHook({ name: "test hook" });
    expect(importHooks().length).toBe(n);
  });
});
