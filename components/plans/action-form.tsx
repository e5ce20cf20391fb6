"use client";
// Create or edit an improvement plan action. The fields are those of planActionSchema
// (lib/plans/action-schema.ts), which the server action validates with. Works without JavaScript:
// after a failed submission the page is re-rendered from the action's state.
import { bindFields, echoedDateParts, echoedText, FormOutcome, HiddenFields, useFormAction } from "@/components/forms/form-state";
import { DateInput } from "@/components/govuk/date-input";
import { mergeBase, MergeConflict } from "@/components/forms/merge-conflict";
import { Button, Input, Select, Textarea } from "@/components/govuk";
import { useState } from "react";
import type { ServerAction } from "@/lib/actions/safe-action";
import { ACTION_FIELD_LABELS, ACTION_FIELDS, type ActionField } from "@/lib/plans/field-labels";
import { ACTION_STATUSES, ACTION_THEMES, TITLE_HINT } from "@/lib/plans/labels";
import { ownerFormFields, type OwnerCandidate } from "@/lib/plans/owner";
import type { IndicatorGroup } from "@/lib/plans/indicator-choices";
import { OwnerField } from "./owner-field";

export type ActionFormValues = Record<ActionField, string> & { version?: string };

/** The form's own fields in page order (the owner is two fields), for the error summary. */
const FORM_FIELDS = ACTION_FIELDS.flatMap((f) => (f === "owner" ? (["ownerUserId", "ownerOther"] as const) : [f]));

const LABELS = ACTION_FIELD_LABELS;
const EXAMPLE_DATE = "31 3 2027";

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
  /** the linked-indicator choices by area, and the target's hint for each (key "" for none): lib/plans/indicator-choices.ts */
  indicators: { groups: IndicatorGroup[]; targetHints: Record<string, string> };
  /** the LA's people an action can be given to */
  owners: OwnerCandidate[];
  laName: string;
  submitLabel: string;
  title: string;
}) {
  const { state, formAction, pending, failed, errors } = useFormAction(action);
  const field = bindFields(state, LABELS, initial);
  // the target's unit and direction follow the linked indicator chosen (without JavaScript: the one saved, and the list says each one's)
  const [linked, setLinked] = useState<string | null>(null);
  const linkedId = linked ?? echoedText(state, "indicatorId", initial.indicatorId);
  const targetHint = indicators.targetHints[linkedId] ?? indicators.targetHints[""];
  const optional = (name: ActionField) => field(name, `${LABELS[name]} (optional)`);
  const withIndicator = (name: ActionField) => field(name, `${LABELS[name]} (needed with a linked indicator)`);
  // GOV.UK date inputs: three boxes, errors on the date's own name (the summary links to its day box)
  const date = (name: "startDate" | "dueDate" | "targetDate", legend: string = LABELS[name]) => ({
    name,
    legend,
    error: errors[name],
    defaultValue: echoedDateParts(state, name, initial[name]),
  });

  return (
    <>
      <FormOutcome state={state} fields={FORM_FIELDS} title={title} fallbackHref="#title" />
      <MergeConflict state={state} />
      <form key={failed ? JSON.stringify(failed) : `v${initial.version ?? "new"}`} action={formAction} noValidate>
        <HiddenFields values={{ ...hidden, ...mergeBase(state, ACTION_FIELDS, initial) }} />
        <Select
          {...field("priorityId")}
          options={[{ value: "", text: "Choose a priority" }, ...priorities.map((p) => ({ value: p.id, text: p.title }))]}
        />
        <Input {...field("title")} hint={TITLE_HINT} />
        <Textarea {...optional("description")} />
        <Select
          {...field("theme")}
          options={[{ value: "", text: "Choose a theme" }, ...Object.entries(ACTION_THEMES).map(([value, text]) => ({ value, text }))]}
        />
        <Textarea {...optional("ofstedRecommendation")} rows={2} />
        <OwnerField candidates={owners} laName={laName} state={state} initial={ownerFormFields(initial.owner, owners)} />
        <DateInput {...date("startDate")} hint={`For example, ${EXAMPLE_DATE}`} />
        <DateInput
          {...date("dueDate")}
          hint={initial.version ? `For example, ${EXAMPLE_DATE}` : `Today or later, for example ${EXAMPLE_DATE}`}
        />
        <Select {...field("status")} options={Object.entries(ACTION_STATUSES).map(([value, text]) => ({ value, text }))} />
        <Textarea {...field("successMeasure")} hint="How you will know it worked" rows={2} />
        <Select
          {...optional("indicatorId")}
          hint="Link a published indicator to check the action against the figures as each release is imported. Grouped by Ofsted area, each with its unit and which way is better."
          options={[{ value: "", text: "None" }]}
          groups={indicators.groups}
          onChange={(e) => setLinked(e.currentTarget.value)}
        />
        <Input {...withIndicator("target")} hint={targetHint} inputMode="decimal" width={10} />
        <DateInput {...date("targetDate", `${LABELS.targetDate} (needed with a linked indicator)`)} hint={`For example, ${EXAMPLE_DATE}`} />
        <Textarea {...optional("evidenceLinks")} hint="Web addresses starting https://, one per line, up to 10" rows={3} />
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </form>
    </>
  );
}
