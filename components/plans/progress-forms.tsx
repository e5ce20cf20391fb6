"use client";
// Post a progress update, mark complete, delete (on its confirmation page): each a small form carrying
// the version the person saw.
import { useActionState } from "react";
import { Button, ButtonGroup, Select, WarningText } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/plans/labels";
import { FormOutcome, textValue, useRefreshOnConflict } from "./form-errors";
import { Textarea } from "./textarea";

type Props = { action: ServerAction; actionId: string; version: number; title: string };

export function ProgressUpdateForm({ action, actionId, version, status, title }: Props & { status: ActionStatus }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="govuk-heading-m">
        Post a progress update
      </h2>
      <FormOutcome state={state} fields={["narrative", "status"]} title={title} firstField="narrative" />
      {failed?.conflict ? (
        <WarningText>{`Status is now ${ACTION_STATUSES[failed.conflict.current.status as ActionStatus] ?? failed.conflict.current.status}. Reload the page to see the latest before posting.`}</WarningText>
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <input type="hidden" name="actionId" value={actionId} />
        <input type="hidden" name="version" value={version} />
        <Textarea
          id="narrative"
          name="narrative"
          label="What has happened since the last update?"
          defaultValue={textValue(state, "narrative", "")}
          error={errors.narrative}
        />
        <Select
          id="progress-status"
          name="status"
          label="Status after this update"
          defaultValue={textValue(state, "status", status)}
          error={errors.status}
          options={Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }))}
        />
        <Button type="submit" disabled={pending}>
          Post update
        </Button>
      </form>
    </section>
  );
}

export function CompleteActionForm({ action, actionId, version, title }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  return (
    <section aria-labelledby="complete-heading">
      <h2 id="complete-heading" className="govuk-heading-m">
        Mark as complete
      </h2>
      <FormOutcome state={state} fields={["completionNote"]} title={title} firstField="completion-narrative" />
      <form action={formAction} noValidate>
        <input type="hidden" name="actionId" value={actionId} />
        <input type="hidden" name="version" value={version} />
        <Textarea
          id="completion-narrative"
          name="narrative"
          label="Completion note (optional)"
          rows={2}
          defaultValue={textValue(state, "narrative", "")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Mark complete
        </Button>
      </form>
    </section>
  );
}

/**
 * The confirmation page's form (/actions/[id]/delete): a red button that deletes, against the version
 * the page showed, and a link back. If the action changed meanwhile the page is re-read to show it.
 */
export function DeleteActionForm({ action, actionId, version, title, cancelHref }: Props & { cancelHref: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} firstField="delete-button" />
      <form action={formAction}>
        <input type="hidden" name="actionId" value={actionId} />
        <input type="hidden" name="version" value={version} />
        <ButtonGroup>
          <Button id="delete-button" type="submit" variant="warning" disabled={pending}>
            Yes, delete this action
          </Button>
          <Link className="govuk-link" href={cancelHref}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
