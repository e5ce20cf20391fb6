import type { ReactNode } from "react";

export interface VisuallyHiddenProps {
  children: ReactNode;
  /** Element to render. Defaults to span. */
  as?: "span" | "div" | "h2" | "h3" | "p";
  id?: string;
}

/** Text for screen readers only (GOV.UK `govuk-visually-hidden`). */
export function VisuallyHidden({ children, as: Tag = "span", id }: VisuallyHiddenProps) {
  return (
    <Tag id={id} className="govuk-visually-hidden">
      {children}
    </Tag>
  );
}
