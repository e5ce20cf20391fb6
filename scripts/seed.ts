// Seeds what is not published data: the demo sign-in accounts (lib/auth/demo-accounts.ts).
// Run by `npm start` and by the test command for the e2e database. Idempotent: each run puts the
// demo accounts back to their documented role, LA and password.
// With APP_ENV=production nothing is created and any demo accounts are disabled.
import { createPrismaClient } from "../lib/core/db/client";
import { parseEnv } from "../lib/core/env";
import { createAccount, setPassword } from "../lib/auth/accounts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/auth/demo-accounts";
import { DEMO_PLAN_LAS, removeDemoPlans, seedDemoPlan } from "../lib/plans/demo-plan";
import { prepareDatabase } from "./db";
import { now } from "../lib/core/clock";

async function main() {
  const env = parseEnv(process.env);
  const url = await prepareDatabase();
  const db = createPrismaClient(url, { max: 2 });
  try {
    if (env.isProduction) {
      const { count } = await db.user.updateMany({ where: { isDemo: true, disabledAt: null }, data: { disabledAt: now() } });
      await db.session.deleteMany({ where: { user: { isDemo: true } } });
      console.log(`Seed: APP_ENV=production — no demo accounts${count ? `; disabled ${count} existing demo account(s)` : ""}.`);
      const plans = await removeDemoPlans(db, now());
      console.log(`Seed: APP_ENV=production — no demo improvement plans${plans ? `; hid ${plans} existing demo plan(s)` : ""}.`);
      return;
    }
    for (const demo of DEMO_ACCOUNTS) {
      const existing = await db.user.findUnique({ where: { email: demo.email }, select: { id: true } });
      if (existing) {
        await db.user.update({
          where: { id: existing.id },
          data: { name: demo.name, role: demo.role, laNumber: demo.laNumber, isDemo: true, disabledAt: null },
        });
        await setPassword(db, existing.id, DEMO_PASSWORD);
      } else {
        await createAccount(db, { ...demo, password: DEMO_PASSWORD, isDemo: true });
      }
    }
    console.log(`Seed: ${DEMO_ACCOUNTS.length} demo accounts ready (password in README; refused when APP_ENV=production).`);
    // Demo improvement plans (issue 7), labelled as demo data in the UI; additive and idempotent.
    let created = 0;
    for (const laNumber of DEMO_PLAN_LAS) if (await seedDemoPlan(db, laNumber, now())) created += 1;
    console.log(`Seed: demo improvement plans for ${DEMO_PLAN_LAS.join(", ")} ${created ? `(${created} created)` : "already present"}.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
