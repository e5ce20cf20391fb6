// npm run bench:risk — server response time of the national risk page (/risk) under 20 concurrent
// connections, against a production build. Target: p95 ≤ 150 ms.
//
// 1. Database up, migrated and imported (a no-op when it already is), then `next build`
//    (skip with BENCH_SKIP_BUILD=1 when .next already holds a build of this tree).
// 2. `next start` on 127.0.0.1:BENCH_PORT (default 3198) — loopback only.
// 3. Cold: the first request for /risk after start (flags and scores computed, then cached).
// 4. Warm: /risk (all 153 LAs, default sort) with BENCH_CONNECTIONS (20) connections for
//    BENCH_SECONDS (15 s); then a mix of filtered and sorted views; then the same server's
//    /about/data as a reference for how loaded the machine is.
// Every latency is recorded from autocannon's per-response event, so p50/p95 are exact.
// Results: printed, and written to bench-results/risk.json (git-ignored). The server is stopped at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../lib/db/embedded";
import { loadTest, round, waitForServer, type LoadRun } from "./bench/load";
import { prepareDatabase } from "./db";
import { DEFAULT_DATA_FOLDER, runImport } from "./import";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const BASE = `http://127.0.0.1:${PORT}`;

const load = (label: string, paths: string[]) => loadTest({ base: BASE, label, paths, connections: CONNECTIONS, seconds: SECONDS });
const TARGET_P95_MS = 150;
const next = path.join(projectRoot, "node_modules/.bin/next");





const VIEWS = [
  "/risk",
  "/risk?region=E12000002",
  "/risk?severity=red",
  "/risk?sort=caseload&order=desc",
  "/risk?indicator=agency_rate_fte&kind=threshold",
  "/risk?judgement=INADEQUATE",
  "/risk?region=E12000007&sort=name&order=asc",
];

async function main() {
  const url = await prepareDatabase();
  await runImport(DEFAULT_DATA_FOLDER, url);
  const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("Building (next build) …");
    const build = spawnSync(next, ["build"], { cwd: projectRoot, stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn(next, ["start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  try {
    await waitForServer(server, BASE);
    const started = performance.now();
    const first = await fetch(`${BASE}/risk`);
    const html = await first.text();
    const coldMs = round(performance.now() - started);
    if (!first.ok) throw new Error(`/risk answered ${first.status}`);
    for (const v of VIEWS) await (await fetch(`${BASE}${v}`)).text();

    console.log(`\n/risk: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const risk = await load("/risk (all 153 LAs)", ["/risk"]);
    console.log(`Filtered and sorted views (${VIEWS.length} URLs) …`);
    const mixed = await load("/risk, mixed filtered and sorted views", VIEWS);
    console.log("Reference: /about/data on the same server …");
    const about = await load("/about/data (reference)", ["/about/data"]);

    const result = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverageAtEnd: os.loadavg().map(round),
      connections: CONNECTIONS,
      seconds: SECONDS,
      riskHtmlBytes: html.length,
      coldFirstRequestMs: coldMs,
      risk,
      mixed,
      reference: about,
      targetP95Ms: TARGET_P95_MS,
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, "bench-results/risk.json"), JSON.stringify(result, null, 2));
    const line = (r: LoadRun) => `p50 ${r.p50} ms · p95 ${r.p95} ms · p99 ${r.p99} ms · ${r.reqPerSec} req/s · ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors`;
    console.log(`\n${result.machine}; load average at the end ${result.loadAverageAtEnd.join(", ")}`);
    console.log(`/risk (${CONNECTIONS} concurrent, warm):   ${line(risk)}`);
    console.log(`/risk mixed views:                 ${line(mixed)}`);
    console.log(`/about/data (reference):           ${line(about)}`);
    console.log(`First /risk after start (computes and caches flags and scores): ${coldMs} ms; page HTML ${(html.length / 1024).toFixed(0)} kB`);
    console.log(`Target: /risk p95 ≤ ${TARGET_P95_MS} ms — ${risk.p95 <= TARGET_P95_MS ? "met" : "NOT met"}.`);
    if (risk.non2xx > 0 || risk.errors > 0 || mixed.non2xx > 0) {
      console.error("Some requests failed: the figures above are not valid.");
      process.exitCode = 1;
    } else if (risk.p95 > TARGET_P95_MS) {
      process.exitCode = 1;
    }
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
