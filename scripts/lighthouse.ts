// npm run lighthouse — Lighthouse (performance, accessibility, best practices) on the main pages of a
// production build, in Debian's Chromium, against scripts/serve.ts with the page cache on (what users get).
//
// Pages: `/`, `/la/330`, `/risk`, `/risk/method`, `/about/data`, and the benchmark plan (200 actions) at
// `/la/<planLa>/plan`, signed in as a team manager (the session cookie goes as an extra request header).
// Presets (LIGHTHOUSE_PRESETS, default "desktop,mobile"): Lighthouse's own. "desktop": simulated fast
// connection, no CPU slowdown, 1350×940 screen. "mobile" (its default): simulated slow 4G, 4× CPU slowdown,
// Moto G Power screen.
// Every page is measured LIGHTHOUSE_RUNS times (default 5) and the run Lighthouse itself would call the
// median (`computeMedianRun`: closest to the median FCP and time to interactive) is reported, with the
// range of the performance scores: on a shared machine CPU-bound figures (total blocking time) vary a lot.
// Lighthouse benchmarks the host's CPU at the start of every run and warns that its simulated throttling
// is unreliable at a benchmark index ≤ 1000; a run that low (on this machine: other work had the CPU) is
// set aside, recorded in the JSON, and measured again after a 10 s pause, up to
// LIGHTHOUSE_SLOW_HOST_RETRIES (default 3) times, after which the slow run is kept.
// Each page is requested once before it is measured, so Lighthouse loads the page cache's copy as a
// repeat visitor would; the first-render server time is in `npm run bench`.
//
// Writes bench-results/lighthouse.json and every full report to bench-results/lighthouse/ (git-ignored),
// prints a markdown table of the scores with the ids of failing audits, and exits 1 if a page's median
// run scores accessibility < 100 (any preset) or performance < 90 on a gated preset (LIGHTHOUSE_GATE, default
// "desktop,mobile": both presets gate since the header stopped shifting the page on narrow screens, decision 0032;
// LIGHTHOUSE_GATE=desktop gates only the desktop preset).
// BENCH_SKIP_BUILD=1 skips `next build` when .next already holds a build of this tree;
// LIGHTHOUSE_PAGES=/,/risk measures only those of the pages ("plan" for the plan page). Chromium: CHROME_PATH (default
// /usr/bin/chromium), run with --headless=new --no-sandbox.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from "lighthouse";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { projectRoot } from "../lib/core/db/embedded";
import { prepareBenchDatabase } from "./bench/fixtures";
import { buildForProduction, startAppServer } from "./bench/server";
import { CHROMIUM_ARGS } from "./chromium";
import { now } from "../lib/core/clock";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3198);
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS, "--no-default-browser-check", "--disable-extensions", "--mute-audio"];
const CATEGORIES = ["performance", "accessibility", "best-practices"] as const;
const PRESETS = (process.env.LIGHTHOUSE_PRESETS ?? "desktop,mobile").split(",").map((p) => p.trim());
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const ONLY_PAGES = process.env.LIGHTHOUSE_PAGES?.split(",").map((p) => p.trim());
const THRESHOLDS = { performance: 90, accessibility: 100 } as const;
/** Presets whose performance must meet THRESHOLDS for the run to pass (accessibility must on every preset). */
const GATED = new Set((process.env.LIGHTHOUSE_GATE ?? "desktop,mobile").split(",").map((p) => p.trim()));
const SLOW_HOST_BENCHMARK = 1000;
const SLOW_HOST_RETRIES = Number(process.env.LIGHTHOUSE_SLOW_HOST_RETRIES ?? 3);
const SLOW_HOST_PAUSE_MS = 10_000;
/** How many times one page load is tried when Lighthouse loses its trace (NO_NAVSTART and the like). */
const LOST_TRACE_ATTEMPTS = 5;
const METRICS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "interactive",
  "server-response-time",
];
const resultsDir = path.join(projectRoot, "bench-results");
/** Every full report, by preset, page and run (open one in the Lighthouse viewer, or read the JSON). */
const reportsDir = path.join(resultsDir, "lighthouse");

