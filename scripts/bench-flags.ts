// npm run bench:flags — the risk engine's speed in process: flags (and scores) for every LA at
// 1 March of every year the workforce data covers (the day after each year's figures are public),
// from a dataset already in memory. Reports the first (cold) run and the median of the next runs,
// building the index included. Target: ≤ 100 ms. Results: printed, and bench-results/flags.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/core/db/client";
import { projectRoot } from "../lib/core/db/embedded";
import { loadRiskDataset } from "../lib/risk/dataset";
import { evaluateFlags } from "../lib/risk/rules";
import { historyFlags, scoreAssessment } from "../lib/risk/score";
import { buildIndex, existedOn, knownPeriods } from "../lib/risk/series";
import type { RiskDataset } from "../lib/risk/types";
import { prepareDatabase } from "./db";
import { now } from "../lib/core/clock";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function allFlags(dataset: RiskDataset, years: number[]) {
  const index = buildIndex(dataset);
  let assessments = 0;
  let flags = 0;
  for (const year of years) {
    const asAt = `${year}-03-01`;
    const periods = knownPeriods(index, asAt);
    for (const la of dataset.authorities) {
      if (!existedOn(la, asAt)) continue;
      const result = evaluateFlags(index, la.laNumber, periods, asAt);
      scoreAssessment(result, historyFlags(index, la.laNumber, asAt));
      assessments += 1;
      flags += result.flags.length;
    }
  }
  return { assessments, flags };
}

async function main() {
  const url = await prepareDatabase();
  const prisma = createPrismaClient(url);
  const dataset = await loadRiskDataset(prisma).finally(() => prisma.$disconnect());
  const workforceYears = [...new Set(Object.values(dataset.values).flatMap((v) => (v.caseload_fte ?? []).map((o) => o.period)))].sort(
    (a, b) => a - b,
  );
  if (workforceYears.length === 0) throw new Error("No workforce figures in the database: run `npm run import` first.");
  const years = workforceYears.map((y) => y + 1);

  const times: number[] = [];
  let counts = { assessments: 0, flags: 0 };
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    counts = allFlags(dataset, years);
    times.push(performance.now() - started);
  }
  const [cold, ...warm] = times;
  const sorted = [...warm].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  const result = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    authorities: dataset.authorities.length,
    dates: years.map((y) => `${y}-03-01`),
    assessments: counts.assessments,
    flags: counts.flags,
    coldMs: Number(cold!.toFixed(1)),
    medianMs: Number(median.toFixed(1)),
    p95Ms: Number(p95.toFixed(1)),
    runs: RUNS,
    targetMs: 100,
  };
  fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, "bench-results/flags.json"), JSON.stringify(result, null, 2));
  console.log(result.machine);
  console.log(
    `Flags and scores for all LAs × all years (${result.assessments} LA-years at ${years.length} dates, ${result.flags} flags), index build included:\n` +
      `  first run ${result.coldMs} ms; median of the next ${RUNS} ${result.medianMs} ms (p95 ${result.p95Ms} ms); target ≤ ${result.targetMs} ms`,
  );
  if (median > result.targetMs) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
