// Analyst triage of the national risk inbox (issue 9): definitions for the action wrapper, bound in
// app/risk/actions.ts. DfE analysts set an LA's triage status with a note — one LA, or several at
// once with one note. Every change writes the state, a history row (triage_event) and an audit row
// in one transaction.
//
// No lost updates (as plan actions, decision 0009): forms carry the triage version each LA had when
// the page was drawn (0 = never triaged) and a save is a compare-and-swap on it. A single LA's save
// made from an older version is merged (decision 0015): the status is the one field — its value at
// that version is in the history (triage_event.statusAfter), so the base needs nothing from the
// form — and notes are append-only history, so a note is always added. Only a status both people
// changed, differently, is a conflict. Bulk updates stay all or nothing against the versions ticked. Forms also carry
// the data release the page was drawn from: a review saved against older figures than the database
// now holds is refused, because "reviewed" means "reviewed these figures" (decision 0011). Every
// write takes the triage lock first (lib/triage/lock.ts), so saves wait for a running import.
import { type z } from "zod";
import type { AuthContext } from "@/lib/auth/context";
import type { SessionUser } from "@/lib/auth/session";
import { readDataVersion, type DataVersion } from "@/lib/core/data-version";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { mergeFields } from "@/lib/core/field-merge";
import { formatLondonDateTime } from "@/lib/plans/dates";
import { currentSnapshots } from "@/lib/triage/assess";
import { TRIAGE_AUDIT } from "@/lib/triage/config";
import { lockTriageWrites } from "@/lib/triage/lock";
import { TRIAGE_STATUS_LABELS } from "@/lib/triage/inbox";
import type { TriageSnapshot } from "@/lib/triage/snapshot";
import { triageBulkSchema, triageTargetSchema, triageUpdateSchema } from "@/lib/triage/schema";
import {
  onFixedResource,
  type ActionConflict,
  type ActionDefinition,
  type HandlerArgs,
  type HandlerResult,
  type Located,
} from "@/lib/actions/execute-action";
import { describeConflicts } from "@/lib/actions/merge-conflict";
import { Refusal, StaleVersion, versionedSave } from "@/lib/core/optimistic-version";

type Tx = Prisma.TransactionClient;
type Audit = HandlerArgs<"triage.edit", unknown, unknown, unknown>["audit"];

const STATE_SELECT = {
  status: true,
  version: true,
  latestNote: true,
  updatedAt: true,
  updatedById: true,
  updatedByName: true,
  reopenReason: true,
} as const;
type StateRow = Prisma.TriageStateGetPayload<{ select: typeof STATE_SELECT }>;

type TriageRecord = { laNumber: string; name: string };

const pathsFor = (laNumber: string) => [`/risk/la/${laNumber}`, `/la/${laNumber}`];

/** Someone saved first: each LA that changed, with its state now (the detail of a StaleVersion). */
type Changed = { laNumber: string; now: StateRow | null }[];

/** A save made while an import runs waits for it (the triage lock), then is refused as made against older data. */
const WAIT_FOR_IMPORT = { maxWait: 10_000, timeout: 60_000 };

export const STALE_DATA_MESSAGE =
  "New figures were imported after you opened this page. The page now shows them: check the flags again, then save. Nothing was saved.";

async function locateLa(target: { laNumber: string }, ctx: AuthContext): Promise<Located<"triage.edit", TriageRecord> | null> {
  const la = await ctx.db.localAuthority.findFirst({
    where: { laNumber: target.laNumber, existsTo: null },
    select: { laNumber: true, name: true },
  });
  return la ? { resource: { kind: "triage" }, record: la } : null;
}

type Change = {
  laNumber: string;
  expected: number;
  status: TriageStatus;
  note: string;
  snapshot: TriageSnapshot | null;
  /** A note added to an LA the importer reopened, status left as it was: it is still "changed since review". */
  keepReopenReason?: boolean;
};

/**
 * Writes one LA's change as `user` — state (compare-and-swap on `expected`), history row, audit row —
 * or throws StaleVersion. Runs inside the caller's transaction.
 */
