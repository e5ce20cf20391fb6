// "What the measures mean" on every LA dashboard, sent as one HTML string (decision 0031 "send less"),
// must be byte for byte what React rendered before from the same definitions (GOV.UK details and
// summary lists): checked against the published data.
import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definitionsHtml, MARKERS_NOTE, POLARITY } from "@/components/dashboard/definitions";
import { Details } from "@/components/govuk/details";
import { Link } from "@/components/govuk/link";
import { SummaryList } from "@/components/govuk/summary-list";
import { UNIT_LABELS } from "@/lib/core/values";
import { buildDashboard, type Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

let t: TestDatabase;
let s: Snapshot;
beforeAll(async () => ({ t, s } = await loadedSnapshot()));
afterAll(() => t.drop());

/** <Details summary id>{body}</Details>, called as the function it is. */
const details = (summary: string, id: string, body: ReactNode) => Details({ summary, id, children: body });

/** The definitions as React rendered them (components/dashboard/definitions.tsx before the twin). */
const reactDefinitions = (definitions: Dashboard["definitions"]) =>
  createElement(
    Fragment,
    null,
    definitions.map((d) =>
      createElement(
        Fragment,
        { key: d.meta.id },
        details(
          d.meta.label,
          `definition-${d.meta.id}`,
          createElement(SummaryList, {
            rows: [
              { key: "What it measures", value: d.meta.description },
              { key: "Unit", value: UNIT_LABELS[d.meta.unit] ?? d.meta.unit },
              { key: "Reading it", value: POLARITY[d.meta.polarity] },
              { key: "Reference date", value: d.meta.referenceDate },
              { key: "Source", value: d.seriesLabel },
              {
                key: "File and release",
                value: d.release
                  ? createElement(
                      Fragment,
                      null,
                      createElement("code", { className: "break-all" }, d.release.fileName),
                      ", column ",
                      createElement("code", null, d.meta.sourceColumn),
                      " (",
                      d.release.edition,
                      "; imported ",
                      formatIsoDate(d.release.importedAt),
                      ")",
                    )
                  : "Not imported",
              },
              { key: "Years", value: d.years.length ? `${d.years[0]} to ${d.years.at(-1)}` : "None" },
              {
                key: "Markers",
                value: createElement(
                  Fragment,
                  null,
                  MARKERS_NOTE,
                  createElement(Link, { href: "/about/data#symbols" }, "What the markers mean"),
                  ".",
                ),
              },
            ],
          }),
        ),
      ),
    ),
  );

describe("the definitions as one string", () => {
  it("are what React rendered, for the published data; the same for every LA", () => {
    const view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const;
    const { definitions } = buildDashboard(s, "330", view);
    expect(definitions.length).toBeGreaterThan(10);
    expect(definitionsHtml(definitions)).toBe(renderToStaticMarkup(reactDefinitions(definitions)));
    expect(JSON.stringify(buildDashboard(s, "909", view).definitions)).toBe(JSON.stringify(definitions));
  });

  it("also with text that needs escaping and a series not imported (made here)", () => {
    const { definitions } = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    const edited = [
      {
        ...definitions[0]!,
        meta: { ...definitions[0]!.meta, label: `A <b>"label"</b> & 'more'`, description: "x < y" },
        release: null,
        years: [],
      },
      ...definitions.slice(1),
    ];
    expect(definitionsHtml(edited)).toBe(renderToStaticMarkup(reactDefinitions(edited)));
  });
});
