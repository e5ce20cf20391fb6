"use client";
// Post a progress update, mark complete, delete (on its confirmation page): each a small form carrying
// the version the person saw.
import { echoedField, FormOutcome, FormSection, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { OneButtonForm } from "@/components/forms/one-button-form";
import { Button, Select, Textarea, WarningText } from "@/components/govuk";
import type { ServerAction } from "@/lib/actions/safe-action";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/plans/labels";

type Props = { action: ServerAction; actionId: string; version: number; title: string };

const STATUS_OPTIONS = Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }));

export function ProgressUpdateForm({ action, actionId, version, status, title }: Props & { status: ActionStatus }) {
  const { state, formAction, pending, failed } = useFormAction(action);
  return (
    <FormSection id="progress-heading" heading="Post a progress update">
      <FormOutcome state={state} fields={["narrative", "status"]} title={title} fallbackHref="#narrative" />
      {failed?.conflict ? (
        <WarningText>{`Status is now ${ACTION_STATUSES[failed.conflict.current.status as ActionStatus] ?? failed.conflict.current.status}. Reload the page to see the latest before posting.`}</WarningText>
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <HiddenFields values={{ actionId, version }} />
        <Textarea id="narrative" label="What has happened since the last update?" {...echoedField(state, "narrative", "")} />
        <Select id="progress-status" label="Status after this update" {...echoedField(state, "status", status)} options={STATUS_OPTIONS} />
        <Button type="submit" disabled={pending}>
          Post update
        </Button>
      </form>
    </FormSection>
  );
}

export function CompleteActionForm({ action, actionId, version, title }: Props) {
  const { state, formAction, pending } = useFormAction(action);
  return (
    <FormSection id="complete-heading" heading="Mark as complete">
      {/* the note is posted as `narrative` (completeActionSchema); its box is #completion-narrative beside the progress form's #narrative */}
      <FormOutcome state={state} fields={{ narrative: "#completion-narrative" }} title={title} fallbackHref="#completion-narrative" />
      <form action={formAction} noValidate>
        <HiddenFields values={{ actionId, version }} />
        <Textarea id="completion-narrative" label="Completion note (optional)" rows={2} {...echoedField(state, "narrative", "")} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Mark complete
        </Button>
      </form>
    </FormSection>
  );
}

/**
 * The confirmation page's form (/actions/[id]/delete): a red button that deletes, against the version
 * the page showed, and a link back. If the action changed meanwhile the page is re-read to show it.
 */
export function DeleteActionForm({ action, actionId, version, title, cancelHref }: Props & { cancelHref: string }) {
  return (
    <OneButtonForm
      action={action}
      hidden={{ actionId, version }}
      id="delete-button"
      variant="warning"
      label="Yes, delete this action"
      title={title}
      cancelHref={cancelHref}
    />
  );
}