type Preset = "desktop" | "mobile";
type Category = (typeof CATEGORIES)[number];
type FailingAudit = { id: string; title: string; weight: number; score: number | null; displayValue?: string; items?: string[] };
type PageResult = {
  preset: Preset;
  path: string;
  signedIn: boolean;
  /** The median run's scores (0–100). */
  scores: Record<Category, number | null>;
  /** Every run's performance score, in run order, and Lighthouse's CPU benchmark of the machine at each run. */
  performanceRuns: (number | null)[];
  benchmarkIndexes: number[];
  medianRun: number;
  /** Runs measured again because the host's CPU benchmark was at or below Lighthouse's slow-host line. */
  setAside: { run: number; benchmarkIndex: number; performance: number | null }[];
  metrics: Record<string, number | null>;
  failing: Record<Category, FailingAudit[]>;
  runWarnings: string[];
  consoleErrors: string[];
};

function isPreset(p: string): p is Preset {
  return p === "desktop" || p === "mobile";
}

/** Where a failing audit's items point: element selector and snippet, URL, or text, whichever the audit gives. */
function describeItems(details: Result["audits"][string]["details"]): string[] | undefined {
  if (!details || !("items" in details) || !Array.isArray(details.items)) return undefined;
  const out: string[] = [];
  for (const raw of details.items.slice(0, 8) as Record<string, unknown>[]) {
    const node = raw.node as { selector?: string; snippet?: string; explanation?: string } | undefined;
    if (node?.selector || node?.snippet) {
      out.push(
        `${node.selector ?? ""} ${node.snippet ?? ""}${node.explanation ? ` — ${node.explanation.replace(/\s+/g, " ").slice(0, 300)}` : ""}`.trim(),
      );
    } else if (typeof raw.url === "string") {
      out.push(
        raw.url +
          (typeof raw.wastedBytes === "number" ? ` (${Math.round(raw.wastedBytes / 1024)} KiB could be saved)` : "") +
          (typeof raw.wastedMs === "number" ? ` (${Math.round(raw.wastedMs)} ms)` : ""),
      );
    } else if (typeof raw.reason === "string") {
      out.push(raw.reason);
    } else if (typeof raw.description === "string") {
      out.push(raw.description.slice(0, 300));
    }
  }
  return out.length > 0 ? out : undefined;
}

/** Lighthouse's own line: an audit scoring ≥ 0.9 passes; informative, manual and not-applicable audits never fail. */
function failingAudits(lhr: Result, category: Category): FailingAudit[] {
  const failing: FailingAudit[] = [];
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (!audit || ["informative", "manual", "notApplicable"].includes(audit.scoreDisplayMode)) continue;
    const failed = audit.scoreDisplayMode === "error" || (audit.score !== null && audit.score < 0.9);
    if (!failed) continue;
    const items = describeItems(audit.details);
    failing.push({
      id: audit.id,
      title: audit.title,
      weight: ref.weight,
      score: audit.score,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
      ...(items ? { items } : {}),
    });
  }
  return failing;
}

function consoleErrors(lhr: Result): string[] {
  const details = lhr.audits["errors-in-console"]?.details;
  if (!details || !("items" in details)) return [];
  return (details.items as { description?: string; source?: string }[]).map((i) =>
    `${i.source ?? ""}: ${i.description ?? ""}`.slice(0, 300),
  );
}

async function measure(url: string, preset: Preset, cookie: string | undefined, chromePort: number): Promise<Result> {
  const flags: Flags = {
    port: chromePort,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  };
  const config: Config | undefined = preset === "desktop" ? desktopConfig : undefined;
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, flags, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const failure = result.lhr.runtimeError;
    // A lost trace (NO_NAVSTART, NO_FCP …) happens now and then on a busy machine; Lighthouse's advice is to run again.
    if (failure && attempt < LOST_TRACE_ATTEMPTS) {
      console.log(`  (${url}: ${failure.code}, running again)`);
      continue;
    }
    if (failure) throw new Error(`Lighthouse could not load ${url}: ${failure.code} ${failure.message}`);
    if (result.lhr.finalDisplayedUrl !== url) throw new Error(`${url} ended at ${result.lhr.finalDisplayedUrl} (signed out?)`);
    return result.lhr;
  }
}

const categoryScore = (lhr: Result, c: Category) => (lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100));
const show = (n: number | null) => (n === null ? "–" : String(n));
const mark = (category: Category, n: number | null) => {
  const limit = (THRESHOLDS as Record<string, number | undefined>)[category];
  return limit !== undefined && (n === null || n < limit) ? `**${show(n)}** ✗` : show(n);
};
const slug = (p: string) => p.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";

