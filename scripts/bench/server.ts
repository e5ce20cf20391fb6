// Starts the production server (scripts/serve.ts: Next.js behind the page cache) for a benchmark,
// on loopback, and stops it. Needs a `next build` of this tree.
import { spawn, spawnSync } from "node:child_process";
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

type AppServer = { base: string; port: number; stop: () => Promise<void> };

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
    stop: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        kill();
      }),
  };
}
