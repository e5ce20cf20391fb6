// The note every triage change needs: a GOV.UK textarea with its label, hint, the text a refused
// submission sent and its error wired up.
import { echoedField } from "@/components/forms/form-state";
import { Textarea } from "@/components/govuk";
import type { ActionState } from "@/lib/core/form-result";
import { TRIAGE_NOTE_MAX } from "@/lib/triage/config";

type Props = { id: string; label: string; hint?: string; state: ActionState };

export function NoteField({ id, label, hint, state }: Props) {
  return (
    <Textarea
      id={id}
      rows={3}
      label={label}
      hint={hint ?? `Up to ${TRIAGE_NOTE_MAX} characters. Analysts can read it; it is kept in the history.`}
      {...echoedField(state, "note", "")}
    />
  );
}
