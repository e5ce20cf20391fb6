// Starts the production server (scripts/serve.ts: Next.js behind the page cache) for a benchmark,
// on loopback, and stops it. Needs a `next build` of this tree.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../lib/core/db/embedded";
import { waitForServer } from "./load";

/** `next build` of this tree for production, unless BENCH_SKIP_BUILD=1 (a build already made); exits if it fails. */
export function buildForProduction(): void {
  if (process.env.BENCH_SKIP_BUILD === "1") return;
  console.log("Production build (next build) …");
  const build = spawnSync(path.join(projectRoot, "node_modules/.bin/next"), ["build"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

type AppServer = {
  base: string;
  port: number;
  stop: () => Promise<void>;
  /** CPU time the server's processes (it and its cluster workers) have used so far, in ms; null where /proc is not there. */
  cpuMs: () => number | null;
};

/** user + system CPU time of `pid` and every process below it, in ms, from /proc (Linux); null elsewhere. */
export function processTreeCpuMs(pid: number): number | null {
  const TICK_MS = 10; // USER_HZ is 100 on Linux
  const stats = new Map<number, { ppid: number; ticks: number }>();
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  for (const entry of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // the command name (2nd field) is in parentheses and may hold spaces: read the fields after it
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while being read
    }
  }
  if (!stats.has(pid)) return null;
  let ticks = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    ticks += stats.get(current)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === current) queue.push(child);
  }
  return ticks * TICK_MS;
}

export async function startAppServer(options: {
  port: number;
  databaseUrl: string;
  pageCache: boolean;
  env?: Record<string, string>;
}): Promise<AppServer> {
  const { port, databaseUrl, pageCache } = options;
  const env = {
    ...process.env,
    ...options.env,
    DATABASE_URL: databaseUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
    PAGE_CACHE: pageCache ? "on" : "off",
  };
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const server = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/serve.ts", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: projectRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  const kill = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", kill);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForServer(server, base);
  } catch (error) {
    kill();
    throw error;
  }
  return {
    base,
    port,
    cpuMs: () => (server.pid === undefined ? null : processTreeCpuMs(server.pid)),
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        kill();
      }),
  };
}
