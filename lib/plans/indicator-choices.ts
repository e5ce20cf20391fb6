// The linked-indicator field of the action form, worked out on the server (the catalogue stays out of
// the browser): the indicators an action may link to, grouped by the catalogue's area (a select with
// optgroups), each with its unit and which way is better; and the target field's hint for each, so a
// manager types the target in the indicator's unit knowing whether lower or higher is the aim.
import { AREAS, type AreaId, type PolarityId } from "@/lib/catalogue";
import { UNIT_LABELS } from "@/lib/core/values";

export type IndicatorChoice = { id: string; label: string; area: AreaId; unit: string; polarity: PolarityId };
export type IndicatorGroup = { label: string; options: { value: string; text: string }[] };

const BETTER: Record<PolarityId, string | null> = {
  HIGHER_IS_WORSE: "lower is better",
  HIGHER_IS_BETTER: "higher is better",
  NEUTRAL: null,
};

const unitText = (unit: string) => UNIT_LABELS[unit] ?? unit.toLowerCase();

/** "Agency social worker rate (FTE) — per cent, lower is better". */
export function indicatorChoiceText(i: IndicatorChoice): string {
  const better = BETTER[i.polarity];
  return `${i.label} — ${unitText(i.unit)}${better ? `, ${better}` : ""}`;
}

/** The choices in the areas' order (within an area, in the order given: headline indicators first). Empty areas left out. */
export function groupIndicatorChoices(choices: readonly IndicatorChoice[]): IndicatorGroup[] {
  return AREAS.map((a) => ({
    label: a.label,
    options: choices.filter((c) => c.area === a.id).map((c) => ({ value: c.id, text: indicatorChoiceText(c) })),
  })).filter((g) => g.options.length > 0);
}

/** The target field's hint without a linked indicator. */
export const TARGET_HINT_NONE = "The figure to reach, in the linked indicator's unit (shown beside each indicator in the list above)";

/** The target field's hint for a linked indicator: its unit and which way is better. */
export function targetHint(i: IndicatorChoice | null | undefined): string {
  if (!i) return TARGET_HINT_NONE;
  const better = BETTER[i.polarity];
  const direction = better
    ? `${better[0]!.toUpperCase()}${better.slice(1)} for this indicator.`
    : "Neither higher nor lower is better for this indicator: the target sets the direction.";
  return `Unit: ${unitText(i.unit)}. ${direction}`;
}

/** What the action form takes: the groups, and the target's hint for each choice ("" for none). */
export function indicatorFormChoices(choices: readonly IndicatorChoice[]): {
  groups: IndicatorGroup[];
  targetHints: Record<string, string>;
} {
  return {
    groups: groupIndicatorChoices(choices),
    targetHints: Object.fromEntries([["", TARGET_HINT_NONE], ...choices.map((c) => [c.id, targetHint(c)])]),
  };
}
