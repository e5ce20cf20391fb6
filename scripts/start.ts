// npm start — brings up the database (embedded PostgreSQL unless DATABASE_URL is set), applies
// migrations, imports the published data (a no-op when already imported), builds and serves the app.
// npm run dev — the same, with `next dev` instead of a production build.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../lib/core/db/embedded";
import { listenHost } from "../lib/page-cache/front-server";
import { prepareDatabase } from "./db";
import { DEFAULT_DATA_FOLDER, runImport } from "./import";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const url = await prepareDatabase();
  await runImport(DEFAULT_DATA_FOLDER, url);
  const seed = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/seed.ts"], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url },
  });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
  const env = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" };
  const next = path.join(projectRoot, "node_modules/.bin/next");
  if (!dev) {
    const build = spawnSync(next, ["build"], { cwd: projectRoot, stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const host = listenHost(process.env.HOST);
  console.log(`\nOpen http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}/`);
  // Production: scripts/serve.ts (Next.js behind the page cache); development: plain `next dev`.
  const server = dev
    ? spawn(next, ["dev", "-p", port, "-H", host], { cwd: projectRoot, stdio: "inherit", env })
    : spawn(path.join(projectRoot, "node_modules/.bin/tsx"), ["scripts/serve.ts", "-p", port], {
        cwd: projectRoot,
        stdio: "inherit",
        env: { ...env, NODE_ENV: "production" },
      });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
