// npm run bench:pages — server response time of the LA dashboard pages under concurrent load, against
// a production build, beside the same server's time for a static file.
//
// 1. Database up, migrated and imported (a no-op when it already is), then `next build`
//    (skip with BENCH_SKIP_BUILD=1 when .next already holds a build of this tree).
// 2. `next start` on 127.0.0.1:BENCH_PORT (default 3199) — loopback only.
// 3. Cold: the first request for 10 LA pages, one at a time, with the dashboard cache empty.
// 4. Warm: every current LA page (153) with a mix of view states (indicator/comparator/year in the
//    URL), BENCH_CONNECTIONS (20) concurrent connections for BENCH_SECONDS (15 s).
// 5. References under the same load: a built CSS file from /_next/static (static-file time) and
//    /about/data, the smallest dynamic page (the app's floor: layout, session read, CSP nonce).
// Every latency is recorded from autocannon's per-response event, so p50/p95 are exact, not bucketed.
// Results: printed, and written to bench-results/pages.json (git-ignored). The server is stopped at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "../lib/db/embedded";
import { loadTest, percentile, round, waitForServer, type LoadRun } from "./bench/load";
import { prepareDatabase } from "./db";
import { DEFAULT_DATA_FOLDER, runImport } from "./import";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const BASE = `http://127.0.0.1:${PORT}`;

const load = (label: string, paths: string[]) => loadTest({ base: BASE, label, paths, connections: CONNECTIONS, seconds: SECONDS });
const next = path.join(projectRoot, "node_modules/.bin/next");





/** A built static asset served by the same Next server (the largest CSS file, else the first JS chunk). */
function staticAssetPath(): string {
  const dir = path.join(projectRoot, ".next/static/chunks");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".css") || f.endsWith(".js"));
  const css = files.filter((f) => f.endsWith(".css"));
  const pick = css[0] ?? files[0];
  if (!pick) throw new Error(`no built asset in ${dir}`);
  return `/_next/static/chunks/${pick}`;
}

async function currentLaNumbers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ laNumber: string }>(`select "laNumber" from local_authority where "existsTo" is null order by "laNumber"`);
    return rows.map((r) => r.laNumber);
  } finally {
    await client.end();
  }
}

const VIEWS = ["", "?indicator=turnover_rate_fte", "?indicator=caseload_fte&comparator=mean", "?indicator=re_referrals_percent&year=2021", "?indicator=cin_at31_rate&comparator=mean&year=2019"];

async function main() {
  const url = await prepareDatabase();
  await runImport(DEFAULT_DATA_FOLDER, url);
  const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log("Building (next build) …");
    const build = spawnSync(next, ["build"], { cwd: projectRoot, stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const las = await currentLaNumbers(url);
  const pages = las.map((la, i) => `/la/${la}${VIEWS[i % VIEWS.length]}`);
  const asset = staticAssetPath();

  const server = spawn(next, ["start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  try {
    await waitForServer(server, BASE);

    // Cold: first request per LA with the dashboard cache empty (one at a time).
    const cold: number[] = [];
    for (const p of pages.slice(0, 10)) {
      const started = performance.now();
      const res = await fetch(`${BASE}${p}`);
      await res.text();
      if (!res.ok) throw new Error(`${p} answered ${res.status}`);
      cold.push(performance.now() - started);
    }
    // Fill the cache for every page, then measure under load.
    for (const p of pages) await (await fetch(`${BASE}${p}`)).text();
    const htmlBytes = (await (await fetch(`${BASE}/la/330`)).text()).length;

    console.log(`\nLA pages: ${pages.length} URLs, ${CONNECTIONS} connections, ${SECONDS} s …`);
    const laRun = await load("LA dashboard pages", pages);
    console.log(`Static file ${asset}: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const staticRun = await load("static file", [asset]);
    console.log(`Smallest dynamic page /about/data: ${CONNECTIONS} connections, ${SECONDS} s …`);
    const floorRun = await load("smallest dynamic page", ["/about/data"]);

    const sortedCold = [...cold].sort((a, b) => a - b);
    const result = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
      connections: CONNECTIONS,
      seconds: SECONDS,
      laPageHtmlBytes: htmlBytes,
      coldFirstRequestMs: { p50: round(percentile(sortedCold, 50)), max: round(sortedCold.at(-1) ?? NaN), samples: cold.length },
      laPages: laRun,
      staticFile: { ...staticRun, path: asset },
      smallestDynamicPage: { ...floorRun, path: "/about/data" },
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, "bench-results/pages.json"), JSON.stringify(result, null, 2));
    const line = (r: LoadRun) => `p50 ${r.p50} ms · p95 ${r.p95} ms · p99 ${r.p99} ms · ${r.reqPerSec} req/s · ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors`;
    console.log(`\n${result.machine}; load average ${result.loadAverageAtEnd.join(", ")} (other processes on the machine skew these figures)`);
    console.log(`LA pages (${CONNECTIONS} concurrent, warm): ${line(laRun)}`);
    console.log(`Static file (same server):        ${line(staticRun)}`);
    console.log(`/about/data (smallest dynamic):   ${line(floorRun)}`);
    console.log(`Cold first request per LA (cache empty, sequential): p50 ${result.coldFirstRequestMs.p50} ms, max ${result.coldFirstRequestMs.max} ms`);
    console.log(`LA page HTML: ${(htmlBytes / 1024).toFixed(0)} kB`);
    if (laRun.non2xx > 0 || laRun.errors > 0) {
      console.error("Some LA page requests failed: the figures above are not valid.");
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
