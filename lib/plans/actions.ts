// Improvement plans (issue 7): definitions for the action wrapper, bound in app/la/[code]/plan/actions.ts.
// Team managers of the LA create and edit actions and post progress updates; the DCS of the LA
// creates the plan, changes its title and period, sets its priorities (add, rename, reorder,
// remove), approves, closes and reopens it. Every change is audited with before/after in its own
// transaction.
//
// No lost updates: every action carries `version`, and so does the plan — one version for the plan
// and its list of priorities. A save is one `UPDATE … WHERE id = $1 AND version = $2`
// (compare-and-swap, lib/core/optimistic-version.ts). Edits of an action and of the plan's details
// that were made from an older copy are merged field by field against the values the form started
// from (docs/decisions/0014): fields only one person changed are kept, and only a field both changed
// differently is a conflict, shown as theirs / yours / before. Progress updates, completion, status
// changes, priorities and delete still refuse a stale version ("changed by X at T — review and retry").
import { z } from "zod";
import type { AuthContext } from "@/lib/auth/context";
import type { SessionUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanActionStatus, PlanStatus } from "@/lib/generated/prisma/enums";
import { PLAN_AUDIT } from "@/lib/plans/audit-actions";
import { today } from "@/lib/core/clock";
import { formatLondonDateTime, toDateOnly, fromDateOnly } from "@/lib/plans/dates";
import { movePriority, renumber } from "@/lib/plans/priorities";
import { ACTION_FIELDS_SELECT, lastPlanChange, listOwnerCandidates, listPlanIndicators } from "@/lib/plans/queries";
import {
  ACTION_STATUSES,
  actionTargetSchema,
  completeActionSchema,
  deleteActionSchema,
  planActionSchema,
  progressUpdateFormSchema,
  type PlanActionInput,
} from "@/lib/plans/action-schema";
import {
  laTargetSchema,
  MAX_PRIORITIES,
  movePrioritySchema,
  planDetailsSchema,
  planSchema,
  planStatusChangeSchema,
  planTargetSchema,
  prioritySchema,
  priorityTargetSchema,
  removePrioritySchema,
  renamePrioritySchema,
} from "@/lib/plans/schema";
import { versionField } from "@/lib/plans/field-schema";
import { mergeBaseField } from "@/lib/core/merge-base";
import { OTHER_OWNER, ownerFormFields } from "@/lib/plans/owner";
import { listOfWords, mergeFields, type FieldMerge } from "@/lib/core/field-merge";
import {
  ACTION_FIELDS,
  ACTION_FIELD_LABELS,
  describeActionValue,
  describeDate,
  fieldWord,
  PLAN_FIELDS,
  PLAN_FIELD_LABELS,
  type ActionField,
  type PlanField,
} from "@/lib/plans/field-labels";
import type { ActionConflict, ActionDefinition, HandlerArgs, HandlerResult, Located } from "@/lib/actions/execute-action";
import { describeConflicts } from "@/lib/actions/merge-conflict";
import { expectSwapped, Refusal, refusable, retryWhileStale, versionedSave } from "@/lib/core/optimistic-version";

export { PLAN_AUDIT } from "@/lib/plans/audit-actions";

type Tx = Prisma.TransactionClient;

const planPath = (laNumber: string) => `/la/${laNumber}/plan`;
const actionPath = (laNumber: string, id: string) => `/la/${laNumber}/plan/actions/${id}`;
const prioritiesPath = (laNumber: string) => `/la/${laNumber}/plan/priorities`;
const actionPaths = (record: { id: string; plan: { laNumber: string } }) => [
  planPath(record.plan.laNumber),
  actionPath(record.plan.laNumber, record.id),
];
const CLOSED = "This plan is closed: its actions can no longer be changed";
const CLOSED_PRIORITIES = "This plan is closed: reopen it to change its priorities";
const CLOSED_DETAILS = "This plan is closed: reopen it to change its title or period";

/** What an action's save reads: its own fields, its plan's state, and what the access check needs. */
export const ACTION_SELECT = {
  ...ACTION_FIELDS_SELECT,
  planId: true,
  indicatorId: true,
  deletedAt: true,
  plan: { select: { id: true, laNumber: true, status: true, deletedAt: true } },
} as const;

type ActionRow = Prisma.PlanActionGetPayload<{ select: typeof ACTION_SELECT }>;

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

const PLAN_ROW_SELECT = {
  id: true,
  laNumber: true,
  title: true,
  status: true,
  version: true,
  updatedAt: true,
  periodStart: true,
  periodEnd: true,
} as const;

type PlanRow = Prisma.ImprovementPlanGetPayload<{ select: typeof PLAN_ROW_SELECT }>;

function locatePlanFor<P extends "plan.edit" | "plan.approve" | "plan.close" | "plan.set_priorities">() {
  return async (target: { planId: string }, ctx: AuthContext): Promise<Located<P, PlanRow> | null> => {
    const record = await ctx.db.improvementPlan.findFirst({
      where: { id: target.planId, deletedAt: null },
      select: PLAN_ROW_SELECT,
    });
    return record ? { resource: { kind: "plan", laNumber: record.laNumber } as Located<P, PlanRow>["resource"], record } : null;
  };
}