async function applyChange(
  tx: Tx,
  change: Change,
  ctx: { user: SessionUser; now: Date; releaseId: number; audit: Audit; action: string; detail?: Record<string, unknown> },
): Promise<void> {
  const { user, now, releaseId } = ctx;
  const before = await tx.triageState.findUnique({ where: { laNumber: change.laNumber }, select: STATE_SELECT });
  if ((before?.version ?? 0) !== change.expected) throw new StaleVersion<Changed>([{ laNumber: change.laNumber, now: before }]);
  const version = change.expected + 1;
  const snapshot = change.snapshot ?? undefined;
  const data = {
    status: change.status,
    version,
    latestNote: change.note,
    lastReviewedAt: now,
    lastReviewedByName: user.name,
    snapshot,
    ...(change.keepReopenReason ? {} : { reopenReason: null }),
    updatedAt: now,
    updatedById: user.id,
    updatedByName: user.name,
  };
  // Never triaged: create, unless someone else has just done so (then nothing is created: stale).
  const { count } =
    change.expected === 0
      ? await tx.triageState.createMany({ data: [{ laNumber: change.laNumber, ...data }], skipDuplicates: true })
      : await tx.triageState.updateMany({ where: { laNumber: change.laNumber, version: change.expected }, data });
  if (count !== 1)
    throw new StaleVersion<Changed>([
      { laNumber: change.laNumber, now: await tx.triageState.findUnique({ where: { laNumber: change.laNumber }, select: STATE_SELECT }) },
    ]);
  const statusBefore = before?.status ?? "NEW";
  await tx.triageEvent.create({
    data: {
      laNumber: change.laNumber,
      at: now,
      statusBefore,
      statusAfter: change.status,
      note: change.note,
      authorId: user.id,
      authorName: user.name,
      version,
      releaseId,
      snapshot,
    },
  });
  await ctx.audit(tx, {
    action: ctx.action,
    entityType: "triage_state",
    entityId: change.laNumber,
    laNumber: change.laNumber,
    before: before
      ? { status: before.status, version: before.version, latestNote: before.latestNote, reopenReason: before.reopenReason }
      : { status: "NEW", version: 0 },
    after: { status: change.status, version, note: change.note, score: change.snapshot?.score ?? null, releaseId },
    detail: ctx.detail,
  });
}

/**
 * Inside the transaction, after the triage lock (which waits for a running import): are the figures
 * still the ones the snapshots were assessed from (lib/core/data-version.ts)?
 */
async function assertSameFigures(tx: Tx, version: DataVersion): Promise<void> {
  if ((await readDataVersion(tx, "figures")) !== version) throw new Refusal<HandlerResult>({ ok: false, message: STALE_DATA_MESSAGE });
}

function whoChanged(now: StateRow): { by: string; at: string } {
  return {
    by: now.updatedById ? now.updatedByName : "the automatic check after new data was imported",
    at: formatLondonDateTime(now.updatedAt),
  };
}

/**
 * The shape of every triage save: the figures must still be the release the page showed, then in one
 * transaction, after the triage lock (which waits for a running import), `work` writes and the
 * figures' version is checked again. Returns null when saved. New data, or a StaleVersion thrown by `work`,
 * refreshes the pages (`paths`) and becomes the person's result, with nothing saved.
 */
async function triageSave(
  ctx: AuthContext,
  save: { laNumbers: string[]; releaseId: number; paths: string[]; now: Date },
  work: (tx: Tx, snapshots: Map<string, TriageSnapshot>, releaseId: number) => Promise<void>,
  onStaleVersion: (changed: Changed) => HandlerResult,
): Promise<HandlerResult | null> {
  const { releaseId, version, snapshots } = await currentSnapshots(ctx.db, save.laNumbers, save.now);
  const failed =
    releaseId !== save.releaseId
      ? { ok: false as const, message: STALE_DATA_MESSAGE }
      : await versionedSave<null, HandlerResult, Changed>(
          async () => {
            await ctx.db.$transaction(async (tx) => {
              await lockTriageWrites(tx);
              await work(tx, snapshots, releaseId);
              await assertSameFigures(tx, version);
            }, WAIT_FOR_IMPORT);
            return null;
          },
          (error) => onStaleVersion(error.detail),
        );
  if (failed) save.paths.forEach((p) => ctx.revalidatePath(p));
  return failed;
}

// ── One LA ────────────────────────────────────────────────────────────────────────────────────────

const TRIAGE_FIELDS = ["status"] as const;

