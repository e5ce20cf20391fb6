"use client";
// Create or edit an improvement plan action. The fields are those of planActionSchema
// (lib/plans/action-schema.ts), which the server action validates with. Works without JavaScript:
// after a failed submission the page is re-rendered from the action's state.
import { useActionState } from "react";
import { Button, Input, Select } from "@/components/govuk";
import { FieldConflicts } from "@/components/govuk/field-conflicts";
import { serialiseBase } from "@/lib/core/field-merge";
import { ACTION_FIELD_LABELS, ACTION_FIELDS, type ActionField } from "@/lib/plans/field-labels";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { ACTION_STATUSES, ACTION_THEMES } from "@/lib/plans/labels";
import { ownerFormFields, type OwnerCandidate } from "@/lib/plans/owner";
import { FormOutcome, textValue } from "./form-errors";
import { OwnerField } from "./owner-field";
import { Textarea } from "./textarea";

export type ActionFormValues = Record<ActionField, string> & { version?: string };

/** The form's own fields in page order (the owner is two fields), for the error summary. */
const FORM_FIELDS = ACTION_FIELDS.flatMap((f) => (f === "owner" ? (["ownerUserId", "ownerOther"] as const) : [f]));

const LABELS = ACTION_FIELD_LABELS;

export function ActionForm({
  action,
  hidden,
  initial,
  priorities,
  indicators,
  owners,
  laName,
  submitLabel,
  title,
}: {
  action: ServerAction;
  hidden: Record<string, string>;
  initial: ActionFormValues;
  priorities: { id: string; title: string }[];
  indicators: { id: string; label: string }[];
  /** the LA's people an action can be given to */
  owners: OwnerCandidate[];
  laName: string;
  submitLabel: string;
  title: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, null);
  const failed = state?.ok === false ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const v = (name: ActionField) => textValue(state, name, initial[name]);
  const initialOwner = ownerFormFields(initial.owner, owners);
  const ownerUserId = textValue(state, "ownerUserId", initialOwner.ownerUserId);
  const ownerOther = textValue(state, "ownerOther", initialOwner.ownerOther);
  const conflict = failed?.conflict;
  // The version and values the form starts from (decision 0015). After a conflict they are the newer
  // ones, and the form shows their changes to the fields you left alone: saving again keeps what is on screen.
  const version = conflict?.current.version ?? textValue(state, "version", initial.version ?? "");
  const original = conflict
    ? serialiseBase(ACTION_FIELDS, conflict.current)
    : textValue(state, "original", serialiseBase(ACTION_FIELDS, initial));

  return (
    <>
      <FormOutcome state={state} fields={FORM_FIELDS} title={title} firstField="title" />
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
      <form key={failed ? JSON.stringify(failed) : `v${initial.version ?? "new"}`} action={formAction} noValidate>
        {Object.entries(hidden).map(([k, val]) => (
          <input key={k} type="hidden" name={k} value={val} />
        ))}
        {version ? (
          <>
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="original" value={original} />
          </>
        ) : null}
        <Select
          id="priorityId"
          name="priorityId"
          label={LABELS.priorityId}
          defaultValue={v("priorityId")}
          error={errors.priorityId}
          options={[{ value: "", text: "Choose a priority" }, ...priorities.map((p) => ({ value: p.id, text: p.title }))]}
        />
        <Input id="title" name="title" label={LABELS.title} maxLength={250} defaultValue={v("title")} error={errors.title} />
        <Textarea
          id="description"
          name="description"
          label={`${LABELS.description} (optional)`}
          defaultValue={v("description")}
          error={errors.description}
        />
        <Select
          id="theme"
          name="theme"
          label={LABELS.theme}
          defaultValue={v("theme")}
          error={errors.theme}
          options={[{ value: "", text: "Choose a theme" }, ...Object.entries(ACTION_THEMES).map(([value, text]) => ({ value, text }))]}
        />
        <Textarea
          id="ofstedRecommendation"
          name="ofstedRecommendation"
          label={`${LABELS.ofstedRecommendation} (optional)`}
          rows={2}
          defaultValue={v("ofstedRecommendation")}
          error={errors.ofstedRecommendation}
        />
        <OwnerField
          candidates={owners}
          laName={laName}
          userId={ownerUserId}
          other={ownerOther}
          errors={{ ownerUserId: errors.ownerUserId, ownerOther: errors.ownerOther }}
        />
        <Input
          id="startDate"
          name="startDate"
          type="date"
          label={LABELS.startDate}
          defaultValue={v("startDate")}
          error={errors.startDate}
          width={10}
        />
        <Input
          id="dueDate"
          name="dueDate"
          type="date"
          label={LABELS.dueDate}
          hint="For a new action, today or later"
          defaultValue={v("dueDate")}
          error={errors.dueDate}
          width={10}
        />
        <Select
          id="status"
          name="status"
          label={LABELS.status}
          defaultValue={v("status")}
          error={errors.status}
          options={Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }))}
        />
        <Textarea
          id="successMeasure"
          name="successMeasure"
          label={LABELS.successMeasure}
          hint="How you will know it worked"
          rows={2}
          defaultValue={v("successMeasure")}
          error={errors.successMeasure}
        />
        <Select
          id="indicatorId"
          name="indicatorId"
          label={`${LABELS.indicatorId} (optional)`}
          hint="Link a published indicator to check the action against the figures as each release is imported"
          defaultValue={v("indicatorId")}
          error={errors.indicatorId}
          options={[{ value: "", text: "None" }, ...indicators.map((i) => ({ value: i.id, text: i.label }))]}
        />
        <Input
          id="target"
          name="target"
          label={`${LABELS.target} (needed with a linked indicator)`}
          inputMode="decimal"
          width={10}
          defaultValue={v("target")}
          error={errors.target}
        />
        <Input
          id="targetDate"
          name="targetDate"
          type="date"
          label={`${LABELS.targetDate} (needed with a linked indicator)`}
          width={10}
          defaultValue={v("targetDate")}
          error={errors.targetDate}
        />
        <Textarea
          id="evidenceLinks"
          name="evidenceLinks"
          label={`${LABELS.evidenceLinks} (optional)`}
          hint="Web addresses starting https://, one per line, up to 10"
          rows={3}
          defaultValue={v("evidenceLinks")}
          error={errors.evidenceLinks}
        />
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
