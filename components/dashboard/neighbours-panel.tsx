// The LA's 10 statistical neighbours (DfE, April 2021 groupings), nearest first, with closeness and
// their latest published figures. A neighbour that no longer exists is named as such, with the last
// years it has figures for — never given numbers it does not have.
import { PublishedFigure } from "@/components/authorities/published-figure";
import { InsetText, Link, Paragraph, Table } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";

export function NeighboursPanel({ dashboard }: { dashboard: Dashboard }) {
  const { neighbours, la, cards } = dashboard;
  if (neighbours.rows.length === 0) {
    return (
      <Paragraph>
        DfE publishes no statistical neighbours for {la.name}
        {la.existsTo ? ", which no longer exists" : ""}.
      </Paragraph>
    );
  }
  const columns = cards.map((c) => c.meta);
  return (
    <>
      {neighbours.inheritedFrom ? (
        <InsetText>
          DfE&apos;s statistical neighbour groupings (April 2021) were made before {la.name} existed. These are the neighbours of{" "}
          <Link href={`/la/${neighbours.inheritedFrom.laNumber}`}>{neighbours.inheritedFrom.name}</Link>, the authority it replaced; DfE has
          not published a list for {la.name}.
        </InsetText>
      ) : null}
      <Table
        caption={`Statistical neighbours of ${la.name}, nearest first, with their latest published figures`}
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
          n.closeness,
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
        ). Closeness is DfE&apos;s label. Source: DfE statistical neighbour groupings, April 2021.
      </Paragraph>
    </>
  );
}
