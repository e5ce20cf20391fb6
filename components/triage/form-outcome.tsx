"use client";
// A triage form's result: the GOV.UK error summary (and "Error: " title) or the success banner.
import { ErrorSummary, ErrorSummaryFocus, NotificationBanner } from "@/components/govuk";
import type { ActionState } from "@/lib/actions/execute-action";

type Props = {
  state: ActionState;
  /** form field name → the id its error summary link goes to */
  fields: Record<string, string>;
  title: string;
  /** where the summary links when the failure is not about one field */
  fallbackHref: string;
  id: string;
};

export function TriageFormOutcome({ state, fields, title, fallbackHref, id }: Props) {
  if (!state) return null;
  if (state.ok) return <NotificationBanner type="success" heading={state.message} id={`${id}-success`} />;
  const errors = Object.entries(fields)
    .filter(([name]) => state.fieldErrors[name])
    .map(([name, href]) => ({ href, text: state.fieldErrors[name] ?? "" }));
  return (
    <>
      <title>{`Error: ${title}`}</title>
      <ErrorSummaryFocus key={JSON.stringify(state)}>
        <ErrorSummary id={id} errors={errors.length > 0 ? errors : [{ href: fallbackHref, text: state.message }]} />
      </ErrorSummaryFocus>
    </>
  );
}

export function echoed(state: ActionState, name: string): string | string[] | undefined {
  return state?.ok === false ? state.values?.[name] : undefined;
}

export function echoedText(state: ActionState, name: string, fallback: string): string {
  const v = echoed(state, name);
  return typeof v === "string" ? v : fallback;
}
