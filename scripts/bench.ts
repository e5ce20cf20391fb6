// npm run bench — every benchmark against a production build on the embedded database, one report:
// bench-results/bench.json (git-ignored) and the table between the bench markers in README.md.
//
//  1. Import: `scripts/bench-import.ts` (full import into an empty database, median of BENCH_RUNS=3).
//  2. Risk flags and scores for all LAs × all years, in process: `scripts/bench-flags.ts`.
//  3. HTTP, on loopback, against scripts/serve.ts (the production server) with the page cache on and
//     then off (PAGE_CACHE=off: Next.js renders every request): `/`, `/la/[code]` (all 153 LAs, mixed
//     views), `/risk` (mixed filters) and `/la/[code]/plan` (200 actions, signed in as a team
//     manager), each at 20 and 50 connections for BENCH_SECONDS (10 s), beside the same server's
//     static-file time; the first request for each page after a start (nothing cached); and the
//     first-load client JavaScript per page (gzip).
//  4. Real use: `scripts/bench-mixed.ts` (npm run bench:mixed: many people reading while others write and
//     a release is imported) twice, each one row of the table: as a closed loop (the server's capacity)
//     and paced at BENCH_MIXED_PACED_RATE page views a second (20: each of the 100 people opening a page
//     every 5 s on average).
// Every latency is recorded per response (scripts/bench/load.ts), so percentiles are exact.
// BENCH_SKIP_BUILD=1 skips `next build` when .next already holds a build of this tree.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../lib/core/db/embedded";
import { serverWorkers } from "../lib/page-cache/front-server";
import { firstLoadJsGzipBytes } from "./bench/client-js";
import { prepareBenchDatabase } from "./bench/fixtures";
import { loadTest, round, type LoadRun } from "./bench/load";
import { buildForProduction, startAppServer } from "./bench/server";
import { HOME_VIEWS, LA_VIEWS, RISK_VIEWS } from "./bench/views";
import { now } from "../lib/core/clock";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [20, 50];
const PORT = Number(process.env.BENCH_PORT ?? 3199);
/** Page views a second for the paced run of bench:mixed: 100 people each opening a page every 5 s on average. */
const PACED_RATE = Number(process.env.BENCH_MIXED_PACED_RATE ?? 20);
/** How many server processes scripts/serve.ts starts here (decision 0033). */
const WORKERS = serverWorkers(process.env.WEB_CONCURRENCY, os.availableParallelism());
const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);
const resultsDir = path.join(projectRoot, "bench-results");

/** `targetP95`: with the page cache (20 connections); `targetOffP95`: without it (issue 19: the LA dashboard's render). */
type Group = { key: string; label: string; paths: string[]; cookie?: string; targetP95?: number; targetOffP95?: number };
type ModeResult = {
  pageCache: boolean;
  runs: Record<string, Record<number, LoadRun>>;
  staticFile: Record<number, LoadRun>;
  firstRequestMs: Record<string, number>;
};

