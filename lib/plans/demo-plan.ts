// A made-up, clearly-labelled demonstration improvement plan, seeded for a few LAs by scripts/seed.ts
// (never when APP_ENV=production) so the plan views are not empty on first run. Every row has
// isDemo = true and the UI says "Demo data". Dates are relative to `now` so "overdue" stays meaningful.
import { today } from "@/lib/core/clock";
import type { Db } from "@/lib/core/db/client";
import type { PlanActionStatus } from "@/lib/generated/prisma/enums";
import { addDays } from "@/lib/risk/dates";
import { fromDateOnly } from "./dates";

/** South Tyneside (the demo accounts' LA), Birmingham, Liverpool. */
export const DEMO_PLAN_LAS = ["393", "330", "341"] as const;

type DemoAction = {
  priority: number;
  title: string;
  theme: string;
  owner: string;
  start: string;
  dueInDays: number;
  status: PlanActionStatus;
  successMeasure: string;
  indicatorId?: string;
  target?: number;
  ofstedRecommendation?: string;
  updates?: { daysAgo: number; narrative: string; from: PlanActionStatus; to: PlanActionStatus }[];
};

const PRIORITIES = ["A stable, permanent workforce", "A safe, timely front door", "Strong management oversight and quality assurance"];

const ACTIONS: DemoAction[] = [
  {
    priority: 1,
    title: "Convert agency social worker posts to permanent ones",
    theme: "WORKFORCE_STABILITY",
    owner: "Head of workforce development",
    start: "2023-04-01",
    dueInDays: 240,
    status: "ON_TRACK",
    successMeasure: "Agency rate at or below 5% of FTE",
    indicatorId: "agency_rate_fte",
    target: 5,
    updates: [{ daysAgo: 20, narrative: "Recruitment campaign launched; four offers accepted.", from: "NOT_STARTED", to: "ON_TRACK" }],
  },
  {
    priority: 1,
    title: "Retention offer for experienced social workers",
    theme: "WORKFORCE_STABILITY",
    owner: "Principal social worker",
    start: "2024-01-01",
    dueInDays: 150,
    status: "AT_RISK",
    successMeasure: "Turnover at or below 9% (FTE)",
    indicatorId: "turnover_rate_fte",
    target: 9,
    updates: [
      {
        daysAgo: 9,
        narrative: "Market supplement agreed but not yet paid; two senior leavers this quarter.",
        from: "ON_TRACK",
        to: "AT_RISK",
      },
    ],
  },
  {
    priority: 1,
    title: "Bring average caseloads down to a manageable level",
    theme: "CASELOADS",
    owner: "Service manager, safeguarding",
    start: "2023-01-01",
    dueInDays: 90,
    status: "ON_TRACK",
    successMeasure: "Average caseload at or below 15 per case-holding social worker",
    indicatorId: "caseload_fte",
    target: 15,
  },
  {
    priority: 2,
    title: "Single multi-agency front door with consistent thresholds",
    theme: "FRONT_DOOR",
    owner: "Head of MASH",
    start: "2025-09-01",
    dueInDays: -30,
    status: "OFF_TRACK",
    successMeasure: "Threshold decisions audited monthly; 90% judged appropriate",
    ofstedRecommendation: "Ensure that thresholds are understood and consistently applied at the front door.",
    updates: [
      { daysAgo: 35, narrative: "Partner IT integration delayed by the police force's system change.", from: "ON_TRACK", to: "OFF_TRACK" },
    ],
  },
  {
    priority: 2,
    title: "Reduce re-referrals within 12 months",
    theme: "FRONT_DOOR",
    owner: "Early help lead",
    start: "2024-04-01",
    dueInDays: 300,
    status: "NOT_STARTED",
    successMeasure: "Re-referral rate at or below the England average",
    indicatorId: "re_referrals_percent",
    target: 21,
  },
  {
    priority: 3,
    title: "Monthly supervision audit with feedback to practitioners",
    theme: "MANAGEMENT_OVERSIGHT",
    owner: "Head of quality assurance",
    start: "2025-06-01",
    dueInDays: 60,
    status: "COMPLETE",
    successMeasure: "95% of supervision records meet the standard",
    updates: [
      { daysAgo: 60, narrative: "Audit tool agreed with team managers.", from: "NOT_STARTED", to: "ON_TRACK" },
      { daysAgo: 5, narrative: "Three consecutive months above 95%. Closing.", from: "ON_TRACK", to: "COMPLETE" },
    ],
  },
];

const DAY = 86_400_000;

/** Creates the demo plan for the LA unless one is already there. Returns whether it created one. */
export async function seedDemoPlan(db: Db, laNumber: string, now: Date): Promise<boolean> {
  if (await db.improvementPlan.findFirst({ where: { laNumber, isDemo: true, deletedAt: null }, select: { id: true } })) return false;
  const indicators = new Set((await db.indicator.findMany({ select: { id: true } })).map((i) => i.id));
  await db.$transaction(async (tx) => {
    const plan = await tx.improvementPlan.create({
      data: {
        laNumber,
        title: "DEMO improvement plan 2024 to 2027",
        periodStart: new Date("2024-04-01T00:00:00Z"),
        periodEnd: new Date("2027-03-31T00:00:00Z"),
        status: "ACTIVE",
        isDemo: true,
      },
      select: { id: true },
    });
    const priorityIds: string[] = [];
    for (const [i, title] of PRIORITIES.entries()) {
      priorityIds.push(
        (await tx.planPriority.create({ data: { planId: plan.id, title, order: i + 1, isDemo: true }, select: { id: true } })).id,
      );
    }
    for (const a of ACTIONS) {
      const linked = a.indicatorId && indicators.has(a.indicatorId);
      const due = fromDateOnly(addDays(today(now), a.dueInDays));
      // last changed when its latest progress note was posted (or when it started), not when the demo was seeded
      const daysAgo = Math.min(...(a.updates ?? []).map((u) => u.daysAgo));
      const updatedAt = Number.isFinite(daysAgo) ? new Date(now.getTime() - daysAgo * DAY) : new Date(`${a.start}T09:00:00Z`);
      const action = await tx.planAction.create({
        data: {
          planId: plan.id,
          priorityId: priorityIds[a.priority - 1]!,
          title: a.title,
          description: "Demonstration action: made-up content to show how the plan works.",
          theme: a.theme,
          ofstedRecommendation: a.ofstedRecommendation ?? null,
          owner: a.owner,
          startDate: new Date(`${a.start}T00:00:00Z`),
          dueDate: due,
          status: a.status,
          successMeasure: a.successMeasure,
          indicatorId: linked ? a.indicatorId : null,
          target: linked ? (a.target ?? null) : null,
          targetDate: linked ? due : null,
          evidenceLinks: [],
          updatedByName: "Demo team manager",
          updatedAt,
          isDemo: true,
        },
        select: { id: true },
      });
      for (const u of a.updates ?? []) {
        await tx.actionUpdate.create({
          data: {
            actionId: action.id,
            authorName: "Demo team manager",
            at: new Date(now.getTime() - u.daysAgo * DAY),
            narrative: u.narrative,
            statusBefore: u.from,
            statusAfter: u.to,
            isDemo: true,
          },
        });
      }
    }
  });
  return true;
}

/** APP_ENV=production: demo plans are hidden (soft-deleted), never shown as real. */
export async function removeDemoPlans(db: Db, now: Date): Promise<number> {
  const { count } = await db.improvementPlan.updateMany({ where: { isDemo: true, deletedAt: null }, data: { deletedAt: now } });
  return count;
}
