// Improvement plans (issue 7): definitions for the action wrapper, bound in app/la/[code]/plan/actions.ts.
// Team managers of the LA create and edit actions and post progress updates; the DCS of the LA
// creates the plan, sets its priorities, activates and closes it. Every change is audited with
// before/after in its own transaction.
//
// No lost updates: every action and plan carries `version`. A save is one
// `UPDATE … WHERE id = $1 AND version = $2` (compare-and-swap); if no row matched, someone saved
// first and the person gets "changed by X at T — review and retry" with the newer values.
import { z } from "zod";
import type { AuthContext } from "@/lib/auth/context";
import type { SessionUser } from "@/lib/auth/session";
import type { PlanActionStatus } from "@/lib/generated/prisma/enums";
import { formatLondonDateTime, todayInLondon, toDateOnly, fromDateOnly } from "@/lib/plans/dates";
import {
  ACTION_STATUSES,
  actionTargetSchema,
  completeActionSchema,
  deleteActionSchema,
  laTargetSchema,
  planActionSchema,
  planSchema,
  planStatusChangeSchema,
  planTargetSchema,
  prioritySchema,
  progressUpdateFormSchema,
  versionField,
  type PlanActionInput,
} from "@/lib/validation/plan-action";
import type { ActionConflict, ActionDefinition, HandlerArgs, HandlerResult, Located } from "./execute-action";

export const PLAN_AUDIT = {
  planCreate: "plan.create",
  planActivate: "plan.activate",
  planClose: "plan.close",
  priorityCreate: "plan.priority.create",
  actionCreate: "plan.action.create",
  actionUpdate: "plan.action.update",
  actionProgress: "plan.action.progress",
  actionComplete: "plan.action.complete",
  actionDelete: "plan.action.delete",
} as const;

const planPath = (laNumber: string) => `/la/${laNumber}/plan`;
const actionPath = (laNumber: string, id: string) => `/la/${laNumber}/plan/actions/${id}`;
const CLOSED = "This plan is closed: its actions can no longer be changed";

export const ACTION_SELECT = {
  id: true,
  planId: true,
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
  indicatorId: true,
  target: true,
  targetDate: true,
  evidenceLinks: true,
  version: true,
  updatedAt: true,
  updatedByName: true,
  deletedAt: true,
  plan: { select: { id: true, laNumber: true, status: true, deletedAt: true } },
} as const;

type ActionRow = {
  id: string;
  planId: string;
  priorityId: string;
  title: string;
  description: string | null;
  theme: string;
  ofstedRecommendation: string | null;
  owner: string;
  startDate: Date;
  dueDate: Date;
  status: PlanActionStatus;
  successMeasure: string;
  indicatorId: string | null;
  target: number | null;
  targetDate: Date | null;
  evidenceLinks: string[];
  version: number;
  updatedAt: Date;
  updatedByName: string | null;
  deletedAt: Date | null;
  plan: { id: string; laNumber: string; status: "DRAFT" | "ACTIVE" | "CLOSED"; deletedAt: Date | null };
};

/** The action's fields as the form shows them (strings), for audit before/after and conflict messages. */
export function actionFormValues(row: Omit<ActionRow, "plan" | "deletedAt" | "planId" | "id" | "updatedAt" | "updatedByName">) {
  return {
    priorityId: row.priorityId,
    title: row.title,
    description: row.description ?? "",
    theme: row.theme,
    ofstedRecommendation: row.ofstedRecommendation ?? "",
    owner: row.owner,
    startDate: toDateOnly(row.startDate),
    dueDate: toDateOnly(row.dueDate),
    status: row.status,
    successMeasure: row.successMeasure,
    indicatorId: row.indicatorId ?? "",
    target: row.target === null ? "" : String(row.target),
    targetDate: row.targetDate ? toDateOnly(row.targetDate) : "",
    evidenceLinks: row.evidenceLinks.join("\n"),
    version: String(row.version),
  };
}

