// The names people see for plan statuses, action themes and action statuses. Kept free of zod so the
// plan forms (client components) can show them without sending the validation library to the browser
// (about 30 kB gzip of the plan page's first-load JavaScript); the schemas in lib/plans/schema*.ts
// re-export them and validate against the same keys.

export const PLAN_STATUSES = { DRAFT: "Draft", ACTIVE: "Active", CLOSED: "Closed" } as const;
export type PlanStatusKey = keyof typeof PLAN_STATUSES;

/** Every title in a plan (the plan's, a priority's, an action's): one limit, said in the hint and in the error. */
export const TITLE_MAX = 200;
export const TITLE_HINT = `Up to ${TITLE_MAX} characters`;

export const ACTION_THEMES = {
  FRONT_DOOR: "Front door and early help",
  WORKFORCE_STABILITY: "Workforce stability",
  CASELOADS: "Caseloads",
  MANAGEMENT_OVERSIGHT: "Management oversight",
  QUALITY_ASSURANCE: "Quality assurance",
  PRACTICE: "Practice with children and families",
  OFSTED_RECOMMENDATION: "Ofsted recommendation",
} as const;

export const ACTION_STATUSES = {
  NOT_STARTED: "Not started",
  ON_TRACK: "On track",
  AT_RISK: "At risk",
  OFF_TRACK: "Off track",
  COMPLETE: "Complete",
} as const;

export type ActionTheme = keyof typeof ACTION_THEMES;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** An action's theme as people read it (the stored key, should a theme ever be unknown). */
export function themeLabel(theme: string): string {
  return ACTION_THEMES[theme as ActionTheme] ?? theme;
}
