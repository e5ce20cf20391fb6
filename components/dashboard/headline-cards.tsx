// One card per lead indicator: latest published figure and period, change since the previous period
// read through the measure's polarity, England / region / neighbour figures, national rank and quartile.
// The cards are sent as one HTML string (components/govuk/html.ts says why): 25+ cards of ~30 elements
// were a third of an LA dashboard's render (issue 19: `npm run bench:la-render` with the areas left out
// rendered in 9 ms instead of 26). Twin of the React markup it replaced, checked for every LA's cards
// in the published data in tests/integration/headline-cards-twin.test.ts.
import { publishedFigureHtml } from "@/components/authorities/figure-html";
import { escapeHtml, tagHtml } from "@/components/govuk/html";
import type { Card } from "@/lib/dashboard/build";
import { changeText, formatComputed } from "@/lib/dashboard/format";
import { ordinal } from "@/lib/dashboard/rank";
import { sparklineHtml } from "./sparkline";

/** How a change reads for each assessment: its arrows, colour and word. */
export const ASSESSMENT_STYLE: Record<string, { arrowUp: string; arrowDown: string; className: string; word: string }> = {
  better: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-success", word: "better" },
  worse: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-error", word: "worse" },
  neutral: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-secondary-text", word: "" },
  "no change": { arrowUp: "▶", arrowDown: "▶", className: "text-govuk-secondary-text", word: "" },
};

/** The change since the previous period, worded and coloured by the measure's polarity. */
function changeLineHtml(card: Card): string {
  if (!card.change || !card.previous) {
    return `<p class="govuk-body-s mb-2 text-govuk-secondary-text">No change shown: ${card.previous ? "a figure is suppressed" : "no figure for the previous period"}.</p>`;
  }
  const style = ASSESSMENT_STYLE[card.change.assessment]!;
  const arrow = card.change.direction === "up" ? style.arrowUp : card.change.direction === "down" ? style.arrowDown : "▶";
  return (
    `<p class="govuk-body-s mb-2 font-bold ${style.className}" data-assessment="${escapeHtml(card.change.assessment)}">` +
    `<span aria-hidden="true">${arrow} </span>${escapeHtml(changeText(card.change, card.meta.decimals, card.meta.unit))}` +
    `${style.word ? ` (${style.word})` : ""}<span class="font-normal text-govuk-secondary-text"> since ${escapeHtml(card.previous.periodText)}</span></p>`
  );
}

/** Beside a figure of an authority whose figures rest on small numbers (decision 0026). */
export function smallNumbersTagHtml(population: number): string {
  return `<span class="block" data-testid="small-numbers">${tagHtml("orange", "Small numbers")}<span class="govuk-body-s block text-govuk-secondary-text">Based on ${escapeHtml(population.toLocaleString("en-GB"))} children: one child can move this figure a long way.</span></span>`;
}

function neighboursHtml(card: Card): string {
  if (!card.neighbours || card.neighbours.median === null) return "–";
  const grouping = card.neighbourGrouping
    ? `<span class="block text-govuk-secondary-text" data-testid="card-grouping">${escapeHtml(card.neighbourGrouping.model.label)} grouping</span>`
    : "";
  return `${escapeHtml(formatComputed(card.neighbours.median, card.meta.decimals, card.meta.unit))}<span class="block text-govuk-secondary-text">${card.neighbours.counted} of ${card.neighbours.listed}</span>${grouping}`;
}

function rankHtml(card: Card): string {
  if (!card.rank) return "Not ranked";
  return `${card.rank.tied ? "joint " : ""}${ordinal(card.rank.rank)} of ${card.rank.of}<span class="block text-govuk-secondary-text">${card.meta.polarity === "HIGHER_IS_BETTER" ? "1st = highest" : "1st = lowest"}</span>`;
}

type CardsProps = {
  cards: Card[];
  regionName: string;
  hrefFor: (indicator: string) => string;
  /** the authority's child population when its figures rest on small numbers */
  smallNumbers: { population: number } | null;
};

/** The cards' list items, as escaped markup. */
export function headlineCardsHtml({ cards, regionName, hrefFor, smallNumbers }: CardsProps): string {
  const region = escapeHtml(regionName);
  return cards
    .map((card) => {
      const id = escapeHtml(card.meta.id);
      const unit = card.meta.unit;
      const heading = `<a href="${escapeHtml(hrefFor(card.meta.id))}" class="govuk-link">${escapeHtml(card.meta.label)}<span class="govuk-visually-hidden">: show trend and comparison</span></a>`;
      const quartileClass =
        card.quartile?.assessment === "better" ? "text-govuk-success" : card.quartile?.assessment === "worse" ? "text-govuk-error" : "";
      return (
        `<li id="card-${id}" class="border border-t-4 border-govuk-border border-t-govuk-blue bg-white p-4" data-indicator="${id}">` +
        `<h3 class="govuk-heading-s mb-1">${heading}</h3>` +
        `<p class="govuk-body-s mb-1 text-govuk-secondary-text">${escapeHtml(card.periodText || "No figure published")}</p>` +
        `<div class="flex items-end justify-between gap-2"><p class="govuk-heading-l mb-1" data-testid="card-value">${card.latest ? publishedFigureHtml(card.latest, unit) : "–"}</p>${sparklineHtml(card.spark)}</div>` +
        (smallNumbers && card.latest && card.latest.value !== null ? smallNumbersTagHtml(smallNumbers.population) : "") +
        (card.markerMeaning
          ? `<p class="govuk-body-s mb-2">Published as “${escapeHtml(card.latest?.marker ?? "")}”: ${escapeHtml(card.markerMeaning)}.</p>`
          : "") +
        (card.note ? `<p class="govuk-body-s mb-2">${escapeHtml(card.note)}</p>` : "") +
        (card.jointWith.length > 0
          ? `<p class="govuk-body-s mb-2">Joint return with ${escapeHtml(card.jointWith.join(" and "))}.</p>`
          : "") +
        changeLineHtml(card) +
        `<dl class="govuk-body-s mb-0 grid grid-cols-[auto_1fr] gap-x-3">` +
        `<dt>England</dt><dd class="m-0 text-right">${publishedFigureHtml(card.england, unit)}</dd>` +
        `<dt>${region}</dt><dd class="m-0 text-right">${publishedFigureHtml(card.region, unit)}</dd>` +
        `<dt>Neighbours median<span class="govuk-visually-hidden"> (computed by us)</span><span aria-hidden="true">*</span></dt><dd class="m-0 text-right">${neighboursHtml(card)}</dd>` +
        `<dt>National rank</dt><dd class="m-0 text-right" data-testid="card-rank">${rankHtml(card)}</dd></dl>` +
        (card.quartile
          ? `<p class="govuk-body-s mt-2 mb-0 font-bold ${quartileClass}" data-testid="card-quartile">${escapeHtml(card.quartile.label)}</p>`
          : "") +
        "</li>"
      );
    })
    .join("");
}

export function HeadlineCards({
  label,
  ...cards
}: CardsProps & {
  /** the list's accessible name, e.g. "Children in care indicators for Birmingham" */
  label: string;
}) {
  return (
    <ul
      className="mb-6 grid list-none gap-4 p-0 tablet:grid-cols-2 desktop:grid-cols-3"
      aria-label={label}
      dangerouslySetInnerHTML={{ __html: headlineCardsHtml(cards) }}
    />
  );
}
