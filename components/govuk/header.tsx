import { Link } from "./link";
import type { ReactNode } from "react";
import { HeaderNavigation, type NavigationItem } from "./header-navigation";

export type { NavigationItem };

export interface HeaderProps {
  /** Defaults to "Children's social care insight". */
  serviceName?: string;
  /** Where the service name links to. Defaults to "/". */
  serviceHref?: string;
  /** Optional navigation links, rendered as <nav aria-label="Menu">. */
  navigation?: NavigationItem[];
  /** Rendered inside the <header> landmark below the black bar, e.g. <PhaseBanner>. */
  children?: ReactNode;
}

/**
 * Black GOV.UK-style header with the service name. No crown or GOV.UK logo:
 * this service is not on GOV.UK. Items wrap at narrow widths (320px).
 */
export function Header({ serviceName = "Children's social care insight", serviceHref = "/", navigation = [], children }: HeaderProps) {
  return (
    <header>
      <div className="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <Link href={serviceHref} className="govuk-header__service-name">
            {serviceName}
          </Link>
          <HeaderNavigation items={navigation} />
        </div>
      </div>
      {children}
    </header>
  );
}
