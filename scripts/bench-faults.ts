// npm run bench:faults — the fault tests of issue 8 (part 3), on loopback against a production build.
//
// 1. Database restart under load. The app (startApp: scripts/serve.ts, the production server, as
//    `npm start` runs it) serves the LA pages to BENCH_CONNECTIONS (8) clients in a loop. After a few
//    seconds PostgreSQL is stopped (pg_ctl stop -m fast) for BENCH_OUTAGE_SECONDS (5) and started
//    again. Every response is recorded (status, time, and what its body is). During the outage a
//    response may be a 5xx, but it must be the app's own "Sorry, there is a problem with the service"
//    page, with no stack trace or database text. Next.js renders error boundaries only in the browser:
//    when a page fails on the server it sends a 500 whose HTML is an empty "__next_error__" document
//    carrying the page's payload, and the browser then shows app/error.tsx in the layout. So each
//    body must be that document (checked for leaks) or the page itself, and a real browser (Debian's
//    Chromium) loads a page during the outage to check what a person sees, then tries again ("Try
//    again", or a reload of the front server's plain error page, lib/page-cache/fallback-pages.ts)
//    once the database is back. Then: time from PostgreSQL accepting connections again to the first
//    200, and to the point after which every response is a 200 — with no restart of the app.
//    Target: within 10 s.
// 1b. Database frozen under load (issue 14): the same load, then every PostgreSQL process is stopped
//    with SIGSTOP for BENCH_FREEZE_SECONDS (15) — it hangs instead of refusing: connections are
//    accepted and nothing answers — and continued with SIGCONT. Records how long requests waited for
//    an answer during the freeze (target: the error page within 15 s; the connect and statement
//    timeouts of lib/core/env.ts decide it), that every failure was the app's error page, and the time
//    from SIGCONT until every response is a 200 again, with no restart.
// 2. An import killed halfway. A synthetic newer release (every published figure revised, plus a
//    2025 year) is imported by `tsx scripts/import.ts` (the real command); when its transaction has
//    written values (pg_stat_activity shows its second batch of indicator_value inserts running) the
//    process group is killed with SIGKILL. The database must still hold the previous complete release:
//    same release list, same row counts, same checksum of every value — and no lock left behind.
//
// Uses its own database (csc_faults) on the embedded server, so the app's own data is never touched;
// needs the embedded database (it stops and starts that server), so DATABASE_URL must not be set.
// BENCH_SKIP_BUILD=1 skips `next build`; BENCH_PORT (3643); BENCH_FREEZE_SECONDS (15); BENCH_SERVER=next-start for plain `next start`.
// Results: printed, and written to bench-results/faults.json (git-ignored). Exit 1 if a check fails.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Browser } from "@playwright/test";
import pg from "pg";
import { embeddedDir, projectRoot, startEmbedded, stopEmbedded } from "../lib/core/db/embedded";
import { currentLaNumbers } from "./bench/fixtures";
import { percentile, round, waitForServer } from "./bench/load";
import { buildForProduction, startAppServer } from "./bench/server";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium";
import { prepareDatabase } from "./db";
import { DEFAULT_DATA_FOLDER, runImport } from "./import";
import { now } from "../lib/core/clock";

const PORT = Number(process.env.BENCH_PORT ?? 3643);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const OUTAGE_SECONDS = Number(process.env.BENCH_OUTAGE_SECONDS ?? 5);
const FREEZE_SECONDS = Number(process.env.BENCH_FREEZE_SECONDS ?? 15);
const RECOVERY_TARGET_MS = 10_000;
/** With the database frozen, a request is answered (the error page) within this. */
const FREEZE_ANSWER_TARGET_MS = 15_000;
const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── Starting the app (the one place to change when the production server changes) ─────────────

type RunningApp = { base: string; label: string; stop: () => Promise<void> };

