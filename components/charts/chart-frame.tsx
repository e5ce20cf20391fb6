"use client";
// The frame of a dashboard chart drawn in the browser: it fills the chart box the server-drawn SVG
// had (ChartRegion, svg-frame.tsx), recharts sized to it, and the chart's accessible name and
// description (spread onto the recharts chart: `<LineChart {...chartName(…)}>`).
import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

export function ChartFrame({ testId, children }: { testId: string; children: ReactElement }) {
  return (
    <div className="h-full w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The chart's SVG title and description, and its name for assistive technology. */
export function chartName(title: string, description: string) {
  return { title, desc: description, "aria-label": `${title}. ${description}` };
}
