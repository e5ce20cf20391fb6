// The one-off re-baseline of decision 0030: after the risk design changed (decision 0024's "position"
// flags and its score replaced decision 0007's), every LA an analyst had marked REVIEWED would reopen
// on the next import, because its reviewed snapshot holds flags of the old kinds and the new ones look
// new. This re-takes each such snapshot under the current design AS AT THE DAY OF THE REVIEW (the
// figures published before it, in the version then published), so that the next import compares like
// with like: a flag that data published after the review raised is still new and still reopens the LA.
// Idempotent (a snapshot already taken under SNAPSHOT_DESIGN is left alone), audited (an audit row per
// LA with the old and the new snapshot), one transaction under the triage lock.
import { recordAudit } from "@/lib/auth/audit";
import type { Assessor } from "@/lib/risk/assess";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildAssessor } from "./assess";
import { REBASELINE_AUTHOR, SNAPSHOT_DESIGN, TRIAGE_AUDIT } from "./config";
import { lockTriageWrites } from "./lock";
import { readSnapshot, snapshotOf, type TriageSnapshot } from "./snapshot";

/** Whether a reviewed snapshot was taken under another risk design than today's (or before designs were recorded). */
export function needsRebaseline(snapshot: TriageSnapshot): boolean {
  return snapshot.design !== SNAPSHOT_DESIGN;
}

/**
 * The snapshot the analyst would have been shown under today's design on the day of their review:
 * the same date and data release, today's flags and score. Null when the engine does not know the LA.
 */
export function rebaselinedSnapshot(assessor: Pick<Assessor, "assess">, laNumber: string, reviewed: TriageSnapshot): TriageSnapshot | null {
  const assessment = assessor.assess(laNumber, reviewed.asAt);
  return assessment ? snapshotOf(assessment, reviewed.releaseId) : null;
}

/** "re-baselined under risk design 0024 as at 2025-01-15 (the review's date): 3 flags, score 4 (was 6 under the earlier design)" */
export function rebaselineReason(before: TriageSnapshot, after: TriageSnapshot): string {
  const flags = (s: TriageSnapshot) => `${s.flags.length} ${s.flags.length === 1 ? "flag" : "flags"}`;
  return `Re-baselined under risk design ${SNAPSHOT_DESIGN} as at ${after.asAt} (the day of the review), no new data: ${flags(after)}, score ${after.score} (was ${flags(before)}, score ${before.score}, under the earlier design). Flags raised by figures published after the review still reopen this LA.`;
}

type RebaselineOutcome = {
  /** REVIEWED LAs looked at */
  reviewed: number;
  /** re-baselined now */
  rebaselined: string[];
  /** already under the current design (a second run finds only these) */
  current: number;
  /** snapshot unreadable or LA unknown to the engine: left as they are (the next import reopens them, as it would anyway) */
  skipped: string[];
};

/** Re-baselines every REVIEWED LA whose snapshot predates the current design. One transaction; safe to run again. */
export async function rebaselineReviewedTriage(
  client: { $transaction: <T>(fn: (tx: Prisma.TransactionClient) => Promise<T>, options?: { timeout?: number }) => Promise<T> },
  options: { now: Date; log?: (line: string) => void },
): Promise<RebaselineOutcome> {
  return client.$transaction(
    async (tx) => {
      await lockTriageWrites(tx);
      const states = await tx.triageState.findMany({
        where: { status: "REVIEWED" },
        orderBy: { laNumber: "asc" },
        select: { laNumber: true, version: true, snapshot: true },
      });
      const outcome: RebaselineOutcome = { reviewed: states.length, rebaselined: [], current: 0, skipped: [] };
      const stale = states.flatMap((s) => {
        const snapshot = readSnapshot(s.snapshot);
        if (!snapshot) {
          outcome.skipped.push(s.laNumber);
          return [];
        }
        if (!needsRebaseline(snapshot)) {
          outcome.current += 1;
          return [];
        }
        return [{ ...s, before: snapshot }];
      });
      if (stale.length > 0) {
        const assessor = await buildAssessor(tx);
        for (const state of stale) {
          const after = rebaselinedSnapshot(assessor, state.laNumber, state.before);
          if (!after) {
            outcome.skipped.push(state.laNumber);
            continue;
          }
          const reason = rebaselineReason(state.before, after);
          // Only the snapshot changes: status, note, version and "updated by" stay the analyst's (the
          // history table records status changes and notes, and a version bump would refuse the analyst's
          // open form for no change they could see). The audit row keeps both snapshots.
          const { count } = await tx.triageState.updateMany({
            where: { laNumber: state.laNumber, version: state.version, status: "REVIEWED" },
            data: { snapshot: after },
          });
          if (count !== 1) continue; // cannot happen under the triage lock
          await recordAudit(tx, {
            action: TRIAGE_AUDIT.rebaseline,
            outcome: "SUCCESS",
            actor: null,
            entityType: "triage_state",
            entityId: state.laNumber,
            laNumber: state.laNumber,
            before: { status: "REVIEWED", version: state.version, snapshot: state.before },
            after: { status: "REVIEWED", version: state.version, snapshot: after },
            detail: { automatic: true, by: REBASELINE_AUTHOR, design: SNAPSHOT_DESIGN, decision: "0030", reason },
            at: options.now,
          });
          outcome.rebaselined.push(state.laNumber);
        }
      }
      options.log?.(
        `triage re-baseline (risk design ${SNAPSHOT_DESIGN}): ${outcome.rebaselined.length} of ${outcome.reviewed} reviewed LAs re-baselined, ${outcome.current} already current, ${outcome.skipped.length} left as they were${outcome.skipped.length ? ` (${outcome.skipped.join(", ")})` : ""}`,
      );
      return outcome;
    },
    { timeout: 120_000 },
  );
}
