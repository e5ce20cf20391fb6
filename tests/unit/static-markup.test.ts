// staticMarkup must write exactly what react-dom/server's renderToStaticMarkup writes for the same
// elements, rule by rule, and refuse what it does not know rather than write it differently.
import { Component, createElement as h, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { staticMarkup } from "@/components/govuk/static-markup";

const same = (node: ReactNode) => expect(staticMarkup(node)).toBe(renderToStaticMarkup(node as never));

function Card({ title, children }: { title: string; children?: ReactNode }) {
  return h("li", { className: "card" }, h("h3", null, title), children);
}
function Nothing() {
  return null;
}

describe("staticMarkup writes what react-dom/server writes", () => {
  it("text, numbers and escaping, with no separators between adjacent text", () => {
    same(h("p", null, "Tom & Jerry's <b>", 3, " of ", 10n, ' "quoted"'));
    same(h("p", null, "a", "b", null, undefined, false, true, "", 0));
    same(["x", ["y", ["z"]], 1.5]);
  });

  it("function components, fragments, nested arrays and keys", () => {
    same(
      h(
        "ul",
        { className: "govuk-list" },
        [1, 2].map((n) => h(Card, { key: n, title: `Card ${n}` }, h("p", null, n))),
        h(Fragment, null, h(Nothing), h("li", null, "last")),
      ),
    );
  });

  it("class, tabindex, data- and aria- attributes, booleans and numbers", () => {
    same(
      h(
        "div",
        {
          className: "a b",
          tabIndex: -1,
          id: "x<y",
          "data-flag": true,
          "data-off": false,
          "aria-hidden": true,
          "aria-label": 'It\'s "this"',
          title: 12,
          role: "region",
          hidden: true,
          translate: "no",
        },
        "x",
      ),
    );
    same(h("details", { open: false, className: "govuk-details" }, h("summary", null, "s")));
    same(h("details", { open: true }, "x"));
    same(h("div", { className: false, tabIndex: true, title: false, lang: undefined, dir: null }, "x"));
  });

  it("links and downloads", () => {
    same(h("a", { href: "/la/330?year=2025&grouping=2025#charts", className: "govuk-link" }, "Birmingham"));
    same(h("a", { href: "", download: true }, "Download"));
    same(h("a", { href: "/x.csv", download: "x.csv" }, "Download"));
    same(h("a", { href: "/x.csv", download: false }, "Download"));
  });

  it("tables: colSpan, rowSpan, scope, headers", () => {
    same(
      h(
        "table",
        { className: "govuk-table" },
        h("caption", null, "Caption"),
        h(
          "tbody",
          null,
          h("tr", null, h("th", { scope: "row", rowSpan: 2, colSpan: 3, headers: "a b" }, "Row"), h("td", { span: 0 }, "1")),
        ),
      ),
    );
  });

  it("SVG with aliased attributes, titles and text", () => {
    same(
      h(
        "svg",
        { viewBox: "0 0 10 10", role: "img", "aria-labelledby": "t d", className: "block", preserveAspectRatio: "none" },
        h("title", { id: "t" }, "Title & more"),
        h("title", null, [7]),
        h("desc", { id: "d" }, "Description"),
        h(
          "g",
          { strokeWidth: 2, strokeDasharray: "4 2", fillOpacity: 0.5, textAnchor: "end", dominantBaseline: "middle" },
          h("rect", { x: 0, y: 1.5, width: 3, height: 4, fill: "#1d70b8" }, h("title", null, `Bar: ${4}`)),
          h("line", { x1: 0, x2: 10, y1: 0, y2: 0, vectorEffect: "non-scaling-stroke" }),
          h("text", { x: 1, y: 2, fontSize: 12, fontWeight: "bold" }, "Label"),
          h("path", { d: "M0 0L1 1", strokeLinecap: "round" }),
        ),
      ),
    );
  });

  it("void elements and dangerouslySetInnerHTML", () => {
    same(h("p", null, "a", h("br"), "b", h("hr", { className: "x" })));
    same(h("div", { className: "cards", dangerouslySetInnerHTML: { __html: "<li>raw & kept</li>" } }));
    same(h("div", { dangerouslySetInnerHTML: { __html: null } }));
  });

  it("props React never writes", () => {
    same(h("div", { suppressHydrationWarning: true, defaultValue: "x", innerHTML: "<b>", key: "k" }, "x"));
  });
});

describe("staticMarkup refuses what it does not write as React does", () => {
  it.each([
    ["a form control", h("select", null, h("option", { value: "a" }, "A"))],
    ["an input", h("input", { name: "q" })],
    ["a title outside SVG", h("title", null, "Page")],
    ["an SVG title of several children (React writes it empty)", h("svg", null, h("title", null, "Bar: ", 4))],
    ["an image", h("img", { src: "/x.png", alt: "" })],
    ["a style attribute", h("div", { style: { color: "red" } })],
    ["an event handler", h("button", { onClick: () => undefined })],
    ["a javascript: URL", h("a", { href: " javascript:alert(1)" }, "x")],
    ["an async component", h((async () => h("p", null, "x")) as never)],
    ["a class component", h(class ClassComponent extends Component {} as never)],
    ["children and inner HTML together", h("div", { dangerouslySetInnerHTML: { __html: "x" } }, "y")],
    ["a plain object", h("p", null, { not: "a node" } as never)],
  ])("%s", (_what, node) => {
    expect(() => staticMarkup(node)).toThrow(/Cannot write this as static markup/);
  });

  it("a client component (a reference the React Server Components layer gives for a 'use client' module)", () => {
    const reference = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    expect(() => staticMarkup(h(reference))).toThrow(/client component/);
  });
});
