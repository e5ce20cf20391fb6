// What makes a "reviewed" local authority come back to the analysts' inbox when a new data release is
// imported, in one typed place (docs/decisions/0011-analyst-triage.md). lib/triage/reopen.ts applies it.

export type ReopenRules = {
  /** a flag (indicator × kind of rule) the LA did not have when it was reviewed */
  newFlag: boolean;
  /** a flag it had as amber is now red */
  severityUp: boolean;
  /**
   * the score has risen by at least this many points since the review. 1 point is the weight of one
   * amber input (lib/risk/config.ts INPUT_POINTS, decision 0024). New and worsened flags are caught by
   * the two rules above, so this mostly catches a new inspection-history input (a judgement or a
   * monitoring visit published since the review), which is not an indicator flag.
   */
  scoreRise: number;
};

export const REOPEN_RULES: ReopenRules = {
  newFlag: true,
  severityUp: true,
  scoreRise: 1,
};

/** Longest note an analyst may write. */
export const TRIAGE_NOTE_MAX = 2000;

/** Most local authorities one bulk update may change (there are 153). */
export const TRIAGE_BULK_MAX = 160;

/** Who the history names for an automatic reopen. */
export const AUTOMATIC_AUTHOR = "Automatic: new data imported";

/** Who the history names for the one-off re-baseline after a change of the risk design (decision 0030). */
export const REBASELINE_AUTHOR = "Automatic: re-baselined after the risk design changed";

/**
 * The risk design a triage snapshot is taken under (decision 0024), written into every snapshot. A
 * REVIEWED LA whose snapshot names another design (or none: taken before decision 0030) is compared
 * with flags of another kind, so `npm run triage:rebaseline` re-takes its snapshot under this design
 * (lib/triage/rebaseline.ts). Change it whenever the flags or the score change meaning.
 */
export const SNAPSHOT_DESIGN = "0024";

/** Audit log action names for triage changes. */
export const TRIAGE_AUDIT = {
  update: "triage.update",
  bulkUpdate: "triage.bulk_update",
  reopen: "triage.reopen",
  rebaseline: "triage.rebaseline",
} as const;