async function locateLa(target: { laNumber: string }, ctx: AuthContext): Promise<Located<"plan.set_priorities", undefined> | null> {
  const la = await ctx.db.localAuthority.findFirst({ where: { laNumber: target.laNumber, existsTo: null }, select: { laNumber: true } });
  return la ? { resource: { kind: "plan", laNumber: la.laNumber }, record: undefined } : null;
}

// What each definition acts on: the plan (its details and priorities, DCS), one of its priorities, or one action (team manager).
const ON_PLAN = { permission: "plan.set_priorities", target: planTargetSchema, locate: locatePlanFor<"plan.set_priorities">() } as const;
const ON_PRIORITY = { permission: "plan.set_priorities", target: priorityTargetSchema, locate: locatePriority } as const;
const ON_ACTION = { permission: "plan.edit", target: actionTargetSchema, locate: locateAction } as const;

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
  return {
    ok: false,
    message: `This action was changed by ${by} at ${at} — review the newer values below and try again. Nothing was saved.`,
    fieldErrors: {},
    conflict,
  };
}

/** Compare-and-swap: updates the action only if it is still at `expected`, else throws StaleVersion. */
async function swapAction(
  tx: Pick<AuthContext["db"], "planAction">,
  id: string,
  expected: number,
  user: SessionUser,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  // updatedAt from the request's clock: it is the "when" of "changed by X at T" and of a merge.
  expectSwapped(
    await tx.planAction.updateMany({
      where: { id, version: expected, deletedAt: null },
      data: { ...data, version: { increment: 1 }, updatedById: user.id, updatedByName: user.name, updatedAt: now },
    }),
  );
}

/** A merged save retries when another save lands between its read and its compare-and-swap. */
const SAVE_ATTEMPTS = 3;

/** Runs `work` in a transaction: null when saved, else the action's conflict result (nothing saved). */
function actionTransaction(ctx: AuthContext, actionId: string, work: (tx: Tx) => Promise<void>): Promise<HandlerResult | null> {
  return versionedSave(
    async () => {
      await ctx.db.$transaction(work);
      return null;
    },
    () => conflictFor(ctx, actionId),
  );
}

/** One entry in the action's progress history. */
function addUpdateRow(
  tx: Tx,
  actionId: string,
  user: SessionUser,
  at: Date,
  narrative: string,
  statusBefore: PlanActionStatus,
  statusAfter: PlanActionStatus,
) {
  return tx.actionUpdate.create({
    data: { actionId, authorId: user.id, authorName: user.name, at, narrative, statusBefore, statusAfter },
    select: { id: true, narrative: true, statusBefore: true, statusAfter: true, at: true },
  });
}

function planIsClosed(record: ActionRow): HandlerResult | null {
  return record.plan.status === "CLOSED" ? { ok: false, message: CLOSED, fieldErrors: {} } : null;
}

// ── The plan and its priorities (DCS) ─────────────────────────────────────────────────────────────

/** The plan's fields as its form shows them (strings), for audit before/after and conflict messages. */
export function planFormValues(row: { title: string; periodStart: Date; periodEnd: Date; status: PlanStatus; version: number }) {
  return {
    title: row.title,
    periodStart: toDateOnly(row.periodStart),
    periodEnd: toDateOnly(row.periodEnd),
    status: row.status,
    version: String(row.version),
  };
}

/** Someone changed the plan (or its priorities) first: the "review and retry" result, with who, when and the newer values. */
async function planConflictFor(
  ctx: AuthContext,
  planId: string,
  review = "review the newer values below and try again",
): Promise<HandlerResult> {
  const now = await ctx.db.improvementPlan.findUnique({ where: { id: planId }, select: { ...PLAN_ROW_SELECT, deletedAt: true } });
  if (!now || now.deletedAt) return { ok: false, message: "This plan has been removed by someone else. Nothing was saved." };
  const last = await lastPlanChange(ctx.db, planId);
  const by = last?.by ?? "someone else";
  const at = formatLondonDateTime(last?.at ?? now.updatedAt);
  const conflict: ActionConflict = { by, at, current: planFormValues(now) };
  return { ok: false, message: `This plan was changed by ${by} at ${at} — ${review}. Nothing was saved.`, fieldErrors: {}, conflict };
}

/**
 * Runs `work` in a transaction; a StaleVersion thrown inside becomes the plan's conflict result and
 * a Refusal its own result, both with nothing saved.
 */
function planTransaction(
  ctx: AuthContext,
  planId: string,
  work: (tx: Tx) => Promise<HandlerResult>,
  review?: string,
): Promise<HandlerResult> {
  return versionedSave(
    () => ctx.db.$transaction(work),
    () => planConflictFor(ctx, planId, review),
  );
}

/**
 * Compare-and-swap on the plan: applies `data` and raises the version only if the plan is still at
 * `expected` (null: any version — adding a priority overwrites nothing) and in one of `statuses`;
 * `count` is 1 when it did. The row lock it takes also queues concurrent changes to the same plan's
 * priorities.
 */
function bumpPlan(
  tx: Tx,
  at: Date,
  planId: string,
  expected: number | null,
  data: Prisma.ImprovementPlanUpdateManyMutationInput = {},
  statuses?: PlanStatus[],
): Promise<{ count: number }> {
  return tx.improvementPlan.updateMany({
    where: {
      id: planId,
      deletedAt: null,
      ...(expected === null ? {} : { version: expected }),
      ...(statuses ? { status: { in: statuses } } : {}),
    },
    data: { ...data, version: { increment: 1 }, updatedAt: at },
  });
}

