// npm run bench:import — times a full import of the published files (prisma/data/published, about 25
// files) into an empty, freshly migrated database, three times, and reports rows/s and values/s (median
// run); then, on each of those databases, an import of the same unchanged files (which must write
// nothing). Targets (decision 0020): full import under 10 s, re-import under 2 s. Also reports the
// importer's peak memory (resident set) and the machine's load, which skews the times.
// Results: printed, and written to bench-results/import.json (git-ignored).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../lib/core/db/client";
import { projectRoot, startEmbedded } from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrate";
import { resolveDatabaseUrl, withDatabase } from "../lib/core/db/url";
import { readDataVersion } from "../lib/core/data-version";
import "../lib/import-hooks";
import { importFolder } from "../lib/import/run-import";
import { DEFAULT_DATA_FOLDER } from "./import";
import { now } from "../lib/core/clock";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function main() {
  const { url, embedded } = resolveDatabaseUrl("postgres");
  if (embedded) await startEmbedded(() => {});
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  const runs: { millis: number; rows: number; values: number; files: number; reimportMillis: number; reimportWritten: number }[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
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
    // the same files again: nothing to read beyond checksums, nothing written
    // the data version (decision 0022) rises with any committed write a page shows
    const epoch = async () => BigInt(await readDataVersion(prisma, "all"));
    const epochBefore = await epoch();
    const again = performance.now();
    const second = await importFolder(prisma, DEFAULT_DATA_FOLDER);
    const reimportMillis = performance.now() - again;
    const reimportWritten = second.totals.imported + Number((await epoch()) - epochBefore);
    await prisma.$disconnect();
    await admin.query(`drop database "${name}" with (force)`);
    runs.push({
      millis,
      rows: summary.totals.rows,
      values: summary.totals.values,
      files: summary.totals.imported,
      reimportMillis,
      reimportWritten,
    });
    console.log(
      `run ${i + 1}: ${(millis / 1000).toFixed(2)} s, ${summary.totals.imported} files, ${summary.totals.rows} rows, ${summary.totals.values} values; ` +
        `re-import of the unchanged files ${(reimportMillis / 1000).toFixed(2)} s (${second.totals.unchanged} unchanged, ${reimportWritten ? "SOMETHING WRITTEN" : "nothing written"})`,
    );
  }
  clearInterval(sampler);
  await admin.end();
  const median = [...runs].sort((a, b) => a.millis - b.millis)[Math.floor(runs.length / 2)]!;
  const reimport = [...runs].sort((a, b) => a.reimportMillis - b.reimportMillis)[Math.floor(runs.length / 2)]!;
  const load = os.loadavg().map((l) => l.toFixed(2));
  const result = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage: load,
    files: median.files,
    rows: median.rows,
    values: median.values,
    medianSeconds: Number((median.millis / 1000).toFixed(2)),
    rowsPerSecond: Math.round(median.rows / (median.millis / 1000)),
    valuesPerSecond: Math.round(median.values / (median.millis / 1000)),
    runs: runs.map((r) => Number((r.millis / 1000).toFixed(2))),
    reimportMedianSeconds: Number((reimport.reimportMillis / 1000).toFixed(2)),
    reimportRuns: runs.map((r) => Number((r.reimportMillis / 1000).toFixed(2))),
    reimportWroteNothing: runs.every((r) => r.reimportWritten === 0),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
  };
  fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, "bench-results/import.json"), JSON.stringify(result, null, 2));
  const verdict = (seconds: number, target: number) =>
    seconds < target ? `under ${target} s: met` : `target ${target} s: missed by ${(seconds - target).toFixed(2)} s`;
  console.log(
    `\nFull import into an empty database (median of ${RUNS}): ${result.medianSeconds} s (${verdict(result.medianSeconds, 10)}) — ${result.rowsPerSecond.toLocaleString("en-GB")} rows/s, ${result.valuesPerSecond.toLocaleString("en-GB")} values/s (${result.files} files, ${result.rows} rows, ${result.values} values)` +
      `\nRe-import of the same unchanged files (median of ${RUNS}): ${result.reimportMedianSeconds} s (${verdict(result.reimportMedianSeconds, 2)}), ${result.reimportWroteNothing ? "nothing written" : "SOMETHING WAS WRITTEN"}` +
      `\nPeak resident memory of this process: ${result.peakRssMiB} MiB. Load average ${load.join(", ")} (other work on the machine skews these times).`,
  );
  if (!result.reimportWroteNothing) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
