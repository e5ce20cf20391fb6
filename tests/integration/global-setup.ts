// Builds two template databases once per run: one migrated and empty, one with the published data
// imported. Each test file copies the template it needs (CREATE DATABASE … TEMPLATE), so tests are
// isolated and run in parallel against real PostgreSQL.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { projectRoot, startEmbedded } from "../../lib/core/db/embedded";
import { migrate } from "../../lib/core/db/migrate";
import { createPrismaClient } from "../../lib/core/db/client";
import { importFolder } from "../../lib/import/run-import";
import { resolveDatabaseUrl, withDatabase } from "../../lib/core/db/url";

export const EMPTY_TEMPLATE = "csc_test_template_empty";
export const LOADED_TEMPLATE = "csc_test_template_loaded";

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
  const prisma = createPrismaClient(withDatabase(url, LOADED_TEMPLATE));
  try {
    await importFolder(prisma, path.join(projectRoot, "prisma/data/published"));
  } finally {
    await prisma.$disconnect();
  }
  project.provide("serverUrl", adminUrl);
}
