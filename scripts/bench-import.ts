// npm run bench:import — times a full import of the published files into an empty, freshly
// migrated database, three times, and reports rows/s and values/s (median run).
// Results: printed, and written to bench-results/import.json (git-ignored).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../lib/core/db/client";
import { projectRoot, startEmbedded } from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrate";
import { resolveDatabaseUrl, withDatabase } from "../lib/core/db/url";
import { importFolder } from "../lib/import/run-import";
import { DEFAULT_DATA_FOLDER } from "./import";
import { now } from "../lib/core/clock";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function main() {
  const { url, embedded } = resolveDatabaseUrl("postgres");
  if (embedded) await startEmbedded(() => {});
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const runs: { millis: number; rows: number; values: number; files: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `csc_bench_import_${i}`;
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
    const dbUrl = withDatabase(url, name);
    await migrate(dbUrl, path.join(projectRoot, "prisma/migrations"));
    const prisma = createPrismaClient(dbUrl);
    const started = performance.now();
    const summary = await importFolder(prisma, DEFAULT_DATA_FOLDER);
    const millis = performance.now() - started;
    await prisma.$disconnect();
    await admin.query(`drop database "${name}" with (force)`);
    runs.push({ millis, rows: summary.totals.rows, values: summary.totals.values, files: summary.totals.imported });
    console.log(`run ${i + 1}: ${(millis / 1000).toFixed(2)} s, ${summary.totals.rows} rows, ${summary.totals.values} values`);
  }
  await admin.end();
  const median = [...runs].sort((a, b) => a.millis - b.millis)[Math.floor(runs.length / 2)]!;
  const result = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    files: median.files,
    rows: median.rows,
    values: median.values,
    medianSeconds: Number((median.millis / 1000).toFixed(2)),
    rowsPerSecond: Math.round(median.rows / (median.millis / 1000)),
    valuesPerSecond: Math.round(median.values / (median.millis / 1000)),
    runs: runs.map((r) => Number((r.millis / 1000).toFixed(2))),
  };
  fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, "bench-results/import.json"), JSON.stringify(result, null, 2));
  console.log(
    `\nFull import into an empty database (median of ${RUNS}): ${result.medianSeconds} s — ${result.rowsPerSecond.toLocaleString("en-GB")} rows/s, ${result.valuesPerSecond.toLocaleString("en-GB")} values/s (${result.files} files, ${result.rows} rows, ${result.values} values)`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