function markdown(report: {
  when: string;
  machine: string;
  chromium: string;
  lighthouseVersion: string;
  loadAverage: number[];
  results: PageResult[];
  failures: { preset: Preset; path: string; error: string }[];
}): string {
  const { results, failures } = report;
  const setAsideCount = results.reduce((n, r) => n + r.setAside.length, 0);
  const lines = [
    `Lighthouse ${report.lighthouseVersion}, ${report.chromium} (headless), ${report.when.slice(0, 16).replace("T", " ")} UTC on ${report.machine} ` +
      `(load average ${report.loadAverage.join(", ")} at the end). Production build behind the page cache (\`scripts/serve.ts\`), loopback, each page requested once before measuring. ` +
      `Lighthouse's ${[...new Set(results.map((r) => r.preset))].join(" and ")} presets; median of ${RUNS} run${RUNS === 1 ? "" : "s"} per page (performance range of all runs in brackets); ` +
      `${setAsideCount} run${setAsideCount === 1 ? "" : "s"} measured again because Lighthouse's CPU benchmark of the host was ≤ ${SLOW_HOST_BENCHMARK} (other work on the machine). ✗: accessibility < 100 or performance < 90.`,
    "",
    "| Preset | Page | Performance | Accessibility | Best practices | LCP / TBT / CLS | Failing scored audits |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    // Only audits that count towards a score here; unscored diagnostics and insights are listed below the table.
    const failing = CATEGORIES.flatMap((c) =>
      r.failing[c].filter((a) => a.weight > 0).map((a) => `${c === "best-practices" ? "bp" : c.slice(0, 4)}:${a.id}`),
    );
    const [lcp, tbt, cls] = ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"].map(
      (id) => r.metrics[id] ?? null,
    );
    const metrics = `${lcp == null ? "–" : `${(lcp / 1000).toFixed(1)} s`} / ${tbt == null ? "–" : `${Math.round(tbt)} ms`} / ${cls == null ? "–" : cls.toFixed(3)}`;
    const perfValues = r.performanceRuns.filter((n): n is number => n !== null);
    const range = perfValues.length > 1 ? ` (${Math.min(...perfValues)}–${Math.max(...perfValues)})` : "";
    lines.push(
      `| ${r.preset} | \`${r.path}\`${r.signedIn ? " (signed in)" : ""} | ${mark("performance", r.scores.performance)}${range} | ${mark("accessibility", r.scores.accessibility)} | ${show(r.scores["best-practices"])} | ${metrics} | ${failing.length > 0 ? failing.map((f) => `\`${f}\``).join(", ") : "none"} |`,
    );
  }
  for (const f of failures)
    lines.push(`| ${f.preset} | \`${f.path}\` | **not measured** ✗ | – | – | – | ${f.error.replace(/\|/g, "/").slice(0, 160)} |`);
  const diagnostics = new Map<string, string[]>();
  for (const r of results)
    for (const c of CATEGORIES)
      for (const a of r.failing[c].filter((f) => f.weight === 0))
        diagnostics.set(a.id, [...(diagnostics.get(a.id) ?? []), `${r.preset} ${r.path}`]);
  if (diagnostics.size > 0) {
    lines.push(
      "",
      `Unscored diagnostics below 0.9 (median runs): ${[...diagnostics].map(([id, where]) => `\`${id}\` (${where.length === results.length ? "all" : where.join(", ")})`).join("; ")}.`,
    );
  }
  return lines.join("\n");
}

function chromiumVersion(): string {
  const out = spawnSync(CHROME_PATH, ["--version"], { encoding: "utf8" });
  return (
    (out.stdout ?? "")
      .split("\n")
      .find((l) => /\d+\.\d+/.test(l))
      ?.trim() ?? "Chromium"
  );
}

/** Starts Chromium with a throwaway profile and a DevTools port for Lighthouse to drive. */
async function launchChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lighthouse-chromium-"));
  // Its own process group (detached), so stopping it also stops the helper processes it started.
  const chrome: ChildProcess = spawn(
    CHROME_PATH,
    [...CHROME_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"], detached: true },
  );
  const exited = () => chrome.exitCode !== null || chrome.signalCode !== null;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (chrome.pid) process.kill(-chrome.pid, signal);
    } catch {
      // the group has already gone
    }
  };
  const onExit = () => signalGroup("SIGKILL");
  process.on("exit", onExit);
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        try {
          // Chromium's helpers can still be writing to the profile for a moment after it exits.
          fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        } catch (error) {
          console.warn(`Could not remove Chromium's temporary profile ${profile}: ${error instanceof Error ? error.message : error}`);
        }
        resolve();
      };
      process.off("exit", onExit);
      if (exited()) {
        signalGroup("SIGKILL");
        return done();
      }
      chrome.once("exit", () => {
        signalGroup("SIGKILL");
        setTimeout(done, 200);
      });
      signalGroup("SIGTERM");
    });
  const port = await new Promise<number>((resolve, reject) => {
    let stderr = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not open a DevTools port within 30 s:\n${stderr}`)), 30_000);
    const onData = (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        chrome.stderr!.off("data", onData);
        chrome.stderr!.resume();
        resolve(Number(match[1]));
      }
    };
    chrome.stderr!.on("data", onData);
    chrome.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before opening a DevTools port:\n${stderr}`));
    });
  });
  return { port, stop };
}

