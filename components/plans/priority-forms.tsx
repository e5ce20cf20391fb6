"use client";
// The DCS's priority forms: add, reorder (move up/down), rename and remove. Fields follow
// lib/plans/schema.ts. All work without JavaScript: the move buttons are submit buttons of one
// form whose name/value say which priority and which way.
import { Link } from "@/components/govuk/link";
import { useActionState } from "react";
import { Button, Input, Select, WarningText } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { FormOutcome, textValue, useRefreshOnConflict } from "./form-errors";

export type PriorityItem = { id: string; title: string; order: number; liveActions: number };

const actionsText = (n: number) => (n === 1 ? "1 action" : `${n} actions`);

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
        <Input
          id="priority-title"
          name="title"
          label="Priority"
          hint="Keep to a small number of priorities for the year"
          maxLength={250}
          defaultValue={textValue(state, "title", "")}
          error={errors.title}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add priority
        </Button>
      </form>
    </section>
  );
}

/**
 * The plan's priorities in order, each with "Move up"/"Move down" buttons and a link to rename or
 * remove it. One form: the pressed button sends move=<id>:<up|down>; the version is the plan's.
 */
export function PriorityOrderForm({
  action,
  planId,
  version,
  priorities,
  base,
  editable,
  title,
}: {
  action: ServerAction;
  planId: string;
  version: number;
  priorities: PriorityItem[];
  /** /la/<n>/plan/priorities */
  base: string;
  editable: boolean;
  title: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  const last = priorities.length - 1;
  const table = (
    <table className="govuk-table" id="priority-order">
      <caption className="govuk-table__caption govuk-table__caption--m">The plan&apos;s priorities, in order</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Priority
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Actions
          </th>
          {editable ? (
            <>
              <th scope="col" className="govuk-table__header">
                Order
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Rename or remove</span>
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {priorities.map((p, i) => (
          <tr key={p.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {p.order}. {p.title}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{p.liveActions}</td>
            {editable ? (
              <>
                <td className="govuk-table__cell">
                  <span className="flex flex-wrap gap-2">
                    {i > 0 ? (
                      <Button type="submit" variant="secondary" name="move" value={`${p.id}:up`} className="mb-0" disabled={pending}>
                        Move up<span className="govuk-visually-hidden">{` (${p.title})`}</span>
                      </Button>
                    ) : null}
                    {i < last ? (
                      <Button type="submit" variant="secondary" name="move" value={`${p.id}:down`} className="mb-0" disabled={pending}>
                        Move down<span className="govuk-visually-hidden">{` (${p.title})`}</span>
                      </Button>
                    ) : null}
                  </span>
                </td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" href={`${base}/${p.id}`}>
                    Rename or remove<span className="govuk-visually-hidden">{` (${p.title})`}</span>
                  </Link>
                </td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!editable) return table;
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} firstField="priority-order" />
      <form action={formAction}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="version" value={version} />
        <div className="overflow-x-auto">{table}</div>
      </form>
    </>
  );
}

export function RenamePriorityForm({
  action,
  priorityId,
  version,
  current,
  title,
}: {
  action: ServerAction;
  priorityId: string;
  version: number;
  current: string;
  title: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  // After a conflict (the page shows the newer priority), saving again is a deliberate choice: send the newer version.
  const formVersion = failed?.conflict?.current.version ?? String(version);
  return (
    <section aria-labelledby="rename-heading">
      <h2 id="rename-heading" className="govuk-heading-m">
        Rename this priority
      </h2>
      <FormOutcome state={state} fields={["title"]} title={title} firstField="title" />
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <input type="hidden" name="priorityId" value={priorityId} />
        <input type="hidden" name="version" value={formVersion} />
        <Input
          id="title"
          name="title"
          label="Priority"
          maxLength={250}
          defaultValue={textValue(state, "title", current)}
          error={errors.title}
        />
        <Button type="submit" disabled={pending}>
          Save new name
        </Button>
      </form>
    </section>
  );
}

/**
 * Remove a priority (soft delete). If it still has actions, the person chooses which other priority
 * they move to; with no other priority, removal is refused and the page says why.
 */
export function RemovePriorityForm({
  action,
  priorityId,
  version,
  liveActions,
  others,
  title,
}: {
  action: ServerAction;
  priorityId: string;
  version: number;
  liveActions: number;
  others: { id: string; title: string; order: number }[];
  title: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  useRefreshOnConflict(state);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const formVersion = failed?.conflict?.current.version ?? String(version);
  const blocked = liveActions > 0 && others.length === 0;
  return (
    <section aria-labelledby="remove-heading">
      <h2 id="remove-heading" className="govuk-heading-m">
        Remove this priority
      </h2>
      <FormOutcome state={state} fields={["moveTo"]} title={title} firstField="remove-button" />
      {blocked ? (
        <WarningText>{`This is the plan's only priority and it has ${actionsText(liveActions)}. Add another priority to move them to before removing this one.`}</WarningText>
      ) : (
        <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
          <input type="hidden" name="priorityId" value={priorityId} />
          <input type="hidden" name="version" value={formVersion} />
          {liveActions > 0 ? (
            <Select
              id="moveTo"
              name="moveTo"
              label={`Move its ${actionsText(liveActions)} to`}
              hint="Actions are never removed with their priority. Their history stays with them."
              defaultValue={textValue(state, "moveTo", "")}
              error={errors.moveTo}
              options={[{ value: "", text: "Choose a priority" }, ...others.map((o) => ({ value: o.id, text: `${o.order}. ${o.title}` }))]}
            />
          ) : (
            <p className="govuk-body">It has no actions. The priority is taken off the plan; the audit log keeps a record of it.</p>
          )}
          <Button id="remove-button" type="submit" variant="warning" disabled={pending}>
            Remove priority
          </Button>
        </form>
      )}
    </section>
  );
}
