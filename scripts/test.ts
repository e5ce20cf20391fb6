// npm test — the whole suite, in order: lint and formatting, typecheck, unit + integration (Vitest, real PostgreSQL),
// production build, browser tests (Playwright + Debian Chromium) with axe scans.
// Uses DATABASE_URL's server when set (it must allow CREATE DATABASE), else the embedded one.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot, startEmbedded } from "../lib/core/db/embedded";
import { resolveDatabaseUrl, withDatabase } from "../lib/core/db/url";

const bin = (name: string) => path.join(projectRoot, "node_modules/.bin", name);

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    console.error(
      "Chromium was not found. Install Debian's build with `apt-get install -y chromium` (or set CHROMIUM_PATH). `bash .ci/run` does this for you.",
    );
    process.exit(1);
  }
  return found;
}

async function main() {
  const only = process.argv[2]; // optional: unit | integration | e2e
  const specs = only === "e2e" ? process.argv.slice(3) : []; // e.g. `e2e tests/e2e/plan.spec.ts`: those spec files only
  const chromium = only === undefined || only === "e2e" ? chromiumPath() : "";
  const { url, embedded } = resolveDatabaseUrl("postgres");
  if (embedded) await startEmbedded();

  if (!only) {
    step("Lint (ESLint, zero warnings)", bin("eslint"), [".", "--max-warnings=0"]);
    step("Formatting (Prettier)", bin("prettier"), ["--check", "."]);
    step("Type check", bin("tsc"), ["--noEmit"]);
  }
  if (!only || only === "unit" || only === "integration") {
    step("Unit and integration tests", bin("vitest"), ["run", ...(only ? ["--project", only] : [])]);
  }
  if (!only || only === "e2e") {
    // A fresh database for the browser tests, copied from the imported template the integration
    // run left behind, or imported now if that run was skipped.
    const e2eDb = "csc_test_e2e";
    const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
    await admin.connect();
    const hasTemplate = (await admin.query("select 1 from pg_database where datname = 'csc_test_template_loaded'")).rowCount === 1;
    await admin.query(`drop database if exists "${e2eDb}" with (force)`);
    await admin.query(`create database "${e2eDb}"${hasTemplate ? ' template "csc_test_template_loaded"' : ""}`);
    await admin.end();
    const e2eUrl = withDatabase(url, e2eDb);
    if (!hasTemplate) step("Import published data for e2e", bin("tsx"), ["scripts/import.ts"], { DATABASE_URL: e2eUrl });
    step("Seed e2e database", bin("tsx"), ["scripts/seed.ts"], { DATABASE_URL: e2eUrl });
    step("Production build", bin("next"), ["build"]);
    step("Browser tests (Playwright, Chromium)", bin("playwright"), ["test", ...specs], {
      E2E_DATABASE_URL: e2eUrl,
      CHROMIUM_PATH: chromium,
    });
  }
  console.log("\nAll tests passed.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
