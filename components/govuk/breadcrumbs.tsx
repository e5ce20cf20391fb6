import { Link } from "./link";

export interface BreadcrumbItem {
  label: string;
  /** Omit for the current page (rendered as plain text with aria-current="page"). */
  href?: string;
}

export interface BreadcrumbsProps {
  items: BreadcrumbItem[];
}

/** GOV.UK breadcrumbs. Chevrons are CSS, so screen readers hear a plain list. */
export function Breadcrumbs({ items }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item, i) => (
          <li key={`${item.label}-${i}`} className="govuk-breadcrumbs__list-item">
            {item.href ? (
              <Link href={item.href} className="govuk-breadcrumbs__link">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
