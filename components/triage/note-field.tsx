// The note every triage change needs: a GOV.UK textarea with its label, hint and error wired up.
import { cx, Field } from "@/components/govuk";
import { TRIAGE_NOTE_MAX } from "@/lib/triage/config";

type Props = { id: string; label: string; hint?: string; error?: string; defaultValue: string };

export function NoteField({ id, label, hint, error, defaultValue }: Props) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint ?? `Up to ${TRIAGE_NOTE_MAX} characters. Analysts can read it; it is kept in the history.`}
      error={error}
    >
      {(describedBy) => (
        <textarea
          id={id}
          name="note"
          rows={3}
          defaultValue={defaultValue}
          aria-describedby={describedBy}
          className={cx("govuk-input h-auto py-1", error && "govuk-input--error")}
        />
      )}
    </Field>
  );
}
