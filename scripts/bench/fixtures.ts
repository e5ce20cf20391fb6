// The benchmark database: published data imported, a plan with 5 priorities and 200 actions (half
// linked to indicators, so the evidence RAG is worked out on every render) for one LA, and a team
// manager of that LA signed in through the real path. Bench data is labelled "BENCH" and lives in
// its own database (csc_bench), never the app's.
import pg from "pg";
import { createAccount } from "../../lib/auth/accounts";
import { createAuth } from "../../lib/auth/server";
import { signInWithPassword } from "../../lib/auth/sign-in";
import { createPrismaClient } from "../../lib/core/db/client";
import { parseEnv } from "../../lib/core/env";
import { prepareDatabase } from "../db";
import { DEFAULT_DATA_FOLDER, runImport } from "../import";
import { now } from "../../lib/core/clock";

const THEMES = ["FRONT_DOOR", "WORKFORCE_STABILITY", "CASELOADS", "MANAGEMENT_OVERSIGHT", "QUALITY_ASSURANCE"];
const STATUSES = ["NOT_STARTED", "ON_TRACK", "AT_RISK", "OFF_TRACK", "COMPLETE"] as const;
const INDICATORS = ["agency_rate_fte", "turnover_rate_fte", "caseload_fte", "re_referrals_percent"];
const PASSWORD = "bench harbour kettle purple lamp";

type BenchDatabase = { url: string; laNumbers: string[]; planLa: string; managerCookie: string; analystCookie: string };

export async function currentLaNumbers(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ laNumber: string }>(
      `select "laNumber" from local_authority where "existsTo" is null order by "laNumber"`,
    );
    return rows.map((r) => r.laNumber);
  } finally {
    await client.end();
  }
}

type BenchAccount = { role: "team_manager" | "dcs" | "dfe_analyst" | "admin"; laNumber: string | null; label: string };

/** Creates an account named "Bench <label>" with the bench password; returns its email. */
export async function createBenchAccount(url: string, account: BenchAccount): Promise<{ email: string; password: string }> {
  const db = createPrismaClient(url, { max: 1 });
  try {
    const email = `bench.${account.label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
    await createAccount(db, { name: `Bench ${account.label}`, email, role: account.role, laNumber: account.laNumber, password: PASSWORD });
    return { email, password: PASSWORD };
  } finally {
    await db.$disconnect();
  }
}

/** Creates an account and signs it in through the real path (limits, better-auth, audit); returns its Cookie header. */
async function signInNewAccount(url: string, account: BenchAccount): Promise<string> {
  const { email } = await createBenchAccount(url, account);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const env = parseEnv(process.env);
    const signed = await signInWithPassword(
      { db, auth: createAuth(db, env), env, headers: new Headers({ "x-csc-client-ip": "127.0.0.1" }), now, revalidatePath: () => {} },
      { email, password: PASSWORD },
    );
    if (!signed.ok) throw new Error(`bench sign-in failed: ${signed.reason}`);
    return signed.setCookies.map((c) => c.split(";")[0]).join("; ");
  } finally {
    await db.$disconnect();
  }
}

/** Signs in many accounts through the real path with one database client; returns their Cookie headers in order. */
export async function signInNewAccounts(url: string, accounts: BenchAccount[]): Promise<string[]> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    const env = parseEnv(process.env);
    const auth = createAuth(db, env);
    const cookies: string[] = [];
    for (const account of accounts) {
      const email = `bench.${account.label}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
      await createAccount(db, {
        name: `Bench ${account.label}`,
        email,
        role: account.role,
        laNumber: account.laNumber,
        password: PASSWORD,
      });
      const signed = await signInWithPassword(
        { db, auth, env, headers: new Headers(), now, revalidatePath: () => {} },
        { email, password: PASSWORD },
      );
      if (!signed.ok) throw new Error(`bench sign-in failed for ${account.label}: ${signed.reason}`);
      cookies.push(signed.setCookies.map((c) => c.split(";")[0]).join("; "));
    }
    return cookies;
  } finally {
    await db.$disconnect();
  }
}

/** A small active plan (one priority, `actions` actions) in each LA, for benchmarks that save across many LAs. */
export async function createSmallPlans(url: string, laNumbers: string[], actions = 10): Promise<void> {
  const db = createPrismaClient(url, { max: 2 });
  try {
    for (const laNumber of laNumbers) {
      await db.improvementPlan.updateMany({ where: { laNumber, deletedAt: null }, data: { deletedAt: now() } });
      const plan = await db.improvementPlan.create({
        data: {
          laNumber,
          title: `BENCH plan for ${laNumber}`,
          periodStart: new Date("2025-04-01"),
          periodEnd: new Date("2027-03-31"),
          status: "ACTIVE",
        },
      });
      const priority = await db.planPriority.create({ data: { planId: plan.id, title: "Workforce stability", order: 1 } });
      await db.planAction.createMany({
        data: Array.from({ length: actions }, (_, i) => ({
          planId: plan.id,
          priorityId: priority.id,
          title: `Bench action ${i + 1}`,
          theme: THEMES[i % THEMES.length]!,
          owner: `Owner ${i % 4}`,
          startDate: new Date("2025-04-01"),
          dueDate: new Date(Date.UTC(2027, i % 12, 1 + (i % 28))),
          status: STATUSES[i % 4]!,
          successMeasure: "Measured",
          updatedByName: "Bench",
        })),
      });
    }
  } finally {
    await db.$disconnect();
  }
}

export async function prepareBenchDatabase(planLa = process.env.BENCH_LA ?? "202", database = "csc_bench"): Promise<BenchDatabase> {
  const url = await prepareDatabase(database);
  await runImport(DEFAULT_DATA_FOLDER, url);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await db.improvementPlan.updateMany({ where: { laNumber: planLa, deletedAt: null }, data: { deletedAt: now() } });
    const plan = await db.improvementPlan.create({
      data: {
        laNumber: planLa,
        title: "BENCH plan with 200 actions",
        periodStart: new Date("2024-04-01"),
        periodEnd: new Date("2027-03-31"),
        status: "ACTIVE",
      },
    });
    const priorities: { id: string }[] = [];
    for (let i = 1; i <= 5; i++)
      priorities.push(await db.planPriority.create({ data: { planId: plan.id, title: `Priority ${i}`, order: i } }));
    await db.planAction.createMany({
      data: Array.from({ length: 200 }, (_, i) => {
        const linked = i % 2 === 0;
        return {
          planId: plan.id,
          priorityId: priorities[i % 5]!.id,
          title: `Bench action ${i + 1}`,
          theme: THEMES[i % THEMES.length]!,
          owner: `Owner ${i % 12}`,
          startDate: new Date("2023-04-01"),
          dueDate: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
          status: STATUSES[i % STATUSES.length]!,
          successMeasure: "Measured",
          indicatorId: linked ? INDICATORS[i % INDICATORS.length]! : null,
          target: linked ? 10 : null,
          targetDate: linked ? new Date("2027-03-31") : null,
          updatedByName: "Bench",
        };
      }),
    });
  } finally {
    await db.$disconnect();
  }
  const managerCookie = await signInNewAccount(url, { role: "team_manager", laNumber: planLa, label: "manager" });
  // /risk is for DfE analysts only (decision 0017).
  const analystCookie = await signInNewAccount(url, { role: "dfe_analyst", laNumber: null, label: "analyst" });
  return { url, laNumbers: await currentLaNumbers(url), planLa, managerCookie, analystCookie };
}
