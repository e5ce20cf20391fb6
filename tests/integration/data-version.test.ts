// The one data-version mechanism (lib/core/data-version.ts, migration 20261207130000_data_version)
// against real PostgreSQL: which scopes a write raises, once per transaction and only when it
// commits; a plan's scope is its LA's; and writers that raise several scopes in opposite orders never
// deadlock on the version rows.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planScope, readDataVersion, triageScope, type DataScope } from "@/lib/core/data-version";
import { TABLE_SCOPES } from "@/lib/page-cache/scopes";
import { makeUser } from "./auth-fixtures";
import { createTestDatabase, type TestDatabase } from "./helpers";
import { makePlanWithAction } from "./plan-fixtures";

let t: TestDatabase;
let plans: { laNumber: string; planId: string; priorityId: string; actionId: string }[];

const SCOPES = [
  "all",
  "figures",
  "users",
  "triage",
  triageScope("393"),
  triageScope("330"),
  planScope("393"),
  planScope("330"),
] as const satisfies readonly DataScope[];

async function versions(): Promise<Record<string, bigint>> {
  const out: Record<string, bigint> = {};
  for (const scope of SCOPES) out[scope] = BigInt(await readDataVersion(t.prisma, scope));
  return out;
}

/** Which scopes rose, and by how much, while `write` ran. */
async function raisedBy(write: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await versions();
  await write();
  const after = await versions();
  return Object.fromEntries(SCOPES.filter((s) => after[s] !== before[s]).map((s) => [s, Number(after[s]! - before[s]!)]));
}

const makePlan = (laNumber: string) => makePlanWithAction(t.prisma, laNumber, "2026-09-30");

beforeAll(async () => {
  t = await createTestDatabase("loaded");
  plans = [await makePlan("393"), await makePlan("330")];
});

afterAll(async () => {
  await t.drop();
});

