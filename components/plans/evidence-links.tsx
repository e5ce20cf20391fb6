// An action's evidence links as a list (the action page, the board pack). The addresses are typed in by
// people, so they never pass the referrer or ranking on, and a long one breaks rather than widen the page.
import { cx } from "@/components/govuk/cx";

export function EvidenceLinks({ links, className }: { links: readonly string[]; className?: string }) {
  return (
    <ul className={cx("govuk-list", className)}>
      {links.map((href) => (
        <li key={href}>
          <a className="govuk-link break-all" href={href} rel="noopener noreferrer nofollow">
            {href}
          </a>
        </li>
      ))}
    </ul>
  );
}
