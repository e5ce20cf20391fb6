// npm run bench:mixed — the service as it is really used: many people reading while others write and
// a data release lands. Against one production server (scripts/serve.ts, page cache on):
//
//  1. A fresh benchmark database (csc_bench_mixed): the default published data, a 200-action plan in
//     BENCH_LA and a 10-action plan in each of 30 other LAs.
//  2. 100 distinct signed-in users (10 DfE analysts, 30 DCSs, 55 team managers, 5 admins; the LA
//     roles spread over those 30 LAs), each signed in through the real path, plus anonymous visitors.
//  3. For BENCH_MIXED_SECONDS (60 s) BENCH_MIXED_CONNECTIONS (50) virtual visitors each loop: pick a
//     person (60 % signed in, 40 % anonymous) and a page that person would open — the home list (mixed
//     filters), LA dashboards (mixed views), /risk (analysts), plan pages and the board report (own LA
//     for DCSs and team managers, any LA for analysts), /about/data — and wait for the answer.
//     That is a closed loop: each visitor asks again as soon as it is answered, so it measures capacity.
//     With BENCH_MIXED_RATE=<n> the same page views are instead started at n a second on average (Poisson
//     arrivals), whatever the answers' speed, as people reading pages start them (bench-results/mixed-paced.json).
//  4. Meanwhile about one write a second (BENCH_MIXED_WRITES_PER_S), started on schedule whatever the load: a team manager posts a progress
//     update on an action in their LA, or an analyst records a triage note on an LA — both through the
//     pages' own no-JavaScript forms, across different LAs.
//  5. Halfway, one data release is imported by `scripts/import.ts` in a process of its own, as `npm run import`
//     would be run: by default a revision of the
//     2025 workforce file made at run time (revisedWorkforceRelease: the published csww file with the
//     2025 agency rate and caseload of BENCH_MIXED_REVISED LAs (12) raised, written to a temporary folder,
//     never kept or committed — a benchmark load, not data), so the import really changes figures, flags
//     and the triage inbox; or BENCH_MIXED_RELEASE, a file or folder of your own.
// Reported: p50/p95/p99 per page kind, errors (transport errors and 5xx) and unexpected statuses, the
// page-cache hit rate (x-page-cache header) per page kind, overall and before / after the import, writes
// done/refused, the import time and what it changed, and the load average at the start and the end.
// Results: bench-results/mixed.json. Targets (issue 19): p95 ≤ 150 ms for /la/[code], ≤ 100 ms for
// /risk and plan pages, 0 errors.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { now } from "../lib/core/clock";
import { projectRoot } from "../lib/core/db/embedded";
import { resolveDatabaseUrl, withDatabase } from "../lib/core/db/url";
import { createSmallPlans, currentLaNumbers, prepareBenchDatabase, signInNewAccounts } from "./bench/fixtures";
import { formFields, postForm, withValues } from "./bench/forms";
import { percentile, round } from "./bench/load";
import { buildForProduction, startAppServer } from "./bench/server";
import { HOME_VIEWS, LA_VIEWS, RISK_VIEWS } from "./bench/views";

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_MIXED_CONNECTIONS ?? 50);
/**
 * Unset: a closed loop — CONNECTIONS visitors each asking again as soon as they are answered (capacity).
 * A number: paced — page views started at that mean rate per second (Poisson arrivals), whatever the
 * answers' speed, as people reading pages start them; at most CONNECTIONS in flight (more are counted
 * as not started: the server could not keep up).
 */
const PACED_RATE = process.env.BENCH_MIXED_RATE ? Number(process.env.BENCH_MIXED_RATE) : null;
if (PACED_RATE !== null && !(PACED_RATE > 0))
  throw new Error(`BENCH_MIXED_RATE must be a number of page views a second above 0, not "${process.env.BENCH_MIXED_RATE}"`);
const RESULTS_FILE = PACED_RATE === null ? "bench-results/mixed.json" : "bench-results/mixed-paced.json";
const WRITES_PER_S = Number(process.env.BENCH_MIXED_WRITES_PER_S ?? 1);
const MAX_WRITES_IN_FLIGHT = 10;
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const DATABASE = "csc_bench_mixed";
const PLAN_LA = process.env.BENCH_LA ?? "202";
const REVISED_LAS = Number(process.env.BENCH_MIXED_REVISED ?? 12);
const WORKFORCE_FILE = path.join(projectRoot, "prisma/data/published/csww_indicators_2017_to_2025.csv");

