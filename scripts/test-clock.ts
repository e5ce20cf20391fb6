// npm run test:clock — the unit and integration suites, run so that nothing in them can depend on
// the day they run, the time zone or the order of the tests (issue 14):
//
//   clock  the clock moved more than a year ahead, to 23:25 UTC on a 30 June — British Summer Time,
//          so London is already on 1 July while UTC is not — for Vitest AND the embedded
//          PostgreSQL (Debian's `faketime`; the server is restarted under it and its `now()` checked);
//   zone   the real clock in a time zone whose date differs from London's right now
//          (Pacific/Kiritimati, UTC+14, or Pacific/Pago_Pago, UTC−11), files in random order
//          (`--sequence.shuffle.files`, seed printed so a failure can be replayed with --sequence.seed).
//          Add `-- zone --shuffle-tests` to shuffle the tests inside each file too: the plan, triage and
//          sign-in-fuzz integration files are stories (each test builds on the one before) and fail so.
//
// `npm run test:clock -- clock` or `-- zone` runs one of them. Afterwards the embedded server runs
// with the real clock again. Needs `apt-get install -y faketime` and the embedded database (not
// DATABASE_URL: a server we did not start cannot be moved in time). Not part of `npm test`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { now, today } from "../lib/core/clock";
import { projectRoot, startEmbedded, stopEmbedded } from "../lib/core/db/embedded";
import { embeddedUrl } from "../lib/core/db/url";

const DAY_MS = 86_400_000;
const vitest = path.join(projectRoot, "node_modules/.bin/vitest");
const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
const self = path.join(projectRoot, "scripts/test-clock.ts");

/** The date in `timeZone` (for the zone run; London's comes from the clock). */
const dateIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

/** Seconds to add to the real clock to land on 23:25 UTC on the first 30 June at least a year away. */
function clockShiftSeconds(real: Date): number {
  for (let year = real.getUTCFullYear() + 1; ; year++) {
    const target = Date.UTC(year, 5, 30, 23, 25);
    if (target - real.getTime() >= 366 * DAY_MS) return Math.round((target - real.getTime()) / 1000);
  }
}

/** A zone whose calendar date is not London's at this moment (so a local-date bug shows). */
function otherZone(real: Date): string {
  const chosen = process.env.TEST_CLOCK_TZ ?? ["Pacific/Kiritimati", "Pacific/Pago_Pago"].find((z) => dateIn(real, z) !== today(real));
  return chosen ?? "Pacific/Kiritimati";
}

async function databaseNow(): Promise<Date> {
  const client = new pg.Client({ connectionString: embeddedUrl("postgres") });
  await client.connect();
  try {
    return (await client.query<{ now: Date }>("select now() as now")).rows[0]!.now;
  } finally {
    await client.end();
  }
}

function run(title: string, command: string, args: string[], env: Record<string, string>): { ok: boolean; seconds: number } {
  console.log(
    `\n▶ ${title}\n  ${Object.entries(env)
      .map(([k, v]) => `${k}=${v} `)
      .join("")}${[command, ...args].map((a) => path.relative(projectRoot, a) || a).join(" ")}`,
  );
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const ok = result.status === 0;
  console.log(`${ok ? "✔" : "✖"} ${title} (${seconds} s${ok ? "" : `, exit ${result.status ?? result.signal}`})`);
  return { ok, seconds };
}

function requireFaketime() {
  if (spawnSync("faketime", ["-f", "+1d", "true"]).status !== 0) {
    console.error("faketime was not found. Install it with `apt-get install -y faketime`.");
    process.exit(1);
  }
}

/** Runs inside `faketime`: starts the embedded server (so PostgreSQL inherits the moved clock) and checks it did. */
async function startFakedDatabase() {
  stopEmbedded();
  await startEmbedded(() => {});
  const [appNow, dbNow] = [now(), await databaseNow()];
  console.log(`  moved clock: Node ${appNow.toISOString()}, PostgreSQL now() ${dbNow.toISOString()} (London date ${today(appNow)})`);
  if (Math.abs(appNow.getTime() - dbNow.getTime()) > 60_000) {
    throw new Error("PostgreSQL did not start under the moved clock (its now() differs from Node's): is LD_PRELOAD reaching it?");
  }
}

async function main() {
  if (process.argv[2] === "--start-faked-database") return startFakedDatabase();
  if (process.env.DATABASE_URL?.trim()) {
    console.error("test:clock moves the clock of the embedded PostgreSQL, so it does not run against DATABASE_URL. Unset it.");
    process.exit(1);
  }
  const which = process.argv[2]?.startsWith("--") ? "all" : (process.argv[2] ?? "all");
  if (!["all", "clock", "zone"].includes(which)) {
    console.error("usage: npm run test:clock [-- clock|zone] [--shuffle-tests]");
    process.exit(2);
  }
  const results: { title: string; ok: boolean; seconds: number }[] = [];
  const real = now();

  if (which !== "zone") {
    requireFaketime();
    const shift = clockShiftSeconds(real);
    const moved = new Date(real.getTime() + shift * 1000);
    const faked = ["-f", `+${shift}s`];
    const title = `Unit and integration tests, clock moved ${Math.round(shift / 86_400)} days to ${moved.toISOString()} (London: ${today(moved)})`;
    try {
      const db = run("Restart embedded PostgreSQL under the moved clock", "faketime", [...faked, tsx, self, "--start-faked-database"], {});
      if (!db.ok) throw new Error("could not start PostgreSQL under faketime");
      const dbNow = await databaseNow(); // asked from this process, whose clock is real
      console.log(`  seen from outside faketime, PostgreSQL's now() is ${dbNow.toISOString()} (real: ${now().toISOString()})`);
      if (dbNow.getTime() - now().getTime() < 365 * DAY_MS) throw new Error("PostgreSQL's clock is not moved once faketime has exited");
      results.push({ title, ...run(title, "faketime", [...faked, vitest, "run"], {}) });
    } finally {
      stopEmbedded();
      await startEmbedded(() => {});
      const dbNow = await databaseNow();
      console.log(`\nEmbedded PostgreSQL restarted with the real clock: now() ${dbNow.toISOString()}`);
      if (Math.abs(dbNow.getTime() - now().getTime()) > 60_000) throw new Error("PostgreSQL's clock is still moved after restarting it");
    }
  }

  if (which !== "clock") {
    const zone = otherZone(real);
    const seed = String(Math.floor(Math.random() * 1_000_000));
    await startEmbedded(() => {});
    // one project at a time: with --sequence.* on the command line Vitest 4 gives both projects the
    // same groupOrder and refuses to run them together
    for (const project of ["unit", "integration"]) {
      const title = `${project} tests in TZ=${zone} (date there ${dateIn(now(), zone)}, London ${today()}), shuffled with seed ${seed}`;
      const shuffle = process.argv.includes("--shuffle-tests") ? ["--sequence.shuffle"] : ["--sequence.shuffle.files"];
      results.push({ title, ...run(title, vitest, ["run", "--project", project, ...shuffle, `--sequence.seed=${seed}`], { TZ: zone }) });
    }
  }

  console.log("\nSummary");
  for (const r of results) console.log(`  ${r.ok ? "✔" : "✖"} ${r.title} — ${r.seconds} s`);
  if (results.some((r) => !r.ok)) process.exit(1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
