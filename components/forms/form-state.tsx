"use client";
// What every form posted to a server action shares (plans, triage, users, sign-in): the action's state
// and the values to show again, the GOV.UK error summary or success banner it calls for, and the hidden
// fields that say which record and which version. Works without JavaScript: after a failed submission
// the page is rendered again from the action's state.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, type ReactNode } from "react";
import { ErrorSummary, ErrorSummaryFocus, NotificationBanner } from "@/components/govuk";
import type { ServerAction } from "@/lib/actions/safe-action";
import { DATE_PARTS, isoToDateParts, type DateParts } from "@/lib/core/date-input";
import type { ActionResult, ActionState } from "@/lib/core/form-result";

/** The action's state, and for a refused submission the result and its field errors. */
export function useFormAction(action: ServerAction | ((previous: ActionState, formData: FormData) => Promise<ActionResult>)) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const failed = state?.ok === false ? state : null;
  return { state, formAction, pending, failed, errors: failed?.fieldErrors ?? {} };
}

/** A value the refused submission sent (to show it again), if any. */
export function echoed(state: ActionState, name: string): string | string[] | undefined {
  return state?.ok === false ? state.values?.[name] : undefined;
}

/** The text a field should show: what the refused submission sent, or else `fallback`. */
export function echoedText(state: ActionState, name: string, fallback: string): string {
  const v = echoed(state, name);
  return typeof v === "string" ? v : fallback;
}

/** A field's name, the text it should show (the refused submission's, or else `fallback`) and its error. */
export function echoedField<N extends string>(state: ActionState, name: N, fallback: string) {
  return { name, defaultValue: echoedText(state, name, fallback), error: state?.ok === false ? state.fieldErrors[name] : undefined };
}

/** The props of a group of fields drawn from the action's state: what each shows unless a refused submission sent another. */
export type BoundFields<F extends string> = { state: ActionState; initial: Readonly<Record<F, string>> };

/** What a date input's three boxes should show: what the refused submission sent, or else the saved date. */
export function echoedDateParts(state: ActionState, name: string, fallbackIso: string): DateParts {
  // a merged save answers with the record's values by name (yyyy-mm-dd): those win over what was typed
  const merged = echoed(state, name);
  if (typeof merged === "string") return isoToDateParts(merged);
  const sent = DATE_PARTS.map((part) => echoed(state, `${name}-${part}`));
  if (sent.some((v) => typeof v === "string")) {
    const [day, month, year] = sent.map((v) => (typeof v === "string" ? v : ""));
    return { day: day!, month: month!, year: year! };
  }
  return isoToDateParts(fallbackIso);
}

/**
 * The version a form posts: the one the page showed, or after "someone else changed this first" the
 * newer one (the page then shows the newer record, so saving again is a deliberate choice).
 */
export function versionAfterConflict(state: ActionState, version: number): string {
  return (state?.ok === false ? state.conflict?.current.version : undefined) ?? String(version);
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

/**
 * The props every field of a form takes from its name: id and name, label, the value to show (the
 * refused submission's, or `initial`) and its error. `label` overrides the usual one.
 */
export function bindFields<F extends string>(
  state: ActionState,
  labels: Readonly<Record<F, string>>,
  initial: Readonly<Record<NoInfer<F>, string>>,
) {
  return (name: F, label: string = labels[name]) => ({ id: name, label, ...echoedField(state, name, initial[name]) });
}

type OutcomeProps = {
  state: ActionState;
  /** the form's fields in page order: names (the summary links to #name), or name → the link's target */
  fields: readonly string[] | Readonly<Record<string, string>>;
  title: string;
  /** where the summary links when the refusal is not about one of `fields` */
  fallbackHref: string;
  /** the error summary's id (the success banner's is `${id}-success`); GOV.UK's default if omitted */
  id?: string;
  /** move keyboard focus to the success banner too (where it is drawn away from the form, at the top of the page) */
  focusSuccess?: boolean;
};

/** The GOV.UK error summary (with the "Error: " title) for a refused submission, or the success banner. */
export function FormOutcome({ state, fields, title, fallbackHref, id, focusSuccess = false }: OutcomeProps) {
  if (!state) return null;
  if (state.ok) {
    const banner = <NotificationBanner type="success" heading={state.message} id={id ? `${id}-success` : undefined} />;
    return focusSuccess ? <ErrorSummaryFocus key={JSON.stringify(state)}>{banner}</ErrorSummaryFocus> : banner;
  }
  const targets: [string, string][] = Array.isArray(fields) ? fields.map((f) => [f, `#${f}`]) : Object.entries(fields);
  const errors = targets.filter(([name]) => state.fieldErrors[name]).map(([name, href]) => ({ href, text: state.fieldErrors[name] ?? "" }));
  return (
    <>
      <title>{`Error: ${title}`}</title>
      <ErrorSummaryFocus key={JSON.stringify(state)}>
        <ErrorSummary id={id} errors={errors.length > 0 ? errors : [{ href: fallbackHref, text: state.message }]} />
      </ErrorSummaryFocus>
    </>
  );
}

/** Hidden inputs: which record, which version (undefined and null values are left out). */
export function HiddenFields({ values }: { values: Readonly<Record<string, string | number | null | undefined>> }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) =>
        value === undefined || value === null ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

/** A form's own section of a page, under its heading (GOV.UK heading M). */
export function FormSection({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="govuk-heading-m">
        {heading}
      </h2>
      {children}
    </section>
  );
}