/**
 * A folder holding a revision of the published 2025 workforce file, made now in the temporary directory:
 * the same file with the 2025 agency rate (FTE) raised by 6 points and the caseload by 1.5 for `count`
 * LAs (rows without quoted fields, spread over the file). Same edition, so the import records them as
 * revisions and rewrites the figures, the flags and the triage inbox as a real corrected release would.
 */
function revisedWorkforceRelease(count: number): { folder: string; revised: string[] } {
  const lines = fs.readFileSync(WORKFORCE_FILE, "utf8").split("\n");
  const header = lines[0]!.split(",");
  const column = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`${path.basename(WORKFORCE_FILE)} has no ${name} column`);
    return i;
  };
  const [agency, caseload, laName, level] = [
    column("agency_rate_fte"),
    column("caseload_fte"),
    column("la_name"),
    column("geographic_level"),
  ];
  const candidates = lines
    .map((line, i) => ({ line, i, cells: line.split(",") }))
    .filter(({ line, cells }) => line.startsWith("2025,") && !line.includes('"') && cells[level] === "Local authority")
    .filter(({ cells }) => Number.isFinite(Number(cells[agency])) && Number.isFinite(Number(cells[caseload])));
  const step = Math.max(1, Math.floor(candidates.length / count));
  const revised: string[] = [];
  for (const { i, cells } of candidates.filter((_, n) => n % step === 0).slice(0, count)) {
    cells[agency] = (Number(cells[agency]) + 6).toFixed(1);
    cells[caseload] = (Number(cells[caseload]) + 1.5).toFixed(1);
    lines[i] = cells.join(",");
    revised.push(cells[laName]!);
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "bench-mixed-release-"));
  fs.writeFileSync(path.join(folder, "csww_indicators_2017_to_2025_bench_revision.csv"), lines.join("\n"));
  return { folder, revised };
}

/**
 * Imports `folder` as `npm run import -- <folder>` does, in a process of its own as it would be run: an
 * import in this process would stop the load generator's clock while it parses the files, and every page
 * in flight would seem that much slower. Its output is passed through; a failure rejects with its message.
 */
function importInChildProcess(folder: string, databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/import.ts", folder], {
      cwd: projectRoot,
      stdio: ["ignore", "inherit", "pipe"],
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim() || `the import exited with ${code}`))));
  });
}

type Role = "dfe_analyst" | "dcs" | "team_manager" | "admin";
type Person = { role: Role | "anonymous"; laNumber: string | null; cookie?: string };
type PageKind = "home" | "la" | "risk" | "risk-la" | "plan" | "report" | "about" | "admin";
/** `at`: when the answer came; `started`: when it was asked; `key`: the page and who asked (for the comparison below). */
type Sample = { kind: PageKind; ms: number; status: number; cache: string; at: number; started: number; key: string };

/**
 * The hit rate the same requests would have had if every write made every stored page stale (the cache
 * before decision 0029): a cacheable request counts as a hit when the same page was asked for by the same
 * person after the last write before it. From this run's own requests and writes, so the machine's load
 * affects both figures alike.
 */
