// Who owns an action: one of the LA's own users (its directors and team managers who use this
// service), or another person or role typed as text. Two form fields, so it works without
// JavaScript: a select `ownerUserId` (a user's id, OTHER_OWNER, or nothing) and a text box
// `ownerOther`. What is stored is the owner's name as text, as before (plan_action.owner).
//
// Rules (resolveOwner, used by planActionSchema):
// - a user chosen, box empty                    → that user's name
// - "another person or role" chosen, box filled → the text
// - nothing chosen, box filled                  → the text (the person clearly meant it)
// - a user chosen and a different name typed    → error on the box: we will not guess which they meant
// - "another person or role" chosen, box empty  → error on the box
// - nothing chosen, box empty                   → error on the select
// - an id that is not one of the LA's users     → error on the select (e.g. the account was disabled)

export const OTHER_OWNER = "other";
export const OWNER_MAX = 120;

export type OwnerCandidate = { id: string; name: string; role: "dcs" | "team_manager" };

export const OWNER_ROLE_LABELS: Record<OwnerCandidate["role"], string> = {
  dcs: "director of children's services",
  team_manager: "team manager",
};

export const OWNER_MESSAGES = {
  choose: "Choose who owns this action",
  unknown: "Choose an owner from the list",
  enterOther: "Enter the person or role who owns this action",
  both: "You chose a person from the list and typed another name: clear this box, or choose “Another person or role” in the list",
  tooLong: `Owner must be ${OWNER_MAX} characters or fewer`,
} as const;

type OwnerField = "ownerUserId" | "ownerOther";
type OwnerResolution = { ok: true; owner: string } | { ok: false; field: OwnerField; message: string };

export function resolveOwner(
  choice: string | undefined,
  other: string | undefined,
  candidates: readonly OwnerCandidate[],
): OwnerResolution {
  const picked = (choice ?? "").trim();
  const typed = (other ?? "").trim();
  if (typed.length > OWNER_MAX) return { ok: false, field: "ownerOther", message: OWNER_MESSAGES.tooLong };
  if (picked === "" || picked === OTHER_OWNER) {
    if (typed) return { ok: true, owner: typed };
    return picked === OTHER_OWNER
      ? { ok: false, field: "ownerOther", message: OWNER_MESSAGES.enterOther }
      : { ok: false, field: "ownerUserId", message: OWNER_MESSAGES.choose };
  }
  const user = candidates.find((c) => c.id === picked);
  if (!user) return { ok: false, field: "ownerUserId", message: OWNER_MESSAGES.unknown };
  if (typed && typed !== user.name) return { ok: false, field: "ownerOther", message: OWNER_MESSAGES.both };
  return { ok: true, owner: user.name };
}

/** The two form fields for a stored owner: the user of that name if there is one, else "another person or role". */
export function ownerFormFields(owner: string, candidates: readonly OwnerCandidate[]): { ownerUserId: string; ownerOther: string } {
  if (!owner) return { ownerUserId: "", ownerOther: "" };
  const user = candidates.find((c) => c.name === owner);
  return user ? { ownerUserId: user.id, ownerOther: "" } : { ownerUserId: OTHER_OWNER, ownerOther: owner };
}

/** How an owner choice reads back to the person (for "you entered" beside a conflict): the name, or what they typed. */
export function describeOwnerChoice(choice: string, other: string, candidates: readonly OwnerCandidate[]): string {
  const resolved = resolveOwner(choice, other, candidates);
  return resolved.ok ? resolved.owner : other.trim() || (candidates.find((c) => c.id === choice)?.name ?? "");
}