function runScript(script: string, json: string, env: NodeJS.ProcessEnv = process.env) {
  const file = path.join(resultsDir, json);
  fs.rmSync(file, { force: true });
  const result = spawnSync(bin("tsx"), [script], { cwd: projectRoot, stdio: "inherit", env });
  // bench-flags exits 1 when its target is missed; the figures are still written and reported.
  if (!fs.existsSync(file)) throw new Error(`${script} failed (exit ${result.status}) without writing ${json}`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

function staticAssetPath(): string {
  const dir = path.join(projectRoot, ".next/static/chunks");
  const files = fs.readdirSync(dir);
  const pick = files.find((f) => f.endsWith(".css")) ?? files.find((f) => f.endsWith(".js"));
  if (!pick) throw new Error(`no built asset in ${dir}`);
  return `/_next/static/chunks/${pick}`;
}

async function timedGet(base: string, p: string, cookie?: string, close = false): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${p}`, { headers: { ...(cookie ? { cookie } : {}), ...(close ? { connection: "close" } : {}) } });
  await res.text();
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  return performance.now() - started;
}

/** Waits until the server has worked through the previous run's queue (a static file answers fast). */
async function settle(base: string, asset: string) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${base}${asset}`)).arrayBuffer();
    if (performance.now() - started < 20) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function measureMode(pageCache: boolean, groups: Group[], databaseUrl: string): Promise<ModeResult> {
  const server = await startAppServer({ port: PORT, databaseUrl, pageCache });
  try {
    const firstRequestMs: Record<string, number> = {};
    for (const g of groups) firstRequestMs[g.key] = round(await timedGet(server.base, g.paths[0]!, g.cookie));
    // Warm-up: every URL once per server process (fills each one's page cache when on, decision 0033; the
    // data snapshots either way). Each on a new connection: node:cluster shares connections out in turn.
    for (const g of groups) for (const p of g.paths) for (let i = 0; i < WORKERS; i++) await timedGet(server.base, p, g.cookie, true);
    const asset = staticAssetPath();
    const runs: ModeResult["runs"] = {};
    const staticFile: ModeResult["staticFile"] = {};
    for (const connections of CONNECTIONS) {
      for (const g of groups) {
        await settle(server.base, asset);
        console.log(`  ${pageCache ? "cache on " : "cache off"} · ${g.label} · ${connections} connections · ${SECONDS} s`);
        (runs[g.key] ??= {})[connections] = await loadTest({
          base: server.base,
          label: g.label,
          paths: g.paths,
          connections,
          seconds: SECONDS,
          ...(g.cookie ? { headers: { cookie: g.cookie } } : {}),
        });
      }
      await settle(server.base, asset);
      staticFile[connections] = await loadTest({ base: server.base, label: "static file", paths: [asset], connections, seconds: SECONDS });
    }
    return { pageCache, runs, staticFile, firstRequestMs };
  } finally {
    await server.stop();
  }
}

const ms = (n: number) => n.toLocaleString("en-GB", { maximumFractionDigits: 1 });
const cell = (r: LoadRun | undefined) =>
  r
    ? `${ms(r.p50)} / **${ms(r.p95)}** / ${ms(r.p99)} ms · ${ms(r.reqPerSec)} req/s${r.errors + r.non2xx > 0 ? ` · ⚠ ${r.errors} errors, ${r.non2xx} non-2xx` : ""}`
    : "–";