async function startApp(databaseUrl: string): Promise<RunningApp> {
  if (process.env.BENCH_SERVER === "next-start") {
    const server = spawn(bin("next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(server, base);
    return { base, label: "next start", stop: async () => void server.kill("SIGTERM") };
  }
  const pageCache = process.env.PAGE_CACHE !== "off";
  const app = await startAppServer({ port: PORT, databaseUrl, pageCache });
  return { base: app.base, label: `scripts/serve.ts (page cache ${pageCache ? "on" : "off"})`, stop: app.stop };
}

// ── 1. PostgreSQL restart under load ──────────────────────────────────────────────────────────────

/** What a response body is. */
type BodyKind = "page" | "app-error-page" | "next-error-document" | "not-found-page" | "other";
type Sample = { sentAt: number; doneAt: number; path: string; status: number; kind: BodyKind; leak: string | null; snippet: string };

/** A stack trace, a source path, or database/driver text: never in a response. */
const LEAK =
  /\n\s+at [\w.<>$]+ \(|node_modules|webpack-internal|PrismaClient|DriverAdapterError|ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|the database system is|could not connect|SQLSTATE|invalid input syntax|Can't reach database|at async /;
const APP_ERROR = "Sorry, there is a problem with the service";

function classify(status: number, body: string): { kind: BodyKind; leak: string | null } {
  const leak = LEAK.exec(body)?.[0] ?? null;
  if (body.includes(APP_ERROR)) return { kind: "app-error-page", leak };
  // Next.js's document for a page that failed on the server: the browser renders app/error.tsx into it.
  if (status >= 500 && body.startsWith('<!DOCTYPE html><html id="__next_error__">')) return { kind: "next-error-document", leak };
  if (status === 404 && body.includes("Page not found")) return { kind: "not-found-page", leak };
  if (status === 200 && body.includes("govuk-header")) return { kind: "page", leak };
  return { kind: "other", leak };
}

/** BENCH_CONNECTIONS clients requesting `paths` in a loop until stopped; every response recorded. */
function startLoad(base: string, paths: string[], t0: number) {
  const samples: Sample[] = [];
  let stopped = false;
  let next = 0;
  const client = async () => {
    while (!stopped) {
      const p = paths[next++ % paths.length]!;
      const sentAt = performance.now() - t0;
      let status = 0;
      let body = "";
      try {
        const res = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(30_000), redirect: "manual" });
        status = res.status;
        body = await res.text();
      } catch (error) {
        body = `request failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      const { kind, leak } = classify(status, body);
      samples.push({
        sentAt,
        doneAt: performance.now() - t0,
        path: p,
        status,
        kind,
        leak,
        snippet: kind === "page" ? "" : body.replace(/\s+/g, " ").slice(0, 200),
      });
    }
  };
  const clients = Array.from({ length: CONNECTIONS }, client);
  return {
    samples,
    stop: async () => {
      stopped = true;
      await Promise.all(clients);
    },
  };
}

/** Polls a fresh connection until PostgreSQL accepts it; returns when it did (ms since t0). */
async function waitUntilAccepting(url: string, t0: number): Promise<number> {
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("select 1");
      return performance.now() - t0;
    } catch {
      await sleep(20);
    } finally {
      await client.end().catch(() => {});
    }
  }
}

const byStatus = (samples: Sample[]) =>
  samples.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {});

/** What a person sees: the visible heading and text of a page in a real browser. */
async function seen(browser: Browser, base: string, pathname: string) {
  const page = await browser.newPage();
  try {
    const res = await page.goto(`${base}${pathname}`, { waitUntil: "load" });
    await page.locator("h1").first().waitFor({ timeout: 15_000 });
    const text = await page.locator("body").innerText();
    return {
      page,
      status: res?.status() ?? 0,
      heading: (await page.locator("h1").first().innerText()).trim(),
      leak: LEAK.exec(text)?.[0] ?? null,
    };
  } catch (error) {
    await page.close();
    throw error;
  }
}

/** Lets the load run on until every response has been a 200 for 5 s since `from` (or 60 s have passed); times from `t0`. */
async function untilAllOk(load: { samples: { status: number; doneAt: number }[] }, t0: number, from: number): Promise<void> {
  const deadline = from + 60_000;
  for (;;) {
    await sleep(250);
    const now = performance.now() - t0;
    const lastBad = Math.max(from, ...load.samples.filter((s) => s.status !== 200).map((s) => s.doneAt));
    if (now - lastBad >= 5_000 || now > deadline) return;
  }
}

async function databaseRestartUnderLoad(url: string) {
  const las = await currentLaNumbers(url);
  const paths = las.map((la) => `/la/${la}`);
  const app = await startApp(url);
  const { chromium } = await import("@playwright/test"); // only here: the kill-import helpers are imported by a Vitest test
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const p of paths.slice(0, 20)) await (await fetch(`${app.base}${p}`)).text(); // warm
    const t0 = performance.now();
    const load = startLoad(app.base, paths, t0);
    await sleep(4_000);

    const stopAt = performance.now() - t0;
    stopEmbedded("fast");
    const downAt = performance.now() - t0;
    // What a person sees during the outage (a page not served before, so nothing cached answers it).
    const inBrowser = await seen(browser, app.base, "/la/330?indicator=turnover_rate_fte&comparator=mean");
    const outageView = { status: inBrowser.status, heading: inBrowser.heading, leak: inBrowser.leak };
    await sleep(Math.max(0, OUTAGE_SECONDS * 1000 - (performance.now() - t0 - downAt)));
    const startAt = performance.now() - t0;
    await startEmbedded(() => {});
    const upAt = await waitUntilAccepting(url, t0);

    await untilAllOk(load, t0, upAt);
    await load.stop();
    const end = performance.now() - t0;
    // The same browser tab, once the database is back: trying again brings the page back — the
    // "Try again" button of app/error.tsx, or a reload of the front server's plain error page (sent
    // when the app could not render a cacheable page; it has no script, so no button).
    const tryAgain = inBrowser.page.getByRole("button", { name: "Try again" });
    if ((await tryAgain.count()) > 0) await tryAgain.click();
    else await inBrowser.page.reload();
    await inBrowser.page.locator("h1", { hasNotText: APP_ERROR }).first().waitFor({ timeout: 15_000 });
    const afterRetry = (await inBrowser.page.locator("h1").first().innerText()).trim();
    const samples = [...load.samples].sort((a, b) => a.doneAt - b.doneAt);
    const before = samples.filter((s) => s.doneAt < stopAt);
    const during = samples.filter((s) => s.doneAt >= stopAt && s.sentAt < upAt);
    const after = samples.filter((s) => s.sentAt >= upAt);
    const failures = samples.filter((s) => s.status !== 200);
    const lastFailure = failures.at(-1);
    // Both by completion time, from the moment PostgreSQL accepted a connection again.
    const firstOk = samples.find((s) => s.status === 200 && s.doneAt >= upAt);
    const lastBad = Math.max(upAt, lastFailure?.doneAt ?? upAt);
    const firstOfAllOk = samples.find((s) => s.status === 200 && s.doneAt >= lastBad);
    const latencies = (list: Sample[]) => {
      const sorted = list.map((s) => s.doneAt - s.sentAt).sort((a, b) => a - b);
      return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? Number.NaN) };
    };
    // Next.js's error document counts as a failure here: it shows nothing without JavaScript, and the
    // page cache answers every page it fronts that fails with the plain error page instead.
    const notAppPage = failures.filter((s) => s.kind !== "app-error-page");
    const leaks = samples.filter((s) => s.leak !== null);
    const kinds = (list: Sample[]) => list.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {});
    // The same process still answers (nothing restarts it: a crash would leave the port closed).
    // Responses by status per second (by completion time), around the outage.
    const timeline: Record<string, Record<string, number>> = {};
    for (const s of samples) {
      const second = String(Math.floor(s.doneAt / 1000));
      timeline[second] ??= {};
      timeline[second]![s.status] = (timeline[second]![s.status] ?? 0) + 1;
    }
    const alive = await fetch(`${app.base}/about/data`).then(
      (r) => r.ok,
      () => false,
    );
    return {
      server: app.label,
      connections: CONNECTIONS,
      pages: `${paths.length} LA dashboards (/la/[code]) in turn`,
      timelineMs: {
        postgresStopRequested: round(stopAt),
        postgresDown: round(downAt),
        postgresStartRequested: round(startAt),
        postgresAcceptingConnections: round(upAt),
        end: round(end),
      },
      before: { requests: before.length, byStatus: byStatus(before), latencyMs: latencies(before) },
      duringOutage: {
        requests: during.length,
        byStatus: byStatus(during),
        bodies: kinds(during),
        latencyMs: latencies(during),
        examples: [
          ...new Map(
            during
              .filter((s) => s.status !== 200)
              .map((s) => [`${s.status} ${s.kind}`, { status: s.status, kind: s.kind, body: s.snippet }]),
          ).values(),
        ].slice(0, 4),
      },
      afterRestart: { requests: after.length, byStatus: byStatus(after), latencyMs: latencies(after) },
      failedResponsesNotTheAppErrorPage: notAppPage.length,
      notTheAppErrorPageExamples: notAppPage.slice(0, 3).map((s) => ({ status: s.status, path: s.path, body: s.snippet })),
      responsesLeakingInternals: leaks.length,
      leakExamples: leaks.slice(0, 3).map((s) => ({ status: s.status, leak: s.leak, body: s.snippet })),
      firstOkAfterAcceptingMs: firstOk ? round(firstOk.doneAt - upAt) : null,
      /** the first 200 after which every response was a 200 (the run went on for 5 s of them) */
      allOkAfterAcceptingMs: firstOfAllOk ? round(firstOfAllOk.doneAt - upAt) : null,
      lastFailedResponseAtMs: lastFailure ? round(lastFailure.doneAt) : null,
      recoveryTargetMs: RECOVERY_TARGET_MS,
      appStayedUp: alive,
      browser: { duringOutage: outageView, headingAfterTryAgain: afterRetry },
      responsesPerSecond: timeline,
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}

// ── 1b. PostgreSQL frozen (hangs instead of refusing) under load ──────────────────────────────────

/** The postmaster and its backends (SIGSTOP on all of them: the kernel still accepts connections, nothing answers). */
function postgresPids(): number[] {
  const postmaster = Number(fs.readFileSync(path.join(embeddedDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" })
    .stdout.split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children];
}

function signalPostgres(signal: "SIGSTOP" | "SIGCONT", pids: number[]) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* a backend that ended meanwhile */
    }
  }
}

async function databaseFreezeUnderLoad(url: string) {
  const las = await currentLaNumbers(url);
  const paths = las.map((la) => `/la/${la}`);
  const app = await startApp(url);
  let frozen: number[] = [];
  try {
    for (const p of paths.slice(0, 20)) await (await fetch(`${app.base}${p}`)).text(); // warm: connections open in every pool
    const t0 = performance.now();
    const load = startLoad(app.base, paths, t0);
    await sleep(4_000);
    frozen = postgresPids();
    const frozenAt = performance.now() - t0;
    signalPostgres("SIGSTOP", frozen);
    // A page outside the page cache and a CSV download during the freeze, on their own.
    const timed = async (p: string) => {
      const started = performance.now();
      const res = await fetch(`${app.base}${p}`, { signal: AbortSignal.timeout(120_000) });
      const body = await res.text();
      return { path: p, status: res.status, ms: round(performance.now() - started), kind: classify(res.status, body).kind };
    };
    const uncached = await Promise.all([timed("/sign-in"), timed("/la/330/csv/trend")]);
    await sleep(Math.max(0, FREEZE_SECONDS * 1000 - (performance.now() - t0 - frozenAt)));
    const thawedAt = performance.now() - t0;
    signalPostgres("SIGCONT", frozen);
    frozen = [];
    await untilAllOk(load, t0, thawedAt);
    await load.stop();
    const samples = [...load.samples].sort((a, b) => a.doneAt - b.doneAt);
    // Requests sent while the database was frozen and answered before it was thawed: how long a person waited.
    const during = samples.filter((s) => s.sentAt >= frozenAt && s.doneAt < thawedAt);
    const waits = during.map((s) => s.doneAt - s.sentAt).sort((a, b) => a - b);
    const failures = samples.filter((s) => s.status !== 200);
    const lastBad = Math.max(thawedAt, failures.at(-1)?.doneAt ?? thawedAt);
    const firstOfAllOk = samples.find((s) => s.status === 200 && s.doneAt >= lastBad);
    const heldOver = samples.filter((s) => s.sentAt < thawedAt && s.doneAt >= thawedAt);
    return {
      freezeSeconds: FREEZE_SECONDS,
      processesStopped: postgresPids().length,
      duringFreeze: {
        requests: during.length,
        byStatus: byStatus(during),
        bodies: during.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.kind]: (acc[s.kind] ?? 0) + 1 }), {}),
        timeToAnswerMs: { p50: round(percentile(waits, 50)), p95: round(percentile(waits, 95)), max: round(waits.at(-1) ?? Number.NaN) },
      },
      uncachedDuringFreeze: uncached,
      /** requests still waiting when the database was thawed (held for the whole freeze if no timeout cut them off) */
      heldAcrossThaw: heldOver.length,
      failedResponsesNotTheAppErrorPage: failures.filter((s) => s.kind !== "app-error-page").length,
      responsesLeakingInternals: samples.filter((s) => s.leak !== null).length,
      allOkAfterThawMs: firstOfAllOk ? round(firstOfAllOk.doneAt - thawedAt) : null,
    };
  } finally {
    if (frozen.length > 0) signalPostgres("SIGCONT", frozen);
    await app.stop();
  }
}

// ── 2. An import killed halfway ───────────────────────────────────────────────────────────────────

const TIDY = [
  "csww_indicators_2017_to_2024.csv",
  "b1_children_in_need_2013_to_2024.csv",
  "c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv",
  "d3_cpps_subsequent_plan_2013_to_2024.csv",
  "ons_mid-year_population_estimates_2012_to_2024.csv",
];
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A newer release of the five DfE files: every published number revised (whole numbers +1, decimals
 * +0.1) and the newest year repeated as 2025. Returns the number of files and data rows written.
 */
export function writeSyntheticRelease(folder: string, files: readonly string[] = TIDY): { files: number; rows: number } {
  fs.mkdirSync(folder, { recursive: true });
  let rows = 0;
  for (const name of files) {
    const records = parse(fs.readFileSync(path.join(DEFAULT_DATA_FOLDER, name), "utf8").replace(/^\uFEFF/, "")) as string[][];
    const [header, ...data] = records as [string[], ...string[][]];
    const period = header.indexOf("time_period");
    const revise = (cell: string, i: number) => {
      if (i < 10 || !/^\d+(\.\d+)?$/.test(cell)) return cell;
      const decimals = cell.split(".")[1]?.length ?? 0;
      return decimals === 0 ? String(Number(cell) + 1) : (Number(cell) + 0.1).toFixed(decimals);
    };
    const revised = data.map((r) => r.map(revise));
    const newest = Math.max(...data.map((r) => Number(r[period])));
    const added = revised.filter((r) => Number(r[period]) === newest).map((r) => r.map((c, i) => (i === period ? "2025" : c)));
    const out = [header, ...added, ...revised];
    rows += out.length - 1;
    fs.writeFileSync(
      path.join(folder, name.replace(/_\d{4}_to_\d{4}\.csv$/, "_revised_to_2025.csv")),
      out.map((r) => r.map(quote).join(",")).join("\n") + "\n",
    );
  }
  return { files: files.length, rows };
}

type ReleaseFingerprint = { releases: string[]; counts: Record<string, number>; checksums: Record<string, string> };

/** Every table the importer writes (tests/integration/fuzz-import.test.ts watches the same ones). */
export const DATA_TABLES = [
  "data_release",
  "indicator",
  "indicator_value",
  "indicator_value_revision",
  "region",
  "local_authority",
  "la_code",
  "la_name",
  "boundary_change",
  "boundary_change_link",
  "joint_return",
  "joint_return_member",
  "statistical_neighbour",
  "neighbour_model",
  "inspection",
  "ofsted_position",
];

/** The release list, the row count of every data table, and an md5 of every row (values included). */
export async function releaseFingerprint(url: string): Promise<ReleaseFingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const releases = (
      await client.query<{ r: string }>(
        `select id || ' ' || series || ' ' || sha256 || ' ' || "fileName" as r from data_release order by id`,
      )
    ).rows.map((x) => x.r);
    const counts: Record<string, number> = {};
    const checksums: Record<string, string> = {};
    for (const table of DATA_TABLES) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `select count(*) as n, md5(string_agg(t::text, ',' order by t::text)) as md5 from "${table}" t`,
      );
      counts[table] = Number(rows[0]!.n);
      checksums[table] = rows[0]!.md5 ?? "";
    }
    return { releases, counts, checksums };
  } finally {
    await client.end();
  }
}

type KillResult = {
  /** from starting `tsx scripts/import.ts` to SIGKILL */
  killedAfterMs: number;
  /** distinct indicator_value insert statements the import's transaction had started when killed */
  insertBatchesSeen: number;
  /** from SIGKILL until PostgreSQL had ended the import's session (and rolled its transaction back) */
  sessionGoneAfterMs: number;
  importerOutput: string;
};

/**
 * Runs `tsx scripts/import.ts <folder>` against `url` and SIGKILLs its whole process group once its
 * transaction has written values: pg_stat_activity shows the session holding a transaction id and
 * running its `batches`-th indicator_value insert. Throws if the import ends before that.
 */
export async function killImportHalfway(url: string, folder: string, batches = 2): Promise<KillResult> {
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  const observer = new pg.Client({ connectionString: url });
  await observer.connect();
  const started = performance.now();
  const child: ChildProcess = spawn(bin("tsx"), ["scripts/import.ts", folder], {
    cwd: projectRoot,
    detached: true, // its own process group: tsx runs the script in a child node process
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url },
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    const seen = new Set<string>();
    let pid: number | null = null;
    while (seen.size < batches) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the import ended before it could be killed (exit ${child.exitCode}):\n${output}`);
      const { rows } = await observer.query<{ pid: number; query_start: Date; wrote: boolean }>(
        `select pid, query_start, backend_xid is not null as wrote from pg_stat_activity
          where datname = $1 and pid <> pg_backend_pid() and state = 'active' and query ilike 'insert into indicator_value%'`,
        [database],
      );
      for (const r of rows) {
        if (!r.wrote) continue;
        pid = r.pid;
        seen.add(r.query_start.toISOString());
      }
      if (seen.size < batches) await sleep(5);
    }
    process.kill(-child.pid!, "SIGKILL");
    const killedAt = performance.now();
    await exited;
    // PostgreSQL notices the closed socket when the running statement ends, then rolls back.
    for (;;) {
      const { rowCount } = await observer.query(`select 1 from pg_stat_activity where pid = $1`, [pid]);
      if (rowCount === 0) break;
      if (performance.now() - killedAt > 60_000) throw new Error(`session ${pid} still there 60 s after the kill`);
      await sleep(10);
    }
    return {
      killedAfterMs: round(killedAt - started),
      insertBatchesSeen: seen.size,
      sessionGoneAfterMs: round(performance.now() - killedAt),
      importerOutput: output,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    await observer.end();
  }
}

/** Whether the importer's advisory lock (run-import.ts) is free. */
export async function importLockFree(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ free: boolean }>("select pg_try_advisory_lock(72707370) as free");
    if (rows[0]!.free) await client.query("select pg_advisory_unlock(72707370)");
    return rows[0]!.free;
  } finally {
    await client.end();
  }
}

