import { Link } from "./link";
import type { ReactNode } from "react";

export interface BackLinkProps {
  href: string;
  /** Defaults to "Back". */
  children?: ReactNode;
}

/** GOV.UK back link. Place it before <main> content (e.g. PageContainer beforeContent). */
export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <Link href={href} className="govuk-back-link">
      {children}
    </Link>
  );
}
