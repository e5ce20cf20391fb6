// The sample improvement-plan action the plan tests submit: every field of the action form, filled
// as a team manager would (an owner typed in, a linked indicator with a target).
import type { Db } from "@/lib/core/db/client";
import { OTHER_OWNER } from "@/lib/plans/owner";

export function sampleActionForm(priorityId: string, over: Record<string, string> = {}) {
  return {
    priorityId,
    title: "Reduce reliance on agency social workers",
    description: "Convert agency posts to permanent ones",
    theme: "WORKFORCE_STABILITY",
    ofstedRecommendation: "",
    ownerUserId: OTHER_OWNER,
    ownerOther: "Head of workforce",
    startDate: "2023-04-01",
    dueDate: "2027-09-30",
    status: "NOT_STARTED",
    successMeasure: "Agency rate below 15%",
    indicatorId: "agency_rate_fte",
    target: "15",
    targetDate: "2027-09-30",
    evidenceLinks: "https://example.org/board-paper",
    ...over,
  };
}

/** A plan with one priority and one action in this LA, written straight to the database as the seed would (its writes raise plans:<LA>). */
export async function makePlanWithAction(db: Db, laNumber: string, dueDate = "2027-03-30") {
  const plan = await db.improvementPlan.create({
    data: { laNumber, title: `Plan ${laNumber}`, periodStart: new Date("2026-04-01"), periodEnd: new Date("2027-03-31") },
  });
  const priority = await db.planPriority.create({ data: { planId: plan.id, title: "Workforce", order: 1 } });
  const action = await db.planAction.create({
    data: {
      planId: plan.id,
      priorityId: priority.id,
      title: "Recruit permanent social workers",
      theme: "workforce",
      owner: "Head of service",
      startDate: new Date("2026-04-01"),
      dueDate: new Date(dueDate),
      successMeasure: "Agency rate below 20%",
    },
  });
  return { laNumber, planId: plan.id, priorityId: priority.id, actionId: action.id };
}
