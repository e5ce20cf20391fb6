// The sample improvement-plan action the plan tests submit: every field of the action form, filled
// as a team manager would (an owner typed in, a linked indicator with a target).
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
