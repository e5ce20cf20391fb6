// The one escaper writes what react-dom/server writes for text and attribute values, for every mix of
// the five special characters with ordinary text, at the start, middle and end, and for numbers.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/core/html-escape";

const PIECES = ["", "a", "Bury & Rochdale", "<b>", '"quoted"', "it's", ">", "&amp;", "é – “curly”", "\u0000", "😀"];

describe("escapeHtml", () => {
  it("escapes text and attribute values as React does", () => {
    for (const a of PIECES) {
      for (const b of PIECES) {
        for (const c of PIECES) {
          const text = a + b + c;
          expect(`<p>${escapeHtml(text)}</p>`, JSON.stringify(text)).toBe(renderToStaticMarkup(h("p", null, text)));
          expect(`<p title="${escapeHtml(text)}"></p>`, JSON.stringify(text)).toBe(renderToStaticMarkup(h("p", { title: text })));
        }
      }
    }
  });

  it("returns text with nothing to escape as it is, and writes numbers", () => {
    const plain = "Birmingham 330 E08000025";
    expect(escapeHtml(plain)).toBe(plain);
    expect(escapeHtml(12.5)).toBe("12.5");
    expect(escapeHtml("&&")).toBe("&amp;&amp;");
    expect(escapeHtml(`'"<>&`)).toBe("&#x27;&quot;&lt;&gt;&amp;");
  });
});
