// Builds the template databases once per run: one migrated and empty, one with the published data
// imported, and one with only the files published before the 2025 releases (for tests that import a
// newer release over the 2024 editions). Each test file copies the template it needs (CREATE DATABASE
// … TEMPLATE), so tests are isolated and run in parallel against real PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { projectRoot, startEmbedded } from "../../lib/core/db/embedded";
import { migrate } from "../../lib/core/db/migrate";
import { createPrismaClient } from "../../lib/core/db/client";
import { importFolder } from "../../lib/import/run-import";
import { resolveDatabaseUrl, withDatabase } from "../../lib/core/db/url";

const EMPTY_TEMPLATE = "csc_test_template_empty";
const LOADED_TEMPLATE = "csc_test_template_loaded";
const LOADED_2024_TEMPLATE = "csc_test_template_loaded_2024";

/** The default data folder before the 2025 releases and the children looked after files (decision 0020). */
const FILES_BEFORE_2025 = [
  "csww_indicators_2017_to_2024.csv",
  "b1_children_in_need_2013_to_2024.csv",
  "c1_children_in_need_referrals_and_rereferrals_2013_to_2024.csv",
  "d3_cpps_subsequent_plan_2013_to_2024.csv",
  "ons_mid-year_population_estimates_2012_to_2024.csv",
  "New_Statistical_Neighbour_Groupings_April_2021.csv",
  "LA_Inspection_Outcomes_as_at_March_2024.ods",
  "LA_Inspection_Outcomes_as_at_31_March_2025.ods",
] as const;

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

async function recreate(adminUrl: string, name: string, template?: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name]);
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"${template ? ` template "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const { url, embedded } = resolveDatabaseUrl("postgres");
  if (embedded) await startEmbedded(() => {});
  const adminUrl = withDatabase(url, "postgres");
  await recreate(adminUrl, EMPTY_TEMPLATE);
  await migrate(withDatabase(url, EMPTY_TEMPLATE), path.join(projectRoot, "prisma/migrations"));
  await recreate(adminUrl, LOADED_TEMPLATE, EMPTY_TEMPLATE);
  await recreate(adminUrl, LOADED_2024_TEMPLATE, EMPTY_TEMPLATE);
  const published = path.join(projectRoot, "prisma/data/published");
  const before2025 = fs.mkdtempSync(path.join(os.tmpdir(), "csc-before-2025-"));
  for (const name of FILES_BEFORE_2025) fs.copyFileSync(path.join(published, name), path.join(before2025, name));
  for (const [database, folder] of [
    [LOADED_TEMPLATE, published],
    [LOADED_2024_TEMPLATE, before2025],
  ] as const) {
    const prisma = createPrismaClient(withDatabase(url, database));
    try {
      await importFolder(prisma, folder);
    } finally {
      await prisma.$disconnect();
    }
  }
  fs.rmSync(before2025, { recursive: true, force: true });
  project.provide("serverUrl", adminUrl);
}