/** The LA's triage status at `version` (0: never triaged, NEW), from its history; null if not recorded. */
async function statusAtVersion(tx: Tx, laNumber: string, version: number): Promise<TriageStatus | null> {
  if (version === 0) return "NEW";
  const event = await tx.triageEvent.findFirst({ where: { laNumber, version }, select: { statusAfter: true } });
  return event?.statusAfter ?? null;
}

/** What a merged save did, for the message. */
type TriageMerged = { by: string; at: string; keptStatus: TriageStatus | null };

/**
 * One LA's change, merged with any change saved since the person's version (decision 0015): runs
 * inside the triage lock, so the state it reads is the one it writes over.
 */
async function mergeAndApply(
  tx: Tx,
  input: { laNumber: string; version: number; status: TriageStatus; note: string; snapshot: TriageSnapshot | null },
  ctx: Parameters<typeof applyChange>[2],
): Promise<TriageMerged | null> {
  const current = await tx.triageState.findUnique({ where: { laNumber: input.laNumber }, select: STATE_SELECT });
  const theirsVersion = current?.version ?? 0;
  if (!current || theirsVersion === input.version) {
    await applyChange(
      tx,
      { laNumber: input.laNumber, expected: input.version, status: input.status, note: input.note, snapshot: input.snapshot },
      ctx,
    );
    return null;
  }
  const base = await statusAtVersion(tx, input.laNumber, input.version);
  const merge = mergeFields(
    TRIAGE_FIELDS,
    base === null || input.version > theirsVersion ? null : { status: base },
    { status: current.status },
    { status: input.status },
  );
  const { by, at } = whoChanged(current);
  if (merge.conflicts.length > 0) {
    const label = (v: string) => TRIAGE_STATUS_LABELS[v as TriageStatus] ?? v;
    const { fields, fieldErrors } = describeConflicts(merge.conflicts, {
      by,
      at,
      label: () => "Triage status",
      describe: (_f, v) => label(v),
    });
    throw new Refusal<HandlerResult>({
      ok: false,
      message: `This local authority's triage was changed by ${by} at ${at} while you were editing, and you both changed its status. Nothing was saved: choose the status, then save again (your note is still in the form).`,
      fieldErrors,
      conflict: { by, at, current: currentValues(current), fields },
    });
  }
  const status = merge.merged.status as TriageStatus;
  const keptStatus = merge.keptTheirs.length > 0 ? status : null;
  await applyChange(
    tx,
    {
      laNumber: input.laNumber,
      expected: theirsVersion,
      status,
      note: input.note,
      snapshot: input.snapshot,
      keepReopenReason: keptStatus !== null && current.reopenReason !== null,
    },
    { ...ctx, detail: { ...ctx.detail, mergedFromVersion: input.version, keptTheirs: merge.keptTheirs } },
  );
  return { by, at, keptStatus };
}

function currentValues(current: StateRow): Record<string, string> {
  return {
    status: current.status,
    note: current.reopenReason ? `Reopened: ${current.reopenReason}` : (current.latestNote ?? ""),
    version: String(current.version),
  };
}

export const updateTriageAction = {
  name: TRIAGE_AUDIT.update,
  permission: "triage.edit",
  target: triageTargetSchema,
  locate: locateLa,
  schema: triageUpdateSchema,
  handler: async ({ input, record, user, ctx, audit }) => {
    const now = ctx.now();
    let merged: TriageMerged | null = null;
    const failed = await triageSave(
      ctx,
      { laNumbers: [record.laNumber], releaseId: input.releaseId, paths: [...pathsFor(record.laNumber), "/risk"], now },
      async (tx, snapshots, releaseId) => {
        merged = await mergeAndApply(
          tx,
          {
            laNumber: record.laNumber,
            version: input.version,
            status: input.status,
            note: input.note,
            snapshot: snapshots.get(record.laNumber) ?? null,
          },
          { user, now, releaseId, audit, action: TRIAGE_AUDIT.update },
        );
      },
      (changed) => {
        // Only a first save racing another first save gets here (the merge reads inside the lock).
        const current = changed[0]?.now;
        if (!current)
          return {
            ok: false,
            message:
              "This local authority's triage has changed since you opened this page. Reload the page and try again. Nothing was saved.",
          };
        const { by, at } = whoChanged(current);
        const conflict: ActionConflict = { by, at, current: currentValues(current) };
        return {
          ok: false,
          message: `This local authority's triage was changed by ${by} at ${at} — review the newer values below and try again. Nothing was saved.`,
          fieldErrors: {},
          conflict,
        };
      },
    );
    if (failed) return failed;
    const done = merged as TriageMerged | null;
    const revalidate = ["/risk", ...pathsFor(record.laNumber)];
    if (done?.keptStatus) {
      return {
        message: `${record.name}: your note is saved. Its status stays ${TRIAGE_STATUS_LABELS[done.keptStatus]}, as ${done.by} set it meanwhile (${done.at}).`,
        revalidate,
      };
    }
    if (done) {
      return {
        message: `${record.name}: ${TRIAGE_STATUS_LABELS[input.status]}. Your note is saved. ${done.by} also changed its triage meanwhile (${done.at}); their note is kept in the history.`,
        revalidate,
      };
    }
    return { message: `${record.name}: ${TRIAGE_STATUS_LABELS[input.status]}. Your note is saved.`, revalidate };
  },
} satisfies ActionDefinition<"triage.edit", z.infer<typeof triageTargetSchema>, typeof triageUpdateSchema, TriageRecord>;

