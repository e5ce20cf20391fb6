// Every markup twin (the one renderer, components/govuk/html.ts, and the domain twins built from it)
// must produce exactly what react-dom/server renders for the component it stands in for, so a long
// table sent as a string looks and reads the same as one rendered by React.
import { createElement, Fragment, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { figureTextHtml, publishedFigureHtml } from "@/components/authorities/figure-html";
import { PublishedFigure } from "@/components/authorities/published-figure";
import { DataTable } from "@/components/dashboard/data-table";
import {
  escapeHtml,
  htmlCache,
  judgementTagHtml,
  linkHtml,
  sortHeadingHtml,
  tableBodyHtml,
  tableHtml,
  tagHtml,
  type HtmlCell,
} from "@/components/govuk/html";
import { JudgementTag, type Judgement } from "@/components/govuk/judgement-tag";
import { Table, type TableCellInput } from "@/components/govuk/table";
import { Tag, TAG_COLOURS } from "@/components/govuk/tag";
import { flagCountsHtml, scoreTrendHtml } from "@/components/risk/cells-html";
import { ScoreTrend } from "@/components/risk/score-trend";
import { changedSinceReviewTagHtml, triageStatusTagHtml } from "@/components/triage/inbox-table";
import { ChangedSinceReviewTag, TriageStatusTag } from "@/components/triage/status-tag";
import { TRIAGE_STATUSES } from "@/lib/triage/inbox";

const render = (element: ReactElement) => renderToStaticMarkup(element);
const NASTY = `<img src=x onerror="alert(1)"> & 'quoted'`;
/** A text cell for <Table rows> and its twin cell, from the same text. */
const pair = (text: string, extra: Omit<HtmlCell, "html"> = {}) => ({
  react: { text, ...extra },
  html: { html: escapeHtml(text), ...extra },
});

describe("escapeHtml, the one escaper", () => {
  it("escapes like React does, so twins and components agree byte for byte", () => {
    expect(escapeHtml(NASTY)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#x27;quoted&#x27;");
    expect(render(createElement("span", { title: NASTY }, NASTY))).toBe(`<span title="${escapeHtml(NASTY)}">${escapeHtml(NASTY)}</span>`);
    expect(escapeHtml(12.5)).toBe("12.5");
  });
});

describe("GOV.UK twins", () => {
  it("tag in every colour, and judgement tag for every judgement", () => {
    for (const colour of TAG_COLOURS) {
      // TagProps requires children, so the typed way to pass them to createElement is as a prop.
      // eslint-disable-next-line react/no-children-prop
      expect(tagHtml(colour, NASTY)).toBe(render(createElement(Tag, { colour, children: NASTY })));
    }
    for (const judgement of ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", null, undefined] as (
      Judgement | null | undefined
    )[]) {
      expect(judgementTagHtml(judgement)).toBe(render(createElement(JudgementTag, { judgement })));
    }
  });

  it("link, with and without a class", () => {
    expect(linkHtml("/la/330?x=1&y=2", "Birmingham & co")).toBe(render(createElement("a", { href: "/la/330?x=1&y=2" }, "Birmingham & co")));
    expect(linkHtml("/a?b=<c>", NASTY, "govuk-link")).toBe(
      render(createElement("a", { href: "/a?b=<c>", className: "govuk-link" }, NASTY)),
    );
  });

  it("sortable column heading, with and without its arrow", () => {
    const heading = (arrow?: string) =>
      render(
        createElement(
          "a",
          { href: "/risk?sort=name&order=asc#t", className: "govuk-link--no-visited-state" },
          NASTY,
          arrow ? createElement("span", { "aria-hidden": "true" }, ` ${arrow}`) : null,
        ),
      );
    expect(sortHeadingHtml("/risk?sort=name&order=asc#t", NASTY)).toBe(heading());
    expect(sortHeadingHtml("/risk?sort=name&order=asc#t", NASTY, "▲")).toBe(heading("▲"));
    expect(sortHeadingHtml("/risk?sort=name&order=asc#t", NASTY, "▼")).toBe(heading("▼"));
  });

  const cells = [
    [pair("<b>Name</b>"), pair("Region", { numeric: true }), pair("1.5"), pair("x", { className: "extra" })],
    [pair("Other"), pair(""), pair("2", { numeric: false }), pair("<y>", { header: true })],
  ];
  const reactRows = cells.map((row) => row.map((c) => c.react as TableCellInput));
  const htmlRows = cells.map((row) => row.map((c) => c.html));

  for (const compact of [false, true]) {
    for (const firstCellIsHeader of [false, true]) {
      it(`table body: the same markup as <Table rows> (${compact ? "compact" : "GOV.UK"} look, first cell ${firstCellIsHeader ? "a heading" : "a cell"})`, () => {
        const props = {
          caption: "Caption",
          captionSize: "s" as const,
          head: ["A", "B", "C", "D"],
          firstCellIsHeader,
          numericColumns: [2],
          compact,
        };
        const reactTable = render(createElement(Table, { ...props, rows: reactRows }));
        const htmlTable = render(
          createElement(Table, { ...props, bodyHtml: tableBodyHtml(htmlRows, { firstCellIsHeader, numericColumns: [2], compact }) }),
        );
        expect(htmlTable).toBe(reactTable);
        expect(htmlTable).toContain("&lt;b&gt;Name&lt;/b&gt;");
      });
    }
  }

  it("whole table: the same markup as <Table id captionId head rows>, with sort state and row headings anywhere", () => {
    for (const compact of [false, true]) {
      const head = [{ text: "Rank", numeric: true }, { text: "Name", ariaSort: "descending" as const }, { text: NASTY }];
      const reactTable = render(
        createElement(Table, {
          id: "t<1>",
          caption: NASTY,
          captionSize: "s",
          captionId: "t-caption",
          head,
          rows: reactRows,
          numericColumns: [2],
          compact,
        }),
      );
      const htmlTable = tableHtml({
        id: "t<1>",
        caption: NASTY,
        captionSize: "s",
        captionId: "t-caption",
        head: head.map((h) => ({ ...h, html: escapeHtml(h.text) })),
        rows: htmlRows,
        numericColumns: [2],
        compact,
      });
      expect(htmlTable).toBe(reactTable);
    }
    // and the default caption size, as <Table>'s
    expect(tableHtml({ caption: "C", captionId: "c", head: [], rows: [] })).toBe(
      render(createElement(Table, { caption: "C", captionId: "c", head: [], rows: [] })),
    );
  });

  it("rendered strings are kept by key, and a different key renders again", () => {
    const cache = htmlCache(2);
    let renders = 0;
    const make = () => `<p>${++renders}</p>`;
    expect(cache("a", make)).toBe("<p>1</p>");
    expect(cache("a", make)).toBe("<p>1</p>");
    expect(cache("b", make)).toBe("<p>2</p>");
    cache("c", make); // "a" is the least recently used and goes
    expect(cache("a", make)).toBe("<p>4</p>");
  });
});

describe("published figure twins", () => {
  const figures = [
    null,
    undefined,
    { value: 16.2, marker: null, raw: "16.2" },
    { value: 1234, marker: null, raw: "1234" },
    { value: 12.3, marker: null, raw: "12.3", calculated: true },
    { value: null, marker: "c" as const, raw: "c" },
    { value: null, marker: "low" as const, raw: "low" },
    { value: null, marker: "x" as const, raw: "x" },
    { value: null, marker: "k" as const, raw: "k" },
  ];

  it("equals <PublishedFigure> for every kind of figure and unit", () => {
    for (const figure of figures) {
      for (const unit of ["PERCENT", "CASES_PER_FTE", "COUNT"]) {
        expect(publishedFigureHtml(figure, unit)).toBe(render(createElement(PublishedFigure, { figure, unit })));
      }
    }
  });

  it("table-twin cells: dash, marker letter with its meaning (as <PublishedFigure> shows it), or the published text", () => {
    expect(figureTextHtml("")).toBe(
      render(
        createElement(
          Fragment,
          null,
          createElement("span", { "aria-hidden": "true" }, "–"),
          createElement("span", { className: "govuk-visually-hidden" }, "no figure"),
        ),
      ),
    );
    expect(figureTextHtml("12.5")).toBe("12.5");
    expect(figureTextHtml("<1")).toBe("&lt;1");
    for (const marker of ["c", "low", "u", "x", "z", "k"] as const) {
      expect(figureTextHtml(marker)).toBe(
        render(createElement(PublishedFigure, { figure: { value: null, marker, raw: marker }, unit: "PERCENT" })),
      );
    }
  });

  it("a chart's table twin is <Table compact> with its rows as React would render them, escaped", () => {
    const table = {
      head: ["Authority", "Region", "Rank", "Figure"],
      rows: [
        ["St Helen's", "North West", "1", "c"],
        ["<script>", "", "2", "14.1"],
      ],
    };
    const ids = (html: string) => html.replace(/(id|aria-labelledby)="[^"]*"/g, '$1="ID"');
    const twin = render(createElement(DataTable, { table, caption: "Twin", numericColumns: [3], firstCellIsHeader: true, testId: "twin" }));
    const react = render(
      createElement(Table, {
        compact: true,
        caption: "Twin",
        captionSize: "s",
        head: table.head,
        numericColumns: [3],
        firstCellIsHeader: true,
        testId: "twin",
        rows: table.rows.map((row) =>
          row.map((cell, i) =>
            i === 3 && cell === "c"
              ? { text: createElement(PublishedFigure, { figure: { value: null, marker: "c", raw: "c" }, unit: "COUNT" }) }
              : cell === ""
                ? {
                    text: createElement(
                      Fragment,
                      null,
                      createElement("span", { "aria-hidden": "true" }, "–"),
                      createElement("span", { className: "govuk-visually-hidden" }, "no figure"),
                    ),
                  }
                : cell,
          ),
        ),
      }),
    );
    expect(ids(twin)).toBe(ids(react));
    expect(twin).toContain('<tr><th scope="row">St Helen&#x27;s</th><td>North West</td><td>1</td><td class="n"><span data-marker="c">');
    expect(twin).not.toContain("<script>");
  });
});

describe("risk and triage twins", () => {
  it("flag counts: the same tags React renders, or None", () => {
    const tags = (red: number, amber: number) =>
      render(
        createElement(
          Fragment,
          null,
          // eslint-disable-next-line react/no-children-prop
          red > 0 ? createElement(Tag, { colour: "red", children: `${red} red` }) : null,
          red > 0 && amber > 0 ? " " : null,
          // eslint-disable-next-line react/no-children-prop
          amber > 0 ? createElement(Tag, { colour: "orange", children: `${amber} amber` }) : null,
        ),
      );
    expect(flagCountsHtml(0, 0)).toBe("None");
    for (const [red, amber] of [
      [2, 0],
      [0, 1],
      [3, 4],
    ] as const) {
      expect(flagCountsHtml(red, amber)).toBe(tags(red, amber));
    }
  });

  it("score trend: equals <ScoreTrend>", () => {
    for (const props of [
      { scores: [1, 2, 5.2], from: 2017, max: 5 },
      { scores: [3], from: 2024, max: 0 },
      { scores: [], from: 2020, max: 5 },
      { scores: [0, 0, 7, 1.5], from: 2019, max: 1, width: 140, height: 32 },
    ]) {
      expect(scoreTrendHtml(props)).toBe(render(createElement(ScoreTrend, props)));
    }
  });

  it("triage status and changed-since-review tags: equal <TriageStatusTag> and <ChangedSinceReviewTag>", () => {
    for (const status of TRIAGE_STATUSES) expect(triageStatusTagHtml(status)).toBe(render(createElement(TriageStatusTag, { status })));
    expect(changedSinceReviewTagHtml()).toBe(render(createElement(ChangedSinceReviewTag)));
  });
});
