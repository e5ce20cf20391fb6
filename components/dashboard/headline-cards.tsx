// One card per lead indicator: latest published figure and period, change since the previous period
// read through the measure's polarity, England / region / neighbour figures, national rank and quartile.
// Written as markup once per dashboard with the rest of its area's body (components/dashboard/
// published-parts.tsx, decision 0034), so React never sends or hydrates the cards' elements.
import { PublishedFigure } from "@/components/authorities/published-figure";
import { Link, Tag } from "@/components/govuk";
import type { Card } from "@/lib/dashboard/build";
import { changeText, formatComputed } from "@/lib/dashboard/format";
import { ordinal } from "@/lib/dashboard/rank";
import { Sparkline } from "./sparkline";

const ASSESSMENT_STYLE: Record<string, { arrowUp: string; arrowDown: string; className: string; word: string }> = {
  better: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-success", word: "better" },
  worse: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-error", word: "worse" },
  neutral: { arrowUp: "▲", arrowDown: "▼", className: "text-govuk-secondary-text", word: "" },
  "no change": { arrowUp: "▶", arrowDown: "▶", className: "text-govuk-secondary-text", word: "" },
};

function ChangeLine({ card }: { card: Card }) {
  if (!card.change || !card.previous) {
    return (
      <p className="govuk-body-s mb-2 text-govuk-secondary-text">
        No change shown: {card.previous ? "a figure is suppressed" : "no figure for the previous period"}.
      </p>
    );
  }
  const style = ASSESSMENT_STYLE[card.change.assessment]!;
  const arrow = card.change.direction === "up" ? style.arrowUp : card.change.direction === "down" ? style.arrowDown : "▶";
  return (
    <p className={`govuk-body-s mb-2 font-bold ${style.className}`} data-assessment={card.change.assessment}>
      <span aria-hidden="true">{arrow} </span>
      {changeText(card.change, card.meta.decimals, card.meta.unit)}
      {style.word ? ` (${style.word})` : ""}
      <span className="font-normal text-govuk-secondary-text"> since {card.previous.periodText}</span>
    </p>
  );
}

/** Beside a figure of an authority whose figures rest on small numbers (decision 0026). */
export function SmallNumbersTag({ population }: { population: number }) {
  return (
    <span className="block" data-testid="small-numbers">
      <Tag colour="orange">Small numbers</Tag>
      <span className="govuk-body-s block text-govuk-secondary-text">
        Based on {population.toLocaleString("en-GB")} children: one child can move this figure a long way.
      </span>
    </span>
  );
}

export function HeadlineCards({
  cards,
  regionName,
  hrefFor,
  label,
  smallNumbers,
}: {
  cards: Card[];
  regionName: string;
  hrefFor: (indicator: string) => string;
  /** the list's accessible name, e.g. "Children in care indicators for Birmingham" */
  label: string;
  /** the authority's child population when its figures rest on small numbers */
  smallNumbers: { population: number } | null;
}) {
  return (
    <ul className="mb-6 grid list-none gap-4 p-0 tablet:grid-cols-2 desktop:grid-cols-3" aria-label={label}>
      {cards.map((card) => (
        <li
          key={card.meta.id}
          id={`card-${card.meta.id}`}
          className="border border-t-4 border-govuk-border border-t-govuk-blue bg-white p-4"
          data-indicator={card.meta.id}
        >
          <h3 className="govuk-heading-s mb-1">
            <Link href={hrefFor(card.meta.id)} className="govuk-link">
              {card.meta.label}
              <span className="govuk-visually-hidden">: show trend and comparison</span>
            </Link>
          </h3>
          <p className="govuk-body-s mb-1 text-govuk-secondary-text">{card.periodText || "No figure published"}</p>
          <div className="flex items-end justify-between gap-2">
            <p className="govuk-heading-l mb-1" data-testid="card-value">
              {card.latest ? <PublishedFigure figure={card.latest} unit={card.meta.unit} /> : "–"}
            </p>
            <Sparkline points={card.spark} />
          </div>
          {smallNumbers && card.latest && card.latest.value !== null ? <SmallNumbersTag population={smallNumbers.population} /> : null}
          {card.markerMeaning ? (
            <p className="govuk-body-s mb-2">
              Published as “{card.latest?.marker}”: {card.markerMeaning}.
            </p>
          ) : null}
          {card.note ? <p className="govuk-body-s mb-2">{card.note}</p> : null}
          {card.jointWith.length > 0 ? <p className="govuk-body-s mb-2">Joint return with {card.jointWith.join(" and ")}.</p> : null}
          <ChangeLine card={card} />
          <dl className="govuk-body-s mb-0 grid grid-cols-[auto_1fr] gap-x-3">
            <dt>England</dt>
            <dd className="m-0 text-right">
              <PublishedFigure figure={card.england} unit={card.meta.unit} />
            </dd>
            <dt>{regionName}</dt>
            <dd className="m-0 text-right">
              <PublishedFigure figure={card.region} unit={card.meta.unit} />
            </dd>
            <dt>
              Neighbours median<span className="govuk-visually-hidden"> (computed by us)</span>
              <span aria-hidden="true">*</span>
            </dt>
            <dd className="m-0 text-right">
              {card.neighbours && card.neighbours.median !== null ? (
                <>
                  {formatComputed(card.neighbours.median, card.meta.decimals, card.meta.unit)}
                  <span className="block text-govuk-secondary-text">
                    {card.neighbours.counted} of {card.neighbours.listed}
                  </span>
                  {card.neighbourGrouping ? (
                    <span className="block text-govuk-secondary-text" data-testid="card-grouping">
                      {card.neighbourGrouping.model.label} grouping
                    </span>
                  ) : null}
                </>
              ) : (
                "–"
              )}
            </dd>
            <dt>National rank</dt>
            <dd className="m-0 text-right" data-testid="card-rank">
              {card.rank ? (
                <>
                  {card.rank.tied ? "joint " : ""}
                  {ordinal(card.rank.rank)} of {card.rank.of}
                  <span className="block text-govuk-secondary-text">
                    {card.meta.polarity === "HIGHER_IS_BETTER"
                      ? "1st = highest"
                      : card.meta.polarity === "NEUTRAL"
                        ? "1st = lowest"
                        : "1st = lowest"}
                  </span>
                </>
              ) : (
                "Not ranked"
              )}
            </dd>
          </dl>
          {card.quartile ? (
            <p
              className={`govuk-body-s mt-2 mb-0 font-bold ${card.quartile.assessment === "better" ? "text-govuk-success" : card.quartile.assessment === "worse" ? "text-govuk-error" : ""}`}
              data-testid="card-quartile"
            >
              {card.quartile.label}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
