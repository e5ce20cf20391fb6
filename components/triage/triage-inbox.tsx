"use client";
// The analysts' inbox: the table with a checkbox per LA, and the bulk form that marks every ticked LA
// with one status and one note (all or nothing). One client leaf owns both, so after a refused
// submission — with or without JavaScript — the same LAs are still ticked. Works without JavaScript:
// the checkboxes join the form through their `form` attribute and the page is re-rendered from the
// action's state.
import { useMemo } from "react";
import { echoed, echoedText, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { Button, Select } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { decodeFromServer, type Encoded } from "@/lib/risk/national-rows";
import { TRIAGE_STATUS_LABELS, TRIAGE_STATUSES, type InboxTableRow } from "@/lib/triage/inbox";
import { BULK_FORM_ID, INBOX_TABLE_ID, renderInboxTable, type InboxHeading } from "./inbox-table";
import { NoteField } from "./note-field";

type Props = {
  action: ServerAction;
  /** the rows, as one JSON string (see encodeForClient) */
  rows: Encoded<InboxTableRow[]>;
  headings: InboxHeading[];
  caption: string;
  /** appended to each LA's link, so its page can lead back to this view of the inbox */
  laQuery: string;
  releaseId: number;
  title: string;
};

/** LA numbers ticked in a refused submission ("393:4" → "393"), to tick them again. */
function tickedBefore(state: ActionState): Set<string> {
  const v = echoed(state, "selected");
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return new Set(list.map((s) => s.slice(0, 3)));
}

export function TriageInbox({ action, rows, headings, caption, laQuery, releaseId, title }: Props) {
  const { state, formAction, pending, failed, errors } = useFormAction(action);
  const decoded = useMemo(() => decodeFromServer(rows), [rows]);
  const html = useMemo(
    () => renderInboxTable({ rows: decoded, headings, caption, laHref: (la) => `/risk/la/${la}${laQuery}`, checked: tickedBefore(state) }),
    [decoded, headings, caption, laQuery, state],
  );
  const outcome = (
    <FormOutcome
      state={state}
      id="bulk-error-summary"
      title={title}
      fields={{ selected: `#${INBOX_TABLE_ID}`, status: "#bulk-status", note: "#bulk-note", releaseId: "#bulk-status" }}
      fallbackHref="#bulk-heading"
    />
  );
  // After a bulk update the filtered view may be empty: the outcome still shows.
  if (decoded.length === 0) {
    return (
      <>
        {outcome}
        <p className="govuk-body">No local authority matches these filters.</p>
      </>
    );
  }
  return (
    <>
      {outcome}
      <div dangerouslySetInnerHTML={{ __html: html }} />

      <section aria-labelledby="bulk-heading" className="mb-8 border-l-4 border-govuk-border pl-4">
        <h2 id="bulk-heading" className="govuk-heading-m">
          Update the local authorities you have ticked
        </h2>
        <p className="govuk-body">
          Tick local authorities in the table, choose their new triage status and write one note: it is saved against each of them. If any
          of them was changed by someone else since you opened this page, none is changed.
        </p>
        {errors.selected ? (
          <p className="govuk-error-message" id="selected-error">
            <span className="govuk-visually-hidden">Error:</span> {errors.selected}
          </p>
        ) : null}
        <form id={BULK_FORM_ID} key={failed ? JSON.stringify(failed) : `r${releaseId}`} action={formAction} noValidate>
          <HiddenFields values={{ releaseId }} />
          <Select
            id="bulk-status"
            name="status"
            label="New triage status"
            defaultValue={echoedText(state, "status", "")}
            error={errors.status}
            options={[{ value: "", text: "Choose a status" }, ...TRIAGE_STATUSES.map((s) => ({ value: s, text: TRIAGE_STATUS_LABELS[s] }))]}
          />
          <NoteField
            id="bulk-note"
            label="Note for every ticked local authority"
            error={errors.note}
            defaultValue={echoedText(state, "note", "")}
          />
          <Button type="submit" disabled={pending}>
            Update ticked local authorities
          </Button>
        </form>
      </section>
    </>
  );
}
