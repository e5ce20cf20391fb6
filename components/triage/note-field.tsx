// The note every triage change needs: a GOV.UK textarea with its label, hint and error wired up.
import { Textarea } from "@/components/govuk";
import { TRIAGE_NOTE_MAX } from "@/lib/triage/config";

type Props = { id: string; label: string; hint?: string; error?: string; defaultValue: string };

export function NoteField({ id, label, hint, error, defaultValue }: Props) {
  return (
    <Textarea
      id={id}
      name="note"
      rows={3}
      label={label}
      hint={hint ?? `Up to ${TRIAGE_NOTE_MAX} characters. Analysts can read it; it is kept in the history.`}
      error={error}
      defaultValue={defaultValue}
    />
  );
}