async function locateAction(target: { actionId: string }, ctx: AuthContext): Promise<Located<"plan.edit", ActionRow> | null> {
  const record = await ctx.db.planAction.findUnique({ where: { id: target.actionId }, select: ACTION_SELECT });
  if (!record || record.deletedAt || record.plan.deletedAt) return null;
  return { resource: { kind: "plan", laNumber: record.plan.laNumber }, record };
}

type PlanRow = { id: string; laNumber: string; title: string; status: "DRAFT" | "ACTIVE" | "CLOSED"; version: number; updatedAt: Date; periodStart: Date; periodEnd: Date };

function locatePlanFor<P extends "plan.edit" | "plan.approve" | "plan.close" | "plan.set_priorities">() {
  return async (target: { planId: string }, ctx: AuthContext): Promise<Located<P, PlanRow> | null> => {
    const record = await ctx.db.improvementPlan.findFirst({
      where: { id: target.planId, deletedAt: null },
      select: { id: true, laNumber: true, title: true, status: true, version: true, updatedAt: true, periodStart: true, periodEnd: true },
    });
    return record ? { resource: { kind: "plan", laNumber: record.laNumber } as Located<P, PlanRow>["resource"], record } : null;
  };
}

async function locateLa(target: { laNumber: string }, ctx: AuthContext): Promise<Located<"plan.set_priorities", undefined> | null> {
  const la = await ctx.db.localAuthority.findFirst({ where: { laNumber: target.laNumber, existsTo: null }, select: { laNumber: true } });
  return la ? { resource: { kind: "plan", laNumber: la.laNumber }, record: undefined } : null;
}

async function indicatorIds(ctx: AuthContext): Promise<string[]> {
  return (await ctx.db.indicator.findMany({ select: { id: true } })).map((i) => i.id);
}

async function priorityIdsOf(ctx: AuthContext, planId: string): Promise<string[]> {
  return (await ctx.db.planPriority.findMany({ where: { planId, deletedAt: null }, select: { id: true } })).map((p) => p.id);
}

function actionData(input: PlanActionInput) {
  return {
    priorityId: input.priorityId ?? undefined,
    title: input.title,
    description: input.description,
    theme: input.theme,
    ofstedRecommendation: input.ofstedRecommendation,
    owner: input.owner,
    startDate: fromDateOnly(input.startDate),
    dueDate: fromDateOnly(input.dueDate),
    status: input.status,
    successMeasure: input.successMeasure,
    indicatorId: input.indicatorId,
    target: input.target,
    targetDate: input.targetDate ? fromDateOnly(input.targetDate) : null,
    evidenceLinks: input.evidenceLinks,
  };
}

/** The "someone saved first" result, with the newer values. */
async function conflictFor(ctx: AuthContext, actionId: string): Promise<HandlerResult> {
  const now = await ctx.db.planAction.findUnique({ where: { id: actionId }, select: ACTION_SELECT });
  if (!now || now.deletedAt) return { ok: false, message: "This action has been deleted by someone else. Nothing was saved." };
  const by = now.updatedByName ?? "someone else";
  const at = formatLondonDateTime(now.updatedAt);
  const conflict: ActionConflict = { by, at, current: actionFormValues(now) };
  return { ok: false, message: `This action was changed by ${by} at ${at} — review the newer values below and try again. Nothing was saved.`, fieldErrors: {}, conflict };
}

/** Compare-and-swap: updates the action only if it is still at `expected`; returns whether it did. */
async function bumpAction(
  tx: Pick<AuthContext["db"], "planAction">,
  id: string,
  expected: number,
  user: SessionUser,
  data: Record<string, unknown>,
): Promise<boolean> {
  const { count } = await tx.planAction.updateMany({
    where: { id, version: expected, deletedAt: null },
    data: { ...data, version: { increment: 1 }, updatedById: user.id, updatedByName: user.name },
  });
  return count === 1;
}

class StaleVersion extends Error {}

function planIsClosed(record: ActionRow): HandlerResult | null {
  return record.plan.status === "CLOSED" ? { ok: false, message: CLOSED, fieldErrors: {} } : null;
}

