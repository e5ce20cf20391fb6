// npm run db:up | db:down | db:migrate
import path from "node:path";
import { ensureDatabase, projectRoot, startEmbedded, stopEmbedded } from "../lib/core/db/embedded";
import { migrate } from "../lib/core/db/migrate";
import { resolveDatabaseUrl } from "../lib/core/db/url";

export async function prepareDatabase(database?: string): Promise<string> {
  const { url, embedded } = resolveDatabaseUrl(database);
  if (embedded) {
    await startEmbedded();
    await ensureDatabase(url);
  }
  const result = await migrate(url, path.join(projectRoot, "prisma/migrations"));
  for (const name of result.applied) console.log(`Applied migration ${name}`);
  return url;
}

async function main() {
  const command = process.argv[2];
  if (command === "up") {
    await prepareDatabase();
  } else if (command === "migrate") {
    await prepareDatabase();
    console.log("Database schema is up to date.");
  } else if (command === "down") {
    stopEmbedded();
    console.log("Embedded PostgreSQL stopped.");
  } else {
    console.error("usage: tsx scripts/db.ts up|down|migrate");
    process.exit(2);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
