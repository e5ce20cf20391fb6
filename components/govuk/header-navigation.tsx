"use client";

// Client component only because the root layout cannot know the current path
// on the server; usePathname still renders on the server, so no JS is needed
// for the links themselves to work.
import { usePathname } from "next/navigation";
import { useState } from "react";
import { Link } from "./link";

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

/**
 * GOV.UK header navigation. On narrow screens (under 641 px) it collapses behind a "Menu" button, as
 * GOV.UK's header does. Whether it collapses is decided in CSS (`@media (scripting: enabled)`,
 * app/globals.css), so the page is laid out the same before and after it hydrates; without JavaScript
 * the button is not shown and the links are simply listed.
 */
export function HeaderNavigation({ items, ariaLabel = "Menu" }: HeaderNavigationProps) {
  const pathname = usePathname();
  // open on the page it was opened on: a new page closes the menu
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn !== null && openOn === pathname;
  if (items.length === 0) return null;
  return (
    <nav aria-label={ariaLabel} className="govuk-header__navigation">
      <button
        type="button"
        className="govuk-header__menu-button"
        aria-controls="navigation"
        aria-expanded={open}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        Menu
      </button>
      <ul id="navigation" className={`govuk-header__navigation-list${open ? " govuk-header__navigation-list--open" : ""}`}>
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
