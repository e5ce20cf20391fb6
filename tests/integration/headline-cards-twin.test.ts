// The headline cards of every LA dashboard, sent as one HTML string (components/dashboard/headline-cards.tsx),
// must be byte for byte what React rendered before from the same cards: checked for every authority's
// cards in the published data, in two views (each period's neighbour grouping, and one grouping for all).
import { createElement, Fragment, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublishedFigure } from "@/components/authorities/published-figure";
import { ASSESSMENT_STYLE, headlineCardsHtml } from "@/components/dashboard/headline-cards";
import { Sparkline } from "@/components/dashboard/sparkline";
import { Tag } from "@/components/govuk/tag";
import { buildDashboard, type Card } from "@/lib/dashboard/build";
import { changeText, formatComputed } from "@/lib/dashboard/format";
import { ordinal } from "@/lib/dashboard/rank";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import type { TestDatabase } from "./helpers";
import { loadedSnapshot } from "./snapshot-fixture";

let t: TestDatabase;
let s: Snapshot;
beforeAll(async () => ({ t, s } = await loadedSnapshot()));
afterAll(() => t.drop());

const h = createElement;

/** The change line as React rendered it (ChangeLine in components/dashboard/headline-cards.tsx before the twin). */
function reactChangeLine(card: Card): ReactNode {
  if (!card.change || !card.previous)
    return h(
      "p",
      { className: "govuk-body-s mb-2 text-govuk-secondary-text" },
      "No change shown: ",
      card.previous ? "a figure is suppressed" : "no figure for the previous period",
      ".",
    );
  const style = ASSESSMENT_STYLE[card.change.assessment]!;
  const arrow = card.change.direction === "up" ? style.arrowUp : card.change.direction === "down" ? style.arrowDown : "▶";
  return h(
    "p",
    { className: `govuk-body-s mb-2 font-bold ${style.className}`, "data-assessment": card.change.assessment },
    h("span", { "aria-hidden": "true" }, arrow, " "),
    changeText(card.change, card.meta.decimals, card.meta.unit),
    style.word ? ` (${style.word})` : "",
    h("span", { className: "font-normal text-govuk-secondary-text" }, " since ", card.previous.periodText),
  );
}

/** The cards' list items as React rendered them (HeadlineCards before the twin). */
function reactCards(cards: Card[], regionName: string, hrefFor: (id: string) => string, smallNumbers: { population: number } | null) {
  const dd = (children: ReactNode, testId?: string) => h("dd", { className: "m-0 text-right", "data-testid": testId }, children);
  return h(
    Fragment,
    null,
    cards.map((card) =>
      h(
        "li",
        {
          key: card.meta.id,
          id: `card-${card.meta.id}`,
          className: "border border-t-4 border-govuk-border border-t-govuk-blue bg-white p-4",
          "data-indicator": card.meta.id,
        },
        h(
          "h3",
          { className: "govuk-heading-s mb-1" },
          h(
            "a",
            { href: hrefFor(card.meta.id), className: "govuk-link" },
            card.meta.label,
            h("span", { className: "govuk-visually-hidden" }, ": show trend and comparison"),
          ),
        ),
        h("p", { className: "govuk-body-s mb-1 text-govuk-secondary-text" }, card.periodText || "No figure published"),
        h(
          "div",
          { className: "flex items-end justify-between gap-2" },
          h(
            "p",
            { className: "govuk-heading-l mb-1", "data-testid": "card-value" },
            card.latest ? h(PublishedFigure, { figure: card.latest, unit: card.meta.unit }) : "–",
          ),
          h(Sparkline, { points: card.spark }),
        ),
        smallNumbers && card.latest && card.latest.value !== null
          ? h(
              "span",
              { className: "block", "data-testid": "small-numbers" },
              h(Tag, { colour: "orange", children: "Small numbers" }),
              h(
                "span",
                { className: "govuk-body-s block text-govuk-secondary-text" },
                "Based on ",
                smallNumbers.population.toLocaleString("en-GB"),
                " children: one child can move this figure a long way.",
              ),
            )
          : null,
        card.markerMeaning
          ? h("p", { className: "govuk-body-s mb-2" }, "Published as “", card.latest?.marker, "”: ", card.markerMeaning, ".")
          : null,
        card.note ? h("p", { className: "govuk-body-s mb-2" }, card.note) : null,
        card.jointWith.length > 0
          ? h("p", { className: "govuk-body-s mb-2" }, "Joint return with ", card.jointWith.join(" and "), ".")
          : null,
        reactChangeLine(card),
        h(
          "dl",
          { className: "govuk-body-s mb-0 grid grid-cols-[auto_1fr] gap-x-3" },
          h("dt", null, "England"),
          dd(h(PublishedFigure, { figure: card.england, unit: card.meta.unit })),
          h("dt", null, regionName),
          dd(h(PublishedFigure, { figure: card.region, unit: card.meta.unit })),
          h(
            "dt",
            null,
            "Neighbours median",
            h("span", { className: "govuk-visually-hidden" }, " (computed by us)"),
            h("span", { "aria-hidden": "true" }, "*"),
          ),
          dd(
            card.neighbours && card.neighbours.median !== null
              ? h(
                  Fragment,
                  null,
                  formatComputed(card.neighbours.median, card.meta.decimals, card.meta.unit),
                  h("span", { className: "block text-govuk-secondary-text" }, card.neighbours.counted, " of ", card.neighbours.listed),
                  card.neighbourGrouping
                    ? h(
                        "span",
                        { className: "block text-govuk-secondary-text", "data-testid": "card-grouping" },
                        card.neighbourGrouping.model.label,
                        " grouping",
                      )
                    : null,
                )
              : "–",
          ),
          h("dt", null, "National rank"),
          dd(
            card.rank
              ? h(
                  Fragment,
                  null,
                  card.rank.tied ? "joint " : "",
                  ordinal(card.rank.rank),
                  " of ",
                  card.rank.of,
                  h(
                    "span",
                    { className: "block text-govuk-secondary-text" },
                    card.meta.polarity === "HIGHER_IS_BETTER" ? "1st = highest" : "1st = lowest",
                  ),
                )
              : "Not ranked",
            "card-rank",
          ),
        ),
        card.quartile
          ? h(
              "p",
              {
                className: `govuk-body-s mt-2 mb-0 font-bold ${card.quartile.assessment === "better" ? "text-govuk-success" : card.quartile.assessment === "worse" ? "text-govuk-error" : ""}`,
                "data-testid": "card-quartile",
              },
              card.quartile.label,
            )
          : null,
      ),
    ),
  );
}

