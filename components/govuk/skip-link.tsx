export interface SkipLinkProps {
  /** Fragment of the element to skip to. Defaults to "#main-content". */
  href?: string;
  children?: string;
}

/** GOV.UK skip link. Must be the first focusable element in <body>. */
export function SkipLink({ href = "#main-content", children = "Skip to main content" }: SkipLinkProps) {
  return (
    <a href={href} className="govuk-skip-link">
      {children}
    </a>
  );
}
