"use client";
// A form that is one button (approve, close or reopen a plan; delete an action): it posts which record
// and the version the page showed. On a confirmation page a "Cancel" link stands beside the button. If
// the record changed meanwhile, the page is re-read to show it.
import { Button, ButtonGroup, type ButtonVariant } from "@/components/govuk";
import { Link } from "@/components/govuk/link";
import type { ServerAction } from "@/lib/actions/safe-action";
import { FormOutcome, HiddenFields, useFormAction, useRefreshOnConflict } from "./form-state";

type Props = {
  action: ServerAction;
  /** which record, and the version the page showed */
  hidden: Record<string, string | number>;
  label: string;
  title: string;
  /** the button's id: the error summary links to it */
  id: string;
  variant?: ButtonVariant;
  /** on a confirmation page: the "Cancel" link beside the button */
  cancelHref?: string;
};

export function OneButtonForm({ action, hidden, label, title, id, variant = "primary", cancelHref }: Props) {
  const { state, formAction, pending } = useFormAction(action);
  useRefreshOnConflict(state);
  const button = (
    <Button id={id} type="submit" variant={variant} disabled={pending}>
      {label}
    </Button>
  );
  return (
    <>
      <FormOutcome state={state} fields={[]} title={title} fallbackHref={`#${id}`} />
      <form action={formAction}>
        <HiddenFields values={hidden} />
        {cancelHref ? (
          <ButtonGroup>
            {button}
            <Link className="govuk-link" href={cancelHref}>
              Cancel
            </Link>
          </ButtonGroup>
        ) : (
          button
        )}
      </form>
    </>
  );
}