const hrefFor = (id: string) => `/la/330?indicator=${id}&year=2025#charts`;

describe("the headline cards as one string", () => {
  it("are what React rendered, for every authority's cards in the published data", () => {
    const models = s.neighbourModels.map((m) => m.id).sort();
    expect(models.length).toBeGreaterThan(0);
    const seen = { cards: 0, markers: 0, small: 0, grouping: 0, quartile: 0, noChange: 0, joint: 0, notes: 0 };
    for (const laNumber of [...s.authorities.keys()].sort()) {
      for (const grouping of [undefined, models.at(-1)]) {
        const d = buildDashboard(s, laNumber, {
          indicator: "agency_rate_fte",
          comparator: "median",
          year: 2024,
          ...(grouping ? { grouping } : {}),
        });
        const small = d.smallNumbers ? { population: d.smallNumbers.population } : null;
        for (const area of d.areas) {
          const html = headlineCardsHtml({ cards: area.cards, regionName: d.la.regionName, hrefFor, smallNumbers: small });
          expect(html, `${laNumber} ${area.id} ${grouping ?? "by period"}`).toBe(
            renderToStaticMarkup(reactCards(area.cards, d.la.regionName, hrefFor, small)),
          );
          for (const c of area.cards) {
            seen.cards++;
            if (c.markerMeaning) seen.markers++;
            if (small && c.latest?.value != null) seen.small++;
            if (c.neighbourGrouping) seen.grouping++;
            if (c.quartile) seen.quartile++;
            if (!c.change) seen.noChange++;
            if (c.jointWith.length) seen.joint++;
            if (c.note) seen.notes++;
          }
        }
      }
    }
    // the published data exercises every branch of a card
    for (const [branch, count] of Object.entries(seen)) expect(count, branch).toBeGreaterThan(0);
  });

  it("also with text that needs escaping (made here)", () => {
    const d = buildDashboard(s, "330", { indicator: "agency_rate_fte", comparator: "median", year: 2024 });
    const card = d.areas[0]!.cards[0]!;
    const edited = [{ ...card, meta: { ...card.meta, label: `A <b>"label"</b> & 'more'` }, note: "x < y & z", jointWith: [`O'Brien <&>`] }];
    const html = headlineCardsHtml({
      cards: edited,
      regionName: `North & "East"`,
      hrefFor: (id) => `/la/330?a=1&b=<${id}>`,
      smallNumbers: null,
    });
    expect(html).toBe(renderToStaticMarkup(reactCards(edited, `North & "East"`, (id) => `/la/330?a=1&b=<${id}>`, null)));
    expect(html).toContain("A &lt;b&gt;&quot;label&quot;&lt;/b&gt; &amp; &#x27;more&#x27;");
  });
});
