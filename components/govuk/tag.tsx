import type { ReactNode } from "react";
import { cx } from "./cx";

export const TAG_COLOURS = ["grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow"] as const;

export type TagColour = (typeof TAG_COLOURS)[number];

export interface TagProps {
  children: ReactNode;
  /** Defaults to blue, the GOV.UK default tag colour. */
  colour?: TagColour;
  className?: string;
}

/** GOV.UK tag. Colour is never the only cue: the text says what it means. */
export function Tag({ children, colour = "blue", className }: TagProps) {
  return <strong className={cx("govuk-tag", `govuk-tag--${colour}`, className)}>{children}</strong>;
}
