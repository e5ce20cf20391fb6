// Reads for the plan pages, the DCS summary and the board report, over any client (the app's in
// lib/plans/server.ts; a test database's in integration tests). Returns plain serialisable shapes.
import { indicatorsBy } from "@/lib/catalogue";
import type { Db } from "@/lib/core/db/client";
import type { PlanActionStatus, PlanStatus } from "@/lib/generated/prisma/enums";
import type { OwnerCandidate } from "@/lib/plans/owner";
import { PLAN_CHANGE_ACTIONS } from "./audit-actions";
import { EVIDENCE_LABELS, type EvidenceRag, type Figure, type Polarity } from "./evidence";
import { toDateOnly } from "./dates";
import type { IndicatorChoice } from "./indicator-choices";
import { COLLATOR, compareIso, evidenceForAction, filterAndSortActions, isOverdue, type ActionFilters, type LinkedEvidence } from "./loop";

type PlanHeader = {
  id: string;
  laNumber: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  version: number;
  isDemo: boolean;
};

type IndicatorInfo = { id: string; label: string; unit: string; decimals: number; polarity: Polarity };

export type ActionListItem = {
  id: string;
  priorityId: string;
  title: string;
  theme: string;
  owner: string;
  startDate: string;
  dueDate: string;
  status: PlanActionStatus;
  updatedAt: string;
  updatedByName: string | null;
  isDemo: boolean;
  overdue: boolean;
  indicator: IndicatorInfo | null;
  target: number | null;
  targetDate: string | null;
  evidence: LinkedEvidence | null;
};

const PLAN_SELECT = {
  id: true,
  laNumber: true,
  title: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  version: true,
  isDemo: true,
} as const;

function planHeader(p: {
  id: string;
  laNumber: string;
  title: string;
  periodStart: Date;
  periodEnd: Date;
  status: PlanStatus;
  version: number;
  isDemo: boolean;
}): PlanHeader {
  return { ...p, periodStart: toDateOnly(p.periodStart), periodEnd: toDateOnly(p.periodEnd) };
}

// status enum order is DRAFT, ACTIVE, CLOSED: "asc" puts open plans first.
const CURRENT_FIRST = [{ status: "asc" }, { periodStart: "desc" }, { createdAt: "desc" }] as const;

/** The LA's current plan: the latest one not closed, else the latest closed one. */
async function findCurrentPlan(db: Db, laNumber: string): Promise<PlanHeader | null> {
  const plan = await db.improvementPlan.findFirst({
    where: { laNumber, deletedAt: null },
    orderBy: [...CURRENT_FIRST],
    select: PLAN_SELECT,
  });
  return plan ? planHeader(plan) : null;
}

/**
 * The plan a page shows: the one asked for by id (`?plan=…`, e.g. a closed plan after a new one has
 * started) if it belongs to this LA, else the current one. An unknown or other LA's id gives null.
 */
async function findPlan(db: Db, laNumber: string, planId?: string): Promise<PlanHeader | null> {
  if (!planId) return findCurrentPlan(db, laNumber);
  const plan = await db.improvementPlan.findFirst({ where: { id: planId, laNumber, deletedAt: null }, select: PLAN_SELECT });
  return plan ? planHeader(plan) : null;
}

/** Every plan of the LA, current first then newest, for the "other plans" list. */
export async function listPlans(db: Db, laNumber: string): Promise<PlanHeader[]> {
  return (
    await db.improvementPlan.findMany({ where: { laNumber, deletedAt: null }, orderBy: [...CURRENT_FIRST], select: PLAN_SELECT })
  ).map(planHeader);
}

