"use client";
// Create or edit an improvement plan action. The fields are those of planActionSchema
// (lib/validation/plan-action.ts), which the server action validates with. Works without JavaScript:
// after a failed submission the page is re-rendered from the action's state.
import { useActionState } from "react";
import { Button, Input, Select, SummaryList, WarningText } from "@/components/govuk";
import type { ActionState, ServerAction } from "@/lib/actions/safe-action";
import { ACTION_STATUSES, ACTION_THEMES } from "@/lib/plans/labels";
import { describeOwnerChoice, ownerFormFields, type OwnerCandidate } from "@/lib/validation/plan-owner";
import { FormOutcome, textValue } from "./form-errors";
import { OwnerField } from "./owner-field";
import { Textarea } from "./textarea";

/** An action's stored fields as text (lib/actions/plans.ts actionFormValues): what a conflict compares. */
export const ACTION_FIELDS = [
  "priorityId",
  "title",
  "description",
  "theme",
  "ofstedRecommendation",
  "owner",
  "startDate",
  "dueDate",
  "status",
  "successMeasure",
  "indicatorId",
  "target",
  "targetDate",
  "evidenceLinks",
] as const;

export type ActionFormValues = Record<(typeof ACTION_FIELDS)[number], string> & { version?: string };

/** The form's own fields in page order (the owner is two fields), for the error summary. */
const FORM_FIELDS = ACTION_FIELDS.flatMap((f) => (f === "owner" ? (["ownerUserId", "ownerOther"] as const) : [f]));

const LABELS: Record<(typeof ACTION_FIELDS)[number], string> = {
  priorityId: "Priority",
  title: "Title",
  description: "Description",
  theme: "Theme",
  ofstedRecommendation: "Ofsted recommendation it answers",
  owner: "Owner",
  startDate: "Start date",
  dueDate: "Due date",
  status: "Status",
  successMeasure: "Success measure",
  indicatorId: "Linked indicator",
  target: "Target",
  targetDate: "Target date",
  evidenceLinks: "Evidence links",
};

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
  const v = (name: (typeof ACTION_FIELDS)[number]) => textValue(state, name, initial[name]);
  const initialOwner = ownerFormFields(initial.owner, owners);
  const ownerUserId = textValue(state, "ownerUserId", initialOwner.ownerUserId);
  const ownerOther = textValue(state, "ownerOther", initialOwner.ownerOther);
  /** What the person entered, as the stored text would read (the owner as a name). */
  const entered = (f: (typeof ACTION_FIELDS)[number]) =>
    f === "owner" ? describeOwnerChoice(textValue(state, "ownerUserId", ""), textValue(state, "ownerOther", ""), owners) : textValue(state, f, "");
  const conflict = failed?.conflict;
  // After a conflict the form carries the newer version, so "Save" again applies what is on screen over the newer values.
  const version = conflict?.current.version ?? textValue(state, "version", initial.version ?? "");

  return (
    <>
      <FormOutcome state={state} fields={FORM_FIELDS} title={title} firstField="title" />
      {conflict ? (
        <div id="conflict" className="govuk-!-margin-bottom-6">
          <WarningText>{failed?.message}</WarningText>
          <SummaryList
            rows={ACTION_FIELDS.filter((f) => (conflict.current[f] ?? "") !== entered(f)).map((f) => ({
              key: LABELS[f],
              value: (
                <>
                  <span className="block">Now saved: {displayValue(f, conflict.current[f] ?? "", priorities, indicators) || "(blank)"}</span>
                  <span className="block">You entered: {displayValue(f, entered(f), priorities, indicators) || "(blank)"}</span>
                </>
              ),
            }))}
          />
          <p className="govuk-body">Your changes are still in the form below. Review them against the newer values, then save again.</p>
        </div>
      ) : null}
      <form key={failed ? JSON.stringify(failed) : `v${initial.version ?? "new"}`} action={formAction} noValidate>
        {Object.entries(hidden).map(([k, val]) => (
          <input key={k} type="hidden" name={k} value={val} />
        ))}
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <Select
          id="priorityId"
          name="priorityId"
          label={LABELS.priorityId}
          defaultValue={v("priorityId")}
          error={errors.priorityId}
          options={[{ value: "", text: "Choose a priority" }, ...priorities.map((p) => ({ value: p.id, text: p.title }))]}
        />
        <Input id="title" name="title" label={LABELS.title} maxLength={250} defaultValue={v("title")} error={errors.title} />
        <Textarea id="description" name="description" label={`${LABELS.description} (optional)`} defaultValue={v("description")} error={errors.description} />
        <Select
          id="theme"
          name="theme"
          label={LABELS.theme}
          defaultValue={v("theme")}
          error={errors.theme}
          options={[{ value: "", text: "Choose a theme" }, ...Object.entries(ACTION_THEMES).map(([value, text]) => ({ value, text }))]}
        />
        <Textarea id="ofstedRecommendation" name="ofstedRecommendation" label={`${LABELS.ofstedRecommendation} (optional)`} rows={2} defaultValue={v("ofstedRecommendation")} error={errors.ofstedRecommendation} />
        <OwnerField candidates={owners} laName={laName} userId={ownerUserId} other={ownerOther} errors={{ ownerUserId: errors.ownerUserId, ownerOther: errors.ownerOther }} />
        <Input id="startDate" name="startDate" type="date" label={LABELS.startDate} defaultValue={v("startDate")} error={errors.startDate} width={10} />
        <Input id="dueDate" name="dueDate" type="date" label={LABELS.dueDate} hint="For a new action, today or later" defaultValue={v("dueDate")} error={errors.dueDate} width={10} />
        <Select
          id="status"
          name="status"
          label={LABELS.status}
          defaultValue={v("status")}
          error={errors.status}
          options={Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }))}
        />
        <Textarea id="successMeasure" name="successMeasure" label={LABELS.successMeasure} hint="How you will know it worked" rows={2} defaultValue={v("successMeasure")} error={errors.successMeasure} />
        <Select
          id="indicatorId"
          name="indicatorId"
          label={`${LABELS.indicatorId} (optional)`}
          hint="Link a published indicator to check the action against the figures as each release is imported"
          defaultValue={v("indicatorId")}
          error={errors.indicatorId}
          options={[{ value: "", text: "None" }, ...indicators.map((i) => ({ value: i.id, text: i.label }))]}
        />
        <Input id="target" name="target" label={`${LABELS.target} (needed with a linked indicator)`} inputMode="decimal" width={10} defaultValue={v("target")} error={errors.target} />
        <Input id="targetDate" name="targetDate" type="date" label={`${LABELS.targetDate} (needed with a linked indicator)`} width={10} defaultValue={v("targetDate")} error={errors.targetDate} />
        <Textarea id="evidenceLinks" name="evidenceLinks" label={`${LABELS.evidenceLinks} (optional)`} hint="Web addresses starting https://, one per line, up to 10" rows={3} defaultValue={v("evidenceLinks")} error={errors.evidenceLinks} />
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}

function displayValue(field: string, value: string, priorities: { id: string; title: string }[], indicators: { id: string; label: string }[]): string {
  if (field === "priorityId") return priorities.find((p) => p.id === value)?.title ?? value;
  if (field === "indicatorId") return indicators.find((i) => i.id === value)?.label ?? value;
  if (field === "theme") return ACTION_THEMES[value as keyof typeof ACTION_THEMES] ?? value;
  if (field === "status") return ACTION_STATUSES[value as keyof typeof ACTION_STATUSES] ?? value;
  return value;
}
