import type { ReactNode } from "react";

export interface PageContainerProps {
  children: ReactNode;
  /** Rendered inside the width container but before <main> (e.g. back link, breadcrumbs). */
  beforeContent?: ReactNode;
  /** Id of the <main> element, the skip link target. Defaults to "main-content". */
  mainId?: string;
}

/** GOV.UK width container (max 960px) with the main wrapper. */
export function PageContainer({ children, beforeContent, mainId = "main-content" }: PageContainerProps) {
  return (
    <div className="govuk-page-container govuk-width-container">
      {beforeContent}
      <main className="govuk-main-wrapper" id={mainId} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
