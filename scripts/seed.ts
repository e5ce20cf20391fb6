// Seeds what is not published data. Nothing yet: sign-in accounts and demo improvement plans
// arrive with their issues. Kept so the start and test commands have one place to call.
import { prepareDatabase } from "./db";

async function main() {
  await prepareDatabase();
  console.log("Seed: nothing to seed yet.");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