// ── Several LAs, one note ─────────────────────────────────────────────────────────────────────────

function plural(n: number): string {
  return `${n} local ${n === 1 ? "authority" : "authorities"}`;
}

export const bulkUpdateTriageAction = {
  name: TRIAGE_AUDIT.bulkUpdate,
  ...onFixedResource("triage.edit", { kind: "triage" }),
  schema: triageBulkSchema,
  handler: async ({ input, user, ctx, audit }) => {
    const now = ctx.now();
    const laNumbers = input.selected.map((s) => s.laNumber);
    const las = await ctx.db.localAuthority.findMany({
      where: { laNumber: { in: laNumbers }, existsTo: null },
      select: { laNumber: true, name: true },
    });
    const names = new Map(las.map((l) => [l.laNumber, l.name]));
    if (names.size !== laNumbers.length) {
      return {
        ok: false,
        message: "Some of the selected local authorities are not in the inbox. Reload the page and try again. Nothing was saved.",
        fieldErrors: { selected: "Reload the page and select local authorities again" },
      };
    }
    const failed = await triageSave(
      ctx,
      { laNumbers, releaseId: input.releaseId, paths: ["/risk", ...laNumbers.flatMap(pathsFor)], now },
      async (tx, snapshots, releaseId) => {
        // All or nothing: every LA must still be at the version the page showed, or none is changed.
        const states = new Map(
          (await tx.triageState.findMany({ where: { laNumber: { in: laNumbers } }, select: { laNumber: true, ...STATE_SELECT } })).map(
            (s) => [s.laNumber, s],
          ),
        );
        const stale = input.selected
          .filter((s) => (states.get(s.laNumber)?.version ?? 0) !== s.version)
          .map((s) => ({ laNumber: s.laNumber, now: states.get(s.laNumber) ?? null }));
        if (stale.length > 0) throw new StaleVersion<Changed>(stale);
        for (const s of input.selected) {
          await applyChange(
            tx,
            {
              laNumber: s.laNumber,
              expected: s.version,
              status: input.status,
              note: input.note,
              snapshot: snapshots.get(s.laNumber) ?? null,
            },
            { user, now, releaseId, audit, action: TRIAGE_AUDIT.bulkUpdate, detail: { bulkOf: laNumbers.length } },
          );
        }
      },
      (changed) => {
        const which = changed
          .map(({ laNumber, now: state }) => {
            const name = names.get(laNumber) ?? laNumber;
            if (!state) return name;
            const { by, at } = whoChanged(state);
            return `${name} (changed by ${by} at ${at}; now ${TRIAGE_STATUS_LABELS[state.status]})`;
          })
          .join("; ");
        return {
          ok: false,
          message: `Nothing was saved: ${plural(changed.length)} changed after you opened this page — ${which}. The table now shows their newer status: review them and try again.`,
          fieldErrors: {},
        };
      },
    );
    if (failed) return failed;
    return {
      message: `${plural(laNumbers.length)} marked "${TRIAGE_STATUS_LABELS[input.status]}" with your note`,
      revalidate: ["/risk", ...laNumbers.flatMap(pathsFor)],
    };
  },
} satisfies ActionDefinition<"triage.edit", Record<string, never>, typeof triageBulkSchema, undefined>;
