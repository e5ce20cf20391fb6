"use client";
// The DCS's priority forms: add, reorder (move up/down), rename and remove. Fields follow
// lib/plans/schema.ts. All work without JavaScript: the move buttons are submit buttons of one
// form whose name/value say which priority and which way.
import {
  echoedField,
  FormOutcome,
  FormSection,
  HiddenFields,
  useFormAction,
  useRefreshOnConflict,
  versionAfterConflict,
} from "@/components/forms/form-state";
import { Button, ButtonGroup, Input, Select, Table, WarningText } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import type { ServerAction } from "@/lib/actions/safe-action";
import { TITLE_HINT } from "@/lib/plans/labels";

export type PriorityItem = { id: string; title: string; order: number; liveActions: number };

const actionsText = (n: number) => (n === 1 ? "1 action" : `${n} actions`);

export function AddPriorityForm({ action, planId, title }: { action: ServerAction; planId: string; title: string }) {
  const { state, formAction, pending, failed } = useFormAction(action);
  return (
    <FormSection id="priority-heading" heading="Add a priority">
      <FormOutcome state={state} fields={{ title: "#priority-title" }} title={title} fallbackHref="#priority-title" />
      <form key={failed ? JSON.stringify(failed) : `ok${state ? state.message : ""}`} action={formAction} noValidate>
        <HiddenFields values={{ planId }} />
        <Input
          id="priority-title"
          label="Priority"
          hint={`${TITLE_HINT}. Keep to a small number of priorities for the year.`}
          {...echoedField(state, "title", "")}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          Add priority
        </Button>
      </form>
    </FormSection>
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
  const { state, formAction, pending } = useFormAction(action);
  useRefreshOnConflict(state);
  const last = priorities.length - 1;
  /** "Move up" / "Move down", each saying which priority to screen readers. */
  const moves = (p: PriorityItem, i: number) =>
    [
      { way: "up", label: "Move up", shown: i > 0 },
      { way: "down", label: "Move down", shown: i < last },
    ].map((m) =>
      m.shown ? (
        <Button key={m.way} type="submit" variant="secondary" name="move" value={`${p.id}:${m.way}`} className="mb-0" disabled={pending}>
          {m.label}
          <span className="govuk-visually-hidden">{` (${p.title})`}</span>
        </Button>
      ) : null,
    );
  const table = (
    <Table
      id="priority-order"
      caption="The plan's priorities, in order"
      scrollable={false}
      firstCellIsHeader
      head={[
        "Priority",
        { text: "Actions", numeric: true },
        ...(editable ? ["Order", { text: <span className="govuk-visually-hidden">Rename or remove</span> }] : []),
      ]}
      rows={priorities.map((p, i) => [
        `${p.order}. ${p.title}`,
        { text: p.liveActions, numeric: true },
        ...(editable
          ? [
              { text: <span className="flex flex-wrap gap-2">{moves(p, i)}</span> },
              {
                text: (
                  <Link className="govuk-link" href={`${base}/${p.id}`}>
                    Rename or remove<span className="govuk-visually-hidden">{` (${p.title})`}</span>
                  </Link>
                ),
              },
            ]
          : []),
      ])}
    />
  );
  if (!editable) return table;
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} fallbackHref="#priority-order" />
      <form action={formAction}>
        <HiddenFields values={{ planId, version }} />
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
  const { state, formAction, pending, failed } = useFormAction(action);
  useRefreshOnConflict(state);
  return (
    <FormSection id="rename-heading" heading="Rename this priority">
      <FormOutcome state={state} fields={["title"]} title={title} fallbackHref="#title" />
      <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
        <HiddenFields values={{ priorityId, version: versionAfterConflict(state, version) }} />
        <Input id="title" label="Priority" hint={TITLE_HINT} {...echoedField(state, "title", current)} />
        <Button type="submit" disabled={pending}>
          Save new name
        </Button>
      </form>
    </FormSection>
  );
}

/**
 * Remove a priority (soft delete), on its confirmation page (/priorities/[id]/remove). If it still has
 * actions, the person chooses which other priority they move to; with no other priority, removal is
 * refused and the page says why. "Cancel" goes back to the priority.
 */
export function RemovePriorityForm({
  action,
  priorityId,
  version,
  liveActions,
  others,
  title,
  cancelHref,
}: {
  action: ServerAction;
  priorityId: string;
  version: number;
  liveActions: number;
  others: { id: string; title: string; order: number }[];
  title: string;
  cancelHref: string;
}) {
  const { state, formAction, pending, failed } = useFormAction(action);
  useRefreshOnConflict(state);
  const blocked = liveActions > 0 && others.length === 0;
  return (
    <>
      <FormOutcome state={state} fields={["moveTo"]} title={title} fallbackHref="#remove-button" />
      {blocked ? (
        <WarningText>{`This is the plan's only priority and it has ${actionsText(liveActions)}. Add another priority to move them to before removing this one.`}</WarningText>
      ) : (
        <form key={failed ? JSON.stringify(failed) : `v${version}`} action={formAction} noValidate>
          <HiddenFields values={{ priorityId, version: versionAfterConflict(state, version) }} />
          {liveActions > 0 ? (
            <Select
              id="moveTo"
              label={`Move its ${actionsText(liveActions)} to`}
              hint="Actions are never removed with their priority. Their history stays with them."
              {...echoedField(state, "moveTo", "")}
              options={[{ value: "", text: "Choose a priority" }, ...others.map((o) => ({ value: o.id, text: `${o.order}. ${o.title}` }))]}
            />
          ) : (
            <p className="govuk-body">It has no actions. The priority is taken off the plan; the audit log keeps a record of it.</p>
          )}
          <ButtonGroup>
            <Button id="remove-button" type="submit" variant="warning" disabled={pending}>
              Yes, remove this priority
            </Button>
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
