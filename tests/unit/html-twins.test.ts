// The markup twins (components/govuk/html.ts, components/dashboard/figure-html.ts) must produce exactly
// what react-dom/server renders for the components they stand in for, so a long table sent as a
// string looks and reads the same as one rendered by React.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PublishedFigure } from "@/components/authorities/published-figure";
import { DataTable } from "@/components/dashboard/data-table";
import { figureTextHtml, publishedFigureHtml } from "@/components/dashboard/figure-html";
import { escapeHtml, judgementTagHtml, linkHtml, tableBodyHtml, tagHtml } from "@/components/govuk/html";
import { JudgementTag, type Judgement } from "@/components/govuk/judgement-tag";
import { Table } from "@/components/govuk/table";
import { Tag } from "@/components/govuk/tag";

const render = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element);

describe("escapeHtml", () => {
  it("escapes like React does, so twins and components agree byte for byte", () => {
    const nasty = `<img src=x onerror="alert(1)"> & 'quoted'`;
    expect(escapeHtml(nasty)).toBe("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#x27;quoted&#x27;");
    expect(render(createElement("span", { title: nasty }, nasty))).toBe(`<span title="${escapeHtml(nasty)}">${escapeHtml(nasty)}</span>`);
  });
});

describe("GOV.UK twins", () => {
  it("tag and judgement tag", () => {
    // TagProps requires children, so the typed way to pass them to createElement is as a prop.
    // eslint-disable-next-line react/no-children-prop
    expect(tagHtml("red", "A & B")).toBe(render(createElement(Tag, { colour: "red", children: "A & B" })));
    for (const judgement of ["OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE", null] as (Judgement | null)[]) {
      expect(judgementTagHtml(judgement)).toBe(render(createElement(JudgementTag, { judgement })));
    }
  });

  it("link", () => {
    expect(linkHtml("/la/330?x=1&y=2", "Birmingham & co")).toBe(render(createElement("a", { href: "/la/330?x=1&y=2" }, "Birmingham & co")));
  });

  it("table body: the same markup as <Table rows>", () => {
    const cells = [
      ["<b>Name</b>", "Region", "1.5"],
      ["Other", "", "2"],
    ];
    const reactTable = render(
      createElement(Table, {
        caption: "Caption",
        head: ["A", "B", "C"],
        firstCellIsHeader: true,
        numericColumns: [2],
        rows: cells.map((row) => row.map((text, i) => (i === 1 ? { text, numeric: true } : text))),
      }),
    );
    const htmlTable = render(
      createElement(Table, {
        caption: "Caption",
        head: ["A", "B", "C"],
        firstCellIsHeader: true,
        numericColumns: [2],
        bodyHtml: tableBodyHtml(
          cells.map((row) => row.map((text, i) => ({ html: escapeHtml(text), ...(i === 1 ? { numeric: true } : {}) }))),
          { firstCellIsHeader: true, numericColumns: [2] },
        ),
      }),
    );
    expect(htmlTable).toBe(reactTable);
    expect(htmlTable).toContain("&lt;b&gt;Name&lt;/b&gt;");
  });
});

describe("published figure twins", () => {
  const figures = [
    null,
    { value: 16.2, marker: null, raw: "16.2" },
    { value: 1234, marker: null, raw: "1234" },
    { value: null, marker: "c" as const, raw: "c" },
    { value: null, marker: "low" as const, raw: "low" },
    { value: null, marker: "x" as const, raw: "x" },
  ];

  it("equals <PublishedFigure> for every kind of figure and unit", () => {
    for (const figure of figures) {
      for (const unit of ["PERCENT", "CASES_PER_FTE", "COUNT"]) {
        expect(publishedFigureHtml(figure, unit)).toBe(render(createElement(PublishedFigure, { figure, unit })));
      }
    }
  });

  it("table-twin cells: dash, marker letter with its meaning, or the published text", () => {
    expect(figureTextHtml("")).toBe('<span aria-hidden="true">–</span><span class="govuk-visually-hidden">no figure</span>');
    expect(figureTextHtml("12.5")).toBe("12.5");
    expect(figureTextHtml("u")).toMatch(
      /^<span data-marker="u"><abbr title="[^"]+" class="font-bold no-underline">u<\/abbr><span class="govuk-visually-hidden"> \([^)]+\)<\/span><\/span>$/,
    );
  });

  it("a chart's table twin renders its rows from the string, escaped", () => {
    const html = render(
      createElement(DataTable, {
        table: {
          head: ["Authority", "Region", "Rank", "Figure"],
          rows: [
            ["St Helen's", "North West", "1", "c"],
            ["<script>", "", "2", "14.1"],
          ],
        },
        caption: "Twin",
        numericColumns: [3],
        firstCellIsHeader: true,
      }),
    );
    expect(html).toContain('<tr><th scope="row">St Helen&#x27;s</th><td>North West</td><td>1</td><td class="n"><span data-marker="c">');
    expect(html).toContain(
      '<tr><th scope="row">&lt;script&gt;</th><td><span aria-hidden="true">–</span><span class="govuk-visually-hidden">no figure</span></td><td>2</td><td class="n">14.1</td></tr>',
    );
    expect(html).not.toContain("<script>");
  });
});
