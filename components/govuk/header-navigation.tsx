"use client";

// Client component only because the root layout cannot know the current path
// on the server; usePathname still renders on the server, so no JS is needed
// for the links themselves to work.
import { Link } from "./link";
import { usePathname } from "next/navigation";

export interface NavigationItem {
  href: string;
  label: string;
  /** Set to force the current state; otherwise it is worked out from the URL. */
  current?: boolean;
}

export interface HeaderNavigationProps {
  items: NavigationItem[];
  /** Accessible name of the <nav>. Defaults to "Menu". */
  ariaLabel?: string;
}

function currentState(item: NavigationItem, pathname: string | null): "page" | "true" | undefined {
  if (item.current !== undefined) return item.current ? "page" : undefined;
  if (!pathname) return undefined;
  if (pathname === item.href) return "page";
  if (item.href !== "/" && pathname.startsWith(`${item.href}/`)) return "true";
  return undefined;
}

export function HeaderNavigation({ items, ariaLabel = "Menu" }: HeaderNavigationProps) {
  const pathname = usePathname();
  if (items.length === 0) return null;
  return (
    <nav aria-label={ariaLabel} className="govuk-header__navigation">
      <ul className="govuk-header__navigation-list">
        {items.map((item) => (
          <li key={item.href} className="govuk-header__navigation-item">
            <Link href={item.href} className="govuk-header__link" aria-current={currentState(item, pathname)}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
