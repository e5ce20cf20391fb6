// The statistical-neighbours table of every LA dashboard, sent as one HTML string (decision 0031 "send
// less"), must be byte for byte what React rendered from the same rows before: checked for every LA
// in the published data, under both the grouping in force and each grouping held (abolished
// neighbours, markers, calculated figures and missing figures all occur there).
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublishedFigure } from "@/components/authorities/published-figure";
import { neighbourRowsHtml } from "@/components/dashboard/neighbours-panel";
import { Link } from "@/components/govuk/link";
import { Table } from "@/components/govuk/table";
import { closenessLabel } from "@/lib/catalogue/neighbour-models";
import { buildDashboard, type Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

let t: TestDatabase;
let s: Snapshot;
beforeAll(async () => ({ t, s } = await loadedSnapshot()));
afterAll(() => t.drop());

/** The rows as React content, as components/dashboard/neighbours-panel.tsx rendered them before the twin. */
function reactRows(dashboard: Dashboard) {
  const columns = dashboard.cards.map((c) => c.meta);
  return dashboard.neighbours.rows.map((n) => [
    {
      text: createElement(
        Fragment,
        null,
        createElement("span", { className: "govuk-body-s mr-1 text-govuk-secondary-text" }, n.rank, "."),
        createElement(Link, { href: `/la/${n.laNumber}` }, n.name),
        n.abolished
          ? createElement(
              "span",
              { className: "block text-base font-normal", "data-testid": "abolished-neighbour" },
              "(abolished ",
              formatIsoDate(n.abolished),
              "; no figures after ",
              n.lastFigures ?? "its abolition",
              ")",
            )
          : null,
      ),
    },
    closenessLabel(n.band),
    ...n.latest.map((v) => ({
      text: v.figure
        ? createElement(PublishedFigure, { figure: v.figure, unit: columns.find((m) => m.id === v.id)?.unit ?? "" })
        : createElement(
            Fragment,
            null,
            createElement("span", { "aria-hidden": "true" }, "–"),
            createElement(
              "span",
              { className: "govuk-visually-hidden" },
              n.abolished ? "no figure: the authority no longer existed" : "no figure published",
            ),
          ),
      numeric: true,
    })),
  ]);
}

/** What both renderings of the neighbours table share: caption, heading and the numeric columns. */
function tableProps(columns: { shortLabel: string }[]) {
  return {
    caption: "N",
    firstCellIsHeader: true,
    head: ["Neighbour", "Closeness", ...columns.map((m) => m.shortLabel)],
    numericColumns: columns.map((_, i) => i + 2),
  };
}

describe("the neighbours table as one string", () => {
  it("is what React rendered, for every LA and every grouping", () => {
    let tables = 0;
    let abolished = 0;
    for (const laNumber of s.authorities.keys()) {
      for (const grouping of [undefined, ...s.neighbourModels.map((m) => m.id)]) {
        const dashboard = buildDashboard(s, laNumber, { indicator: "agency_rate_fte", comparator: "median", year: 2024, grouping });
        if (dashboard.neighbours.rows.length === 0) continue;
        const columns = dashboard.cards.map((c) => c.meta);
        const common = tableProps(columns);
        const twin = renderToStaticMarkup(
          createElement(Table, { ...common, bodyHtml: neighbourRowsHtml(dashboard.neighbours.rows, columns) }),
        );
        const react = renderToStaticMarkup(createElement(Table, { ...common, rows: reactRows(dashboard) }));
        expect(twin, `LA ${laNumber}, grouping ${grouping ?? "in force"}`).toBe(react);
        tables++;
        abolished += dashboard.neighbours.rows.filter((n) => n.abolished).length;
      }
    }
    expect(tables).toBeGreaterThan(300);
    expect(abolished).toBeGreaterThan(0);
  });

  it("also when a current neighbour has no figure (not in today's data: made here)", () => {
    const dashboard = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    const rows = dashboard.neighbours.rows.map((n, i) => (i === 0 ? { ...n, latest: n.latest.map((v) => ({ ...v, figure: null })) } : n));
    const edited = { ...dashboard, neighbours: { ...dashboard.neighbours, rows } };
    const columns = dashboard.cards.map((c) => c.meta);
    const common = tableProps(columns);
    const twin = renderToStaticMarkup(createElement(Table, { ...common, bodyHtml: neighbourRowsHtml(rows, columns) }));
    expect(twin).toContain("no figure published");
    expect(twin).toBe(renderToStaticMarkup(createElement(Table, { ...common, rows: reactRows(edited) })));
  });
});
