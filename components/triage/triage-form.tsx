"use client";
// Record a review of one LA: its new triage status and a note (lib/validation/triage.ts
// triageUpdateSchema). Carries the triage version and the data release the page was drawn from; if
// someone saved first it shows their values beside yours and carries the newer version, so saving again
// is a deliberate overwrite (as the plan forms do). Works without JavaScript.
import { useActionState } from "react";
import { Button, Select, SummaryList, WarningText } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { TRIAGE_STATUS_LABELS, TRIAGE_STATUSES } from "@/lib/triage/inbox";
import { echoedText, TriageFormOutcome } from "./form-outcome";
import { NoteField } from "./note-field";

type Props = { action: ServerAction; laNumber: string; status: TriageStatus; version: number; releaseId: number; title: string };

const label = (s: string) => TRIAGE_STATUS_LABELS[s as TriageStatus] ?? s;

export function TriageForm({ action, laNumber, status, version, releaseId, title }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const conflict = failed?.conflict;
  const formVersion = conflict?.current.version ?? String(version);
  // After a change the status shown is the new one; otherwise suggest moving a new LA on to "under review".
  const suggested = status === "NEW" ? "UNDER_REVIEW" : status;
  return (
    <>
      <TriageFormOutcome state={state} id="triage-error-summary" title={title} fields={{ status: "#triage-status", note: "#triage-note", version: "#triage-status", releaseId: "#triage-status" }} fallbackHref="#triage-status" />
      {conflict ? (
        <div id="triage-conflict" className="mb-6">
          <WarningText>{failed?.message}</WarningText>
          <SummaryList
            rows={[
              {
                key: "Status",
                value: (
                  <>
                    <span className="block">Now saved: {label(conflict.current.status ?? "")}</span>
                    <span className="block">You chose: {label(echoedText(state, "status", ""))}</span>
                  </>
                ),
              },
              {
                key: "Note",
                value: (
                  <>
                    <span className="block">Now saved: {conflict.current.note || "(none)"}</span>
                    <span className="block">You wrote: {echoedText(state, "note", "") || "(none)"}</span>
                  </>
                ),
              },
            ]}
          />
          <p className="govuk-body">Your status and note are still in the form. Review them against the newer values, then save again.</p>
        </div>
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <input type="hidden" name="laNumber" value={laNumber} />
        <input type="hidden" name="version" value={formVersion} />
        <input type="hidden" name="releaseId" value={releaseId} />
        <Select
          id="triage-status"
          name="status"
          label="Triage status"
          defaultValue={echoedText(state, "status", suggested)}
          error={errors.status}
          options={TRIAGE_STATUSES.map((s) => ({ value: s, text: TRIAGE_STATUS_LABELS[s] }))}
        />
        <NoteField id="triage-note" label="Note" hint="What you checked, found or decided. Required for every change." error={errors.note} defaultValue={echoedText(state, "note", "")} />
        <Button type="submit" disabled={pending}>
          Save triage
        </Button>
      </form>
    </>
  );
}
