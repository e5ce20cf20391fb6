"use client";
// The GOV.UK error summary and success banner for a plan form, from the action's state.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { ErrorSummary, ErrorSummaryFocus, NotificationBanner } from "@/components/govuk";
import type { ActionState } from "@/lib/actions/execute-action";

export function FormOutcome({
  state,
  fields,
  title,
  firstField,
}: {
  state: ActionState;
  fields: readonly string[];
  title: string;
  firstField: string;
}) {
  if (!state) return null;
  if (state.ok) return <NotificationBanner type="success" heading={state.message} />;
  const errors = fields.filter((f) => state.fieldErrors[f]).map((f) => ({ href: `#${f}`, text: state.fieldErrors[f] ?? "" }));
  return (
    <>
      <title>{`Error: ${title}`}</title>
      <ErrorSummaryFocus key={JSON.stringify(state)}>
        <ErrorSummary errors={errors.length > 0 ? errors : [{ href: `#${firstField}`, text: state.message }]} />
      </ErrorSummaryFocus>
    </>
  );
}

export function textValue(state: ActionState, name: string, fallback: string): string {
  const v = state?.ok === false ? state.values?.[name] : undefined;
  return typeof v === "string" ? v : fallback;
}

/**
 * After "someone else changed this first", re-reads the page's server data so what is shown (the
 * order of priorities, the plan's status, the version the buttons carry) is the newer one. Without
 * JavaScript the page is re-rendered from the database after the post anyway.
 */
export function useRefreshOnConflict(state: ActionState): void {
  const router = useRouter();
  const conflict = state?.ok === false ? state.conflict : undefined;
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);
}