function hitRateIfEveryWriteStaledEverything(samples: Sample[], writeTimes: number[]): number | null {
  const cacheable = samples.filter((s) => !s.cache.startsWith("bypass") && s.cache !== "none" && s.cache !== "error");
  if (cacheable.length === 0) return null;
  const writes = [...writeTimes].sort((a, b) => a - b);
  const lastAsked = new Map<string, number>();
  let hits = 0;
  let w = -1;
  for (const s of [...cacheable].sort((a, b) => a.started - b.started)) {
    while (w + 1 < writes.length && writes[w + 1]! <= s.started) w++;
    const lastWrite = w >= 0 ? writes[w]! : Number.NEGATIVE_INFINITY;
    const asked = lastAsked.get(s.key);
    if (asked !== undefined && asked > lastWrite) hits++;
    lastAsked.set(s.key, s.started);
  }
  return round((100 * hits) / cacheable.length);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A page this person would plausibly open next. */
function nextPage(person: Person, laNumbers: string[]): { kind: PageKind; path: string } {
  const roll = Math.random();
  const anyLa = () => `/la/${pick(laNumbers)}${pick(LA_VIEWS)}`;
  switch (person.role) {
    case "anonymous":
      if (roll < 0.25) return { kind: "home", path: pick(HOME_VIEWS) };
      if (roll < 0.95) return { kind: "la", path: anyLa() };
      return { kind: "about", path: "/about/data" };
    case "dfe_analyst":
      if (roll < 0.35) return { kind: "risk", path: pick(RISK_VIEWS) };
      if (roll < 0.45) return { kind: "risk-la", path: `/risk/la/${pick(laNumbers)}` };
      if (roll < 0.75) return { kind: "la", path: anyLa() };
      if (roll < 0.9) return { kind: "plan", path: `/la/${PLAN_LA}/plan` };
      return { kind: "home", path: pick(HOME_VIEWS) };
    case "admin":
      if (roll < 0.3) return { kind: "admin", path: "/admin/users" };
      if (roll < 0.8) return { kind: "la", path: anyLa() };
      return { kind: "home", path: pick(HOME_VIEWS) };
    default: {
      const own = person.laNumber!;
      if (roll < 0.35) return { kind: "la", path: `/la/${own}${pick(LA_VIEWS)}` };
      if (roll < 0.65) return { kind: "plan", path: pick([`/la/${own}/plan`, `/la/${own}/plan?sort=status`]) };
      if (roll < 0.75) return { kind: "report", path: `/la/${own}/plan/report` };
      if (roll < 0.9) return { kind: "la", path: anyLa() };
      return { kind: "home", path: pick(HOME_VIEWS) };
    }
  }
}

async function get(base: string, p: string, cookie?: string): Promise<{ status: number; cache: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}${p}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  await res.arrayBuffer();
  return { status: res.status, cache: res.headers.get("x-page-cache") ?? "none", ms: performance.now() - started };
}

function summarise(samples: Sample[], seconds: number) {
  const kinds = [...new Set(samples.map((s) => s.kind))].sort();
  return Object.fromEntries(
    kinds.map((kind) => {
      const mine = samples.filter((s) => s.kind === kind);
      const sorted = mine.map((s) => s.ms).sort((a, b) => a - b);
      const cacheable = mine.filter((s) => !s.cache.startsWith("bypass") && s.cache !== "none");
      const hits = cacheable.filter((s) => s.cache === "hit").length;
      return [
        kind,
        {
          requests: mine.length,
          reqPerSec: round(mine.length / seconds),
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? Number.NaN),
          errors: mine.filter((s) => s.status === 0 || s.status >= 500).length,
          unexpected: mine.filter((s) => s.status !== 0 && s.status < 500 && s.status !== 200).length,
          cacheHitRate: cacheable.length === 0 ? null : round((100 * hits) / cacheable.length),
        },
      ];
    }),
  );
}

