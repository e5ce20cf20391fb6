"use client";

import "./globals.css";

// Replaces the root layout when it fails, so it renders its own <html>/<body>.
// Never shows error.message or a stack trace.
export default function GlobalError({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">
        <title>Sorry, there is a problem with the service – Children&apos;s social care insight</title>
        <header className="govuk-header">
          <div className="govuk-header__container govuk-width-container">
            {/* The root layout failed: a full page load, not client navigation. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="govuk-header__service-name">
              Children&apos;s social care insight
            </a>
          </div>
        </header>
        <div className="govuk-page-container govuk-width-container">
          <main className="govuk-main-wrapper" id="main-content">
            <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
            <p className="govuk-body">Try again later.</p>
            <button type="button" className="govuk-button" onClick={() => retry()}>
              Try again
            </button>
          </main>
        </div>
      </body>
    </html>
  );
}
