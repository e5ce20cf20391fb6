// One Ofsted area of the board pack: its headline indicators as at the pack's date, each with England,
// the region and the statistical neighbours' median for the same period, the change since the period
// before (with its unit, read through the indicator's polarity) and a small server-drawn trend.
import { PublishedFigure } from "@/components/authorities/published-figure";
import { Sparkline } from "@/components/dashboard/sparkline";
import { Paragraph, StaticTable } from "@/components/govuk";
import type { AreaCards } from "@/lib/board-pack/as-at";
import type { Card } from "@/lib/dashboard/build";
import { changeText, formatComputed } from "@/lib/dashboard/format";
import { periodShort } from "@/lib/dashboard/periods";

function changeCell(c: Card): string {
  if (!c.change || !c.previous) return "–";
  const text = changeText(c.change, c.meta.decimals, c.meta.unit);
  const judged = c.change.assessment === "better" || c.change.assessment === "worse" ? ` (${c.change.assessment})` : "";
  return `${text}${judged} since ${c.previous.periodText}`;
}

function trendText(c: Card): string {
  const shown = c.spark.filter((p) => p.value !== null);
  if (shown.length < 2) return "Not enough figures for a trend";
  return `Trend: ${shown.map((p) => `${periodShort(c.meta.series, p.period)} ${formatComputed(p.value, c.meta.decimals, c.meta.unit)}`).join(", ")}`;
}

export function AreaIndicators({ area, laName, regionName }: { area: AreaCards; laName: string; regionName: string }) {
  const id = `area-${area.id}`;
  return (
    <section aria-labelledby={id} className="board-pack-section board-pack-area">
      <h2 id={id} className="govuk-heading-l">
        {area.label}
      </h2>
      <Paragraph size="s">{area.description}</Paragraph>
      <StaticTable
        captionId={`${id}-caption`}
        caption={`${area.label}: ${laName}'s latest figures with England, ${regionName} and its statistical neighbours`}
        captionSize="s"
        firstCellIsHeader
        head={["Indicator", laName, "Change", "England", regionName, "Neighbours' median (computed)", "Trend"]}
        numericColumns={[1, 3, 4, 5]}
        rows={area.cards.map((c) => [
          {
            text: (
              <>
                {c.meta.label}
                <span className="block font-normal text-govuk-secondary-text">{c.periodText || "No figure published"}</span>
              </>
            ),
          },
          { text: <PublishedFigure figure={c.latest} unit={c.meta.unit} explain />, numeric: true },
          changeCell(c),
          { text: <PublishedFigure figure={c.england} unit={c.meta.unit} explain />, numeric: true },
          { text: <PublishedFigure figure={c.region} unit={c.meta.unit} explain />, numeric: true },
          {
            text:
              c.neighbours && c.neighbours.median !== null
                ? `${formatComputed(c.neighbours.median, c.meta.decimals, c.meta.unit)} (${c.neighbours.counted} of ${c.neighbours.listed})`
                : "–",
            numeric: true,
          },
          {
            text: (
              <>
                <Sparkline points={c.spark} />
                <span className="govuk-visually-hidden">{trendText(c)}</span>
              </>
            ),
          },
        ])}
      />
    </section>
  );
}
