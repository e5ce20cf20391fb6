// npx tsx scripts/bench-plan.ts (npm run bench:plan once the script line is added) — server response
// time of the improvement plan page with 200 actions under 20 concurrent connections.
//
// 1. A database of its own (csc_bench_plan): migrated, published data imported, then a plan with 5
//    priorities and 200 actions (half linked to indicators, so the evidence RAG is worked out on every
//    view) for BENCH_LA (default 202), and a team manager of that LA signed in through the real path.
// 2. `next build` (skip with BENCH_SKIP_BUILD=1 when .next already holds a build of this tree), then
//    `next start` on 127.0.0.1:BENCH_PORT (default 3198).
// 3. Warm-up, then BENCH_CONNECTIONS (20) connections for BENCH_SECONDS (15 s) over the plan page with
//    a mix of URL filters and sorts, signed in. Also /about/data under the same load (the app's floor).
// Results printed and written to bench-results/plan.json. The server is stopped at the end.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAccount } from "../lib/auth/accounts";
import { createAuth } from "../lib/auth/server";
import { signInWithPassword } from "../lib/auth/sign-in";
import { createPrismaClient } from "../lib/db/client";
import { projectRoot } from "../lib/db/embedded";
import { parseEnv } from "../lib/env";
import { loadTest, round, waitForServer, type LoadRun } from "./bench/load";
import { prepareDatabase } from "./db";
import { DEFAULT_DATA_FOLDER, runImport } from "./import";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3198);
const LA = process.env.BENCH_LA ?? "202";
const BASE = `http://127.0.0.1:${PORT}`;

const load = (label: string, paths: string[], cookie: string) =>
  loadTest({ base: BASE, label, paths, connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } });
const next = path.join(projectRoot, "node_modules/.bin/next");
const PASSWORD = "bench harbour kettle purple lamp";





const THEMES = ["FRONT_DOOR", "WORKFORCE_STABILITY", "CASELOADS", "MANAGEMENT_OVERSIGHT", "QUALITY_ASSURANCE"];
const STATUSES = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "COMPLETE"] as const;
const INDICATORS = ["agency_rate_fte", "turnover_rate_fte", "caseload_fte", "re_referrals_percent"];

async function main() {
  const url = await prepareDatabase("csc_bench_plan");
  await runImport(DEFAULT_DATA_FOLDER, url);
  const db = createPrismaClient(url, { max: 2 });
  const env = parseEnv(process.env);
  let cookie = "";
  try {
    await db.improvementPlan.updateMany({ where: { laNumber: LA, deletedAt: null }, data: { deletedAt: new Date() } });
    const plan = await db.improvementPlan.create({ data: { laNumber: LA, title: "BENCH plan with 200 actions", periodStart: new Date("2024-04-01"), periodEnd: new Date("2027-03-31"), status: "ACTIVE" } });
    const priorities: { id: string }[] = [];
    for (let i = 1; i <= 5; i++) priorities.push(await db.planPriority.create({ data: { planId: plan.id, title: `Priority ${i}`, order: i } }));
    await db.planAction.createMany({
      data: Array.from({ length: 200 }, (_, i) => {
        const linked = i % 2 === 0;
        return {
          planId: plan.id,
          priorityId: priorities[i % 5]!.id,
          title: `Bench action ${i + 1}`,
          theme: THEMES[i % THEMES.length]!,
          owner: `Owner ${i % 12}`,
          startDate: new Date("2023-04-01"),
          dueDate: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
          status: STATUSES[i % STATUSES.length]!,
          successMeasure: "Measured",
          indicatorId: linked ? INDICATORS[i % INDICATORS.length]! : null,
          target: linked ? 10 : null,
          targetDate: linked ? new Date("2027-03-31") : null,
          updatedByName: "Bench",
        };
      }),
    });
    const email = `bench.manager.${Date.now()}@example.com`;
    await createAccount(db, { name: "Bench manager", email, role: "team_manager", laNumber: LA, password: PASSWORD });
    const auth = createAuth(db, env);
    const signed = await signInWithPassword(
      { db, auth, env, headers: new Headers({ "x-forwarded-for": "127.0.0.1" }), now: () => new Date(), revalidatePath: () => {} },
      { email, password: PASSWORD },
    );
    if (!signed.ok) throw new Error(`bench sign-in failed: ${signed.reason}`);
    cookie = signed.setCookies.map((c) => c.split(";")[0]).join("; ");
  } finally {
    await db.$disconnect();
  }

  const serverEnv = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    const build = spawnSync(next, ["build"], { cwd: projectRoot, stdio: "inherit", env: serverEnv });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const server = spawn(next, ["start", "-p", String(PORT), "-H", "127.0.0.1"], { cwd: projectRoot, stdio: ["ignore", "ignore", "inherit"], env: serverEnv });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  try {
    await waitForServer(server, BASE);
    const base = `/la/${LA}/plan`;
    const pages = [base, `${base}?sort=status`, `${base}?status=AT_RISK`, `${base}?overdue=1&sort=title`, `${base}?theme=CASELOADS&owner=owner%201`];
    const first = await fetch(`${BASE}${base}`, { headers: { cookie } });
    const html = await first.text();
    if (first.status !== 200 || !html.includes("Bench action 200")) throw new Error(`the plan page answered ${first.status} without the bench actions`);
    for (let i = 0; i < 20; i++) for (const p of pages) await (await fetch(`${BASE}${p}`, { headers: { cookie } })).text();
    console.log(`\nPlan page (200 actions): ${CONNECTIONS} connections, ${SECONDS} s …`);
    const planRun = await load("plan page, 200 actions", pages, cookie);
    console.log(`/about/data (signed in): ${CONNECTIONS} connections, ${SECONDS} s …`);
    const floorRun = await load("smallest dynamic page", ["/about/data"], cookie);
    const result = {
      when: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      loadAverageAtEnd: os.loadavg().map((n) => Number(n.toFixed(2))),
      connections: CONNECTIONS,
      seconds: SECONDS,
      planPageHtmlBytes: html.length,
      planPage: planRun,
      smallestDynamicPage: floorRun,
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, "bench-results/plan.json"), JSON.stringify(result, null, 2));
    const line = (r: LoadRun) => `p50 ${r.p50} ms · p95 ${r.p95} ms · p99 ${r.p99} ms · ${r.reqPerSec} req/s · ${r.requests} requests, ${r.non2xx} non-2xx, ${r.errors} errors`;
    console.log(`\n${result.machine}; load average ${result.loadAverageAtEnd.join(", ")}`);
    console.log(`Plan page, 200 actions (${CONNECTIONS} concurrent): ${line(planRun)}`);
    console.log(`/about/data (smallest dynamic):        ${line(floorRun)}`);
    console.log(`Plan page HTML: ${(html.length / 1024).toFixed(0)} kB`);
    if (planRun.non2xx > 0 || planRun.errors > 0) process.exitCode = 1;
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
