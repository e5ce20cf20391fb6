// Optimistic versions (decisions 0009, 0011, 0015): a record carries `version`, and a save is a
// compare-and-swap on it (`UPDATE … WHERE id = $1 AND version = $2`) inside one transaction. These are
// the pieces every versioned save shares — plan actions, the plan and its priorities, triage: the two
// errors that roll a transaction back with a reason, the check that a compare-and-swap took, the
// wrapper that turns those errors into the person's result, and the retry of a merged save that lost
// a race. Pure of any domain: the results are the caller's own type.

/** Thrown inside a save when the record is no longer at the version it expected: rolls the transaction back. */
export class StaleVersion<Detail = undefined> extends Error {
  /** What the caller needs to tell the person (e.g. which records changed); none by default. */
  readonly detail: Detail;
  constructor(...detail: Detail extends undefined ? [] : [Detail]) {
    super("stale version");
    this.detail = detail[0] as Detail;
  }
}

/** Thrown inside a save to stop it (rolling it back) with this result for the person, e.g. a rule only checkable inside it. */
export class Refusal<Result> extends Error {
  constructor(readonly result: Result) {
    super("refused");
  }
}

/** A compare-and-swap (`updateMany` on id and version) that did not change exactly one row means someone saved first. */
export function expectSwapped({ count }: { count: number }): void {
  if (count !== 1) throw new StaleVersion();
}

/**
 * Runs `save` (typically `db.$transaction(…)`); a Refusal thrown inside becomes its result, with
 * nothing saved. `Result` is the type of every Refusal thrown inside `save`: the caller owns both.
 */
export async function refusable<Saved, Result>(save: () => Promise<Saved>): Promise<Saved | Result> {
  try {
    return await save();
  } catch (error) {
    if (error instanceof Refusal) return error.result as Result;
    throw error;
  }
}

/**
 * As `refusable`, and a StaleVersion thrown inside becomes `onStale`'s result (nothing saved).
 * `Detail` is the type of every StaleVersion's detail thrown inside `save`.
 */
export async function versionedSave<Saved, Result, Detail = undefined>(
  save: () => Promise<Saved>,
  onStale: (error: StaleVersion<Detail>) => Result | Promise<Result>,
): Promise<Saved | Result> {
  try {
    return await refusable<Saved, Result>(save);
  } catch (error) {
    if (error instanceof StaleVersion) return onStale(error as StaleVersion<Detail>);
    throw error;
  }
}

/**
 * A merged save: each attempt reads the record as it is now, merges against it and saves with a
 * compare-and-swap. Another save landing between the read and the swap (rare) throws StaleVersion,
 * and the next attempt merges again against that one; after `attempts`, `exhausted` answers.
 */
export async function retryWhileStale<Result>(
  attempts: number,
  attempt: (n: number) => Promise<Result>,
  exhausted: () => Promise<Result>,
): Promise<Result> {
  for (let n = 0; n < attempts; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof StaleVersion)) throw error;
    }
  }
  return exhausted();
}