// One open (draft or active) plan per LA. Starting or reopening a plan takes this per-LA lock first,
// so two people doing it at once cannot both pass the "no other open plan" check.
const PLAN_LOCK_NAMESPACE = 7007;
async function lockLaPlans(tx: Tx, laNumber: string): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${PLAN_LOCK_NAMESPACE}::int, ${Number(laNumber)}::int)`;
}

async function otherOpenPlan(tx: Tx, laNumber: string, exceptId?: string) {
  return tx.improvementPlan.findFirst({
    where: { laNumber, deletedAt: null, status: { not: "CLOSED" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { title: true },
  });
}

const createPlanSchema = planSchema();

export const createPlanAction = {
  name: PLAN_AUDIT.planCreate,
  permission: "plan.set_priorities",
  target: laTargetSchema,
  locate: locateLa,
  schema: createPlanSchema,
  handler: ({ input, target, user, ctx, audit }) =>
    refusable<HandlerResult, HandlerResult>(() =>
      ctx.db.$transaction(async (tx) => {
        await lockLaPlans(tx, target.laNumber);
        const open = await otherOpenPlan(tx, target.laNumber);
        if (open)
          throw new Refusal<HandlerResult>({
            ok: false,
            message: `This local authority already has a plan that is not closed (“${open.title}”). Close it before starting another.`,
            fieldErrors: {},
          });
        const plan = await tx.improvementPlan.create({
          data: {
            laNumber: target.laNumber,
            title: input.title,
            periodStart: fromDateOnly(input.periodStart),
            periodEnd: fromDateOnly(input.periodEnd),
            updatedAt: ctx.now(),
          },
          select: { id: true, laNumber: true, title: true, periodStart: true, periodEnd: true, status: true, version: true },
        });
        await audit(tx, {
          action: PLAN_AUDIT.planCreate,
          entityType: "improvement_plan",
          entityId: plan.id,
          laNumber: plan.laNumber,
          after: { ...plan, by: user.name },
        });
        return {
          message: `Plan "${input.title}" created as a draft`,
          revalidate: [planPath(target.laNumber)],
          redirectTo: `${planPath(target.laNumber)}?done=created`,
        };
      }),
    ),
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof laTargetSchema>, typeof createPlanSchema, undefined>;

const detailsSchema = planDetailsSchema();

const planLabelsOf = (fields: readonly PlanField[]) => listOfWords(fields.map((f) => fieldWord(PLAN_FIELD_LABELS[f])));

/** The plan's fields as submitted, as the stored text would read. */
function planInputValues(input: { title: string; periodStart: string; periodEnd: string }): Record<PlanField, string> {
  return { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd };
}

/**
 * Title and period, merged field by field with any change saved since the form was drawn (its
 * `original`); the plan's version also moves with its priorities and status, so a priority added
 * meanwhile merges without a word. Only a field both changed differently is a conflict.
 */
export const updatePlanDetailsAction = {
  name: PLAN_AUDIT.planUpdate,
  ...ON_PLAN,
  schema: detailsSchema,
  handler: async ({ input, record, ctx, audit }) => {
    const yours = planInputValues(input);
    return retryWhileStale<HandlerResult>(
      SAVE_ATTEMPTS,
      async (attempt) => {
        const theirsRow =
          attempt === 0
            ? record
            : await ctx.db.improvementPlan.findFirst({ where: { id: record.id, deletedAt: null }, select: PLAN_ROW_SELECT });
        if (!theirsRow) return { ok: false, message: "This plan has been removed by someone else. Nothing was saved." };
        if (theirsRow.status === "CLOSED") return { ok: false, message: CLOSED_DETAILS, fieldErrors: {} };
        let values = yours;
        let keptTheirs: PlanField[] = [];
        if (theirsRow.version !== input.version) {
          const merge = mergeFields(PLAN_FIELDS, input.original, planFormValues(theirsRow), yours);
          const last = await lastPlanChange(ctx.db, record.id);
          const by = last?.by ?? "someone else";
          const at = formatLondonDateTime(last?.at ?? theirsRow.updatedAt);
          const current = planFormValues(theirsRow);
          if (merge.conflicts.length > 0) {
            const { fields, fieldErrors } = describeConflicts(merge.conflicts, {
              by,
              at,
              label: (f) => PLAN_FIELD_LABELS[f],
              describe: (f, v) => (f === "title" ? v : describeDate(v)),
            });
            const kept = merge.keptTheirs.length > 0 ? ` Their changes to the ${planLabelsOf(merge.keptTheirs)} are now in the form.` : "";
            return {
              ok: false,
              message: `${by} also changed this plan (${at}) while you were editing, and you both changed the ${planLabelsOf(merge.conflicts.map((c) => c.field))}. Nothing was saved: keep one value for each, then save again.${kept}`,
              fieldErrors,
              values: Object.fromEntries(merge.keptTheirs.map((f) => [f, merge.merged[f]])),
              conflict: { by, at, current, fields },
            };
          }
          if (merge.merged.periodEnd <= merge.merged.periodStart) {
            return {
              ok: false,
              message: `${by} also changed this plan (${at}) while you were editing, and your period and theirs do not fit together. Nothing was saved.`,
              fieldErrors: { periodEnd: "The end of the plan period must be after its start" },
              values: Object.fromEntries(merge.keptTheirs.map((f) => [f, merge.merged[f]])),
              conflict: { by, at, current, fields: [] },
            };
          }
          values = merge.merged;
          keptTheirs = merge.keptTheirs;
        }
        const before = theirsRow;
        return ctx.db.$transaction(async (tx) => {
          const data = { title: values.title, periodStart: fromDateOnly(values.periodStart), periodEnd: fromDateOnly(values.periodEnd) };
          expectSwapped(await bumpPlan(tx, ctx.now(), record.id, before.version, data, ["DRAFT", "ACTIVE"]));
          const after = await tx.improvementPlan.findUniqueOrThrow({ where: { id: record.id }, select: PLAN_ROW_SELECT });
          await audit(tx, {
            action: PLAN_AUDIT.planUpdate,
            entityType: "improvement_plan",
            entityId: record.id,
            laNumber: record.laNumber,
            before: planFormValues(before),
            after: planFormValues(after),
            ...(before.version !== input.version ? { detail: { mergedFromVersion: input.version, keptTheirs } } : {}),
          });
          // The banner names the kept fields from a fixed list (the plan page never shows text from the URL).
          const kept = keptTheirs.length > 0 ? `&kept=${keptTheirs.join(",")}` : "";
          return {
            message: "Plan details saved",
            revalidate: [planPath(record.laNumber)],
            redirectTo: `${planPath(record.laNumber)}?done=updated${kept}`,
          };
        });
      },
      () => planConflictFor(ctx, record.id),
    );
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof planTargetSchema>, typeof detailsSchema, PlanRow>;

const STATUS_CHANGES = {
  activate: {
    from: "DRAFT",
    to: "ACTIVE",
    name: PLAN_AUDIT.planActivate,
    wrongStatus: "Only a draft plan can be approved and activated",
    done: "Plan approved and active",
    query: "activated",
  },
  close: {
    from: "ACTIVE",
    to: "CLOSED",
    name: PLAN_AUDIT.planClose,
    wrongStatus: "Only an active plan can be closed",
    done: "Plan closed",
    query: "closed",
  },
  reopen: {
    from: "CLOSED",
    to: "ACTIVE",
    name: PLAN_AUDIT.planReopen,
    wrongStatus: "Only a closed plan can be reopened",
    done: "Plan reopened: it is active again",
    query: "reopened",
  },
} as const satisfies Record<string, { from: PlanStatus; to: PlanStatus; name: string; wrongStatus: string; done: string; query: string }>;

function planStatusAction<P extends "plan.approve" | "plan.close">(permission: P, change: keyof typeof STATUS_CHANGES) {
  const { from, to, name, wrongStatus, done, query } = STATUS_CHANGES[change];
  return {
    name,
    permission,
    target: planTargetSchema,
    locate: locatePlanFor<P>(),
    schema: planStatusChangeSchema,
    handler: async ({ input, record, ctx, audit }) => {
      if (input.version !== record.version) return planConflictFor(ctx, record.id, "review the plan and try again");
      if (record.status !== from) return { ok: false, message: wrongStatus, fieldErrors: {} };
      return planTransaction(
        ctx,
        record.id,
        async (tx) => {
          if (change === "reopen") {
            await lockLaPlans(tx, record.laNumber);
            const open = await otherOpenPlan(tx, record.laNumber, record.id);
            if (open)
              throw new Refusal<HandlerResult>({
                ok: false,
                message: `This local authority already has a plan that is not closed (“${open.title}”). Close it before reopening this one.`,
                fieldErrors: {},
              });
          }
          expectSwapped(await bumpPlan(tx, ctx.now(), record.id, input.version, { status: to }, [from]));
          await audit(tx, {
            action: name,
            entityType: "improvement_plan",
            entityId: record.id,
            laNumber: record.laNumber,
            before: { status: record.status, version: record.version },
            after: { status: to, version: record.version + 1 },
          });
          return { message: done, revalidate: [planPath(record.laNumber)], redirectTo: `${planPath(record.laNumber)}?done=${query}` };
        },
        "review the plan and try again",
      );
    },
  } satisfies ActionDefinition<P, z.infer<typeof planTargetSchema>, typeof planStatusChangeSchema, PlanRow>;
}

export const activatePlanAction = planStatusAction("plan.approve", "activate");
export const closePlanAction = planStatusAction("plan.close", "close");
/** Closed → active. The DCS who may close a plan may reopen it; refused while the LA has another open plan. */
export const reopenPlanAction = planStatusAction("plan.close", "reopen");

type PriorityRecord = { priority: { id: string; title: string; order: number }; plan: PlanRow };

async function locatePriority(
  target: { priorityId: string },
  ctx: AuthContext,
): Promise<Located<"plan.set_priorities", PriorityRecord> | null> {
  const row = await ctx.db.planPriority.findFirst({
    where: { id: target.priorityId, deletedAt: null, plan: { deletedAt: null } },
    select: { id: true, title: true, order: true, plan: { select: PLAN_ROW_SELECT } },
  });
  if (!row) return null;
  const { plan, ...priority } = row;
  return { resource: { kind: "plan", laNumber: plan.laNumber }, record: { priority, plan } };
}

const PRIORITIES_REVIEW = "review the priorities below and try again";
const PRIORITY_REVIEW = "review the priority and try again";

/**
 * A change to the plan's priorities made from the plan's `version`: refused when someone changed the
 * plan first (`review` says what to look at again) or it is closed; else, in one transaction, the
 * plan's version moves (compare-and-swap) and `work` writes the priorities.
 */
async function changePriorities(
  ctx: AuthContext,
  plan: PlanRow,
  version: number,
  review: string,
  work: (tx: Tx) => Promise<HandlerResult>,
): Promise<HandlerResult> {
  if (version !== plan.version) return planConflictFor(ctx, plan.id, review);
  if (plan.status === "CLOSED") return { ok: false, message: CLOSED_PRIORITIES, fieldErrors: {} };
  return planTransaction(
    ctx,
    plan.id,
    async (tx) => {
      expectSwapped(await bumpPlan(tx, ctx.now(), plan.id, version, {}, ["DRAFT", "ACTIVE"]));
      return work(tx);
    },
    review,
  );
}

export const addPriorityAction = {
  name: PLAN_AUDIT.priorityCreate,
  ...ON_PLAN,
  schema: prioritySchema,
  handler: async ({ input, record, ctx, audit }) => {
    if (record.status === "CLOSED") return { ok: false, message: CLOSED_PRIORITIES, fieldErrors: {} };
    return planTransaction(ctx, record.id, async (tx) => {
      if ((await bumpPlan(tx, ctx.now(), record.id, null, {}, ["DRAFT", "ACTIVE"])).count !== 1)
        throw new Refusal<HandlerResult>({ ok: false, message: CLOSED_PRIORITIES, fieldErrors: {} });
      const live = await tx.planPriority.aggregate({
        where: { planId: record.id, deletedAt: null },
        _count: { _all: true },
        _max: { order: true },
      });
      if (live._count._all >= MAX_PRIORITIES) {
        throw new Refusal<HandlerResult>({
          ok: false,
          message: "A plan should have a small number of priorities",
          fieldErrors: { title: `A plan can have at most ${MAX_PRIORITIES} priorities` },
        });
      }
      const p = await tx.planPriority.create({
        data: { planId: record.id, title: input.title, order: (live._max.order ?? 0) + 1 },
        select: { id: true, title: true, order: true },
      });
      await audit(tx, {
        action: PLAN_AUDIT.priorityCreate,
        entityType: "plan_priority",
        entityId: p.id,
        laNumber: record.laNumber,
        after: { ...p, planId: record.id },
      });
      return { message: `Priority "${input.title}" added`, revalidate: [planPath(record.laNumber), prioritiesPath(record.laNumber)] };
    });
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof planTargetSchema>, typeof prioritySchema, PlanRow>;

export const renamePriorityAction = {
  name: PLAN_AUDIT.priorityRename,
  ...ON_PRIORITY,
  schema: renamePrioritySchema,
  handler: async ({ input, record: { priority, plan }, ctx, audit }) => {
    return changePriorities(ctx, plan, input.version, PRIORITY_REVIEW, async (tx) => {
      await tx.planPriority.update({ where: { id: priority.id }, data: { title: input.title } });
      await audit(tx, {
        action: PLAN_AUDIT.priorityRename,
        entityType: "plan_priority",
        entityId: priority.id,
        laNumber: plan.laNumber,
        before: { title: priority.title },
        after: { title: input.title, planId: plan.id },
      });
      return {
        message: `Priority renamed to "${input.title}"`,
        revalidate: [planPath(plan.laNumber), prioritiesPath(plan.laNumber)],
        redirectTo: `${prioritiesPath(plan.laNumber)}?done=renamed`,
      };
    });
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof priorityTargetSchema>, typeof renamePrioritySchema, PriorityRecord>;

const MOVE_REFUSED = {
  missing: "That priority has been removed. Review the priorities below.",
  first: "That priority is already first",
  last: "That priority is already last",
} as const;

export const movePriorityAction = {
  name: PLAN_AUDIT.priorityReorder,
  ...ON_PLAN,
  schema: movePrioritySchema,
  handler: async ({ input, record, ctx, audit }) => {
    const { priorityId, direction } = input.move;
    return changePriorities(ctx, record, input.version, PRIORITIES_REVIEW, async (tx) => {
      const live = await tx.planPriority.findMany({
        where: { planId: record.id, deletedAt: null },
        orderBy: [{ order: "asc" }, { createdAt: "asc" }],
        select: { id: true, title: true, order: true },
      });
      const moved = movePriority(live, priorityId, direction);
      if (!moved.ok) throw new Refusal<HandlerResult>({ ok: false, message: MOVE_REFUSED[moved.reason], fieldErrors: {} });
      for (const u of renumber(live, moved.ids)) await tx.planPriority.update({ where: { id: u.id }, data: { order: u.order } });
      const title = live.find((p) => p.id === priorityId)?.title ?? "";
      const position = moved.ids.indexOf(priorityId) + 1;
      await audit(tx, {
        action: PLAN_AUDIT.priorityReorder,
        entityType: "plan_priority",
        entityId: priorityId,
        laNumber: record.laNumber,
        before: { order: live.map((p) => p.id) },
        after: { order: moved.ids, planId: record.id, moved: direction },
      });
      return {
        message: `"${title}" moved ${direction}: it is now priority ${position}`,
        revalidate: [planPath(record.laNumber), prioritiesPath(record.laNumber)],
      };
    });
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof planTargetSchema>, typeof movePrioritySchema, PlanRow>;

const removeSchemaFor = async ({ record, ctx }: { record: PriorityRecord; ctx: AuthContext }) => {
  const others = await ctx.db.planPriority.findMany({
    where: { planId: record.plan.id, deletedAt: null, id: { not: record.priority.id } },
    select: { id: true },
  });
  return removePrioritySchema(others.map((o) => o.id));
};
type RemovePrioritySchema = Awaited<ReturnType<typeof removeSchemaFor>>;

const actionsWord = (n: number) => (n === 1 ? "1 action" : `${n} actions`);

/**
 * Soft-deletes a priority. A priority's live actions are never left without one: if it has any, the
 * person must choose another of the plan's priorities to move them to (each moved action's version
 * rises, so an edit opened before the move is told about it); with no other priority, it is refused.
 */
export const removePriorityAction = {
  name: PLAN_AUDIT.priorityRemove,
  ...ON_PRIORITY,
  schema: removeSchemaFor,
  handler: async ({ input, record: { priority, plan }, user, ctx, audit }) => {
    return changePriorities(ctx, plan, input.version, PRIORITY_REVIEW, async (tx) => {
      const actions = await tx.planAction.findMany({ where: { priorityId: priority.id, deletedAt: null }, select: { id: true } });
      const ids = actions.map((a) => a.id);
      if (ids.length > 0 && !input.moveTo) {
        const others = await tx.planPriority.count({ where: { planId: plan.id, deletedAt: null, id: { not: priority.id } } });
        throw new Refusal<HandlerResult>(
          others === 0
            ? {
                ok: false,
                message: `“${priority.title}” is the plan's only priority and still has ${actionsWord(ids.length)}. Add another priority to move them to, then remove this one.`,
                fieldErrors: {},
              }
            : {
                ok: false,
                message: `“${priority.title}” still has ${actionsWord(ids.length)}. Choose the priority to move them to.`,
                fieldErrors: { moveTo: `Choose the priority to move its ${actionsWord(ids.length)} to` },
              },
        );
      }
      if (ids.length > 0 && input.moveTo) {
        await tx.planAction.updateMany({
          where: { id: { in: ids }, deletedAt: null },
          data: {
            priorityId: input.moveTo,
            version: { increment: 1 },
            updatedAt: ctx.now(),
            updatedById: user.id,
            updatedByName: user.name,
          },
        });
      }
      const now = ctx.now();
      await tx.planPriority.update({ where: { id: priority.id }, data: { deletedAt: now } });
      const rest = await tx.planPriority.findMany({
        where: { planId: plan.id, deletedAt: null },
        orderBy: [{ order: "asc" }, { createdAt: "asc" }],
        select: { id: true, order: true },
      });
      for (const u of renumber(
        rest,
        rest.map((p) => p.id),
      ))
        await tx.planPriority.update({ where: { id: u.id }, data: { order: u.order } });
      await audit(tx, {
        action: PLAN_AUDIT.priorityRemove,
        entityType: "plan_priority",
        entityId: priority.id,
        laNumber: plan.laNumber,
        before: { title: priority.title, order: priority.order },
        after: { deletedAt: now.toISOString(), planId: plan.id, movedActions: ids, movedTo: ids.length > 0 ? input.moveTo : null },
      });
      return {
        message:
          ids.length > 0
            ? `Priority "${priority.title}" removed and its ${actionsWord(ids.length)} moved`
            : `Priority "${priority.title}" removed`,
        revalidate: [planPath(plan.laNumber), prioritiesPath(plan.laNumber)],
        redirectTo: `${prioritiesPath(plan.laNumber)}?done=removed`,
      };
    });
  },
} satisfies ActionDefinition<"plan.set_priorities", z.infer<typeof priorityTargetSchema>, RemovePrioritySchema, PriorityRecord>;

