"use client";
// The DCS's plan forms: start a plan, change its title and period, approve (activate), close or
// reopen it. Fields follow lib/validation/plan.ts, which the server actions validate with. All work
// without JavaScript (after a failed submission the page is re-rendered from the action's state).
import { useActionState } from "react";
import { Button, Input, SummaryList, WarningText, type ButtonVariant } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { formatDateOnly } from "@/lib/plans/dates";
import { PLAN_STATUSES, type PlanStatusKey } from "@/lib/plans/labels";
import { FormOutcome, textValue, useRefreshOnConflict } from "./form-errors";

const PLAN_FIELDS = ["title", "periodStart", "periodEnd"] as const;
const PLAN_LABELS: Record<(typeof PLAN_FIELDS)[number], string> = { title: "Plan title", periodStart: "Start of the plan period", periodEnd: "End of the plan period" };

function PlanFields({ state, initial, errors }: { state: ActionState; initial: Record<(typeof PLAN_FIELDS)[number], string>; errors: Partial<Record<string, string>> }) {
  return (
    <>
      <Input id="title" name="title" label={PLAN_LABELS.title} maxLength={250} defaultValue={textValue(state, "title", initial.title)} error={errors.title} />
      <Input id="periodStart" name="periodStart" type="date" label={PLAN_LABELS.periodStart} width={10} defaultValue={textValue(state, "periodStart", initial.periodStart)} error={errors.periodStart} />
      <Input id="periodEnd" name="periodEnd" type="date" label={PLAN_LABELS.periodEnd} width={10} defaultValue={textValue(state, "periodEnd", initial.periodEnd)} error={errors.periodEnd} />
    </>
  );
}

export function CreatePlanForm({ action, laNumber, title, heading = "Start an improvement plan" }: { action: ServerAction; laNumber: string; title: string; heading?: string }) {
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
  // After a conflict the form carries the newer version, so saving again applies what is on screen over the newer values.
  const version = conflict?.current.version ?? textValue(state, "version", initial.version);
  const show = (f: (typeof PLAN_FIELDS)[number], value: string) => (value && f !== "title" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateOnly(value) : value);
  const nowStatus = conflict?.current.status as PlanStatusKey | undefined;
  return (
    <>
      <FormOutcome state={state} fields={PLAN_FIELDS} title={title} firstField="title" />
      {conflict ? (
        <div id="conflict" className="govuk-!-margin-bottom-6">
          <WarningText>{failed?.message}</WarningText>
          <SummaryList
            rows={[
              ...PLAN_FIELDS.filter((f) => (conflict.current[f] ?? "") !== textValue(state, f, "")).map((f) => ({
                key: PLAN_LABELS[f],
                value: (
                  <>
                    <span className="block">Now saved: {show(f, conflict.current[f] ?? "") || "(blank)"}</span>
                    <span className="block">You entered: {show(f, textValue(state, f, "")) || "(blank)"}</span>
                  </>
                ),
              })),
              ...(nowStatus && nowStatus in PLAN_STATUSES ? [{ key: "Status", value: `Now ${PLAN_STATUSES[nowStatus].toLowerCase()}` }] : []),
            ]}
          />
          <p className="govuk-body">Your changes are still in the form below. Review them against the newer values, then save again.</p>
        </div>
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${initial.version}`} action={formAction} noValidate>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
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
}: {
  action: ServerAction;
  planId: string;
  version: number;
  label: string;
  title: string;
  variant?: ButtonVariant;
  id?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} firstField={id} />
      <form action={formAction}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <Button id={id} type="submit" variant={variant} disabled={pending}>
          {label}
        </Button>
      </form>
    </>
  );
}