async function main() {
  const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
  const release = process.env.BENCH_MIXED_RELEASE;
  let releaseFolder: string;
  let releaseLabel: string;
  if (release) {
    if (!fs.existsSync(release)) throw new Error(`the release to import halfway was not found: ${release}`);
    releaseFolder = fs.statSync(release).isDirectory() ? release : fs.mkdtempSync(path.join(os.tmpdir(), "bench-release-"));
    if (releaseFolder !== release) fs.copyFileSync(release, path.join(releaseFolder, path.basename(release)));
    releaseLabel = release;
  } else {
    const made = revisedWorkforceRelease(REVISED_LAS);
    releaseFolder = made.folder;
    releaseLabel = `the 2025 workforce file with agency rate +6 points and caseload +1.5 for ${made.revised.length} LAs (${made.revised.join(", ")}), made at run time`;
  }

  // 1. A fresh database, so the release imported halfway is new to it.
  const { url: serverUrl } = resolveDatabaseUrl("postgres");
  const dropped = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await dropped.connect().catch(() => undefined);
  await dropped.query(`drop database if exists "${DATABASE}" with (force)`).catch(() => undefined);
  await dropped.end().catch(() => undefined);
  const db = await prepareBenchDatabase(PLAN_LA, DATABASE);
  const laNumbers = await currentLaNumbers(db.url);
  const planLas = laNumbers
    .filter((la) => la !== PLAN_LA)
    .filter((_, i) => i % 5 === 0)
    .slice(0, 30);
  await createSmallPlans(db.url, planLas);

  // 2. 100 people, signed in through the real path.
  const accounts: { role: Role; laNumber: string | null; label: string }[] = [];
  for (let i = 0; i < 10; i++) accounts.push({ role: "dfe_analyst", laNumber: null, label: `analyst-${i}` });
  for (let i = 0; i < 30; i++) accounts.push({ role: "dcs", laNumber: planLas[i % planLas.length]!, label: `dcs-${i}` });
  for (let i = 0; i < 55; i++) accounts.push({ role: "team_manager", laNumber: planLas[i % planLas.length]!, label: `manager-${i}` });
  for (let i = 0; i < 5; i++) accounts.push({ role: "admin", laNumber: null, label: `admin-${i}` });
  console.log(`Signing in ${accounts.length} people …`);
  const cookies = await signInNewAccounts(db.url, accounts);
  const people: Person[] = accounts.map((a, i) => ({ role: a.role, laNumber: a.laNumber, cookie: cookies[i]! }));

  buildForProduction();
  const server = await startAppServer({ port: PORT, databaseUrl: db.url, pageCache: process.env.PAGE_CACHE !== "off" });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const samples: Sample[] = [];
  const writes = { planSaved: 0, planRefused: 0, triageSaved: 0, triageRefused: 0, notStarted: 0, failed: [] as string[] };
  /** When each write that changed something (saved notes, the import) had committed. */
  const writeTimes: number[] = [];
  let importMs: number | null = null;
  let importError: string | null = null;
  let importWindow = { from: Number.POSITIVE_INFINITY, to: Number.POSITIVE_INFINITY };
  let importChanged = null as { figuresVersionBefore: string; figuresVersionAfter: string; revisions: number } | null;
  try {
    const { rows: actionRows } = await client.query<{ id: string; laNumber: string }>(
      `select a.id, p."laNumber" from plan_action a join improvement_plan p on p.id = a."planId" where p."deletedAt" is null and a."deletedAt" is null and a.status <> 'COMPLETE' and p."laNumber" = any($1)`,
      [planLas],
    );
    const managers = people.filter((p) => p.role === "team_manager");
    const analysts = people.filter((p) => p.role === "dfe_analyst");
    const signedIn = people;
    const deadline = Date.now() + SECONDS * 1000;
    const cpuAtStart = server.cpuMs();

    // 3. Readers: a closed loop of CONNECTIONS visitors, or page views started at PACED_RATE a second.
    const readOnce = async () => {
      const person: Person = Math.random() < 0.6 ? pick(signedIn) : { role: "anonymous", laNumber: null };
      const page = nextPage(person, laNumbers);
      const started = Date.now();
      const key = `${page.path} ${person.cookie ?? "anonymous"}`;
      try {
        const r = await get(server.base, page.path, person.cookie);
        samples.push({ kind: page.kind, ms: r.ms, status: r.status, cache: r.cache, at: Date.now(), started, key });
      } catch {
        samples.push({ kind: page.kind, ms: 0, status: 0, cache: "error", at: Date.now(), started, key });
      }
    };
    const reader = async () => {
      while (Date.now() < deadline) await readOnce();
    };
    let viewsNotStarted = 0;
    const pacedReaders = async (rate: number) => {
      const inFlight = new Set<Promise<void>>();
      while (Date.now() < deadline) {
        if (inFlight.size < CONNECTIONS) {
          const view: Promise<void> = readOnce().finally(() => inFlight.delete(view));
          inFlight.add(view);
        } else viewsNotStarted++;
        // exponential gaps: arrivals at `rate` a second on average, independent of one another
        await new Promise((r) => setTimeout(r, (-Math.log(1 - Math.random()) * 1000) / rate));
      }
      await Promise.all(inFlight);
    };

    // 4. Writers: progress updates and triage notes, alternating, across LAs. Started on a fixed schedule
    // (one every 1/BENCH_MIXED_WRITES_PER_S seconds) whether or not the last has finished, as people do not
    // wait for each other: at most MAX_WRITES_IN_FLIGHT at once (a write that would be more is counted as
    // not started).
    const writeOnce = async (n: number) => {
      try {
        if (n % 2 === 1) {
          const manager = pick(managers);
          const action = pick(actionRows.filter((a) => a.laNumber === manager.laNumber));
          const editPath = `/la/${manager.laNumber}/plan/actions/${action.id}`;
          const html = await (await fetch(`${server.base}${editPath}`, { headers: { cookie: manager.cookie! } })).text();
          const res = await postForm(
            `${server.base}${editPath}`,
            withValues(formFields(html, 'name="narrative"'), { narrative: `Mixed bench update ${n}` }),
            manager.cookie,
          );
          if (res.status >= 500) writes.failed.push(`progress update ${n}: ${res.status}`);
          else if (/Nothing was saved/.test(res.html)) writes.planRefused++;
          else {
            writes.planSaved++;
            writeTimes.push(Date.now());
          }
        } else {
          const analyst = pick(analysts);
          const la = pick(laNumbers);
          const html = await (await fetch(`${server.base}/risk/la/${la}`, { headers: { cookie: analyst.cookie! } })).text();
          const res = await postForm(
            `${server.base}/risk/la/${la}`,
            withValues(formFields(html, 'name="note"'), { note: `Mixed bench triage note ${n}` }),
            analyst.cookie,
          );
          if (res.status >= 500) writes.failed.push(`triage note ${n}: ${res.status}`);
          else if (/Nothing was saved|not saved/i.test(res.html)) writes.triageRefused++;
          else {
            writes.triageSaved++;
            writeTimes.push(Date.now());
          }
        }
      } catch (error) {
        writes.failed.push(`write ${n}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    const writer = async () => {
      const inFlight = new Set<Promise<void>>();
      for (let n = 1; Date.now() < deadline; n++) {
        if (inFlight.size < MAX_WRITES_IN_FLIGHT) {
          const write: Promise<void> = writeOnce(n).finally(() => inFlight.delete(write));
          inFlight.add(write);
        } else writes.notStarted++;
        await new Promise((r) => setTimeout(r, 1000 / WRITES_PER_S));
      }
      await Promise.all(inFlight);
    };

    // 5. A release, halfway.
    const importer = async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      const started = performance.now();
      const figures = async () =>
        (await client.query<{ version: string }>(`select version::text from data_version where scope = 'figures'`)).rows[0]?.version ?? "0";
      const revisions = async () =>
        Number((await client.query<{ n: string }>(`select count(*) as n from indicator_value_revision`)).rows[0]?.n);
      try {
        const [figuresVersionBefore, revisionsBefore] = [await figures(), await revisions()];
        importWindow = { from: Date.now(), to: Number.POSITIVE_INFINITY };
        await importInChildProcess(releaseFolder, db.url);
        importWindow.to = Date.now();
        writeTimes.push(importWindow.to);
        importMs = Math.round(performance.now() - started);
        importChanged = { figuresVersionBefore, figuresVersionAfter: await figures(), revisions: (await revisions()) - revisionsBefore };
      } catch (error) {
        importError = error instanceof Error ? error.message : String(error);
      }
    };

    console.log(
      `Mixed load: ${PACED_RATE === null ? `${CONNECTIONS} connections in a closed loop` : `${PACED_RATE} page views a second (at most ${CONNECTIONS} at once)`}, ${SECONDS} s, ~${WRITES_PER_S} write/s, one import halfway …`,
    );
    const readers = PACED_RATE === null ? Array.from({ length: CONNECTIONS }, reader) : [pacedReaders(PACED_RATE)];
    await Promise.all([...readers, writer(), importer()]);
    const cpuAtEnd = server.cpuMs();
    // The app server's CPU (all its processes) per page view: what the work costs, whatever else the machine
    // is doing (latencies on a shared host move with other tenants' load; this moves far less). Writes and
    // the rebuild after the import are included; PostgreSQL's own CPU is not.
    const serverCpuMs = cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart;

    const pages = summarise(samples, SECONDS);
    if (importChanged && importChanged.figuresVersionAfter === importChanged.figuresVersionBefore)
      importError = "the import halfway changed no figures (the figures' data version did not move)";
    const failures: string[] = [];
    const errors = samples.filter((s) => s.status === 0 || s.status >= 500).length;
    if (errors > 0) failures.push(`${errors} requests failed (transport error or 5xx)`);
    if (viewsNotStarted > 0) failures.push(`${viewsNotStarted} page views not started: ${CONNECTIONS} were already waiting`);
    if (writes.failed.length > 0) failures.push(`writes failed: ${writes.failed.slice(0, 5).join("; ")}`);
    if (importError) failures.push(`the import failed: ${importError}`);
    const targets: Record<string, number> = { la: 150, risk: 100, plan: 100 };
    for (const [kind, target] of Object.entries(targets)) {
      const p95 = (pages as Record<string, { p95: number }>)[kind]?.p95;
      if (p95 !== undefined && p95 > target) failures.push(`${kind} p95 ${p95} ms is over its ${target} ms target`);
    }
    const cacheable = samples.filter((s) => !s.cache.startsWith("bypass") && s.cache !== "none" && s.cache !== "error");
    const hitRate = (of: Sample[]) => (of.length === 0 ? null : round((100 * of.filter((s) => s.cache === "hit").length) / of.length));
    const result = {
      when: now().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      loadAverageAtStart: loadAtStart,
      pageCache: process.env.PAGE_CACHE !== "off",
      seconds: SECONDS,
      connections: CONNECTIONS,
      mode: PACED_RATE === null ? "closed loop" : "paced",
      pacedRatePerSecond: PACED_RATE,
      viewsNotStarted,
      people: {
        signedIn: people.length,
        byRole: Object.fromEntries(
          ["dfe_analyst", "dcs", "team_manager", "admin"].map((r) => [r, people.filter((p) => p.role === r).length]),
        ),
      },
      requests: samples.length,
      reqPerSec: round(samples.length / SECONDS),
      serverCpuMs,
      serverCpuMsPerPageView: serverCpuMs === null ? null : round(serverCpuMs / samples.length),
      errors,
      cacheHitRate: hitRate(cacheable),
      cacheHitRateBeforeImport: hitRate(cacheable.filter((s) => s.at < importWindow.from)),
      cacheHitRateAfterImport: hitRate(cacheable.filter((s) => s.at > importWindow.to)),
      cacheHitRateIfEveryWriteStaledEverything: hitRateIfEveryWriteStaledEverything(samples, writeTimes),
      pages,
      writes: { ...writes, failed: writes.failed.length },
      release: releaseLabel,
      importMs,
      importChanged,
      importError,
      failures,
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, RESULTS_FILE), JSON.stringify(result, null, 2));
    // BENCH_MIXED_SAMPLES=<file>: every request (page kind, when asked and answered relative to the start, ms, cache), to see when the slow ones were
    if (process.env.BENCH_MIXED_SAMPLES) {
      const t0 = deadline - SECONDS * 1000;
      fs.writeFileSync(
        process.env.BENCH_MIXED_SAMPLES,
        JSON.stringify({
          import: { from: importWindow.from - t0, to: importWindow.to - t0 },
          samples: samples.map((x) => ({
            kind: x.kind,
            path: x.key.split(" ")[0],
            started: x.started - t0,
            ms: Math.round(x.ms),
            cache: x.cache,
          })),
        }),
      );
    }
    console.log(
      `\n${samples.length} requests (${result.reqPerSec} req/s), ${errors} errors, page-cache hit rate ${result.cacheHitRate ?? "–"} % (before the import ${result.cacheHitRateBeforeImport ?? "–"} %, after it ${result.cacheHitRateAfterImport ?? "–"} %; had every write staled every page: ${result.cacheHitRateIfEveryWriteStaledEverything ?? "–"} %); server CPU ${result.serverCpuMsPerPageView ?? "–"} ms a page view; load average ${loadAtStart.join(", ")} at the start, ${result.loadAverage.join(", ")} at the end`,
    );
    for (const [kind, r] of Object.entries(pages)) {
      console.log(
        `  ${kind.padEnd(8)} ${String(r.requests).padStart(6)} req · p50 ${r.p50} · p95 ${r.p95} · p99 ${r.p99} ms · hits ${r.cacheHitRate ?? "–"} % · ${r.unexpected} non-200`,
      );
    }
    console.log(
      `Writes: ${writes.planSaved} progress updates saved (${writes.planRefused} refused), ${writes.triageSaved} triage notes saved (${writes.triageRefused} refused), ${writes.failed.length} failed, ${writes.notStarted} not started (${MAX_WRITES_IN_FLIGHT} already in flight)`,
    );
    console.log(
      importMs !== null && !importError
        ? `Import halfway: ${importMs} ms, ${importChanged?.revisions ?? 0} figures revised (${releaseLabel})`
        : `Import halfway FAILED: ${importError}`,
    );
    if (failures.length > 0) {
      console.error(`\nNOT MET:\n- ${failures.join("\n- ")}`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
