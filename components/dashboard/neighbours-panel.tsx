// The LA's 10 statistical neighbours, nearest first, with DfE's closeness band and their latest published
// figures. Which grouping: the one in force when the chosen indicator's figure for the chosen year was
// published (decision 0021), or the one the reader picked — plain links switch between them, no
// JavaScript needed. A neighbour that no longer exists is named as such, with the last years it has
// figures for — never given numbers it does not have.
import { PublishedFigure } from "@/components/authorities/published-figure";
import { InsetText, Link, Paragraph, Table } from "@/components/govuk";
import { closenessLabel } from "@/lib/catalogue/neighbour-models";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { BY_PERIOD } from "@/lib/dashboard/neighbour-models";
import { periodLabel } from "@/lib/dashboard/periods";

type Props = { dashboard: Dashboard; year: number; hrefFor: (choice: string) => string };

export function NeighboursPanel({ dashboard, year, hrefFor }: Props) {
  const { neighbours, la, cards, trend } = dashboard;
  const { grouping } = neighbours;
  const switcher =
    neighbours.models.length > 1 ? (
      <nav aria-label="Switch neighbour groupings" className="govuk-body-s" data-testid="grouping-switch">
        Compare with:{" "}
        {[{ id: BY_PERIOD, label: "the grouping in force when each figure was published" }, ...neighbours.models].map((m, i) => (
          <span key={m.id}>
            {i > 0 ? " · " : null}
            {m.id === neighbours.choice ? (
              <strong aria-current="true">{m.id === BY_PERIOD ? m.label : `${m.label} grouping`}</strong>
            ) : (
              <Link href={hrefFor(m.id)}>{m.id === BY_PERIOD ? m.label : `${m.label} grouping`}</Link>
            )}
          </span>
        ))}
      </nav>
    ) : null;
  if (neighbours.rows.length === 0) {
    return (
      <>
        <Paragraph>
          DfE publishes no statistical neighbours for {la.name}
          {la.existsTo ? ", which no longer exists" : ""}
          {grouping ? ` in its ${grouping.model.label} grouping` : ""}.
        </Paragraph>
        {switcher}
      </>
    );
  }
  const columns = cards.map((c) => c.meta);
  const which = grouping
    ? grouping.chosen
      ? `DfE's ${grouping.model.label} grouping, as you chose.`
      : `DfE's ${grouping.model.label} grouping: the one in force when the ${trend.meta.shortLabel.toLowerCase()} figures for ${periodLabel(trend.meta.series, year)} were published${grouping.beforeFirst ? " — or rather the earliest held, as those figures were published before it" : ""}.`
    : "";
  return (
    <>
      <Paragraph size="s">
        <span data-testid="neighbour-grouping">{which}</span> Each figure on this page is compared with the grouping in force when it was
        published, unless you choose one.
      </Paragraph>
      {switcher}
      {neighbours.inheritedFrom ? (
        <InsetText>
          DfE&apos;s {grouping?.model.label ?? ""} statistical neighbour grouping was made before {la.name} existed. These are the
          neighbours of <Link href={`/la/${neighbours.inheritedFrom.laNumber}`}>{neighbours.inheritedFrom.name}</Link>, the authority it
          replaced; that grouping has no list for {la.name}.
        </InsetText>
      ) : null}
      <Table
        caption={`Statistical neighbours of ${la.name}${grouping ? ` (${grouping.model.label} grouping)` : ""}, nearest first, with their latest published figures`}
        captionSize="s"
        firstCellIsHeader
        head={["Neighbour", "Closeness", ...columns.map((m) => m.shortLabel)]}
        numericColumns={columns.map((_, i) => i + 2)}
        rows={neighbours.rows.map((n) => [
          {
            text: (
              <>
                <span className="govuk-body-s mr-1 text-govuk-secondary-text">{n.rank}.</span>
                <Link href={`/la/${n.laNumber}`}>{n.name}</Link>
                {n.abolished ? (
                  <span className="block text-base font-normal" data-testid="abolished-neighbour">
                    (abolished {formatIsoDate(n.abolished)}; no figures after {n.lastFigures ?? "its abolition"})
                  </span>
                ) : null}
              </>
            ),
          },
          closenessLabel(n.band),
          ...n.latest.map((v) => ({
            text: v.figure ? (
              <PublishedFigure figure={v.figure} unit={columns.find((m) => m.id === v.id)?.unit ?? ""} />
            ) : (
              <>
                <span aria-hidden="true">–</span>
                <span className="govuk-visually-hidden">
                  {n.abolished ? "no figure: the authority no longer existed" : "no figure published"}
                </span>
              </>
            ),
            numeric: true,
          })),
        ])}
      />
      <Paragraph size="s">
        Figures are for the latest period of each measure ({cards.map((c) => `${c.meta.shortLabel}: ${c.periodText || "none"}`).join("; ")}
        ). Closeness is DfE&apos;s band, nearest first: extremely close, very close, close, somewhat close, not close. Source: DfE
        statistical neighbour groupings{neighbours.models.length ? ` (${neighbours.models.map((m) => m.label).join(" and ")})` : ""}.
      </Paragraph>
    </>
  );
}
