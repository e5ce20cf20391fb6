// npm run bench:scale — two app instances sharing one PostgreSQL, as in production behind a load
// balancer (README "Production topology"):
//
//  1. Two production servers (scripts/serve.ts, page cache on) on 127.0.0.1:BENCH_PORT and +1, one
//     benchmark database (scripts/bench/fixtures.ts: published data, a 200-action plan).
//  2. A session made on one instance works on the other: sign in through instance A's own sign-in
//     form (a plain no-JavaScript form post), then open the plan page on instance B with that cookie.
//  3. After one warm-up request per page per instance, load for BENCH_SCALE_SECONDS (60 s) with 50
//     connections spread over both instances: anonymous LA dashboards and signed-in plan pages.
//  4. Meanwhile, no lost update across instances: BENCH_SCALE_ROUNDS (10) times, one progress
//     update for the same action, from the same version, is posted to A and to B at the same moment,
//     the rounds spread over the run (each save makes that LA's cached plan pages stale on both instances)
//     — the no-JavaScript form post. Exactly one must be saved each round and the other told
//     "changed by … review … Nothing was saved"; the action's version must rise by exactly one.
// Pass: zero errors and zero 5xx, every check above. Results: bench-results/scale.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "../lib/core/db/embedded";
import { createBenchAccount, prepareBenchDatabase } from "./bench/fixtures";
import { formFields, postForm, signInThroughForm } from "./bench/forms";
import { loadTest, type LoadRun } from "./bench/load";
import { buildForProduction, startAppServer } from "./bench/server";
import { now } from "../lib/core/clock";

const PORT = Number(process.env.BENCH_PORT ?? 3199);
const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS ?? 10);

