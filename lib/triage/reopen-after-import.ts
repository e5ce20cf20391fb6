// Called by the importer's after-import hook (./import-hook.ts) inside its one transaction, after the new data is
// written: every LA an analyst marked "reviewed" is assessed again from the new data and compared with
// what was reviewed (./reopen.ts). If it got worse it returns to the inbox as NEW, with the reason citing
// the figures, an automatic history row and an audit row — all committed with the data, or not at all.
import { recordAudit } from "@/lib/auth/audit";
import { newestReleaseId } from "@/lib/risk/dataset";
import type { Prisma } from "@/lib/generated/prisma/client";
import { today } from "@/lib/core/clock";
import { buildAssessor } from "./assess";
import { AUTOMATIC_AUTHOR, REOPEN_RULES, TRIAGE_AUDIT, type ReopenRules } from "./config";
import { changesSinceReview, describeChanges } from "./reopen";
import { readSnapshot, snapshotOf } from "./snapshot";

type ReopenOutcome = { checked: number; reopened: { laNumber: string; reason: string }[] };

/** When a review's snapshot cannot be read (it always can: a CHECK requires it), look again rather than trust it. */
const UNREADABLE = "the flags and score at the last review are not on record";

export async function reopenChangedSinceReview(
  tx: Prisma.TransactionClient,
  options: { now: Date; log?: (line: string) => void; rules?: ReopenRules },
): Promise<ReopenOutcome> {
  // The importer took lockTriageWrites (./lock.ts) before writing anything: a review saved before the
  // import is seen here; one saved during it waits, and is then refused as made against older data.
  const reviewed = await tx.triageState.findMany({
    where: { status: "REVIEWED" },
    orderBy: { laNumber: "asc" },
    select: { laNumber: true, version: true, snapshot: true },
  });
  if (reviewed.length === 0) return { checked: 0, reopened: [] };

  const [assessor, releaseId] = await Promise.all([buildAssessor(tx), newestReleaseId(tx)]);
  const asAt = today(options.now);
  const reopened: ReopenOutcome["reopened"] = [];
  for (const state of reviewed) {
    const assessment = assessor.assess(state.laNumber, asAt);
    if (!assessment) continue;
    const now = snapshotOf(assessment, releaseId);
    const before = readSnapshot(state.snapshot);
    const changes = before ? changesSinceReview(before, now, options.rules ?? REOPEN_RULES) : [];
    if (before && changes.length === 0) continue;
    const reason = before ? describeChanges(changes) : UNREADABLE;
    const version = state.version + 1;
    const { count } = await tx.triageState.updateMany({
      where: { laNumber: state.laNumber, version: state.version, status: "REVIEWED" },
      data: { status: "NEW", version, reopenReason: reason, updatedAt: options.now, updatedById: null, updatedByName: AUTOMATIC_AUTHOR },
    });
    if (count !== 1) continue; // cannot happen under the triage lock; never overwrite a newer change
    await tx.triageEvent.create({
      data: {
        laNumber: state.laNumber,
        at: options.now,
        statusBefore: "REVIEWED",
        statusAfter: "NEW",
        reason,
        isAutomatic: true,
        authorName: AUTOMATIC_AUTHOR,
        version,
        releaseId,
        snapshot: now,
      },
    });
    await recordAudit(tx, {
      action: TRIAGE_AUDIT.reopen,
      outcome: "SUCCESS",
      actor: null,
      entityType: "triage_state",
      entityId: state.laNumber,
      laNumber: state.laNumber,
      before: { status: "REVIEWED", version: state.version, score: before?.score ?? null },
      after: { status: "NEW", version, score: now.score, reason },
      detail: { automatic: true, releaseId, changes },
      at: options.now,
    });
    reopened.push({ laNumber: state.laNumber, reason });
  }
  options.log?.(
    `  triage: ${reopened.length} of ${reviewed.length} reviewed local authorities changed since their review and are back in the inbox`,
  );
  return { checked: reviewed.length, reopened };
}