async function main() {
  const presets = PRESETS.filter(isPreset);
  if (presets.length === 0 || presets.length !== PRESETS.length)
    throw new Error(`LIGHTHOUSE_PRESETS must list desktop and/or mobile, not "${PRESETS.join(",")}"`);
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("LIGHTHOUSE_RUNS must be a whole number ≥ 1");
  if (!fs.existsSync(CHROME_PATH))
    throw new Error(`Chromium was not found at ${CHROME_PATH}: apt-get install -y chromium, or set CHROME_PATH.`);
  fs.rmSync(reportsDir, { recursive: true, force: true });
  fs.mkdirSync(reportsDir, { recursive: true });

  console.log("1/3 Benchmark database (published data, a 200-action plan, a signed-in team manager) …");
  const db = await prepareBenchDatabase();

  console.log("2/3 Production build …");
  buildForProduction();

  const allPages: { path: string; cookie?: string }[] = [
    { path: "/" },
    { path: "/la/330" },
    { path: "/risk", cookie: db.analystCookie }, // analysts only (decision 0017)
    { path: "/risk/method" },
    { path: "/about/data" },
    { path: `/la/${db.planLa}/plan`, cookie: db.managerCookie },
  ];
  const pages = ONLY_PAGES
    ? allPages.filter((p) => ONLY_PAGES.includes(p.path) || (p.path.endsWith("/plan") && ONLY_PAGES.includes("plan")))
    : allPages;

  console.log(
    `3/3 Lighthouse (${presets.join(", ")}; ${RUNS} run${RUNS === 1 ? "" : "s"} each) on ${pages.map((p) => p.path).join(", ")} …`,
  );
  const server = await startAppServer({ port: PORT, databaseUrl: db.url, pageCache: true });
  const results: PageResult[] = [];
  const failures: { preset: Preset; path: string; error: string }[] = [];
  let lighthouseVersion = "";
  try {
    for (const page of pages) {
      // Fill the page cache (and the data snapshots) for this viewer, and check the page answers.
      const warm = await fetch(`${server.base}${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {} });
      await warm.text();
      if (warm.status !== 200) throw new Error(`${page.path} answered ${warm.status} before Lighthouse ran`);
    }
    for (const preset of presets) {
      for (const page of pages) {
        const runs: Result[] = [];
        const setAside: PageResult["setAside"] = [];
        // A fresh browser (and profile) for each page and preset, so one page's state cannot affect the next.
        const chrome = await launchChromium();
        try {
          for (let run = 1; run <= RUNS; run++) {
            for (let attempt = 1; ; attempt++) {
              const lhr = await measure(`${server.base}${page.path}`, preset, page.cookie, chrome.port);
              lighthouseVersion = lhr.lighthouseVersion;
              const benchmark = lhr.environment.benchmarkIndex;
              // Lighthouse's own line for a host too slow to trust its simulated throttling (it warns at ≤ 1000).
              // On this shared machine that means other work had the CPU: wait, and measure again.
              if (benchmark <= SLOW_HOST_BENCHMARK && attempt <= SLOW_HOST_RETRIES) {
                setAside.push({ run, benchmarkIndex: Math.round(benchmark), performance: categoryScore(lhr, "performance") });
                await new Promise((r) => setTimeout(r, SLOW_HOST_PAUSE_MS));
                continue;
              }
              fs.writeFileSync(path.join(reportsDir, `${preset}-${slug(page.path)}-${run}.json`), JSON.stringify(lhr));
              runs.push(lhr);
              break;
            }
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          failures.push({ preset, path: page.path, error: message });
          console.error(`  ${preset.padEnd(7)} ${page.path.padEnd(14)} could not be measured: ${message}`);
          continue;
        } finally {
          await chrome.stop();
        }
        const median = computeMedianRun(runs);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categoryScore(median, c)])) as PageResult["scores"];
        results.push({
          preset,
          path: page.path,
          signedIn: Boolean(page.cookie),
          scores,
          performanceRuns: runs.map((r) => categoryScore(r, "performance")),
          benchmarkIndexes: runs.map((r) => r.environment.benchmarkIndex),
          medianRun: runs.indexOf(median) + 1,
          setAside,
          metrics: Object.fromEntries(METRICS.map((id) => [id, median.audits[id]?.numericValue ?? null])),
          failing: Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(median, c)])) as PageResult["failing"],
          runWarnings: median.runWarnings,
          consoleErrors: consoleErrors(median),
        });
        console.log(
          `  ${preset.padEnd(7)} ${page.path.padEnd(14)} perf ${show(scores.performance)} [${runs.map((r) => show(categoryScore(r, "performance"))).join(", ")}] · a11y ${show(scores.accessibility)} · bp ${show(scores["best-practices"])}` +
            ` · CPU benchmark ${runs.map((r) => Math.round(r.environment.benchmarkIndex)).join(", ")}${setAside.length > 0 ? ` (${setAside.length} run${setAside.length === 1 ? "" : "s"} on a busy CPU measured again)` : ""}`,
        );
      }
    }
  } finally {
    await server.stop();
  }

  const report = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    chromium: chromiumVersion(),
    lighthouseVersion,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
    presets,
    runsPerPage: RUNS,
    thresholds: THRESHOLDS,
    gatedPresets: [...GATED],
    results,
    failures,
  };
  fs.writeFileSync(path.join(resultsDir, "lighthouse.json"), JSON.stringify(report, null, 2));
  console.log(`\n${markdown(report)}\n`);
  for (const f of failures) console.log(`Not measured: ${f.preset} ${f.path} — ${f.error}`);

  const details = results.flatMap((r) =>
    CATEGORIES.flatMap((c) =>
      r.failing[c].map(
        (a) =>
          `- ${r.preset} ${r.path} · ${c} · ${a.id}${a.weight > 0 ? "" : " (unscored)"}: ${a.title}${a.displayValue ? `, ${a.displayValue}` : ""}${a.items ? `\n${a.items.map((i) => `    ${i}`).join("\n")}` : ""}`,
      ),
    ),
  );
  if (details.length > 0) console.log(`Failing audits (median runs):\n${details.join("\n")}\n`);
  const errors = results.flatMap((r) => r.consoleErrors.map((e) => `- ${r.preset} ${r.path}: ${e}`));
  if (errors.length > 0) console.log(`Browser console errors:\n${errors.join("\n")}\n`);
  const warnings = [...new Set(results.flatMap((r) => r.runWarnings.map((w) => `- ${r.preset} ${r.path}: ${w}`)))];
  if (warnings.length > 0) console.log(`Lighthouse warnings:\n${warnings.join("\n")}\n`);
  console.log("Full results: bench-results/lighthouse.json and bench-results/lighthouse/");

  const below = results.filter(
    (r) => (r.scores.accessibility ?? 0) < THRESHOLDS.accessibility || (r.scores.performance ?? 0) < THRESHOLDS.performance,
  );
  // Accessibility must be 100 on every preset; performance must be 90 on the gated ones.
  const gatedBelow = below.filter((r) => (r.scores.accessibility ?? 0) < THRESHOLDS.accessibility || GATED.has(r.preset));
  if (failures.length > 0) process.exitCode = 1;
  if (below.length > 0) {
    console.error(
      `Below accessibility ${THRESHOLDS.accessibility} or performance ${THRESHOLDS.performance}: ${below.map((r) => `${r.preset} ${r.path}`).join(", ")}`,
    );
  }
  if (gatedBelow.length > 0) process.exitCode = 1;
  else if (below.length > 0)
    console.error(
      `(performance reported only: its gate is the ${[...GATED].join(", ")} preset; LIGHTHOUSE_GATE=desktop,mobile, the default, gates both)`,
    );
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
