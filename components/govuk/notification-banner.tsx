import type { ReactNode } from "react";
import { cx } from "./cx";

export interface NotificationBannerProps {
  /** "important" (blue, default) or "success" (green, announced with role="alert"). */
  type?: "important" | "success";
  /** Banner title bar text. Defaults to "Important" or "Success". */
  title?: string;
  /** Bold heading inside the banner. */
  heading?: ReactNode;
  /** Further content (paragraphs, links). */
  children?: ReactNode;
  /** Heading level of the title. Defaults to 2. */
  titleLevel?: 2 | 3 | 4;
  id?: string;
  /** The title's id, which names the banner; GOV.UK Frontend's default unless given (one banner a page). */
  titleId?: string;
}

/** GOV.UK notification banner. Use sparingly, one per page, at the top of <main>. */
export function NotificationBanner({
  type = "important",
  title,
  heading,
  children,
  titleLevel = 2,
  id,
  titleId = "govuk-notification-banner-title",
}: NotificationBannerProps) {
  const success = type === "success";
  const TitleTag = `h${titleLevel}` as const;
  return (
    <div
      id={id}
      className={cx("govuk-notification-banner", success && "govuk-notification-banner--success")}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
    >
      <div className="govuk-notification-banner__header">
        <TitleTag className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? "Success" : "Important")}
        </TitleTag>
      </div>
      <div className="govuk-notification-banner__content">
        {heading ? <p className="govuk-notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