function markdown(report: Report): string {
  const on = report.modes.find((m) => m.pageCache)!;
  const off = report.modes.find((m) => !m.pageCache)!;
  const lines = [
    `Measured ${report.when.slice(0, 16).replace("T", " ")} UTC on ${report.machine}; load average ${report.loadAverage.join(", ")} at the end (other work on the machine skews these). ` +
      `HTTP figures are p50 / **p95** / p99 and requests per second over ${SECONDS} s per row, loopback, no compression requested.`,
    "",
    "| Measure | Page cache on (`npm start`) | Page cache off (Next.js renders every request) | Target |",
    "|---|---|---|---|",
  ];
  for (const g of report.groups) {
    for (const c of CONNECTIONS) {
      const offTarget =
        g.targetOffP95 && c === 20
          ? `; without the cache p95 ≤ ${g.targetOffP95} ms (issue 19): ${off.runs[g.key]![c]!.p95 <= g.targetOffP95 ? "met" : "**not met**"}`
          : "";
      const target =
        g.targetP95 && c === 20
          ? `p95 ≤ ${g.targetP95} ms: ${on.runs[g.key]![c]!.p95 <= g.targetP95 ? "met with the cache" : "**not met**"}${off.runs[g.key]![c]!.p95 <= g.targetP95 ? ", met without" : ", not without"}${offTarget}`
          : c === 50
            ? "0 errors"
            : "–";
      lines.push(`| ${g.label}, ${c} connections | ${cell(on.runs[g.key]![c])} | ${cell(off.runs[g.key]![c])} | ${target} |`);
    }
  }
  for (const c of CONNECTIONS)
    lines.push(`| Static file (same server, reference), ${c} connections | ${cell(on.staticFile[c])} | ${cell(off.staticFile[c])} | – |`);
  lines.push(
    `| First request for a page after a start (nothing cached yet) | ${report.groups.map((g) => `${g.short} ${ms(on.firstRequestMs[g.key]!)} ms`).join(", ")} | ${report.groups.map((g) => `${g.short} ${ms(off.firstRequestMs[g.key]!)} ms`).join(", ")} | – |`,
    `| Client JavaScript, first load (gzip) | ${report.clientJs.map((j) => `${j.path}: ${(j.gzipBytes / 1024).toFixed(1)} kB`).join(", ")} | | ≤ 150 kB |`,
    `| Risk flags and scores, all LAs × all years, in process | median ${ms(Number(report.flags.medianMs))} ms (p95 ${ms(Number(report.flags.p95Ms))} ms; first, cold run ${ms(Number(report.flags.coldMs))} ms) | | ≤ 100 ms |`,
    mixedRow(
      `Real use, closed loop (\`npm run bench:mixed\`: ${report.mixed.connections} connections for ${report.mixed.seconds} s, each asking again as soon as it is answered: the server's capacity; 100 people in four roles and anonymous visitors, ~1 write/s, a release imported halfway`,
      report.mixed,
    ),
    mixedRow(
      `Real use, paced (the same people and pages, ${report.mixedPaced.pacedRatePerSecond} page views a second started whatever the answers' speed — each of the 100 opening a page every ${Math.round(100 / (report.mixedPaced.pacedRatePerSecond ?? 1))} s on average — at most ${report.mixedPaced.connections} at once; ${report.mixedPaced.viewsNotStarted} not started`,
      report.mixedPaced,
    ),
    `| Full import of the published files into an empty database (median of ${(report.import.runs as unknown[]).length}) | ${report.import.medianSeconds} s — ${Number(report.import.rowsPerSecond).toLocaleString("en-GB")} rows/s, ${Number(report.import.valuesPerSecond).toLocaleString("en-GB")} values/s | | – |`,
  );
  return lines.join("\n");
}

/** A row of the table for one bench:mixed run. */
function mixedRow(label: string, r: MixedResult): string {
  const pages = (["la", "risk", "plan"] as const)
    .map((k) => [k, r.pages[k]] as const)
    .filter((e): e is readonly [(typeof e)[0], NonNullable<(typeof e)[1]>] => e[1] !== undefined)
    .map(
      ([k, p]) =>
        `${{ la: "/la", risk: "/risk", plan: "plan" }[k]} ${ms(p.p50)} / **${ms(p.p95)}** / ${ms(p.p99)} ms (hits ${p.cacheHitRate ?? "–"} %)`,
    )
    .join(", ");
  return `| ${label}; load average ${r.loadAverageAtStart.join(", ")} → ${r.loadAverage.join(", ")}) | ${pages}; ${ms(r.reqPerSec)} req/s, ${r.errors} errors, hit rate ${r.cacheHitRate ?? "–"} % (${r.cacheHitRateIfEveryWriteStaledEverything ?? "–"} % had every write staled every page) | | p95 ≤ 150 ms /la, ≤ 100 ms /risk and plan; 0 errors |`;
}

type Report = {
  when: string;
  machine: string;
  loadAverage: number[];
  seconds: number;
  groups: (Group & { short: string })[];
  modes: ModeResult[];
  clientJs: { path: string; scripts: number; gzipBytes: number }[];
  flags: Record<string, unknown>;
  import: Record<string, unknown>;
  mixed: MixedResult;
  mixedPaced: MixedResult;
};

