// Dashboard areas, in the order a dashboard shows them. Ofsted's ILACS judgement areas are "Help and
// protection", "Children in care", "Care leavers", "Leadership and workforce" (the impact of leaders)
// and "Outcomes"; only the areas some indicator belongs to are listed (the catalogue test checks
// that): the next series (children in care, care leavers, outcomes) add theirs with their first
// indicator.
import type { AreaDef } from "./types";

export const AREAS = [
  {
    id: "help_and_protection",
    label: "Help and protection",
    description: "Children in need, referrals and child protection: the experiences and progress of children who need help and protection.",
  },
  {
    id: "outcomes",
    label: "Outcomes",
    description: "How children fare: their health and safety, such as hospital admissions caused by injuries.",
  },
  {
    id: "leadership_and_workforce",
    label: "Leadership and workforce",
    description: "The social work workforce: agency use, turnover, vacancies and caseloads, the lead indicators of the impact of leaders.",
  },
  {
    id: "context",
    label: "Context",
    description: "Figures that describe the authority rather than its services, such as the child population used as a denominator.",
  },
] as const satisfies readonly AreaDef[];

export type AreaId = (typeof AREAS)[number]["id"];
