// The LA's 10 statistical neighbours, nearest first, with DfE's closeness band and their latest published
// figures. Which grouping: the one in force when the chosen indicator's figure for the chosen year was
// published (decision 0021), or the one the reader picked — plain links switch between them, no
// JavaScript needed. A neighbour that no longer exists is named as such, with the last years it has
// figures for — never given numbers it does not have.
import { noFigureHtml, publishedFigureHtml } from "@/components/authorities/figure-html";
import { InsetText, Link, Paragraph, StaticTable } from "@/components/govuk";
import { escapeHtml, linkHtml, tableBodyHtml } from "@/components/govuk/html";
import { closenessLabel } from "@/lib/catalogue/neighbour-models";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { BY_PERIOD } from "@/lib/dashboard/neighbour-models";
import { periodLabel } from "@/lib/dashboard/periods";

type Props = { dashboard: Dashboard; year: number; hrefFor: (choice: string) => string };

type Neighbours = Dashboard["neighbours"]["rows"];
type Column = Dashboard["cards"][number]["meta"];

/**
 * The neighbours table's rows as one HTML string (components/govuk/html.ts): ten rows of every lead
 * indicator are ~900 elements, which as React elements travel a second time in the page's RSC payload.
 * Twin of the rows this table had as React content (tests/integration/neighbours-twin.test.ts).
 */
export function neighbourRowsHtml(rows: Neighbours, columns: readonly Column[]): string {
  return tableBodyHtml(
    rows.map((n) => [
      {
        html:
          `<span class="govuk-body-s mr-1 text-govuk-secondary-text">${n.rank}.</span>${linkHtml(`/la/${n.laNumber}`, n.name)}` +
          (n.abolished
            ? `<span class="block text-base font-normal" data-testid="abolished-neighbour">(abolished ${escapeHtml(formatIsoDate(n.abolished))}; no figures after ${escapeHtml(n.lastFigures ?? "its abolition")})</span>`
            : ""),
      },
      { html: escapeHtml(closenessLabel(n.band)) },
      ...n.latest.map((v) => ({
        html: v.figure
          ? publishedFigureHtml(v.figure, columns.find((m) => m.id === v.id)?.unit ?? "")
          : noFigureHtml(n.abolished ? "no figure: the authority no longer existed" : "no figure published"),
        numeric: true,
      })),
    ]),
    { firstCellIsHeader: true, numericColumns: columns.map((_, i) => i + 2) },
  );
}

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
      <StaticTable
        captionId="neighbours-caption"
        caption={`Statistical neighbours of ${la.name}${grouping ? ` (${grouping.model.label} grouping)` : ""}, nearest first, with their latest published figures`}
        captionSize="s"
        firstCellIsHeader
        head={["Neighbour", "Closeness", ...columns.map((m) => m.shortLabel)]}
        numericColumns={columns.map((_, i) => i + 2)}
        bodyHtml={neighbourRowsHtml(neighbours.rows, columns)}
      />
      <Paragraph size="s">
        Figures are for the latest period of each measure ({cards.map((c) => `${c.meta.shortLabel}: ${c.periodText || "none"}`).join("; ")}
        ). Closeness is DfE&apos;s band, nearest first: extremely close, very close, close, somewhat close, not close. Source: DfE
        statistical neighbour groupings{neighbours.models.length ? ` (${neighbours.models.map((m) => m.label).join(" and ")})` : ""}.
      </Paragraph>
    </>
  );
}
