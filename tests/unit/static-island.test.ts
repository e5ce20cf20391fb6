// <StaticIsland> on the server: the markup registered under its token, written into the element once
// (the React Server Components payload carries only the token); nothing registered is an error, never
// a blank section. Its browser half (the markup read back from the page for hydration) is checked in
// Chromium: tests/e2e/dashboard.spec.ts.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { registerIsland } from "@/components/govuk/island-registry";
import { StaticIsland } from "@/components/govuk/static-island";

describe("a static island rendered on the server", () => {
  it("writes the markup registered under its token into its element, with the element's attributes", () => {
    registerIsland("t-1", '<h2 id="x">Ofsted &amp; more</h2><p>Text</p>');
    expect(
      renderToStaticMarkup(h(StaticIsland, { token: "t-1", id: "ofsted", as: "section", className: "mb-8", "aria-labelledby": "x" })),
    ).toBe(
      '<section id="ofsted" class="mb-8" aria-labelledby="x" data-island="t-1"><h2 id="x">Ofsted &amp; more</h2><p>Text</p></section>',
    );
    expect(renderToStaticMarkup(h(StaticIsland, { token: "t-1", id: "head" }))).toBe(
      '<div id="head" data-island="t-1"><h2 id="x">Ofsted &amp; more</h2><p>Text</p></div>',
    );
  });

  it("writes the markup it is given when the server renders for the browser alone, with nothing registered", () => {
    expect(renderToStaticMarkup(h(StaticIsland, { token: "t-2", id: "about", html: "<p>Given</p>" }))).toBe(
      '<div id="about" data-island="t-2"><p>Given</p></div>',
    );
  });

  it("refuses a token with nothing registered rather than leave the section empty", () => {
    expect(() => renderToStaticMarkup(h(StaticIsland, { token: "never-registered", id: "about" }))).toThrow(/nothing registered/);
  });
});
