// npm run backtest — the point-in-time backtest of decision 0024 (lib/risk/backtest.ts) against every
// graded ILACS inspection in the database. Each inspection is scored only from figures published
// before its date, in the version first published. Prints the development period, then the held-out
// test (inspections from 1 January 2023, scored once): every method for the three outcomes, Brier and
// the calibration table, lead time; and ends with exactly one line:
// `held-out ROC AUC (Inadequate in any sub-judgement, inspections from 2023): 0.xx (95% CI 0.xx–0.xx)`.
// Also writes bench-results/backtest.json (git-ignored). Uses DATABASE_URL, or the embedded database.
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient } from "../lib/core/db/client";
import { projectRoot } from "../lib/core/db/embedded";
import { loadRiskDataset } from "../lib/risk/dataset";
import { aucLine, posthocAucLine, runBacktest, type MethodResult, type OutcomeResult, type SetResult } from "../lib/risk/backtest";
import { BACKTEST } from "../lib/risk/config";
import { prepareDatabase } from "./db";
import { now } from "../lib/core/clock";

const pct = (x: number) => (Number.isNaN(x) ? "  –  " : `${(x * 100).toFixed(0).padStart(3)}%`);
const f2 = (x: number) => (Number.isNaN(x) ? "–" : x.toFixed(3));

function methodLine(m: MethodResult): string {
  const top = m.rule
    ? `rule fires: precision ${pct(m.rule.precision)} recall ${pct(m.rule.recall)} (${m.rule.hits}/${m.rule.flagged} flagged)`
    : m.top.map((t) => `top ${Math.round(t.share * 100)}%: P ${pct(t.precision)} R ${pct(t.recall)} (${t.hits}/${t.flagged})`).join("  ");
  return `  ${m.label.padEnd(44)} n=${String(m.n).padStart(3)}  AUC ${f2(m.auc)} (95% CI ${f2(m.ci.low)}–${f2(m.ci.high)})  ${top}`;
}

function printOutcome(o: OutcomeResult) {
  console.log(`\n  Outcome: ${o.label} — ${o.adverse} of ${o.inspections} inspections`);
  for (const m of o.methods) console.log(`  ${methodLine(m)}`);
}

function printSet(title: string, set: SetResult) {
  console.log(`\n${title}: ${set.inspections} inspections`);
  printOutcome(set.outcomes.inadequateAny);
  printOutcome(set.outcomes.requiresImprovementAny);
  printOutcome(set.outcomes.overall);
}

/** The post-hoc variant of decision 0030, beside (never instead of) the pre-registered result above. */
function printPosthoc(result: ReturnType<typeof runBacktest>) {
  console.log(`\nPOST-HOC VARIANT (decision 0030) — designed AFTER the held-out result above had been seen; it is not the headline.`);
  console.log(
    `  Inspection history replaced by: previous judgements, points per area (RI 1, inadequate 2); last graded inspection 36+ months before (or none): 1; each monitoring and each focused visit published in the 12 months before: 1. Visits are held only from 28 February 2023.`,
  );
  for (const [title, set] of [
    [`Development period (inspections dated and published by ${BACKTEST.developmentEnd})`, result.posthoc.development],
    [`Held-out test (inspections dated from ${BACKTEST.heldOutFrom}), same inspections as above`, result.posthoc.heldOut],
  ] as const) {
    console.log(`\n${title}`);
    for (const outcome of ["inadequateAny", "requiresImprovementAny", "overall"] as const) {
      const methods = set[outcome];
      console.log(`\n  Outcome: ${result.heldOut.outcomes[outcome].label} — ${methods[0]!.adverse} of ${methods[0]!.n} inspections`);
      for (const m of methods) console.log(`  ${methodLine(m)}`);
    }
  }
  const cal = result.posthoc.calibration;
  console.log(
    `\nPost-hoc calibration map (development period only): log-odds = ${cal.intercept.toFixed(3)} + ${cal.slope.toFixed(3)} × score. Held-out Brier score ${cal.brier.toFixed(3)} (pre-registered score: ${result.calibration.brier.toFixed(3)}; always the development rate: ${cal.brierBaseline.toFixed(3)}).`,
  );
  console.log(posthocAucLine(result));
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
      `Point-in-time backtest (decision 0024): ${result.inspections} graded ILACS inspections, ${result.firstInspection} to ${result.lastInspection}.`,
    );
    console.log(
      `Each inspection is scored only from figures published before its date, in the version first published. Bootstrap: ${BACKTEST.bootstrapResamples} resamples of authorities, seed ${BACKTEST.seed}.`,
    );
    console.log(
      `"top N%" = among the highest-scoring N% of all authorities in England on the inspection day (ties at the cut-off in; joint workforce returns once).`,
    );
    console.log(`${result.neither} inspections dated on or before ${BACKTEST.developmentEnd} but published after it are in neither set.`);
    printSet(`Development period (inspections dated and published by ${BACKTEST.developmentEnd})`, result.development);
    printSet(`Held-out test (inspections dated from ${BACKTEST.heldOutFrom}, scored once)`, result.heldOut);
    const cal = result.calibration;
    console.log(
      `\nCalibration map (development period only): log-odds = ${cal.intercept.toFixed(3)} + ${cal.slope.toFixed(3)} × score. Held-out Brier score ${cal.brier.toFixed(3)} (always predicting the development rate ${pct(cal.developmentRate).trim()}: ${cal.brierBaseline.toFixed(3)}).`,
    );
    console.log("  Calibration by tenth of predicted risk (held-out): predicted range, inspections, mean predicted, observed");
    for (const r of cal.table)
      console.log(
        `    ${pct(r.from).trim()}–${pct(r.to).trim()}: n=${r.n}, predicted ${pct(r.meanPredicted).trim()}, observed ${pct(r.observed).trim()} (${r.events})`,
      );
    const l = result.heldOut.leadTime;
    console.log(
      `Lead time (held-out Inadequate in any sub-judgement): ${l.label}: flagged ${l.flagged}/${l.adverse} on the day; median ${l.median ?? "–"} months continuously before; months: ${l.months.join(", ") || "–"}${l.censored ? ` (${l.censored} up since the authority's first figures here, so at least that)` : ""}`,
    );
    printPosthoc(result);
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
