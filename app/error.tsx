"use client";

import { useEffect } from "react";
import { Button } from "@/components/govuk/button";

const TITLE = "Sorry, there is a problem with the service – Children's social care insight";

// Never shows error.message or a stack trace: they can leak internal details.
export default function ErrorPage({ retry }: { error: unknown; reset: () => void; retry: () => void }) {
  useEffect(() => {
    const previous = document.title;
    document.title = TITLE;
    return () => {
      document.title = previous;
    };
  }, []);

  return (
    <div>
      <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
      <p className="govuk-body">Try again later.</p>
      <p className="govuk-body">
        {/* A full page load, not client navigation: after an error the app's client state cannot be trusted. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        If it keeps happening, you can go back to the <a href="/">list of local authorities</a>.
      </p>
      <Button type="button" onClick={() => retry()}>
        Try again
      </Button>
    </div>
  );
}
