"use client";
// The DCS's plan forms: start a plan, change its title and period, approve (activate), close or
// reopen it. Fields follow lib/plans/schema.ts, which the server actions validate with. All work
// without JavaScript (after a failed submission the page is re-rendered from the action's state).
import { useActionState } from "react";
import { Button, ButtonGroup, Input, type ButtonVariant } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import { FieldConflicts } from "@/components/govuk/field-conflicts";
import { serialiseBase } from "@/lib/core/field-merge";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { PLAN_FIELD_LABELS, PLAN_FIELDS } from "@/lib/plans/field-labels";
import { FormOutcome, textValue, useRefreshOnConflict } from "./form-errors";

const PLAN_LABELS = PLAN_FIELD_LABELS;

function PlanFields({
  state,
  initial,
  errors,
}: {
  state: ActionState;
  initial: Record<(typeof PLAN_FIELDS)[number], string>;
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <Input
        id="title"
        name="title"
        label={PLAN_LABELS.title}
        maxLength={250}
        defaultValue={textValue(state, "title", initial.title)}
        error={errors.title}
      />
      <Input
        id="periodStart"
        name="periodStart"
        type="date"
        label={PLAN_LABELS.periodStart}
        width={10}
        defaultValue={textValue(state, "periodStart", initial.periodStart)}
        error={errors.periodStart}
      />
      <Input
        id="periodEnd"
        name="periodEnd"
        type="date"
        label={PLAN_LABELS.periodEnd}
        width={10}
        defaultValue={textValue(state, "periodEnd", initial.periodEnd)}
        error={errors.periodEnd}
      />
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
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errors = state?.ok === false ? state.fieldErrors : {};
  return (
    <section aria-labelledby="create-plan-heading">
      <h2 id="create-plan-heading" className="govuk-heading-m">
        {heading}
      </h2>
      <FormOutcome state={state} fields={PLAN_FIELDS} title={title} firstField="title" />
      <form key={state?.ok === false ? JSON.stringify(state) : "new"} action={formAction} noValidate>
        <input type="hidden" name="laNumber" value={laNumber} />
        <PlanFields state={state} initial={{ title: "", periodStart: "", periodEnd: "" }} errors={errors} />
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
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const conflict = failed?.conflict;
  // The version and values the form starts from (decision 0015); after a conflict, the newer ones.
  const version = conflict?.current.version ?? textValue(state, "version", initial.version);
  const original = conflict
    ? serialiseBase(PLAN_FIELDS, conflict.current)
    : textValue(state, "original", serialiseBase(PLAN_FIELDS, initial));
  return (
    <>
      <FormOutcome state={state} fields={PLAN_FIELDS} title={title} firstField="title" />
      {conflict && failed ? (
        <FieldConflicts
          id="conflict"
          message={failed.message}
          conflict={conflict}
          after={
            conflict.fields?.length
              ? "Each field above shows their value, yours and what it was when you opened the form. The form holds yours: change any you want to be theirs, then save again."
              : "Your changes are still in the form below. Review them against the newer values, then save again."
          }
        />
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${initial.version}`} action={formAction} noValidate>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="original" value={original} />
        <PlanFields state={state} initial={initial} errors={errors} />
        <Button type="submit" disabled={pending}>
          Save plan details
        </Button>
      </form>
    </>
  );
}

/** One button that moves the plan to another status (approve, close, reopen); the page shows the outcome after the redirect. */
export function PlanStatusForm({
  action,
  planId,
  version,
  label,
  title,
  variant = "primary",
  id = "plan-status-button",
  cancelHref,
}: {
  action: ServerAction;
  planId: string;
  version: number;
  label: string;
  title: string;
  variant?: ButtonVariant;
  id?: string;
  /** on a confirmation page: the "Cancel" link beside the button */
  cancelHref?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} firstField={id} />
      <form action={formAction}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        {cancelHref ? (
          <ButtonGroup>
            <Button id={id} type="submit" variant={variant} disabled={pending}>
              {label}
            </Button>
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </ButtonGroup>
        ) : (
          <Button id={id} type="submit" variant={variant} disabled={pending}>
            {label}
          </Button>
        )}
      </form>
    </>
  );
}
