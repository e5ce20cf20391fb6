"use client";
// Record a review of one LA: its new triage status and a note (lib/triage/schema.ts
// triageUpdateSchema). Carries the triage version and the data release the page was drawn from. A save
// from an older version is merged on the server (decision 0015): only a status both people changed is
// a conflict, shown as theirs / yours / before; the form then carries the newer version, so saving
// again keeps the status on screen. Works without JavaScript.
import { echoedField, FormOutcome, HiddenFields, useFormAction, versionAfterConflict } from "@/components/forms/form-state";
import { Button, Select } from "@/components/govuk";
import { FieldConflicts } from "@/components/govuk/field-conflicts";
import type { ServerAction } from "@/lib/actions/safe-action";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { TRIAGE_STATUS_LABELS, TRIAGE_STATUSES } from "@/lib/triage/inbox";
import { NoteField } from "./note-field";

type Props = { action: ServerAction; laNumber: string; status: TriageStatus; version: number; releaseId: number; title: string };

export function TriageForm({ action, laNumber, status, version, releaseId, title }: Props) {
  const { state, formAction, pending, failed } = useFormAction(action);
  const conflict = failed?.conflict;
  // After a change the status shown is the new one; otherwise suggest moving a new LA on to "under review".
  const suggested = status === "NEW" ? "UNDER_REVIEW" : status;
  return (
    <>
      <FormOutcome
        state={state}
        id="triage-error-summary"
        title={title}
        fields={{ status: "#triage-status", note: "#triage-note", version: "#triage-status", releaseId: "#triage-status" }}
        fallbackHref="#triage-status"
      />
      {conflict && failed ? (
        <FieldConflicts
          id="triage-conflict"
          message={failed.message}
          conflict={conflict}
          after={`Their latest note: ${conflict.current.note || "(none)"}. Your status and note are still in the form: choose the status, then save again.`}
        />
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <HiddenFields values={{ laNumber, version: versionAfterConflict(state, version), releaseId }} />
        <Select
          id="triage-status"
          label="Triage status"
          {...echoedField(state, "status", suggested)}
          options={TRIAGE_STATUSES.map((s) => ({ value: s, text: TRIAGE_STATUS_LABELS[s] }))}
        />
        <NoteField id="triage-note" label="Note" hint="What you checked, found or decided. Required for every change." state={state} />
        <Button type="submit" disabled={pending}>
          Save triage
        </Button>
      </form>
    </>
  );
}
