"use client";
// The DCS's plan forms: start a plan, change its title and period, approve (activate), close or
// reopen it. Fields follow lib/plans/schema.ts, which the server actions validate with. All work
// without JavaScript (after a failed submission the page is re-rendered from the action's state).
import { bindFields, echoedDateParts, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { DateInput } from "@/components/govuk/date-input";
import { mergeBase, MergeConflict } from "@/components/forms/merge-conflict";
import { Button, Input, type ButtonVariant } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { PLAN_FIELD_LABELS, PLAN_FIELDS } from "@/lib/plans/field-labels";
import { TITLE_HINT } from "@/lib/plans/labels";
import { OneButtonForm } from "@/components/forms/one-button-form";

function PlanFields({ state, initial }: { state: ActionState; initial: Record<(typeof PLAN_FIELDS)[number], string> }) {
  const field = bindFields(state, PLAN_FIELD_LABELS, initial);
  const errors = state?.ok === false ? state.fieldErrors : {};
  const date = (name: "periodStart" | "periodEnd") => ({
    name,
    legend: PLAN_FIELD_LABELS[name],
    hint: "For example, 1 4 2027",
    error: errors[name],
    defaultValue: echoedDateParts(state, name, initial[name]),
  });
  return (
    <>
      <Input {...field("title")} hint={TITLE_HINT} />
      <DateInput {...date("periodStart")} />
      <DateInput {...date("periodEnd")} />
    </>
  );
}

export function CreatePlanForm({
  action,
  laNumber,
  title,
  heading = "Start an improvement plan",
}: {
  action: ServerAction;
  laNumber: string;
  title: string;
  heading?: string;
}) {
  const { state, formAction, pending, failed } = useFormAction(action);
  return (
    <section aria-labelledby="create-plan-heading">
      <h2 id="create-plan-heading" className="govuk-heading-m">
        {heading}
      </h2>
      <FormOutcome state={state} fields={PLAN_FIELDS} title={title} fallbackHref="#title" />
      <form key={failed ? JSON.stringify(failed) : "new"} action={formAction} noValidate>
        <HiddenFields values={{ laNumber }} />
        <PlanFields state={state} initial={{ title: "", periodStart: "", periodEnd: "" }} />
        <Button type="submit" disabled={pending}>
          Create draft plan
        </Button>
      </form>
    </section>
  );
}

/** Change the plan's title and period, against the version the person opened (conflict: newer values shown beside theirs). */
export function PlanDetailsForm({
  action,
  planId,
  initial,
  title,
}: {
  action: ServerAction;
  planId: string;
  initial: { title: string; periodStart: string; periodEnd: string; version: string };
  title: string;
}) {
  const { state, formAction, pending, failed } = useFormAction(action);
  return (
    <>
      <FormOutcome state={state} fields={PLAN_FIELDS} title={title} fallbackHref="#title" />
      <MergeConflict state={state} />
      <form key={failed ? JSON.stringify(failed) : `v${initial.version}`} action={formAction} noValidate>
        <HiddenFields values={{ planId, ...mergeBase(state, PLAN_FIELDS, initial) }} />
        <PlanFields state={state} initial={initial} />
        <Button type="submit" disabled={pending}>
          Save plan details
        </Button>
      </form>
    </>
  );
}

/** One button that moves the plan to another status (approve, close, reopen); the page shows the outcome after the redirect. */
export function PlanStatusForm({
  plan,
  id = "plan-status-button",
  ...props
}: {
  action: ServerAction;
  /** the plan as the page showed it: the action is posted against this version */
  plan: { id: string; version: number };
  label: string;
  title: string;
  variant?: ButtonVariant;
  id?: string;
  /** on a confirmation page: the "Cancel" link beside the button */
  cancelHref?: string;
}) {
  return <OneButtonForm {...props} id={id} hidden={{ planId: plan.id, version: plan.version }} />;
}
