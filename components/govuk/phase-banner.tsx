import type { ReactNode } from "react";
import { Tag } from "./tag";

export interface PhaseBannerProps {
  /** Phase tag text. Defaults to "Beta". */
  tag?: string;
  /** Banner text. Defaults to "This is a new service." */
  children?: ReactNode;
  /** If given, a "give your feedback" link is added after the text. */
  feedbackHref?: string;
}

export function PhaseBanner({ tag = "Beta", children = "This is a new service.", feedbackHref }: PhaseBannerProps) {
  return (
    <div className="govuk-phase-banner">
      <div className="govuk-width-container">
        <p className="govuk-phase-banner__content">
          <Tag className="govuk-phase-banner__content__tag">{tag}</Tag>
          <span className="govuk-phase-banner__text">
            {children}
            {feedbackHref ? (
              <>
                {" "}
                Help us improve it and <a href={feedbackHref}>give your feedback</a>.
              </>
            ) : null}
          </span>
        </p>
      </div>
    </div>
  );
}