/** The LA's own people an action can be given to: its enabled directors and team managers, by name. */
export async function listOwnerCandidates(db: Db, laNumber: string): Promise<OwnerCandidate[]> {
  const users = await db.user.findMany({
    where: { laNumber, role: { in: ["dcs", "team_manager"] }, disabledAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
  return users.flatMap((u) => (u.role === "dcs" || u.role === "team_manager" ? [{ id: u.id, name: u.name, role: u.role }] : []));
}

/**
 * Who last changed the plan or its priorities, and when — from the audit log, which every such
 * change writes in its own transaction (the plan table keeps no "changed by" column). Priority
 * rows carry the plan's id in `after.planId`.
 */
export async function lastPlanChange(db: Db, planId: string): Promise<{ by: string | null; at: Date } | null> {
  const event = await db.auditEvent.findFirst({
    where: {
      outcome: "SUCCESS",
      action: { in: [...PLAN_CHANGE_ACTIONS] },
      OR: [
        { entityType: "improvement_plan", entityId: planId },
        { entityType: "plan_priority", after: { path: ["planId"], equals: planId } },
      ],
    },
    orderBy: { id: "desc" },
    select: { at: true, actorId: true },
  });
  if (!event) return null;
  const actor = event.actorId ? await db.user.findUnique({ where: { id: event.actorId }, select: { name: true } }) : null;
  return { by: actor?.name ?? null, at: event.at };
}

type PriorityRow = { id: string; title: string; order: number; liveActions: number };

/** The plan's live priorities in order, each with how many live actions it holds. */
async function listPriorities(db: Db, planId: string): Promise<PriorityRow[]> {
  const [priorities, counts] = await Promise.all([
    db.planPriority.findMany({
      where: { planId, deletedAt: null },
      orderBy: [{ order: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, order: true },
    }),
    db.planAction.groupBy({ by: ["priorityId"], where: { planId, deletedAt: null }, _count: { _all: true } }),
  ]);
  const byPriority = new Map(counts.map((c) => [c.priorityId, c._count._all]));
  return priorities.map((p) => ({ ...p, liveActions: byPriority.get(p.id) ?? 0 }));
}

type PrioritiesView = { plan: PlanHeader; priorities: PriorityRow[]; lastChange: { by: string | null; at: string } | null };

/** The current plan's priorities (for the DCS's priorities page). */
export async function getPrioritiesView(db: Db, laNumber: string): Promise<PrioritiesView | null> {
  const plan = await findCurrentPlan(db, laNumber);
  if (!plan) return null;
  const [priorities, last] = await Promise.all([listPriorities(db, plan.id), lastPlanChange(db, plan.id)]);
  return { plan, priorities, lastChange: last ? { by: last.by, at: last.at.toISOString() } : null };
}

/** One live priority of the LA's plan, with the plan's other priorities (where its actions could move). */
export async function getPriorityDetail(
  db: Db,
  laNumber: string,
  priorityId: string,
): Promise<{ plan: PlanHeader; priority: PriorityRow; others: PriorityRow[] } | null> {
  const row = await db.planPriority.findFirst({
    where: { id: priorityId, deletedAt: null, plan: { laNumber, deletedAt: null } },
    select: { plan: { select: PLAN_SELECT } },
  });
  if (!row) return null;
  const priorities = await listPriorities(db, row.plan.id);
  const priority = priorities.find((p) => p.id === priorityId);
  if (!priority) return null;
  return { plan: planHeader(row.plan), priority, others: priorities.filter((p) => p.id !== priorityId) };
}

/** The plan's details for its edit page, with who changed it last. */
export async function getPlanDetails(
  db: Db,
  laNumber: string,
): Promise<{ plan: PlanHeader; lastChange: { by: string | null; at: string } | null } | null> {
  const plan = await findCurrentPlan(db, laNumber);
  if (!plan) return null;
  const last = await lastPlanChange(db, plan.id);
  return { plan, lastChange: last ? { by: last.by, at: last.at.toISOString() } : null };
}

/** Published figures for the LA for each indicator, oldest first. */
async function figuresFor(db: Db, laNumber: string, indicatorIds: string[]): Promise<Map<string, Figure[]>> {
  const out = new Map<string, Figure[]>();
  if (indicatorIds.length === 0) return out;
  const rows = await db.indicatorValue.findMany({
    where: { geoLevel: "LOCAL_AUTHORITY", geoCode: laNumber, indicatorId: { in: indicatorIds } },
    orderBy: { period: "asc" },
    select: { indicatorId: true, period: true, value: true, marker: true, raw: true },
  });
  for (const r of rows) {
    const list = out.get(r.indicatorId) ?? [];
    list.push({ period: r.period, value: r.value, marker: r.marker, raw: r.raw });
    out.set(r.indicatorId, list);
  }
  return out;
}

/** Indicators an action may link to: every imported indicator of the catalogue, headline ones first, then in catalogue order; with its area (the form groups them). */
export async function listPlanIndicators(db: Db): Promise<(IndicatorInfo & IndicatorChoice)[]> {
  const imported = new Set((await db.indicator.findMany({ select: { id: true } })).map((i) => i.id));
  const all = indicatorsBy({}).filter((d) => imported.has(d.id));
  const isHeadline = (d: (typeof all)[number]) => d.roles?.includes("headline") ?? false;
  return [...all.filter(isHeadline), ...all.filter((d) => !isHeadline(d))].map((d) => ({
    id: d.id,
    label: d.label,
    unit: d.unit,
    decimals: d.decimals,
    polarity: d.polarity,
    area: d.area,
  }));
}

async function loadActions(db: Db, plan: PlanHeader, today: string): Promise<ActionListItem[]> {
  const rows = await db.planAction.findMany({
    where: { planId: plan.id, deletedAt: null },
    select: {
      id: true,
      priorityId: true,
      title: true,
      theme: true,
      owner: true,
      startDate: true,
      dueDate: true,
      status: true,
      updatedAt: true,
      updatedByName: true,
      isDemo: true,
      target: true,
      targetDate: true,
      indicator: { select: { id: true, label: true, unit: true, decimals: true, polarity: true } },
    },
  });
  const figures = await figuresFor(db, plan.laNumber, [...new Set(rows.flatMap((r) => (r.indicator ? [r.indicator.id] : [])))]);
  return rows.map((r) => {
    const startDate = toDateOnly(r.startDate);
    const dueDate = toDateOnly(r.dueDate);
    const evidence =
      r.indicator && r.target !== null
        ? evidenceForAction(
            { status: r.status, startDate, target: r.target },
            r.indicator.polarity,
            figures.get(r.indicator.id) ?? [],
            r.indicator.unit,
          )
        : null;
    return {
      id: r.id,
      priorityId: r.priorityId,
      title: r.title,
      theme: r.theme,
      owner: r.owner,
      startDate,
      dueDate,
      status: r.status,
      updatedAt: r.updatedAt.toISOString(),
      updatedByName: r.updatedByName,
      isDemo: r.isDemo,
      overdue: isOverdue({ status: r.status, dueDate }, today),
      indicator: r.indicator,
      target: r.target,
      targetDate: r.targetDate ? toDateOnly(r.targetDate) : null,
      evidence,
    };
  });
}

type PlanView = {
  plan: PlanHeader;
  priorities: { id: string; title: string; order: number; actions: ActionListItem[] }[];
  owners: string[];
  total: number;
  shown: number;
};

export async function getPlanView(
  db: Db,
  laNumber: string,
  filters: ActionFilters,
  today: string,
  planId?: string,
): Promise<PlanView | null> {
  const plan = await findPlan(db, laNumber, planId);
  if (!plan) return null;
  const [priorities, actions] = await Promise.all([
    db.planPriority.findMany({
      where: { planId: plan.id, deletedAt: null },
      orderBy: [{ order: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, order: true },
    }),
    loadActions(db, plan, today),
  ]);
  const shown = filterAndSortActions(actions, filters, today);
  return {
    plan,
    priorities: priorities.map((p) => ({ ...p, actions: shown.filter((a) => a.priorityId === p.id) })),
    owners: [...new Set(actions.map((a) => a.owner))].sort(COLLATOR.compare),
    total: actions.length,
    shown: shown.length,
  };
}

/** An action's own fields and version, as its page shows them and its save reads them (lib/plans/actions.ts). */
export const ACTION_FIELDS_SELECT = {
  id: true,
  priorityId: true,
  title: true,
  description: true,
  theme: true,
  ofstedRecommendation: true,
  owner: true,
  startDate: true,
  dueDate: true,
  status: true,
  successMeasure: true,
  target: true,
  targetDate: true,
  evidenceLinks: true,
  version: true,
  updatedAt: true,
  updatedByName: true,
} as const;

type ActionDetail = {
  plan: PlanHeader;
  priorities: { id: string; title: string }[];
  action: {
    id: string;
    priorityId: string;
    priorityTitle: string;
    title: string;
    description: string | null;
    theme: string;
    ofstedRecommendation: string | null;
    owner: string;
    startDate: string;
    dueDate: string;
    status: PlanActionStatus;
    successMeasure: string;
    indicator: IndicatorInfo | null;
    target: number | null;
    targetDate: string | null;
    evidenceLinks: string[];
    version: number;
    updatedAt: string;
    updatedByName: string | null;
    isDemo: boolean;
    overdue: boolean;
  };
  evidence: LinkedEvidence | null;
  updates: {
    id: string;
    at: string;
    authorName: string;
    narrative: string;
    statusBefore: PlanActionStatus;
    statusAfter: PlanActionStatus;
  }[];
};

export async function getActionDetail(db: Db, laNumber: string, actionId: string, today: string): Promise<ActionDetail | null> {
  const a = await db.planAction.findFirst({
    where: { id: actionId, deletedAt: null, plan: { laNumber, deletedAt: null } },
    select: {
      ...ACTION_FIELDS_SELECT,
      priority: { select: { title: true } },
      indicator: { select: { id: true, label: true, unit: true, decimals: true, polarity: true } },
      isDemo: true,
      plan: { select: PLAN_SELECT },
      updates: {
        orderBy: { at: "desc" },
        select: { id: true, at: true, authorName: true, narrative: true, statusBefore: true, statusAfter: true },
      },
    },
  });
  if (!a) return null;
  const priorities = await db.planPriority.findMany({
    where: { planId: a.plan.id, deletedAt: null },
    orderBy: [{ order: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true },
  });
  const startDate = toDateOnly(a.startDate);
  const dueDate = toDateOnly(a.dueDate);
  let evidence: LinkedEvidence | null = null;
  if (a.indicator && a.target !== null) {
    const figures = await figuresFor(db, laNumber, [a.indicator.id]);
    evidence = evidenceForAction(
      { status: a.status, startDate, target: a.target },
      a.indicator.polarity,
      figures.get(a.indicator.id) ?? [],
      a.indicator.unit,
    );
  }
  return {
    plan: planHeader(a.plan),
    priorities,
    action: {
      id: a.id,
      priorityId: a.priorityId,
      priorityTitle: a.priority.title,
      title: a.title,
      description: a.description,
      theme: a.theme,
      ofstedRecommendation: a.ofstedRecommendation,
      owner: a.owner,
      startDate,
      dueDate,
      status: a.status,
      successMeasure: a.successMeasure,
      indicator: a.indicator,
      target: a.target,
      targetDate: a.targetDate ? toDateOnly(a.targetDate) : null,
      evidenceLinks: a.evidenceLinks,
      version: a.version,
      updatedAt: a.updatedAt.toISOString(),
      updatedByName: a.updatedByName,
      isDemo: a.isDemo,
      overdue: isOverdue({ status: a.status, dueDate }, today),
    },
    evidence,
    updates: a.updates.map((u) => ({ ...u, at: u.at.toISOString() })),
  };
}

export type PlanSummary = {
  plan: PlanHeader;
  total: number;
  byStatus: Record<PlanActionStatus, number>;
  overdue: number;
  atRisk: { id: string; title: string; status: PlanActionStatus; dueDate: string; overdue: boolean }[];
  mismatches: { id: string; title: string; status: PlanActionStatus; rag: EvidenceRag; ragLabel: string; reason: string }[];
  recentUpdates: {
    id: string;
    actionId: string;
    actionTitle: string;
    at: string;
    authorName: string;
    narrative: string;
    statusAfter: PlanActionStatus;
  }[];
};

export async function loadPlanSummary(db: Db, laNumber: string, today: string, planId?: string): Promise<PlanSummary | null> {
  const plan = await findPlan(db, laNumber, planId);
  if (!plan) return null;
  const [actions, recent] = await Promise.all([
    loadActions(db, plan, today),
    db.actionUpdate.findMany({
      where: { action: { planId: plan.id, deletedAt: null } },
      orderBy: { at: "desc" },
      take: 5,
      select: { id: true, at: true, authorName: true, narrative: true, statusAfter: true, action: { select: { id: true, title: true } } },
    }),
  ]);
  const byStatus: Record<PlanActionStatus, number> = { NOT_STARTED: 0, ON_TRACK: 0, AT_RISK: 0, OFF_TRACK: 0, COMPLETE: 0 };
  for (const a of actions) byStatus[a.status] += 1;
  return {
    plan,
    total: actions.length,
    byStatus,
    overdue: actions.filter((a) => a.overdue).length,
    atRisk: actions
      .filter((a) => a.status === "AT_RISK" || a.status === "OFF_TRACK" || a.overdue)
      .sort((a, b) => compareIso(a.dueDate, b.dueDate))
      .map((a) => ({ id: a.id, title: a.title, status: a.status, dueDate: a.dueDate, overdue: a.overdue })),
    mismatches: actions.flatMap((a) =>
      a.evidence?.mismatch
        ? [
            {
              id: a.id,
              title: a.title,
              status: a.status,
              rag: a.evidence.rag,
              ragLabel: EVIDENCE_LABELS[a.evidence.rag],
              reason: a.evidence.reason,
            },
          ]
        : [],
    ),
    recentUpdates: recent.map((u) => ({
      id: u.id,
      actionId: u.action.id,
      actionTitle: u.action.title,
      at: u.at.toISOString(),
      authorName: u.authorName,
      narrative: u.narrative,
      statusAfter: u.statusAfter,
    })),
  };
}

export async function loadPlanReport(db: Db, laNumber: string, today: string, planId?: string) {
  return getPlanView(db, laNumber, { sort: "due" }, today, planId);
}
