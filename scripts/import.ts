// npm run import [-- <folder>]
// Imports the published files (default prisma/data/published) into the database: DATABASE_URL,
// or the embedded PostgreSQL when it is not set. All or nothing: any error leaves the database as it was.
import path from "node:path";
import { projectRoot } from "../lib/core/db/embedded";
import { createPrismaClient } from "../lib/core/db/client";
import "../lib/import-hooks"; // after-import hooks (triage reopen) run in the import transaction
import { formatSummary, importFolder } from "../lib/import/run-import";
import { ImportError } from "../lib/import/types";
import { prepareDatabase } from "./db";

export const DEFAULT_DATA_FOLDER = path.join(projectRoot, "prisma/data/published");

export async function runImport(folder: string, databaseUrl?: string): Promise<void> {
  const url = databaseUrl ?? (await prepareDatabase());
  const prisma = createPrismaClient(url);
  try {
    const summary = await importFolder(prisma, folder, (line) => console.log(line));
    console.log(formatSummary(summary));
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv[2];
  const folder = arg ? path.resolve(process.cwd(), arg) : DEFAULT_DATA_FOLDER;
  runImport(folder).catch((error) => {
    if (error instanceof ImportError) {
      console.error(`Import failed — nothing was changed.\n  ${error.message}`);
    } else {
      console.error(`Import failed — nothing was changed.\n  ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  });
}
