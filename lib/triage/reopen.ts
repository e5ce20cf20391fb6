// "Changed since last review": compares what an analyst reviewed (the snapshot kept with the review)
// with the same LA after a new data release, and says in words what got worse. Pure; the rules are
// in ./config.ts and the importer applies them through ./reopen-after-import.ts.
import { RISK_INDICATORS, type RiskIndicatorId } from "@/lib/risk/config";
import { formatRaw } from "@/lib/risk/format";
import { REOPEN_RULES, type ReopenRules } from "./config";
import type { SnapshotFlag, TriageSnapshot } from "./snapshot";

type ReopenChange =
  /** a flag (indicator × rule) the LA did not have when reviewed */
  | { kind: "new-flag"; flag: SnapshotFlag }
  /** a flag that was amber when reviewed and is now red (the red flag) */
  | { kind: "severity-up"; flag: SnapshotFlag }
  /** the score rose by at least the margin */
  | { kind: "score-up"; from: number; to: number };

const flagKey = (f: Pick<SnapshotFlag, "indicatorId" | "kind">) => `${f.indicatorId}|${f.kind}`;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** What got worse between the review and now; empty when nothing did (the LA stays reviewed). */
export function changesSinceReview(reviewed: TriageSnapshot, now: TriageSnapshot, rules: ReopenRules = REOPEN_RULES): ReopenChange[] {
  const before = new Map(reviewed.flags.map((f) => [flagKey(f), f]));
  const changes: ReopenChange[] = [];
  for (const flag of now.flags) {
    const was = before.get(flagKey(flag));
    if (!was) {
      if (rules.newFlag) changes.push({ kind: "new-flag", flag });
    } else if (rules.severityUp && was.severity === "amber" && flag.severity === "red") {
      changes.push({ kind: "severity-up", flag });
    }
  }
  // Compared to one decimal place, as scores are shown: 6.95 → 7.9 is a rise of 1 point on screen.
  if (round1(now.score) - round1(reviewed.score) >= rules.scoreRise) {
    changes.push({ kind: "score-up", from: round1(reviewed.score), to: round1(now.score) });
  }
  return changes;
}

/** "agency rate", "repeat CP plans": the column label in running text. */
export function indicatorWords(id: RiskIndicatorId): string {
  const label = RISK_INDICATORS[id].shortLabel;
  return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n} ${many}`;
}

function points(n: number): string {
  return `${n} ${n === 1 ? "point" : "points"}`;
}

/**
 * The reason shown in the inbox and the history, citing the figures:
 * "agency rate 2025: 41.7%, new red flag; score up 2 points (5 → 7)". Flags are grouped by indicator
 * in the order the engine ranks them (red first).
 */
export function describeChanges(changes: readonly ReopenChange[]): string {
  const byIndicator = new Map<RiskIndicatorId, { flag: SnapshotFlag; newRed: number; newAmber: number; nowRed: number }>();
  const parts: string[] = [];
  for (const c of changes) {
    if (c.kind === "score-up") continue;
    const entry = byIndicator.get(c.flag.indicatorId) ?? { flag: c.flag, newRed: 0, newAmber: 0, nowRed: 0 };
    if (c.kind === "severity-up") entry.nowRed += 1;
    else if (c.flag.severity === "red") entry.newRed += 1;
    else entry.newAmber += 1;
    byIndicator.set(c.flag.indicatorId, entry);
  }
  for (const [id, e] of byIndicator) {
    const what = [
      e.newRed ? count(e.newRed, "new red flag", "new red flags") : null,
      e.newAmber ? count(e.newAmber, "new amber flag", "new amber flags") : null,
      e.nowRed ? count(e.nowRed, "amber flag now red", "amber flags now red") : null,
    ].filter(Boolean);
    parts.push(`${indicatorWords(id)} ${e.flag.period}: ${formatRaw(id, e.flag.raw)}, ${what.join(", ")}`);
  }
  const score = changes.find((c) => c.kind === "score-up");
  if (score?.kind === "score-up") parts.push(`score up ${points(round1(score.to - score.from))} (${score.from} → ${score.to})`);
  return parts.join("; ");
}