/** What scripts/bench-mixed.ts writes (bench-results/mixed.json), as far as the table reads it. */
type MixedResult = {
  seconds: number;
  connections: number;
  pacedRatePerSecond: number | null;
  viewsNotStarted: number;
  reqPerSec: number;
  errors: number;
  cacheHitRate: number | null;
  cacheHitRateIfEveryWriteStaledEverything: number | null;
  loadAverageAtStart: number[];
  loadAverage: number[];
  pages: Record<string, { p50: number; p95: number; p99: number; cacheHitRate: number | null }>;
};

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  console.log("1/6 Import benchmark …");
  const importResult = runScript("scripts/bench-import.ts", "import.json");
  console.log("2/6 Benchmark database, and flag computation on it …");
  const db = await prepareBenchDatabase();
  const flags = runScript("scripts/bench-flags.ts", "flags.json", { ...process.env, DATABASE_URL: db.url });

  console.log("3/6 Production build …");
  buildForProduction();
  const plan = `/la/${db.planLa}/plan`;
  const groups = [
    { key: "home", short: "/", label: "`/` (all LAs, mixed filters)", paths: HOME_VIEWS },
    {
      key: "la",
      short: "/la",
      label: "`/la/[code]` (153 LAs, mixed views)",
      paths: db.laNumbers.map((la, i) => `/la/${la}${LA_VIEWS[i % LA_VIEWS.length]}`),
      targetP95: 100,
      targetOffP95: 200,
    },
    {
      key: "risk",
      short: "/risk",
      label: "`/risk` (mixed filters and sorts, signed in as an analyst)",
      paths: RISK_VIEWS,
      cookie: db.analystCookie,
      targetP95: 150,
    },
    {
      key: "plan",
      short: "plan",
      label: "`/la/[code]/plan` (200 actions, signed in)",
      paths: [plan, `${plan}?sort=status`, `${plan}?status=AT_RISK`, `${plan}?overdue=1&sort=title`, `${plan}?theme=CASELOADS`],
      cookie: db.managerCookie,
      targetP95: 100,
    },
  ];

  console.log("4/6 HTTP load …");
  const modes = [await measureMode(true, groups, db.url), await measureMode(false, groups, db.url)];
  const server = await startAppServer({ port: PORT, databaseUrl: db.url, pageCache: true });
  const clientJs: Report["clientJs"] = [];
  try {
    for (const [p, cookie] of [
      ["/", undefined],
      ["/la/330", undefined],
      ["/risk", db.analystCookie],
      [plan, db.managerCookie],
    ] as const)
      clientJs.push({ path: p, ...(await firstLoadJsGzipBytes(server.base, p, cookie)) });
  } finally {
    await server.stop();
  }

  console.log("5/6 Real use, closed loop (bench:mixed) …");
  const mixed = runScript("scripts/bench-mixed.ts", "mixed.json", {
    ...process.env,
    BENCH_SKIP_BUILD: "1",
    BENCH_MIXED_RATE: "",
  }) as MixedResult;
  console.log(`6/6 Real use, paced at ${PACED_RATE} page views a second (bench:mixed) …`);
  const mixedPaced = runScript("scripts/bench-mixed.ts", "mixed-paced.json", {
    ...process.env,
    BENCH_SKIP_BUILD: "1",
    BENCH_MIXED_RATE: String(PACED_RATE),
  }) as MixedResult;

  const report: Report = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    seconds: SECONDS,
    groups,
    modes,
    clientJs,
    flags,
    import: importResult,
    mixed,
    mixedPaced,
  };
  fs.writeFileSync(path.join(resultsDir, "bench.json"), JSON.stringify(report, null, 2));
  const table = markdown(report);
  const readme = path.join(projectRoot, "README.md");
  const text = fs.readFileSync(readme, "utf8");
  const start = "<!-- bench:start -->";
  const end = "<!-- bench:end -->";
  if (text.includes(start) && text.includes(end)) {
    fs.writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
    console.log("\nREADME.md benchmark table updated.");
  }
  console.log(`\n${table}\n\nFull results: bench-results/bench.json`);
  const failed = modes
    .flatMap((m) => Object.values(m.runs).flatMap((byConn) => Object.values(byConn)))
    .filter((r) => r.errors + r.non2xx > 0);
  if (failed.length > 0) {
    console.error(`${failed.length} load runs had errors or non-2xx responses: see above.`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