async function main() {
  const db = await prepareBenchDatabase();
  buildForProduction();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const [a, b] = await Promise.all([
    startAppServer({ port: PORT, databaseUrl: db.url, pageCache: true }),
    startAppServer({ port: PORT + 1, databaseUrl: db.url, pageCache: true }),
  ]);
  const failures: string[] = [];
  try {
    const plan = `/la/${db.planLa}/plan`;

    // 2. A session made on A works on B.
    const probe = await createBenchAccount(db.url, { role: "team_manager", laNumber: db.planLa, label: "scale-probe" });
    const cookieFromA = await signInThroughForm(a.base, probe.email, probe.password);
    const onB = await fetch(`${b.base}${plan}`, { headers: { cookie: cookieFromA }, redirect: "manual" });
    const onBHtml = await onB.text();
    const sessionPortable = onB.status === 200 && onBHtml.includes("Bench scale-probe");
    if (!sessionPortable) failures.push(`a session made on instance A was not accepted by instance B (status ${onB.status})`);

    // 3 + 4. Load on both, conflicting plan edits through both meanwhile.
    const anonymous = db.laNumbers.map((la) => `/la/${la}`);
    const signedIn = [plan, `${plan}?sort=status`, `${plan}?status=AT_RISK`];
    // Warm-up: each page once per instance (each instance has its own page cache).
    for (const server of [a, b]) {
      for (const p of anonymous) await (await fetch(`${server.base}${p}`)).text();
      for (const p of signedIn) await (await fetch(`${server.base}${p}`, { headers: { cookie: db.managerCookie } })).text();
    }
    const loads: Promise<LoadRun>[] = [];
    for (const server of [a, b]) {
      loads.push(
        loadTest({ base: server.base, label: `${server.port} anonymous LA pages`, paths: anonymous, connections: 15, seconds: SECONDS }),
      );
      loads.push(
        loadTest({
          base: server.base,
          label: `${server.port} signed-in plan pages`,
          paths: signedIn,
          connections: 10,
          seconds: SECONDS,
          headers: { cookie: db.managerCookie },
        }),
      );
    }
    const { rows: actions } = await client.query<{ id: string }>(
      `select a.id from plan_action a join improvement_plan p on p.id = a."planId" where p."laNumber" = $1 and p."deletedAt" is null and a."deletedAt" is null and a.status <> 'COMPLETE' order by a.title limit 1`,
      [db.planLa],
    );
    const actionId = actions[0]!.id;
    const versionOf = async () =>
      (await client.query<{ version: number }>(`select version from plan_action where id = $1`, [actionId])).rows[0]!.version;
    const updatesOf = async () =>
      Number((await client.query<{ n: string }>(`select count(*) as n from action_update where "actionId" = $1`, [actionId])).rows[0]!.n);
    const rounds: { round: number; saved: number; refused: number; versionBefore: number; versionAfter: number }[] = [];
    const editPath = `${plan}/actions/${actionId}`;
    // The rounds are spread over the run: each save makes the plan LA's cached plan pages stale on both instances (decision 0029).
    const gap = (SECONDS * 1000) / (ROUNDS + 1);
    for (let round = 1; round <= ROUNDS; round++) {
      await new Promise((r) => setTimeout(r, gap * 0.8));
      const versionBefore = await versionOf();
      const updatesBefore = await updatesOf();
      const [pageA, pageB] = await Promise.all(
        [a, b].map(async (s) => (await fetch(`${s.base}${editPath}`, { headers: { cookie: db.managerCookie } })).text()),
      );
      const fill = (html: string, who: string) =>
        formFields(html, 'name="narrative"').map((f) =>
          f.name === "narrative" ? { ...f, value: `Round ${round}: update through instance ${who}` } : f,
        );
      const [resA, resB] = await Promise.all([
        postForm(`${a.base}${editPath}`, fill(pageA!, "A"), db.managerCookie),
        postForm(`${b.base}${editPath}`, fill(pageB!, "B"), db.managerCookie),
      ]);
      const refused = [resA, resB].filter((r) => /changed by[\s\S]*Nothing was saved/.test(r.html)).length;
      const versionAfter = await versionOf();
      const saved = (await updatesOf()) - updatesBefore;
      rounds.push({ round, saved, refused, versionBefore, versionAfter });
      if (resA.status >= 500 || resB.status >= 500) failures.push(`round ${round}: a plan edit answered ${resA.status}/${resB.status}`);
      if (saved !== 1 || refused !== 1 || versionAfter !== versionBefore + 1)
        failures.push(`round ${round}: ${saved} saved, ${refused} refused, version ${versionBefore} → ${versionAfter} (expected 1, 1, +1)`);
    }
    const runs = await Promise.all(loads);
    for (const r of runs)
      if (r.errors > 0 || r.non2xx > 0) failures.push(`${r.label}: ${r.errors} errors, ${r.non2xx} non-2xx of ${r.requests}`);

    const total = runs.reduce((s, r) => s + r.requests, 0);
    const result = {
      when: now().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      seconds: SECONDS,
      connections: 50,
      instances: [a.base, b.base],
      sessionPortable,
      requests: total,
      reqPerSec: Math.round(total / SECONDS),
      worstP95: Math.max(...runs.map((r) => r.p95)),
      errors: runs.reduce((s, r) => s + r.errors, 0),
      non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
      runs,
      conflictRounds: rounds,
      failures,
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, "bench-results/scale.json"), JSON.stringify(result, null, 2));
    console.log(
      `\nTwo instances, ${SECONDS} s, 50 connections: ${total} requests (${result.reqPerSec} req/s), ${result.errors} errors, ${result.non2xx} non-2xx, worst p95 ${result.worstP95} ms`,
    );
    for (const r of runs) console.log(`  ${r.label}: p50 ${r.p50} · p95 ${r.p95} · p99 ${r.p99} ms · ${r.reqPerSec} req/s`);
    console.log(`Session made on A accepted by B: ${sessionPortable ? "yes" : "NO"}`);
    console.log(
      `Conflicting edits through both instances: ${rounds.filter((r) => r.saved === 1 && r.refused === 1 && r.versionAfter === r.versionBefore + 1).length}/${ROUNDS} rounds with exactly one saved and one refused`,
    );
    if (failures.length > 0) {
      console.error(`\nFAILED:\n- ${failures.join("\n- ")}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await client.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
