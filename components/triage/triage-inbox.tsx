"use client";
// The analysts' inbox: the table with a checkbox per LA, and the bulk form that marks every ticked LA
// with one status and one note (all or nothing). One client leaf owns both, so after a refused
// submission — with or without JavaScript — the same LAs are still ticked. Works without JavaScript:
// the checkboxes join the form through their `form` attribute and the page is re-rendered from the
// action's state. The form sits above the table, and its button with the live "n selected" count
// stays on screen (sticky) while the table scrolls; the outcome (error summary or success banner) is
// the first thing on the page, and takes focus.
import { useMemo, useRef, useState, useSyncExternalStore, useEffect, type ReactNode } from "react";
import { echoed, echoedField, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
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
  /** the page above the inbox (heading, filters, counts), below the outcome of a bulk update */
  top: ReactNode;
  /** the page below the table (charts) */
  after?: ReactNode;
};

const noSubscription = () => () => {};
/** True once the page is running JavaScript (false in the server's HTML), so the live count appears only where it can count. */
const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

/** "1 local authority selected", "3 local authorities selected". */
export function selectedText(n: number): string {
  return `${n} local ${n === 1 ? "authority" : "authorities"} selected`;
}

/** LA numbers ticked in a refused submission ("393:4" → "393"), to tick them again. */
function tickedBefore(state: ActionState): Set<string> {
  const v = echoed(state, "selected");
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return new Set(list.map((s) => s.slice(0, 3)));
}

export function TriageInbox({ action, rows, headings, caption, laQuery, releaseId, title, top, after }: Props) {
  const { state, formAction, pending, failed, errors } = useFormAction(action);
  const decoded = useMemo(() => decodeFromServer(rows), [rows]);
  const ticked = useMemo(() => tickedBefore(state), [state]);
  const html = useMemo(
    () => renderInboxTable({ rows: decoded, headings, caption, laHref: (la) => `/risk/la/${la}${laQuery}`, checked: ticked }),
    [decoded, headings, caption, laQuery, ticked],
  );
  // the ticked count, for the table it was counted in (a new table starts from what it was drawn with)
  const hydrated = useHydrated();
  const tableRef = useRef<HTMLDivElement>(null);
  const [counted, setCounted] = useState<{ html: string; n: number } | null>(null);
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const count = () => setCounted({ html, n: table.querySelectorAll('input[name="selected"]:checked').length });
    table.addEventListener("change", count);
    return () => table.removeEventListener("change", count);
  }, [html]);
  const selected = counted?.html === html ? counted.n : decoded.filter((r) => ticked.has(r.laNumber)).length;
  const outcome = (
    <FormOutcome
      state={state}
      id="bulk-error-summary"
      title={title}
      fields={{ selected: `#${INBOX_TABLE_ID}`, status: "#bulk-status", note: "#bulk-note", releaseId: "#bulk-status" }}
      fallbackHref="#bulk-heading"
      focusSuccess
    />
  );
  // After a bulk update the filtered view may be empty: the outcome still shows.
  if (decoded.length === 0) {
    return (
      <>
        {outcome}
        {top}
        <p className="govuk-body">No local authority matches these filters.</p>
        {after}
      </>
    );
  }
  return (
    <>
      {outcome}
      {top}

      <section aria-labelledby="bulk-heading" className="mb-8">
        <h2 id="bulk-heading" className="govuk-heading-m">
          Update the local authorities you tick
        </h2>
        <p className="govuk-body">
          Tick local authorities in the table below, choose their new triage status and write one note: it is saved against each of them. If
          any of them was changed by someone else since you opened this page, none is changed.
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
            label="New triage status"
            {...echoedField(state, "status", "")}
            options={[{ value: "", text: "Choose a status" }, ...TRIAGE_STATUSES.map((s) => ({ value: s, text: TRIAGE_STATUS_LABELS[s] }))]}
          />
          <NoteField id="bulk-note" label="Note for every ticked local authority" state={state} />
        </form>
        <div>
          <div
            className="sticky top-0 z-10 mb-4 flex flex-wrap items-center gap-x-6 gap-y-2 border-b-2 border-govuk-border bg-white pt-3"
            data-testid="bulk-bar"
          >
            <Button type="submit" form={BULK_FORM_ID} disabled={pending} className="mb-3">
              Update ticked local authorities
            </Button>
            <p className="govuk-body mb-3 font-bold" role="status" aria-live="polite" id="bulk-selected">
              {hydrated ? selectedText(selected) : null}
            </p>
          </div>
          <div ref={tableRef} dangerouslySetInnerHTML={{ __html: html }} />
        </div>
      </section>
      {after}
    </>
  );
}
