// npm run triage:rebaseline — the one-off re-baseline of decision 0030 (lib/triage/rebaseline.ts):
// every REVIEWED LA whose snapshot predates the current risk design has its snapshot re-taken under it
// as at the day of the review, so the next import reopens only what new data made worse. Audited;
// running it again changes nothing. Uses DATABASE_URL, or the embedded database.
import { createPrismaClient } from "../lib/core/db/client";
import { now } from "../lib/core/clock";
import { rebaselineReviewedTriage } from "../lib/triage/rebaseline";
import { prepareDatabase } from "./db";

async function main() {
  const url = await prepareDatabase();
  const prisma = createPrismaClient(url);
  try {
    await rebaselineReviewedTriage(prisma, { now: now(), log: (line) => console.log(line) });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
