// The box a chart shows for the point or bar under the pointer or keyboard focus, announced politely.
import type { ReactNode } from "react";

export function ChartTooltip({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="border border-govuk-text bg-white p-2 text-base" role="status" aria-live="polite">
      <p className="m-0 font-bold">{heading}</p>
      {children}
    </div>
  );
}
