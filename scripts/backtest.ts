// npm run backtest — the point-in-time backtest of the risk flags and score (lib/risk/backtest.ts)
// against every graded ILACS inspection in the database. Each inspection is scored only from
// figures published before its date. Prints every method for both outcomes, the lead times, and
// ends with exactly one line: `composite out-of-sample ROC AUC: 0.xx (95% CI 0.xx–0.xx)`.
// Also writes bench-results/backtest.json (git-ignored). Uses DATABASE_URL, or the embedded database.
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/core/db/client";
import { projectRoot } from "../lib/core/db/embedded";
import { loadRiskDataset } from "../lib/risk/dataset";
import { aucLine, runBacktest, type MethodResult, type OutcomeResult } from "../lib/risk/backtest";
import { BACKTEST } from "../lib/risk/config";
import { prepareDatabase } from "./db";
import { now } from "../lib/core/clock";

const pct = (x: number) => (Number.isNaN(x) ? "  –  " : `${(x * 100).toFixed(0).padStart(3)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(3));

function methodLine(m: MethodResult): string {
  const top = m.rule
    ? `rule fires: precision ${pct(m.rule.precision)} recall ${pct(m.rule.recall)} (${m.rule.hits}/${m.rule.flagged} flagged)`
    : m.top.map((t) => `top ${Math.round(t.share * 100)}%: P ${pct(t.precision)} R ${pct(t.recall)} (${t.hits}/${t.flagged})`).join("  ");
  const same = m.compositeAucSameCases !== null ? `  [composite on the same ${m.n}: ${f2(m.compositeAucSameCases)}]` : "";
  return `  ${m.label.padEnd(56)} n=${String(m.n).padStart(3)}  AUC ${f2(m.auc)} (95% CI ${f2(m.ci.low)}–${f2(m.ci.high)})  ${top}${same}`;
}

function printOutcome(o: OutcomeResult) {
  console.log(`\nOutcome: ${o.label} — ${o.adverse} of ${o.inspections} inspections`);
  for (const m of o.methods) console.log(methodLine(m));
  console.log("  Lead time (adverse inspections flagged on the day; months the flag had been up continuously before it):");
  for (const l of o.leadTimes) {
    const twelve = l.months.filter((m) => m >= 12).length;
    console.log(
      `    ${l.label.padEnd(34)} flagged ${l.flagged}/${l.adverse}; median ${l.median ?? "–"} months; ≥12 months ahead: ${twelve}; months: ${l.months.join(", ") || "–"}${l.censored ? ` (${l.censored} up since the authority's first figures here, so at least that)` : ""}`,
    );
  }
  for (const p of o.periods) console.log(`  ${p.label}: composite AUC ${f2(p.auc)} (${p.adverse} adverse of ${p.n})`);
}

async function main() {
  const url = await prepareDatabase();
  const prisma = createPrismaClient(url);
  const started = performance.now();
  try {
    const dataset = await loadRiskDataset(prisma);
    if (dataset.inspections.length === 0) throw new Error("No graded inspections in the database: run `npm run import` first.");
    const loaded = performance.now();
    const result = runBacktest(dataset);
    const done = performance.now();
    console.log(
      `Point-in-time backtest: ${result.inspections} graded ILACS inspections (${result.formerAuthorityInspections} of former authorities), ${result.firstInspection} to ${result.lastInspection}.`,
    );
    console.log(
      `Each inspection is scored only from figures published before its date. Bootstrap: ${BACKTEST.bootstrapResamples} resamples of authorities, seed ${BACKTEST.seed}.`,
    );
    console.log(
      `"top N%" = among the highest-scoring N% of all authorities in England on the inspection day (joint workforce returns once).`,
    );
    printOutcome(result.outcomes.overall);
    printOutcome(result.outcomes.leadershipOrHelp);
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    const { cases, ...summary } = result;
    fs.writeFileSync(
      path.join(projectRoot, "bench-results/backtest.json"),
      JSON.stringify({ when: now().toISOString(), ...summary, cases }, null, 2),
    );
    console.log(
      `\n(loaded in ${((loaded - started) / 1000).toFixed(2)} s, computed in ${((done - loaded) / 1000).toFixed(2)} s; full results in bench-results/backtest.json)`,
    );
    console.log(aucLine(result));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