// ── Actions (team manager) ────────────────────────────────────────────────────────────────────────

type CreateActionSchema = ReturnType<typeof planActionSchema>;

export const createActionAction = {
  name: PLAN_AUDIT.actionCreate,
  permission: "plan.edit",
  target: planTargetSchema,
  locate: locatePlanFor<"plan.edit">(),
  schema: async ({ record, ctx }) =>
    planActionSchema({
      today: today(ctx.now()),
      indicatorIds: await indicatorIds(ctx),
      mode: "create",
      priorityIds: await priorityIdsOf(ctx, record.id),
      owners: await listOwnerCandidates(ctx.db, record.laNumber),
    }),
  handler: async ({ input, record, user, ctx, audit }) => {
    if (record.status === "CLOSED") return { ok: false, message: CLOSED, fieldErrors: {} };
    const created = await ctx.db.$transaction(async (tx) => {
      const row = await tx.planAction.create({
        data: {
          ...actionData(input),
          priorityId: input.priorityId!,
          planId: record.id,
          updatedAt: ctx.now(),
          updatedById: user.id,
          updatedByName: user.name,
        },
        select: ACTION_SELECT,
      });
      await audit(tx, {
        action: PLAN_AUDIT.actionCreate,
        entityType: "plan_action",
        entityId: row.id,
        laNumber: record.laNumber,
        after: actionFormValues(row),
      });
      return row;
    });
    return {
      message: `Action "${created.title}" added`,
      revalidate: [planPath(record.laNumber)],
      redirectTo: `${actionPath(record.laNumber, created.id)}?saved=created`,
    };
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof planTargetSchema>, CreateActionSchema, PlanRow>;

const editSchemaFor = async ({ record, ctx }: { record: ActionRow; ctx: AuthContext }) =>
  z.intersection(
    planActionSchema({
      today: today(ctx.now()),
      indicatorIds: await indicatorIds(ctx),
      mode: "edit",
      priorityIds: await priorityIdsOf(ctx, record.planId),
      owners: await listOwnerCandidates(ctx.db, record.plan.laNumber),
    }),
    // `original`: the values the form was drawn from, for merging a save made from an older copy.
    z.object({ version: versionField, original: mergeBaseField(ACTION_FIELDS) }),
  );
type EditActionSchema = Awaited<ReturnType<typeof editSchemaFor>>;

/** What the person submitted, as the stored text would read (the same shape as actionFormValues). */
function actionInputValues(input: PlanActionInput): Record<ActionField, string> {
  return {
    priorityId: input.priorityId ?? "",
    title: input.title,
    description: input.description ?? "",
    theme: input.theme,
    ofstedRecommendation: input.ofstedRecommendation ?? "",
    owner: input.owner,
    startDate: input.startDate,
    dueDate: input.dueDate,
    status: input.status,
    successMeasure: input.successMeasure,
    indicatorId: input.indicatorId ?? "",
    target: input.target === null ? "" : String(input.target),
    targetDate: input.targetDate ?? "",
    evidenceLinks: input.evidenceLinks.join("\n"),
  };
}

const labelsOf = (fields: readonly ActionField[]) => listOfWords(fields.map((f) => fieldWord(ACTION_FIELD_LABELS[f])));

/**
 * A merge that still has fields both people changed: nothing is saved; the form is shown again with
 * theirs / yours / before for each of those fields, their other changes filled in, and the newer
 * version and values as its base — so saving again keeps what is then on screen.
 */
async function actionMergeConflict(ctx: AuthContext, theirsRow: ActionRow, merge: FieldMerge<ActionField>): Promise<HandlerResult> {
  const by = theirsRow.updatedByName ?? "someone else";
  const at = formatLondonDateTime(theirsRow.updatedAt);
  const [priorities, indicators, owners] = await Promise.all([
    ctx.db.planPriority.findMany({ where: { planId: theirsRow.planId }, select: { id: true, title: true } }),
    listPlanIndicators(ctx.db),
    listOwnerCandidates(ctx.db, theirsRow.plan.laNumber),
  ]);
  const { fields, fieldErrors } = describeConflicts(merge.conflicts, {
    by,
    at,
    label: (f) => ACTION_FIELD_LABELS[f],
    describe: (f, v) => describeActionValue(f, v, { priorities, indicators }),
    formField: (f) => (f === "owner" ? "ownerUserId" : f),
  });
  // Their changes to the fields you left alone go into the form, so saving again keeps them.
  const values: Record<string, string> = {};
  for (const f of merge.keptTheirs) {
    if (f === "owner") Object.assign(values, ownerFormFields(merge.merged.owner, owners));
    else values[f] = merge.merged[f];
  }
  const kept = merge.keptTheirs.length > 0 ? ` Their changes to the ${labelsOf(merge.keptTheirs)} are now in the form.` : "";
  return {
    ok: false,
    message: `${by} also changed this action (${at}) while you were editing, and you both changed the ${labelsOf(merge.conflicts.map((c) => c.field))}. Nothing was saved: keep one value for each, then save again.${kept}`,
    fieldErrors,
    values,
    conflict: { by, at, current: actionFormValues(theirsRow), fields },
  };
}

export const updateActionAction = {
  name: PLAN_AUDIT.actionUpdate,
  ...ON_ACTION,
  schema: editSchemaFor,
  handler: async ({ input, record, user, ctx, audit }) => {
    const closed = planIsClosed(record);
    if (closed) return closed;
    const yours = actionInputValues(input);
    // Each attempt merges against the row as it is now and saves with a compare-and-swap on its
    // version; another save landing in between (rare) means merging again against that one.
    return retryWhileStale<HandlerResult>(
      SAVE_ATTEMPTS,
      async (attempt) => {
        const theirsRow = attempt === 0 ? record : await ctx.db.planAction.findUnique({ where: { id: record.id }, select: ACTION_SELECT });
        if (!theirsRow || theirsRow.deletedAt)
          return { ok: false, message: "This action has been deleted by someone else. Nothing was saved." };
        let data = actionData(input);
        let keptTheirs: ActionField[] = [];
        if (theirsRow.version !== input.version) {
          const merge = mergeFields(ACTION_FIELDS, input.original, actionFormValues(theirsRow), yours);
          if (merge.conflicts.length > 0) return actionMergeConflict(ctx, theirsRow, merge);
          // Each side was valid on its own; together they must be too (e.g. the due date not before the start).
          const schema = await editSchemaFor({ record: theirsRow, ctx });
          const combined = schema.safeParse({
            ...merge.merged,
            ownerUserId: OTHER_OWNER,
            ownerOther: merge.merged.owner,
            version: String(theirsRow.version),
          });
          if (!combined.success) {
            const by = theirsRow.updatedByName ?? "someone else";
            const fieldErrors = Object.fromEntries(combined.error.issues.map((i) => [String(i.path[0] ?? "title"), i.message]));
            return {
              ok: false,
              message: `${by} also changed this action (${formatLondonDateTime(theirsRow.updatedAt)}) while you were editing, and your changes and theirs do not fit together. Nothing was saved.`,
              fieldErrors,
              conflict: { by, at: formatLondonDateTime(theirsRow.updatedAt), current: actionFormValues(theirsRow), fields: [] },
            };
          }
          data = actionData(combined.data);
          keptTheirs = merge.keptTheirs;
        }
        const before = theirsRow;
        await ctx.db.$transaction(async (tx) => {
          await swapAction(tx, record.id, before.version, user, data, ctx.now());
          const after = await tx.planAction.findUniqueOrThrow({ where: { id: record.id }, select: ACTION_SELECT });
          if (after.status !== before.status)
            await addUpdateRow(tx, record.id, user, ctx.now(), "Status changed when the action was edited.", before.status, after.status);
          await audit(tx, {
            action: PLAN_AUDIT.actionUpdate,
            entityType: "plan_action",
            entityId: record.id,
            laNumber: record.plan.laNumber,
            before: actionFormValues(before),
            after: actionFormValues(after),
            ...(before.version !== input.version ? { detail: { mergedFromVersion: input.version, keptTheirs } } : {}),
          });
        });
        const revalidate = actionPaths(record);
        if (keptTheirs.length === 0) return { message: "Changes to the action saved", revalidate };
        const by = before.updatedByName ?? "Someone else";
        return {
          message: `Saved. ${by} also changed this action meanwhile; their changes to the ${labelsOf(keptTheirs)} were kept.`,
          revalidate,
        };
      },
      () => conflictFor(ctx, record.id),
    );
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, EditActionSchema, ActionRow>;

type Audit = HandlerArgs<"plan.edit", unknown, unknown, ActionRow>["audit"];

/**
 * Records a progress update (or completion) against the version the person saw: `done` when saved,
 * else why not (the plan is closed, or someone changed the action first). A saved one goes back to the
 * action's page with `?saved=progress|complete`, whose one banner at the top says so: each form's own
 * banner would go stale beside the other's ("Progress update posted" still showing after "Mark complete").
 */
/** What each way of recording progress is audited as. */
const PROGRESS_AUDIT = { progress: PLAN_AUDIT.actionProgress, complete: PLAN_AUDIT.actionComplete } as const;

async function recordProgress(
  { input, record, user, ctx, audit }: { input: { version: number }; record: ActionRow; user: SessionUser; ctx: AuthContext; audit: Audit },
  change: { narrative: string; status: PlanActionStatus; done: string; saved: keyof typeof PROGRESS_AUDIT },
): Promise<HandlerResult> {
  const failed =
    planIsClosed(record) ??
    (await actionTransaction(ctx, record.id, async (tx) => {
      await swapAction(tx, record.id, input.version, user, { status: change.status }, ctx.now());
      const update = await addUpdateRow(tx, record.id, user, ctx.now(), change.narrative, record.status, change.status);
      await audit(tx, {
        action: PROGRESS_AUDIT[change.saved],
        entityType: "plan_action",
        entityId: record.id,
        laNumber: record.plan.laNumber,
        before: { status: record.status, version: record.version },
        after: { status: change.status, version: record.version + 1, update },
      });
    }));
  return (
    failed ?? {
      message: change.done,
      revalidate: actionPaths(record),
      redirectTo: `${actionPath(record.plan.laNumber, record.id)}?saved=${change.saved}`,
    }
  );
}

export const postProgressUpdateAction = {
  name: PLAN_AUDIT.actionProgress,
  ...ON_ACTION,
  schema: progressUpdateFormSchema,
  handler: (args) =>
    recordProgress(args, {
      narrative: args.input.narrative,
      status: args.input.status,
      done: `Progress update posted. Status: ${ACTION_STATUSES[args.input.status]}`,
      saved: "progress",
    }),
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof progressUpdateFormSchema, ActionRow>;

export const completeActionAction = {
  name: PLAN_AUDIT.actionComplete,
  ...ON_ACTION,
  schema: completeActionSchema,
  handler: async (args) => {
    const { input, record } = args;
    if (record.status === "COMPLETE" && !planIsClosed(record)) return { message: "This action is already complete" };
    return recordProgress(args, {
      narrative: input.narrative ?? "Marked complete.",
      status: "COMPLETE",
      done: `"${record.title}" marked complete`,
      saved: "complete",
    });
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof completeActionSchema, ActionRow>;

export const deleteActionAction = {
  name: PLAN_AUDIT.actionDelete,
  ...ON_ACTION,
  schema: deleteActionSchema,
  handler: async ({ input, record, user, ctx, audit }) => {
    const failed =
      planIsClosed(record) ??
      (await actionTransaction(ctx, record.id, async (tx) => {
        await swapAction(tx, record.id, input.version, user, { deletedAt: ctx.now() }, ctx.now());
        await audit(tx, {
          action: PLAN_AUDIT.actionDelete,
          entityType: "plan_action",
          entityId: record.id,
          laNumber: record.plan.laNumber,
          before: actionFormValues(record),
          after: { deletedAt: ctx.now().toISOString() },
        });
      }));
    return (
      failed ?? {
        message: `Action "${record.title}" deleted`,
        revalidate: [planPath(record.plan.laNumber)],
        redirectTo: `${planPath(record.plan.laNumber)}?deleted=1`,
      }
    );
  },
} satisfies ActionDefinition<"plan.edit", z.infer<typeof actionTargetSchema>, typeof deleteActionSchema, ActionRow>;
