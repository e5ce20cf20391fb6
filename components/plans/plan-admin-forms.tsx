"use client";
// The DCS's forms: start a plan, add a priority, approve (activate) or close the plan.
import { useActionState } from "react";
import { Button, Input } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { FormOutcome, textValue } from "./form-errors";

export function CreatePlanForm({ action, laNumber, title }: { action: ServerAction; laNumber: string; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errors = state?.ok === false ? state.fieldErrors : {};
  return (
    <section aria-labelledby="create-plan-heading">
      <h2 id="create-plan-heading" className="govuk-heading-m">
        Start an improvement plan
      </h2>
      <FormOutcome state={state} fields={["title", "periodStart", "periodEnd"]} title={title} firstField="title" />
      <form key={state?.ok === false ? JSON.stringify(state) : "new"} action={formAction} noValidate>
        <input type="hidden" name="laNumber" value={laNumber} />
        <Input id="title" name="title" label="Plan title" defaultValue={textValue(state, "title", "")} error={errors.title} />
        <Input id="periodStart" name="periodStart" type="date" label="Start of the plan period" width={10} defaultValue={textValue(state, "periodStart", "")} error={errors.periodStart} />
        <Input id="periodEnd" name="periodEnd" type="date" label="End of the plan period" width={10} defaultValue={textValue(state, "periodEnd", "")} error={errors.periodEnd} />
        <Button type="submit" disabled={pending}>
          Create draft plan
        </Button>
      </form>
    </section>
  );
}

export function AddPriorityForm({ action, planId, title }: { action: ServerAction; planId: string; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const errors = state?.ok === false ? state.fieldErrors : {};
  return (
    <section aria-labelledby="priority-heading">
      <h2 id="priority-heading" className="govuk-heading-m">
        Add a priority
      </h2>
      <FormOutcome state={state} fields={["title"]} title={title} firstField="priority-title" />
      <form key={state?.ok === false ? JSON.stringify(state) : `ok${state ? state.message : ""}`} action={formAction} noValidate>
        <input type="hidden" name="planId" value={planId} />
        <Input id="priority-title" name="title" label="Priority" hint="Keep to a small number of priorities for the year" defaultValue={textValue(state, "title", "")} error={errors.title} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add priority
        </Button>
      </form>
    </section>
  );
}

export function PlanStatusForm({ action, planId, version, label, title }: { action: ServerAction; planId: string; version: number; label: string; title: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} firstField="plan-status-button" />
      <form action={formAction}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <Button id="plan-status-button" type="submit" disabled={pending}>
          {label}
        </Button>
      </form>
    </>
  );
}
