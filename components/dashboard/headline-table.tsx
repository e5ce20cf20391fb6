// The headline cards as one table (their twin): the same figures, with marker meanings in words.
import { PublishedFigure } from "@/components/authorities/published-figure";
import { Table } from "@/components/govuk";
import type { Card } from "@/lib/dashboard/build";
import { formatComputed } from "@/lib/dashboard/format";
import { ordinal } from "@/lib/dashboard/rank";

export function HeadlineTable({ cards, laName, regionName }: { cards: Card[]; laName: string; regionName: string }) {
  return (
    <Table
      caption={`Latest published figures for ${laName}, with England and ${regionName} for the same period`}
      captionSize="s"
      firstCellIsHeader
      head={["Indicator", "Period", laName, "Previous period", "England", regionName, "Neighbours median (computed)", "National rank"]}
      numericColumns={[2, 3, 4, 5, 6]}
      rows={cards.map((c) => [
        {
          text: (
            <>
              {c.meta.label}
              {c.latest?.jointReturnId ? <span className="block text-base font-normal text-govuk-secondary-text">joint return</span> : null}
            </>
          ),
        },
        c.periodText || "No figure published",
        { text: <PublishedFigure figure={c.latest} unit={c.meta.unit} explain />, numeric: true },
        {
          text: c.previous ? (
            <>
              <PublishedFigure figure={c.previous} unit={c.meta.unit} />
              <span className="block text-base text-govuk-secondary-text">{c.previous.periodText}</span>
            </>
          ) : (
            "–"
          ),
          numeric: true,
        },
        { text: <PublishedFigure figure={c.england} unit={c.meta.unit} explain />, numeric: true },
        { text: <PublishedFigure figure={c.region} unit={c.meta.unit} explain />, numeric: true },
        {
          text:
            c.neighbours && c.neighbours.median !== null
              ? `${formatComputed(c.neighbours.median, c.meta.decimals, c.meta.unit)} (${c.neighbours.counted} of ${c.neighbours.listed}${c.neighbourGrouping ? `; ${c.neighbourGrouping.model.label} grouping` : ""})`
              : "–",
          numeric: true,
        },
        c.rank
          ? `${c.rank.tied ? "joint " : ""}${ordinal(c.rank.rank)} of ${c.rank.of}${c.quartile ? ` — ${c.quartile.label}` : ""}`
          : "Not ranked",
      ])}
    />
  );
}
