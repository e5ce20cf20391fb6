import { Link } from "./link";

export interface FooterLink {
  href: string;
  label: string;
}

export interface FooterProps {
  /** Support links. Defaults to a single "Data sources" link to /about/data. */
  links?: FooterLink[];
}

const OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
const CROWN_COPYRIGHT_URL =
  "https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/";

const DEFAULT_LINKS: FooterLink[] = [{ href: "/about/data", label: "Data sources" }];

/** GOV.UK-style footer: support links, OGL statement and Crown copyright (no crest image). */
export function Footer({ links = DEFAULT_LINKS }: FooterProps) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {links.length > 0 ? (
              <>
                <h2 className="govuk-visually-hidden">Support links</h2>
                <ul className="govuk-footer__inline-list">
                  {links.map((link) => (
                    <li key={link.href} className="govuk-footer__inline-list-item">
                      <Link href={link.href} className="govuk-footer__link">
                        {link.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="govuk-footer__licence-description">
              All content is available under the{" "}
              <a href={OGL_URL} className="govuk-footer__link" rel="license">
                Open Government Licence v3.0
              </a>
              , except where otherwise stated
            </p>
          </div>
          <div className="govuk-footer__meta-item">
            <p className="govuk-footer__copyright">
              <a href={CROWN_COPYRIGHT_URL} className="govuk-footer__link">
                © Crown copyright
              </a>
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
