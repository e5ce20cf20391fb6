"use client";
// Forms whose saves are merged field by field with what others saved meanwhile (decision 0015): the
// version and values the form starts from, and, when a field both people changed could not be merged,
// theirs / yours / before for each such field.
import { FieldConflicts } from "@/components/govuk/field-conflicts";
import { serialiseBase } from "@/lib/core/field-merge";
import type { ActionState } from "@/lib/core/form-result";
import { echoedText } from "./form-state";

/**
 * The hidden `version` and `original` (the values the form was opened with) a merged save needs. After a
 * conflict they are the newer ones, and the form shows their changes to the fields you left alone:
 * saving again keeps what is on screen. Both are left out for a new record (no version).
 */
export function mergeBase<F extends string>(
  state: ActionState,
  fields: readonly F[],
  initial: Partial<Record<F, string>> & { version?: string },
): { version?: string; original?: string } {
  const conflict = state?.ok === false ? state.conflict : undefined;
  const version = conflict?.current.version ?? echoedText(state, "version", initial.version ?? "");
  if (!version) return {};
  const original = conflict
    ? serialiseBase(fields, conflict.current as Partial<Record<F, string>>)
    : echoedText(state, "original", serialiseBase(fields, initial));
  return { version, original };
}

/** Under the error summary after a refused merge: each field both changed, or the message alone. */
export function MergeConflict({ state }: { state: ActionState }) {
  const failed = state?.ok === false ? state : null;
  if (!failed?.conflict) return null;
  return (
    <FieldConflicts
      id="conflict"
      message={failed.message}
      conflict={failed.conflict}
      after={
        failed.conflict.fields?.length
          ? "Each field above shows their value, yours and what it was when you opened the form. The form holds yours: change any you want to be theirs, then save again."
          : "Your changes are still in the form below. Review them against the newer values, then save again."
      }
    />
  );
}
