// Dashboard areas, in the order a dashboard shows them: Ofsted's ILACS judgement areas ("Help and
// protection", "Children in care", "Care leavers", "Leadership and workforce" — the impact of leaders),
// the outcomes of children in need and looked after, and context. Only areas some indicator belongs
// to are listed (the catalogue test checks that).
import type { AreaDef } from "./types";

export const AREAS = [
  {
    id: "help_and_protection",
    label: "Help and protection",
    description: "Children in need, referrals and child protection: the experiences and progress of children who need help and protection.",
  },
  {
    id: "children_in_care",
    label: "Children in care",
    description:
      "Children looked after by the authority: how many, how many start to be looked after, and the stability of their placements, schools and social workers.",
  },
  {
    id: "care_leavers",
    label: "Care leavers",
    description:
      "Young people who were looked after: whether they are in education, employment or training, and in suitable accommodation.",
  },
  {
    id: "outcomes",
    label: "Outcomes",
    description:
      "How children in need and children looked after do: school attainment and attendance, health assessments, and convictions of children in care.",
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