// ── Plan (DCS) ────────────────────────────────────────────────────────────────────────────────────

const createPlanSchema = planSchema();

export const createPlanAction = {
  name: PLAN_AUDIT.planCreate,
  permission: "plan.set_priorities",
  target: laTargetSchema,
  locate: locateLa,
  schema: createPlanSchema,
  handler: async ({ input, target, user, ctx, audit }) => {
    const open = await ctx.db.improvementPlan.count({ where: { laNumber: target.laNumber, deletedAt: null, status: { not: "CLOSED" } } });
    if (open > 0) return { ok: false, message: "This local authority already has a plan that is not closed. Close it before starting another.", fieldErrors: {} };
    await ctx.db.$transaction(async (tx) => {
      const plan = await tx.improvementPlan.create({
        data: { laNumber: target.laNumber, title: input.title, periodStart: fromDateOnly(input.periodStart), periodEnd: fromDateOnly(input.periodEnd) },
        select: { id: true, laNumber: true, title: true, periodStart: true, periodEnd: true, status: true, version: true },
      });
      await audit(tx, { action: PLAN_AUDIT.planCreate, entityType: "improvement_plan", entityId: plan.id, laNumber: plan.laNumber, after: { ...plan, by: user.name } });
    });
    return { message: `Plan "${input.title}" created as a draft`, revalidate: [planPath(target.laNumber)] };
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof laTargetSchema>, typeof createPlanSchema, undefined>;

export const addPriorityAction = {
  name: PLAN_AUDIT.priorityCreate,
  permission: "plan.set_priorities",
  target: planTargetSchema,
  locate: locatePlanFor<"plan.set_priorities">(),
  schema: prioritySchema,
  handler: async ({ input, record, ctx, audit }) => {
    if (record.status === "CLOSED") return { ok: false, message: "This plan is closed: its priorities can no longer be changed", fieldErrors: {} };
    const count = await ctx.db.planPriority.count({ where: { planId: record.id, deletedAt: null } });
    if (count >= 8) return { ok: false, message: "A plan should have a small number of priorities", fieldErrors: { title: "A plan can have at most 8 priorities" } };
    await ctx.db.$transaction(async (tx) => {
      const p = await tx.planPriority.create({ data: { planId: record.id, title: input.title, order: count + 1 }, select: { id: true, title: true, order: true } });
      await audit(tx, { action: PLAN_AUDIT.priorityCreate, entityType: "plan_priority", entityId: p.id, laNumber: record.laNumber, after: { ...p, planId: record.id } });
    });
    return { message: `Priority "${input.title}" added`, revalidate: [planPath(record.laNumber)] };
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof planTargetSchema>, typeof prioritySchema, PlanRow>;

function planStatusAction<P extends "plan.approve" | "plan.close">(permission: P, to: "ACTIVE" | "CLOSED") {
  const name = to === "ACTIVE" ? PLAN_AUDIT.planActivate : PLAN_AUDIT.planClose;
  return {
    name,
    permission,
    target: planTargetSchema,
    locate: locatePlanFor<P>(),
    schema: planStatusChangeSchema,
    handler: async ({ input, record, ctx, audit }) => {
      const allowedFrom = to === "ACTIVE" ? "DRAFT" : "ACTIVE";
      if (record.status !== allowedFrom) {
        return { ok: false, message: to === "ACTIVE" ? "Only a draft plan can be approved and activated" : "Only an active plan can be closed", fieldErrors: {} };
      }
      const saved = await ctx.db.$transaction(async (tx) => {
        const { count } = await tx.improvementPlan.updateMany({ where: { id: record.id, version: input.version, status: allowedFrom }, data: { status: to, version: { increment: 1 } } });
        if (count !== 1) return false;
        await audit(tx, { action: name, entityType: "improvement_plan", entityId: record.id, laNumber: record.laNumber, before: { status: record.status, version: record.version }, after: { status: to, version: record.version + 1 } });
        return true;
      });
      if (!saved) return { ok: false, message: `This plan was changed by someone else at ${formatLondonDateTime(record.updatedAt)} — reload the page and try again. Nothing was saved.`, fieldErrors: {} };
      return { message: to === "ACTIVE" ? "Plan approved and active" : "Plan closed", revalidate: [planPath(record.laNumber)] };
    },
  } satisfies ActionDefinition<P, z.infer<typeof planTargetSchema>, typeof planStatusChangeSchema, PlanRow>;
}

export const activatePlanAction = planStatusAction("plan.approve", "ACTIVE");
export const closePlanAction = planStatusAction("plan.close", "CLOSED");

// ── Actions (team manager) ────────────────────────────────────────────────────────────────────────

type CreateActionSchema = ReturnType<typeof planActionSchema>;

export const createActionAction = {
  name: PLAN_AUDIT.actionCreate,
  permission: "plan.edit",
  target: planTargetSchema,
  locate: locatePlanFor<"plan.edit">(),
  schema: async ({ record, ctx }) =>
    planActionSchema({ today: todayInLondon(ctx.now()), indicatorIds: await indicatorIds(ctx), mode: "create", priorityIds: await priorityIdsOf(ctx, record.id) }),
  handler: async ({ input, record, user, ctx, audit }) => {
    if (record.status === "CLOSED") return { ok: false, message: CLOSED, fieldErrors: {} };
    const created = await ctx.db.$transaction(async (tx) => {
      const row = await tx.planAction.create({
        data: { ...actionData(input), priorityId: input.priorityId!, planId: record.id, updatedById: user.id, updatedByName: user.name },
        select: ACTION_SELECT,
      });
      await audit(tx, { action: PLAN_AUDIT.actionCreate, entityType: "plan_action", entityId: row.id, laNumber: record.laNumber, after: actionFormValues(row) });
      return row;
    });
    return { message: `Action "${created.title}" added`, revalidate: [planPath(record.laNumber)], redirectTo: `${actionPath(record.laNumber, created.id)}?saved=created` };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof planTargetSchema>, CreateActionSchema, PlanRow>;

const editSchemaFor = async ({ record, ctx }: { record: ActionRow; ctx: AuthContext }) =>
  z.intersection(
    planActionSchema({ today: todayInLondon(ctx.now()), indicatorIds: await indicatorIds(ctx), mode: "edit", priorityIds: await priorityIdsOf(ctx, record.planId) }),
    z.object({ version: versionField }),
  );
type EditActionSchema = Awaited<ReturnType<typeof editSchemaFor>>;

export const updateActionAction = {
  name: PLAN_AUDIT.actionUpdate,
  permission: "plan.edit",
  target: actionTargetSchema,
  locate: locateAction,
  schema: editSchemaFor,
  handler: async ({ input, record, user, ctx, audit }) => {
    const closed = planIsClosed(record);
    if (closed) return closed;
    try {
      await ctx.db.$transaction(async (tx) => {
        if (!(await bumpAction(tx, record.id, input.version, user, actionData(input)))) throw new StaleVersion();
        const after = await tx.planAction.findUniqueOrThrow({ where: { id: record.id }, select: ACTION_SELECT });
        if (after.status !== record.status) {
          await tx.actionUpdate.create({
            data: { actionId: record.id, authorId: user.id, authorName: user.name, at: ctx.now(), narrative: "Status changed when the action was edited.", statusBefore: record.status, statusAfter: after.status },
          });
        }
        await audit(tx, { action: PLAN_AUDIT.actionUpdate, entityType: "plan_action", entityId: record.id, laNumber: record.plan.laNumber, before: actionFormValues(record), after: actionFormValues(after) });
      });
    } catch (error) {
      if (error instanceof StaleVersion) return conflictFor(ctx, record.id);
      throw error;
    }
    return { message: "Changes to the action saved", revalidate: [planPath(record.plan.laNumber), actionPath(record.plan.laNumber, record.id)] };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, EditActionSchema, ActionRow>;

type Audit = HandlerArgs<"plan.edit", unknown, unknown, ActionRow>["audit"];

/** Records a progress update (or completion) against the version the person saw; null when saved. */
async function recordProgress(
  { record, user, ctx, audit }: { record: ActionRow; user: SessionUser; ctx: AuthContext; audit: Audit },
  change: { version: number; narrative: string; status: PlanActionStatus; auditName: string },
): Promise<HandlerResult | null> {
  try {
    await ctx.db.$transaction(async (tx) => {
      if (!(await bumpAction(tx, record.id, change.version, user, { status: change.status }))) throw new StaleVersion();
      const update = await tx.actionUpdate.create({
        data: { actionId: record.id, authorId: user.id, authorName: user.name, at: ctx.now(), narrative: change.narrative, statusBefore: record.status, statusAfter: change.status },
        select: { id: true, narrative: true, statusBefore: true, statusAfter: true, at: true },
      });
      await audit(tx, {
        action: change.auditName,
        entityType: "plan_action",
        entityId: record.id,
        laNumber: record.plan.laNumber,
        before: { status: record.status, version: record.version },
        after: { status: change.status, version: record.version + 1, update },
      });
    });
  } catch (error) {
    if (error instanceof StaleVersion) return conflictFor(ctx, record.id);
    throw error;
  }
  return null;
}

export const postProgressUpdateAction = {
  name: PLAN_AUDIT.actionProgress,
  permission: "plan.edit",
  target: actionTargetSchema,
  locate: locateAction,
  schema: progressUpdateFormSchema,
  handler: async (args) => {
    const { input, record } = args;
    const closed = planIsClosed(record);
    if (closed) return closed;
    const failed = await recordProgress(args, { version: input.version, narrative: input.narrative, status: input.status, auditName: PLAN_AUDIT.actionProgress });
    if (failed) return failed;
    return { message: `Progress update posted. Status: ${ACTION_STATUSES[input.status]}`, revalidate: [planPath(record.plan.laNumber), actionPath(record.plan.laNumber, record.id)] };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof progressUpdateFormSchema, ActionRow>;

export const completeActionAction = {
  name: PLAN_AUDIT.actionComplete,
  permission: "plan.edit",
  target: actionTargetSchema,
  locate: locateAction,
  schema: completeActionSchema,
  handler: async (args) => {
    const { input, record } = args;
    const closed = planIsClosed(record);
    if (closed) return closed;
    if (record.status === "COMPLETE") return { message: "This action is already complete" };
    const failed = await recordProgress(args, { version: input.version, narrative: input.narrative ?? "Marked complete.", status: "COMPLETE", auditName: PLAN_AUDIT.actionComplete });
    if (failed) return failed;
    return { message: `"${record.title}" marked complete`, revalidate: [planPath(record.plan.laNumber), actionPath(record.plan.laNumber, record.id)] };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof completeActionSchema, ActionRow>;

export const deleteActionAction = {
  name: PLAN_AUDIT.actionDelete,
  permission: "plan.edit",
  target: actionTargetSchema,
  locate: locateAction,
  schema: deleteActionSchema,
  handler: async ({ input, record, user, ctx, audit }) => {
    const closed = planIsClosed(record);
    if (closed) return closed;
    try {
      await ctx.db.$transaction(async (tx) => {
        if (!(await bumpAction(tx, record.id, input.version, user, { deletedAt: ctx.now() }))) throw new StaleVersion();
        await audit(tx, { action: PLAN_AUDIT.actionDelete, entityType: "plan_action", entityId: record.id, laNumber: record.plan.laNumber, before: actionFormValues(record), after: { deletedAt: ctx.now().toISOString() } });
      });
    } catch (error) {
      if (error instanceof StaleVersion) return conflictFor(ctx, record.id);
      throw error;
    }
    return { message: `Action "${record.title}" deleted`, revalidate: [planPath(record.plan.laNumber)], redirectTo: `${planPath(record.plan.laNumber)}?deleted=1` };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof deleteActionSchema, ActionRow>;