describe("data version", () => {
  it("raises only the scope written, and `all`, once per committed transaction", async () => {
    expect(
      await raisedBy(() =>
        t.prisma.$transaction([
          t.prisma.localAuthority.update({ where: { laNumber: "393" }, data: { name: "South Tyneside" } }),
          t.prisma.$executeRawUnsafe(
            `update indicator_value set raw = raw where id in (select id from indicator_value order by id limit 300)`,
          ),
        ]),
      ),
    ).toEqual({ all: 1, figures: 1 });

    const user = await makeUser(t.prisma, "team_manager", "393");
    expect(await raisedBy(() => t.prisma.user.update({ where: { id: user.id }, data: { name: "Renamed" } }))).toEqual({ all: 1, users: 1 });

    expect(
      await raisedBy(() =>
        t.prisma.triageState.create({ data: { laNumber: "393", status: "UNDER_REVIEW", updatedAt: new Date(), updatedByName: "Test" } }),
      ),
    ).toEqual({ all: 1, triage: 1, "triage:393": 1 });

    // One transaction writing users and figures: each scope once, `all` once.
    expect(
      await raisedBy(() =>
        t.prisma.$transaction([
          t.prisma.user.update({ where: { id: user.id }, data: { name: "Renamed again" } }),
          t.prisma.localAuthority.update({ where: { laNumber: "330" }, data: { name: "Birmingham" } }),
          t.prisma.user.update({ where: { id: user.id }, data: { name: "And again" } }),
        ]),
      ),
    ).toEqual({ all: 1, users: 1, figures: 1 });
  });

  it("raises `figures` when a statistical-neighbour grouping is written, and leaves no table on the old epoch trigger", async () => {
    // neighbour_model (migration 20261207120000, decision 0021) was created with the page cache's epoch
    // trigger; the data_version migration moves it with the other tables
    expect(await raisedBy(() => t.prisma.neighbourModel.update({ where: { id: "2025-05" }, data: { label: "May 2025" } }))).toEqual({
      all: 1,
      figures: 1,
    });
    const triggers = await t.prisma.$queryRawUnsafe<{ table: string; fn: string }[]>(
      `select c.relname as table, p.proname as fn
         from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_proc p on p.oid = tg.tgfoid
        where not tg.tgisinternal and c.relnamespace = 'public'::regnamespace`,
    );
    expect(triggers.filter((r) => r.table === "neighbour_model").map((r) => r.fn)).toEqual(["bump_data_version", "bump_data_version"]);
    expect(triggers.filter((r) => r.fn === "bump_cache_epoch")).toEqual([]);
    expect(await t.prisma.$queryRawUnsafe(`select proname from pg_proc where proname = 'bump_cache_epoch'`)).toEqual([]);
  });

  it("gives each LA's plan its own scope: a plan, priority, action or update raises only its LA's", async () => {
    const [st, bham] = plans as [(typeof plans)[0], (typeof plans)[0]];
    expect(await raisedBy(() => t.prisma.planAction.update({ where: { id: st.actionId }, data: { owner: "Director" } }))).toEqual({
      all: 1,
      "plans:393": 1,
    });
    expect(
      await raisedBy(() =>
        t.prisma.actionUpdate.create({
          data: { actionId: bham.actionId, authorName: "Test", narrative: "Started", statusBefore: "NOT_STARTED", statusAfter: "ON_TRACK" },
        }),
      ),
    ).toEqual({ all: 1, "plans:330": 1 });
    expect(await raisedBy(() => t.prisma.planPriority.update({ where: { id: bham.priorityId }, data: { title: "Staff" } }))).toEqual({
      all: 1,
      "plans:330": 1,
    });
    expect(await raisedBy(() => t.prisma.improvementPlan.update({ where: { id: st.planId }, data: { title: "Renamed" } }))).toEqual({
      all: 1,
      "plans:393": 1,
    });
  });

  it("raises every LA's plan scope when a row's plan cannot be found (deleted outright in the same transaction)", async () => {
    const extra = await makePlan("393");
    expect(
      await raisedBy(() =>
        t.prisma.$transaction([
          t.prisma.planAction.deleteMany({ where: { planId: extra.planId } }),
          t.prisma.planPriority.deleteMany({ where: { planId: extra.planId } }),
          t.prisma.improvementPlan.delete({ where: { id: extra.planId } }),
        ]),
      ),
    ).toEqual({ all: 1, "plans:393": 1, "plans:330": 1 });
  });

  it("changes nothing for a rolled-back transaction or a statement that changes no row, and is not raised before commit", async () => {
    expect(
      await raisedBy(async () => {
        await t.prisma.$executeRawUnsafe(`update indicator_value set raw = raw where false`);
        await t.prisma
          .$transaction(async (tx) => {
            await tx.localAuthority.update({ where: { laNumber: "393" }, data: { name: "Rolled back" } });
            await tx.planAction.update({ where: { id: plans[0]!.actionId }, data: { owner: "Rolled back" } });
            throw new Error("roll back");
          })
          .catch(() => {});
      }),
    ).toEqual({});

    const before = await readDataVersion(t.prisma, "figures");
    await t.prisma.$transaction(async (tx) => {
      await tx.localAuthority.update({ where: { laNumber: "393" }, data: { name: "South Tyneside" } });
      expect(await readDataVersion(tx, "figures")).toBe(before); // raised as the transaction commits
    });
    expect(BigInt(await readDataVersion(t.prisma, "figures"))).toBe(BigInt(before) + 1n);
  });

  it("reads a scope that was never written as version 0", async () => {
    expect(await readDataVersion(t.prisma, planScope("999"))).toBe("0");
  });

  it("never deadlocks two writers that raise the same scopes in opposite orders", async () => {
    const user = await makeUser(t.prisma, "dfe_analyst", null);
    const a = new pg.Client({ connectionString: t.url });
    const b = new pg.Client({ connectionString: t.url });
    await Promise.all([a.connect(), b.connect()]);
    const before = await versions();
    try {
      await a.query("begin");
      await b.query("begin");
      // SET CONSTRAINTS … IMMEDIATE runs the deferred triggers at once, so the order is forced:
      // a raises users, then b asks for figures, then a asks for figures and commits, then b users.
      await a.query(`update app_user set name = 'A' where id = $1`, [user.id]);
      await a.query("set constraints all immediate");
      await b.query(`update local_authority set name = name where "laNumber" = '394'`);
      const bFigures = b.query("set constraints all immediate"); // waits for a: a holds `all`
      await a.query(`update local_authority set name = name where "laNumber" = '393'`);
      await a.query("set constraints all immediate");
      await a.query("commit");
      await bFigures;
      await b.query(`update app_user set name = 'B' where id = $1`, [user.id]);
      await b.query("commit");
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const after = await versions();
    expect([after.all! - before.all!, after.users! - before.users!, after.figures! - before.figures!]).toEqual([2n, 2n, 2n]);
  });
});

describe("data version: every table has its scope (decision 0029)", () => {
  it("lists every table with the scope its triggers raise, or why no cached page shows it, and the database agrees", async () => {
    const tables = await t.prisma.$queryRawUnsafe<{ table: string }[]>(
      `select tablename as table from pg_tables where schemaname = 'public' order by 1`,
    );
    // A table missing from TABLE_SCOPES is a table nobody decided about: a page could show it uncached-safe or not.
    expect(tables.map((r) => r.table).filter((name) => !(name in TABLE_SCOPES))).toEqual([]);
    expect(Object.keys(TABLE_SCOPES).filter((name) => !tables.some((r) => r.table === name))).toEqual([]);

    const triggers = await t.prisma.$queryRawUnsafe<{ table: string; def: string; deferred: boolean }[]>(
      `select c.relname as table, pg_get_triggerdef(tg.oid) as def, tg.tgdeferrable and tg.tginitdeferred as deferred
         from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
        where not tg.tgisinternal and c.relnamespace = 'public'::regnamespace and tg.tgfoid = 'bump_data_version'::regproc`,
    );
    const raised = (table: string) =>
      triggers
        .filter((r) => r.table === table)
        .map((r) => ({ kind: /bump_data_version\('(\w+)'\)/.exec(r.def)?.[1], def: r.def, deferred: r.deferred }));
    for (const [table, scope] of Object.entries(TABLE_SCOPES)) {
      const mine = raised(table);
      if (typeof scope === "object") {
        expect(mine, `${table} is listed as not shown (${scope.notShown}) but raises a scope`).toEqual([]);
        continue;
      }
      // One deferred row trigger for insert/update/delete (insert only for the append-only audit log), one for TRUNCATE.
      expect(
        mine.map((m) => m.kind),
        table,
      ).toEqual([scope, scope]);
      const row = mine.find((m) => !/TRUNCATE/.test(m.def));
      expect(row?.deferred, table).toBe(true);
      expect(row?.def, table).toMatch(table === "audit_event" ? /AFTER INSERT ON/ : /AFTER INSERT OR DELETE OR UPDATE ON/);
      expect(
        mine.some((m) => /AFTER TRUNCATE/.test(m.def)),
        table,
      ).toBe(true);
    }
  });

  it("raises an LA's plan scope for an audit row of a plan or priority change, and nothing for any other audit row", async () => {
    const [st, bham] = plans as [(typeof plans)[0], (typeof plans)[0]];
    const audit = (data: { action: string; entityType: string; entityId?: string; after?: object; outcome?: "SUCCESS" | "REFUSED" }) =>
      t.prisma.auditEvent.create({ data: { outcome: "SUCCESS", ...data } });
    expect(await raisedBy(() => audit({ action: "plan.update", entityType: "improvement_plan", entityId: st.planId }))).toEqual({
      all: 1,
      "plans:393": 1,
    });
    expect(
      await raisedBy(() =>
        audit({ action: "plan.priority.rename", entityType: "plan_priority", entityId: bham.priorityId, after: { planId: bham.planId } }),
      ),
    ).toEqual({ all: 1, "plans:330": 1 });
    expect(await raisedBy(() => audit({ action: "auth.sign_in", entityType: "user" }))).toEqual({});
    expect(
      await raisedBy(() => audit({ action: "plan.update", entityType: "improvement_plan", entityId: st.planId, outcome: "REFUSED" })),
    ).toEqual({});
  });

  it("gives each LA's triage its own scope beside `triage`", async () => {
    // An LA's triage scope has a row from its first triage write on (the migration made one per LA that
    // existed then); a truncate raises every row there is — an LA with none never had anything to remove.
    await t.prisma.triageState.upsert({
      where: { laNumber: "393" },
      create: { laNumber: "393", status: "UNDER_REVIEW", updatedAt: new Date(), updatedByName: "Test" },
      update: { status: "UNDER_REVIEW", version: { increment: 1 } },
    });
    expect(
      await raisedBy(() =>
        t.prisma.triageState.upsert({
          where: { laNumber: "330" },
          create: { laNumber: "330", status: "ESCALATED", updatedAt: new Date(), updatedByName: "Test" },
          update: { status: "ESCALATED", version: { increment: 1 } },
        }),
      ),
    ).toEqual({ all: 1, triage: 1, "triage:330": 1 });
    expect(await raisedBy(() => t.prisma.$executeRawUnsafe(`truncate triage_event, triage_state`))).toEqual({
      all: 1,
      triage: 1,
      "triage:393": 1,
      "triage:330": 1,
    });
  });
});
