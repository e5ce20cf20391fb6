// Reads of triage data over any client (the app's through lib/triage/server.ts; a test database's in
// integration tests). Triage is for DfE analysts only: every read takes the viewer and returns null —
// not an empty list, not a count — to anyone the policy does not let see it.
import type { Db } from "@/lib/core/db/client";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/auth/permissions";
import type { TriageStateView } from "./inbox";
import { readSnapshot } from "./snapshot";

type TriageReader = Pick<Db, "triageState" | "triageEvent">;

const STATE_SELECT = {
  laNumber: true,
  status: true,
  version: true,
  latestNote: true,
  lastReviewedAt: true,
  lastReviewedByName: true,
  reopenReason: true,
  updatedAt: true,
  updatedByName: true,
} as const;

type StateRow = {
  laNumber: string;
  status: TriageStatus;
  version: number;
  latestNote: string | null;
  lastReviewedAt: Date | null;
  lastReviewedByName: string | null;
  reopenReason: string | null;
  updatedAt: Date;
  updatedByName: string;
};

function toView(s: StateRow): TriageStateView {
  return { ...s, lastReviewedAt: s.lastReviewedAt?.toISOString() ?? null, updatedAt: s.updatedAt.toISOString() };
}

export function mayViewTriage(viewer: Actor | null): boolean {
  return can(viewer, "triage.view", { kind: "triage" });
}

/** Every LA's triage state (LAs without one are NEW), or null for anyone who may not see triage. */
export async function loadTriageStates(client: TriageReader, viewer: Actor | null): Promise<Map<string, TriageStateView> | null> {
  if (!mayViewTriage(viewer)) return null;
  const rows = await client.triageState.findMany({ select: STATE_SELECT });
  return new Map(rows.map((r) => [r.laNumber, toView(r)]));
}

export type TriageHistoryEntry = {
  id: string;
  at: string;
  statusBefore: TriageStatus;
  statusAfter: TriageStatus;
  note: string | null;
  reason: string | null;
  isAutomatic: boolean;
  authorName: string;
  /** the LA's score when the change was made, when it was recorded */
  score: number | null;
};

export type TriageDetail = {
  laNumber: string;
  /** null: never triaged (NEW) */
  state: TriageStateView | null;
  /** newest first */
  events: TriageHistoryEntry[];
  /** how many changes there are in all (events may be limited) */
  total: number;
};

/** One LA's triage state and history, newest first, or null for anyone who may not see triage. */
export async function loadTriageDetail(
  client: TriageReader,
  viewer: Actor | null,
  laNumber: string,
  options: { limit?: number } = {},
): Promise<TriageDetail | null> {
  if (!mayViewTriage(viewer)) return null;
  const [state, events, total] = await Promise.all([
    client.triageState.findUnique({ where: { laNumber }, select: STATE_SELECT }),
    client.triageEvent.findMany({
      where: { laNumber },
      orderBy: [{ at: "desc" }, { version: "desc" }],
      take: options.limit,
      select: {
        id: true,
        at: true,
        statusBefore: true,
        statusAfter: true,
        note: true,
        reason: true,
        isAutomatic: true,
        authorName: true,
        snapshot: true,
      },
    }),
    client.triageEvent.count({ where: { laNumber } }),
  ]);
  return {
    laNumber,
    state: state ? toView(state) : null,
    events: events.map(({ snapshot, at, ...e }) => ({ ...e, at: at.toISOString(), score: readSnapshot(snapshot)?.score ?? null })),
    total,
  };
}
