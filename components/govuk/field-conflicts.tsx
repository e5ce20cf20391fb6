// After a save made from an older copy could not be merged: the fields both people changed, each with
// theirs / yours / before (docs/decisions/0014), under the form's error summary. Without `fields`
// (a refusal that was not merged) it shows the message alone.
import type { ActionConflict } from "@/lib/actions/execute-action";
import { SummaryList } from "./summary-list";
import { WarningText } from "./warning-text";

const shown = (value: string | null) => (value === null ? "Not known" : value.trim() === "" ? "(blank)" : value);

export function FieldConflicts({ id, message, conflict, after }: { id: string; message: string; conflict: ActionConflict; after: string }) {
  const fields = conflict.fields ?? [];
  return (
    <div id={id} className="govuk-!-margin-bottom-6">
      <WarningText>{message}</WarningText>
      {fields.length > 0 ? (
        <SummaryList
          rows={fields.map((f) => ({
            key: f.label,
            value: (
              <>
                <span className="block whitespace-pre-line">
                  <strong>Theirs</strong> ({conflict.by}, {conflict.at}): {shown(f.theirs)}
                </span>
                <span className="block whitespace-pre-line">
                  <strong>Yours</strong>: {shown(f.yours)}
                </span>
                <span className="block whitespace-pre-line">
                  <strong>Before</strong>: {shown(f.before)}
                </span>
              </>
            ),
          }))}
        />
      ) : null}
      <p className="govuk-body">{after}</p>
    </div>
  );
}