async function importKilledHalfway(url: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "csc-faults-release-"));
  try {
    const release = writeSyntheticRelease(folder);
    const before = await releaseFingerprint(url);
    const kill = await killImportHalfway(url, folder, 3);
    const after = await releaseFingerprint(url);
    const changedTables = DATA_TABLES.filter((t) => before.checksums[t] !== after.checksums[t] || before.counts[t] !== after.counts[t]);
    return {
      syntheticRelease: { ...release, values: "every published number revised, plus 2025 rows" },
      killedAfterMs: kill.killedAfterMs,
      insertBatchesStartedWhenKilled: kill.insertBatchesSeen,
      sessionGoneAfterKillMs: kill.sessionGoneAfterMs,
      releasesBefore: before.releases.length,
      releasesAfter: after.releases.length,
      sameReleaseList: JSON.stringify(before.releases) === JSON.stringify(after.releases),
      rowCounts: after.counts,
      changedTables,
      indicatorValueChecksum: { before: before.checksums.indicator_value, after: after.checksums.indicator_value },
      importLockFree: await importLockFree(url),
    };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// ── Main ──────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  if (process.env.DATABASE_URL) throw new Error("bench:faults stops and starts the embedded PostgreSQL: run it without DATABASE_URL.");
  const url = await prepareDatabase("csc_faults");
  await runImport(DEFAULT_DATA_FOLDER, url);
  buildForProduction();

  console.log(`\n1. PostgreSQL stopped for ${OUTAGE_SECONDS} s under load (${CONNECTIONS} clients) …`);
  const restart = await databaseRestartUnderLoad(url);
  console.log(`1b. PostgreSQL frozen (SIGSTOP) for ${FREEZE_SECONDS} s under load …`);
  const freeze = await databaseFreezeUnderLoad(url);
  console.log("2. An import killed halfway …");
  const kill = await importKilledHalfway(url);

  const result = {
    when: now().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
    databaseRestart: restart,
    databaseFreeze: freeze,
    importKilled: kill,
  };
  fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
  fs.writeFileSync(path.join(projectRoot, "bench-results/faults.json"), JSON.stringify(result, null, 2));

  const problems: string[] = [];
  if (restart.failedResponsesNotTheAppErrorPage > 0)
    problems.push(`${restart.failedResponsesNotTheAppErrorPage} failed responses were not the app's error page`);
  if (restart.responsesLeakingInternals > 0) problems.push(`${restart.responsesLeakingInternals} responses showed internals`);
  if (restart.allOkAfterAcceptingMs === null || restart.allOkAfterAcceptingMs > RECOVERY_TARGET_MS)
    problems.push(`recovery took ${restart.allOkAfterAcceptingMs ?? "longer than the run"} ms (target ${RECOVERY_TARGET_MS} ms)`);
  if (!restart.appStayedUp) problems.push("the app stopped answering");
  if (restart.browser.duringOutage.heading !== APP_ERROR || restart.browser.duringOutage.leak)
    problems.push(`a browser saw "${restart.browser.duringOutage.heading}" during the outage`);
  if (restart.browser.headingAfterTryAgain !== "Birmingham")
    problems.push(`"Try again" after the outage showed "${restart.browser.headingAfterTryAgain}"`);
  if (freeze.failedResponsesNotTheAppErrorPage > 0)
    problems.push(`${freeze.failedResponsesNotTheAppErrorPage} failed responses during the freeze were not the app's error page`);
  if (freeze.responsesLeakingInternals > 0)
    problems.push(`${freeze.responsesLeakingInternals} responses during the freeze showed internals`);
  if (!(freeze.duringFreeze.timeToAnswerMs.max <= FREEZE_ANSWER_TARGET_MS))
    problems.push(`during the freeze a request waited ${freeze.duringFreeze.timeToAnswerMs.max} ms (target ${FREEZE_ANSWER_TARGET_MS} ms)`);
  if (freeze.allOkAfterThawMs === null || freeze.allOkAfterThawMs > RECOVERY_TARGET_MS)
    problems.push(`recovery after the freeze took ${freeze.allOkAfterThawMs ?? "longer than the run"} ms`);
  if (!kill.sameReleaseList || kill.changedTables.length > 0)
    problems.push(`the killed import changed ${kill.changedTables.join(", ") || "the release list"}`);
  if (!kill.importLockFree) problems.push("the killed import left its lock behind");

  const d = restart.duringOutage;
  console.log(`\n${result.machine}; load average ${result.loadAverageAtEnd.join(", ")}`);
  console.log(`Server: ${restart.server}, ${restart.connections} clients on ${restart.pages}`);
  console.log(
    `Before the outage: ${restart.before.requests} requests ${JSON.stringify(restart.before.byStatus)}, p50 ${restart.before.latencyMs.p50} ms`,
  );
  console.log(
    `During the outage (${OUTAGE_SECONDS} s down): ${d.requests} requests ${JSON.stringify(d.byStatus)}, bodies ${JSON.stringify(d.bodies)}, p50 ${d.latencyMs.p50} ms, max ${d.latencyMs.max} ms`,
  );
  console.log(
    `  failed responses that were not the app's error page: ${restart.failedResponsesNotTheAppErrorPage}; responses showing internals: ${restart.responsesLeakingInternals}`,
  );
  console.log(
    `  in Chromium during the outage: HTTP ${restart.browser.duringOutage.status}, heading "${restart.browser.duringOutage.heading}"; after "Try again" once it was back: "${restart.browser.headingAfterTryAgain}"`,
  );
  console.log(
    `After PostgreSQL accepted connections again: first 200 after ${restart.firstOkAfterAcceptingMs} ms, every response 200 from ${restart.allOkAfterAcceptingMs} ms (target ≤ ${RECOVERY_TARGET_MS} ms); ${restart.afterRestart.requests} requests since, ${JSON.stringify(restart.afterRestart.byStatus)}; the app was not restarted`,
  );
  const f = freeze.duringFreeze;
  console.log(
    `PostgreSQL frozen ${FREEZE_SECONDS} s (SIGSTOP, ${freeze.processesStopped} processes): ${f.requests} requests answered during it ${JSON.stringify(f.byStatus)}, bodies ${JSON.stringify(f.bodies)}; ` +
      `time to answer p50 ${f.timeToAnswerMs.p50} ms, p95 ${f.timeToAnswerMs.p95} ms, max ${f.timeToAnswerMs.max} ms (target ≤ ${FREEZE_ANSWER_TARGET_MS} ms); ` +
      `${freeze.uncachedDuringFreeze.map((u) => `${u.path} ${u.status} ${u.kind} in ${u.ms} ms`).join(", ")}; every response 200 again ${freeze.allOkAfterThawMs} ms after SIGCONT`,
  );
  console.log(
    `Import killed halfway: SIGKILL ${kill.killedAfterMs} ms after start, during insert batch ${kill.insertBatchesStartedWhenKilled}; session gone ${kill.sessionGoneAfterKillMs} ms later; ` +
      `releases ${kill.releasesBefore} → ${kill.releasesAfter}, tables changed: ${kill.changedTables.length ? kill.changedTables.join(", ") : "none"}, lock free: ${kill.importLockFree ? "yes" : "no"}`,
  );
  console.log("Written to bench-results/faults.json");
  if (problems.length > 0) {
    console.error(`\nFAILED: ${problems.join("; ")}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
