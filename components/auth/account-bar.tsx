// Under the header for a signed-in user: who they are, their role (and LA), a "Demo account" tag
// for seeded accounts, and sign out (a form, so it works without JavaScript).
import { Tag } from "@/components/govuk/tag";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export interface AccountBarProps {
  name: string;
  role: Role;
  laName: string | null;
  isDemo: boolean;
  signOut: () => Promise<void>;
}

export function AccountBar({ name, role, laName, isDemo, signOut }: AccountBarProps) {
  return (
    <div className="border-b border-govuk-border bg-govuk-light-grey py-2" data-testid="account-bar">
      <div className="govuk-width-container flex flex-wrap items-center justify-between gap-x-6 gap-y-1">
        <p className="govuk-body-s m-0">
          Signed in as <strong>{name}</strong>
          <span className="text-govuk-secondary-text">
            {" "}
            – {ROLE_LABELS[role]}
            {laName ? `, ${laName}` : ""}
          </span>
        </p>
        {/* its own item, not inline in the text: at 320 px the text wraps and an inline tag (taller than the
            line) overlapped the line above */}
        {isDemo ? <Tag colour="yellow">Demo account</Tag> : null}
        <form action={signOut}>
          <button
            type="submit"
            className="govuk-body-s m-0 cursor-pointer border-0 bg-transparent p-0 text-govuk-link underline hover:text-govuk-link-hover"
          >
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
